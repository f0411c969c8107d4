"""The soundtrack: narration clips placed on the timeline, music as a bed under the voice,
and the mix normalised to -16 LUFS integrated with true peaks limited to -1.5 dBTP (the
theme's ``audio:`` settings), which leaves room for the AAC encoder to stay under -1 dBTP.

pydub reads the clips (each already has 5-10 ms fades, so no joins click) and decodes the
music (once: the decoded samples are cached); numpy places them sample-accurately and
shapes the music's gain; :mod:`loudness` sets the level; FFmpeg encodes AAC from a pipe,
in parallel parts (see :func:`encode_aac`), while the video segments encode. The finished AAC is
cached by what went into the mix.
"""
from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError

from ...assets.settings import Audio
from ...errors import RenderError
from ...model import Problem
from . import cache
from .cache import Cache
from .loudness import integrated_loudness, normalise
from .plan import TimedSlide
from .resample import stereo_48k

RATE = 48000


def soundtrack(timed: tuple[TimedSlide, ...], seconds: float, music: Path | None, settings: Audio,
               store: Cache, story_key: str) -> Path:
    """The finished soundtrack for a story: an ADTS AAC stream, 48 kHz stereo (cached by content)."""
    placed = [(c.wav, round((ts.voice_start + c.offset) * RATE)) for ts in timed for c in ts.clips]
    digest = cache.file_digest(music) if music else ""

    def make(tmp: Path) -> None:
        mix = _voice(placed, round(seconds * RATE))
        if music:
            spans = [(at, at + round(c.duration * RATE)) for (_, at), c in zip(placed, (c for ts in timed for c in ts.clips))]
            mix += music_bed(mix, _music(music, len(mix), store, story_key), spans, settings)
        level = normalise(mix, RATE, settings.loudness_lufs, settings.true_peak_db)
        encode_aac((np.clip(level, -1, 32767 / 32768) * 32768).round().astype("<i2"), tmp)
    return store.file(store.folder / "audio" / f"{cache.key('mix', placed, seconds, digest, settings)}.aac", make, "audio")


def encode_aac(pcm: np.ndarray, out: Path, parts: int | None = None) -> None:
    """16-bit stereo samples as an ADTS AAC stream (48 kHz stereo), encoded in parallel parts.

    FFmpeg's AAC encoder runs on one core at about 2% of real time, the longest single step
    of a rebuild, so a long track is cut at quiet moments into one part per core. Each part
    is encoded with ``OVERLAP`` frames of the neighbouring audio either side, and the
    packets are spliced where the parts meet: AAC packets decode independently apart from
    the overlap of neighbouring transforms, which both parts encode from the same samples.
    (``tests/test_video_loudness.py`` checks the splice against a single encode.)
    The stream begins with the encoder's ``PRIMING`` samples; :func:`encode.join` hides
    them with an edit list, as FFmpeg does for its own MP4 files.
    """
    plan = aac_parts(pcm, parts or os.cpu_count() or 1)
    with ThreadPoolExecutor(len(plan)) as pool:
        encoded = list(pool.map(lambda p: _adts(pcm[p[0] * FRAME:None if p[1] is None else p[1] * FRAME]), plan))
    with open(out, "wb") as f:
        for (_, _, keep_from, keep_to), stream in zip(plan, encoded):
            packets = adts_packets(stream)
            f.write(b"".join(packets[keep_from:len(packets) if keep_to is None else keep_to]))


FRAME = 1024  # samples per AAC packet
PRIMING = 1024  # samples FFmpeg's AAC encoder emits before the audio
OVERLAP = 2  # packets each part encodes beyond its cut on either side
MIN_PART = 15 * RATE  # samples: shorter tracks are encoded in one go


def aac_parts(pcm: np.ndarray, count: int) -> list[tuple[int, int | None, int, int | None]]:
    """Up to ``count`` parts of at least ``MIN_PART`` samples, each as (first frame, end frame
    or None, first packet kept, end packet or None)."""
    frames, count = len(pcm) // FRAME, min(count, len(pcm) // MIN_PART)
    if count < 2:
        return [(0, None, 0, None)]
    level = np.square(pcm[:frames * FRAME].astype(np.float32)).reshape(frames, -1).sum(axis=1)
    reach = frames // (4 * count)
    cuts = []
    for i in range(1, count):
        middle = frames * i // count
        cuts.append(middle - reach + int(np.argmin(level[middle - reach:middle + reach])))  # a quiet moment
    bounds = [0, *cuts, None]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        lo = a - OVERLAP if a else 0
        # packet k of a part decodes to its samples [(k - 1) * FRAME, k * FRAME): keep from the cut on
        out.append((lo, None if b is None else b + OVERLAP, a - lo + 1 if a else 0, None if b is None else b - lo + 1))
    return out


def _adts(pcm: np.ndarray) -> bytes:
    run = subprocess.run(["ffmpeg", "-v", "error", "-f", "s16le", "-ar", str(RATE), "-ac", "2", "-i", "pipe:0",
                          "-c:a", "aac", "-aac_coder", "fast", "-b:a", "160k", "-f", "adts", "pipe:1"],
                         input=pcm.tobytes(), capture_output=True)
    if run.returncode:
        raise RenderError(f"ffmpeg could not encode the soundtrack: {run.stderr.decode(errors='replace').strip()[-200:]}")
    return run.stdout


def adts_packets(stream: bytes) -> list[bytes]:
    """The packets of an ADTS stream, each with its 7-byte header."""
    packets, at = [], 0
    while at + 7 <= len(stream):
        if stream[at] != 0xFF or stream[at + 1] & 0xF6 != 0xF0:
            raise RenderError(f"ffmpeg wrote an unexpected AAC stream (no ADTS header at byte {at})")
        size = (stream[at + 3] & 0x03) << 11 | stream[at + 4] << 3 | stream[at + 5] >> 5
        packets.append(stream[at:at + size])
        at += size
    return packets


def _samples(seg: AudioSegment) -> np.ndarray:
    """n x 2 float32 in -1..1 at 48 kHz (resampled with soxr)."""
    return stereo_48k(seg)


def _voice(placed: list[tuple[str, int]], length: int) -> np.ndarray:
    track = np.zeros((length, 2), dtype=np.float32)
    for wav, at in placed:
        clip = _samples(AudioSegment.from_wav(wav))[: max(0, length - at)]
        track[at:at + len(clip)] += clip
    return track


def _decoded(path: Path, story_key: str, out: Path) -> None:
    try:
        music = _samples(AudioSegment.from_file(path))
    except (CouldntDecodeError, OSError, IndexError):
        raise RenderError(Problem(str(path), 0, f"story {story_key}: cannot read the background music; "
                                  "replace it with a valid OGG/MP3/WAV or remove video: music")) from None
    if len(music) < RATE // 10:
        raise RenderError(Problem(str(path), 0, f"story {story_key}: the background music is empty; replace it"))
    with open(out, "wb") as f:
        np.save(f, music)


def _music(path: Path, length: int, store: Cache, story_key: str) -> np.ndarray:
    """The music decoded (cached as .npy), looped to ``length`` samples, faded in and out."""
    decoded = store.folder / "audio" / f"music-{cache.file_digest(path)}.npy"
    music = np.load(store.file(decoded, lambda tmp: _decoded(path, story_key, tmp), "music"))
    looped = np.tile(music, (length // len(music) + 1, 1))[:length].copy()
    fade_in, fade_out = min(length, RATE), min(length, 2 * RATE)
    looped[:fade_in] *= np.linspace(0, 1, fade_in, dtype=np.float32)[:, None]
    looped[length - fade_out:] *= np.linspace(1, 0, fade_out, dtype=np.float32)[:, None]
    return looped


def music_bed(voice: np.ndarray, music: np.ndarray, spans: list[tuple[int, int]], settings: Audio) -> np.ndarray:
    """The music set against the voice: ``music_under_voice_db`` below the voice's loudness while anyone
    speaks, rising by ``duck_db`` in the pauses, with smooth ramps (both levels in LU, BS.1770)."""
    voice_lufs, music_lufs = integrated_loudness(voice, RATE), integrated_loudness(music, RATE)
    if not np.isfinite(music_lufs):
        return music  # silent music: nothing to set
    voice_lufs = voice_lufs if np.isfinite(voice_lufs) else settings.loudness_lufs
    ms = len(music) * 1000 // RATE + 1
    active = np.zeros(ms, dtype=np.float32)
    for a, b in spans:
        active[max(0, a * 1000 // RATE - 150):min(ms, b * 1000 // RATE + 150)] = 1.0
    ramp = max(1, int(settings.duck_ramp * 1000))
    smooth = np.convolve(active, np.ones(ramp, dtype=np.float32) / ramp, mode="same")
    under = voice_lufs + settings.music_under_voice_db - music_lufs
    gain_db = under + abs(settings.duck_db) * (1 - smooth)
    per_sample = np.repeat(10 ** (gain_db / 20), RATE // 1000).astype(np.float32)[: len(music)]
    return music * per_sample[:, None]
