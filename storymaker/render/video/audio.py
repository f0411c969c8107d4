"""The soundtrack: narration clips placed on the timeline, music ducked under the voice,
and the mix normalised to -16 LUFS integrated with true peaks under -1 dBTP.

pydub reads the clips (each already has 5-10 ms fades, so no joins click) and decodes the
music (once: the decoded samples are cached); numpy places them sample-accurately and
shapes the music's gain; :mod:`loudness` sets the level; FFmpeg encodes AAC.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError

from ...errors import RenderError
from ...model import Problem
from . import cache
from .loudness import normalise
from .plan import TimedSlide

RATE = 48000


def soundtrack(timed: tuple[TimedSlide, ...], seconds: float, music: Path | None, settings: dict,
               cache_dir: Path, story_key: str) -> Path:
    """The finished soundtrack for a story, AAC 48 kHz stereo (cached by content)."""
    placed = [(c.wav, round((ts.voice_start + c.offset) * RATE)) for ts in timed for c in ts.clips]
    digest = cache.file_digest(music) if music else ""
    out = cache_dir / "audio" / f"{cache.key('mix', placed, seconds, digest, settings)}.wav"
    fresh = not out.is_file()
    if fresh:
        mix = _voice(placed, round(seconds * RATE))
        if music:
            spans = [(at, at + round(c.duration * RATE)) for (_, at), c in zip(placed, (c for ts in timed for c in ts.clips))]
            mix += _ducked(_music(music, len(mix), cache_dir, story_key), spans, settings)
        level = normalise(mix, RATE, float(settings.get("loudness_lufs", -16)), float(settings.get("true_peak_db", -1.5)))
        pcm = (np.clip(level, -1, 32767 / 32768) * 32768).round().astype("<i2")
        with cache.atomic(out) as tmp:
            AudioSegment(pcm.tobytes(), frame_rate=RATE, sample_width=2, channels=2).export(tmp, format="wav")
    cache.STATS.count("audio", fresh)
    return _aac(out)


def _aac(wav: Path) -> Path:
    """The soundtrack as AAC 48 kHz stereo, encoded once (the slow part of muxing) while video encodes."""
    out = wav.with_suffix(".m4a")
    if not out.is_file():
        with cache.atomic(out) as tmp:
            run = subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-c:a", "aac", "-aac_coder", "fast",
                                  "-b:a", "160k", "-ar", str(RATE), "-ac", "2", "-f", "mp4", str(tmp)],
                                 capture_output=True, text=True)
            if run.returncode:
                raise RenderError(f"ffmpeg could not encode the soundtrack: {run.stderr.strip()[-200:]}")
    return out


def _samples(seg: AudioSegment) -> np.ndarray:
    """n x 2 float32 in -1..1."""
    seg = seg.set_frame_rate(RATE).set_channels(2).set_sample_width(2)
    return np.frombuffer(seg.raw_data, dtype="<i2").reshape(-1, 2).astype(np.float32) / 32768


def _voice(placed: list[tuple[str, int]], length: int) -> np.ndarray:
    track = np.zeros((length, 2), dtype=np.float32)
    for wav, at in placed:
        clip = _samples(AudioSegment.from_wav(wav))[: max(0, length - at)]
        track[at:at + len(clip)] += clip
    return track


def _music(path: Path, length: int, cache_dir: Path, story_key: str) -> np.ndarray:
    """The music decoded (cached as .npy), looped to ``length`` samples, faded in and out."""
    decoded = cache_dir / "audio" / f"music-{cache.file_digest(path)}.npy"
    if decoded.is_file():
        music = np.load(decoded)
    else:
        try:
            music = _samples(AudioSegment.from_file(path))
        except (CouldntDecodeError, OSError, IndexError):
            raise RenderError(Problem(str(path), 0, f"story {story_key}: cannot read the background music; "
                                      "replace it with a valid OGG/MP3/WAV or remove video: music")) from None
        if len(music) < RATE // 10:
            raise RenderError(Problem(str(path), 0, f"story {story_key}: the background music is empty; replace it"))
        with cache.atomic(decoded) as tmp:
            with open(tmp, "wb") as f:
                np.save(f, music)
    looped = np.tile(music, (length // len(music) + 1, 1))[:length].copy()
    fade_in, fade_out = min(length, RATE), min(length, 2 * RATE)
    looped[:fade_in] *= np.linspace(0, 1, fade_in, dtype=np.float32)[:, None]
    looped[length - fade_out:] *= np.linspace(1, 0, fade_out, dtype=np.float32)[:, None]
    return looped


def _ducked(music: np.ndarray, spans: list[tuple[int, int]], settings: dict) -> np.ndarray:
    """Music at ``music_gain_db``, a further ``duck_db`` down while anyone speaks, with smooth ramps."""
    ms = len(music) * 1000 // RATE + 1
    active = np.zeros(ms, dtype=np.float32)
    for a, b in spans:
        active[max(0, a * 1000 // RATE - 150):min(ms, b * 1000 // RATE + 150)] = 1.0
    ramp = max(1, int(float(settings.get("duck_ramp", 0.35)) * 1000))
    smooth = np.convolve(active, np.ones(ramp, dtype=np.float32) / ramp, mode="same")
    gain_db = float(settings.get("music_gain_db", -20)) + float(settings.get("duck_db", -12)) * smooth
    per_sample = np.repeat(10 ** (gain_db / 20), RATE // 1000).astype(np.float32)[: len(music)]
    return music * per_sample[:, None]
