"""The soundtrack: narration clips placed on the timeline, music ducked under the voice,
and the mix normalised to -16 LUFS integrated with true peaks under -1 dBTP.

pydub places the clips (each already has 5-10 ms fades, so no joins click); numpy
shapes the music's gain; :mod:`loudness` sets the level.
"""
from __future__ import annotations

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
    """The finished 48 kHz stereo WAV for a story (cached by content)."""
    placed = [(c.wav, round((ts.voice_start + c.offset) * 1000)) for ts in timed for c in ts.clips]
    digest = cache.file_digest(music) if music else ""
    out = cache_dir / "audio" / f"{cache.key('mix', placed, seconds, digest, settings)}.wav"
    fresh = not out.is_file()
    if fresh:
        mix = _voice(placed, seconds)
        if music:
            mix = mix.overlay(_music(music, placed, timed, len(mix), settings, story_key))
        with cache.atomic(out) as tmp:
            _normalised(mix, settings).export(tmp, format="wav")
    cache.STATS.count("audio", fresh)
    return out


def _normalised(mix: AudioSegment, settings: dict) -> AudioSegment:
    samples = np.array(mix.get_array_of_samples(), dtype=np.float64).reshape(-1, 2) / 32768
    level = normalise(samples, RATE, float(settings.get("loudness_lufs", -16)), float(settings.get("true_peak_db", -1.5)))
    return mix._spawn((np.clip(level, -1, 32767 / 32768) * 32768).round().astype("<i2").tobytes())


def _voice(placed: list[tuple[str, int]], seconds: float) -> AudioSegment:
    track = AudioSegment.silent(duration=round(seconds * 1000), frame_rate=RATE).set_channels(2).set_sample_width(2)
    for wav, at in placed:
        track = track.overlay(AudioSegment.from_wav(wav), position=at)
    return track


def _music(path: Path, placed, timed, length_ms: int, settings: dict, story_key: str) -> AudioSegment:
    try:
        music = AudioSegment.from_file(path).set_frame_rate(RATE).set_channels(2).set_sample_width(2)
    except (CouldntDecodeError, OSError, IndexError):
        raise RenderError(Problem(str(path), 0, f"story {story_key}: cannot read the background music; "
                                  "replace it with a valid OGG/MP3/WAV or remove video: music")) from None
    if len(music) < 100:
        raise RenderError(Problem(str(path), 0, f"story {story_key}: the background music is empty; replace it"))
    music = (music * (length_ms // len(music) + 1))[:length_ms].fade_in(1000).fade_out(2000)
    return _ducked(music, _speech_spans(placed, timed), settings)


def _speech_spans(placed, timed) -> list[tuple[int, int]]:
    durations = [round(c.duration * 1000) for ts in timed for c in ts.clips]
    return [(at, at + d) for (_, at), d in zip(placed, durations)]


def _ducked(music: AudioSegment, spans: list[tuple[int, int]], settings: dict) -> AudioSegment:
    """Music at ``music_gain_db``, a further ``duck_db`` down while anyone speaks, with smooth ramps."""
    ms = len(music)
    active = np.zeros(ms, dtype=np.float32)
    for a, b in spans:
        active[max(0, a - 150):min(ms, b + 150)] = 1.0
    ramp = max(1, int(float(settings.get("duck_ramp", 0.35)) * 1000))
    smooth = np.convolve(active, np.ones(ramp, dtype=np.float32) / ramp, mode="same")
    gain_db = float(settings.get("music_gain_db", -20)) + float(settings.get("duck_db", -12)) * smooth
    per_sample = np.repeat(10 ** (gain_db / 20), RATE // 1000)
    samples = np.array(music.get_array_of_samples(), dtype=np.float32).reshape(-1, 2)
    n = min(len(samples), len(per_sample))
    samples[:n] *= per_sample[:n, None]
    pcm = np.clip(samples, -32768, 32767).astype("<i2")
    return music._spawn(pcm.tobytes())
