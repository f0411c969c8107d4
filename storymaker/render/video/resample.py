"""Every change of sample rate goes through soxr (the SoX resampler), never interpolation.

Narration arrives at 22.05 kHz (espeak-ng, piper) or 24 kHz (hibari), music and recordings
at whatever rate they were made; the soundtrack is 48 kHz stereo. Simple interpolation leaves
images of the speech above 11 kHz, heard as hiss; soxr's band-limited filter does not.
"""
from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import soxr
from pydub import AudioSegment

RATE = 48000


def stereo_48k(seg: AudioSegment) -> np.ndarray:
    """Any decoded audio as n x 2 float32 samples in -1..1 at 48 kHz."""
    width = seg.sample_width
    raw = np.frombuffer(seg.raw_data, dtype={1: "i1", 2: "<i2", 4: "<i4"}.get(width, "<i2"))
    if width == 3:  # 24-bit: let pydub widen it to 32 first
        seg = seg.set_sample_width(4)
        raw, width = np.frombuffer(seg.raw_data, dtype="<i4"), 4
    samples = raw.reshape(-1, seg.channels).astype(np.float32) / float(1 << (8 * width - 1))
    return to_48k(samples, seg.frame_rate)


def to_48k(samples: np.ndarray, rate: int) -> np.ndarray:
    """n x channels float32 at ``rate`` -> n x 2 float32 at 48 kHz (mono is copied to both sides)."""
    if samples.ndim == 1:
        samples = samples[:, None]
    if samples.shape[1] == 1:
        samples = np.repeat(samples, 2, axis=1)
    elif samples.shape[1] > 2:
        samples = samples[:, :2]
    if rate != RATE and len(samples):
        samples = soxr.resample(samples, rate, RATE, quality="HQ")
    return np.ascontiguousarray(samples, dtype=np.float32)


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> None:
    """n x 2 float32 as a 16-bit stereo WAV."""
    pcm = (np.clip(samples, -1, 32767 / 32768) * 32768).round().astype("<i2")
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(samples.shape[1] if samples.ndim == 2 else 1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm.tobytes())
