"""Narration: every slide's words spoken sentence by sentence, cached by content.

Synthetic engines speak one sentence per file, so captions are timed to the real
speech; a recorded voice's files are read, aligned and checked in ``recorded.py``.
"""
from __future__ import annotations

import re
import wave
from dataclasses import replace
from concurrent.futures import Executor
from pathlib import Path

import numpy as np
from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError

from ...errors import RenderError
from ...model import Problem
from . import cache
from .plan import Clip, Slide
from .resample import RATE, stereo_48k, write_wav
from .timing import keep_spans, paused, spans_of, word_spans
from .cues import CaptionRules, reading_pauses
from .voices import RecordedVoice, VoiceEngine

AUDIO_EXTS = (".wav", ".mp3", ".ogg", ".flac", ".m4a")
_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(" ".join(text.split())) if s.strip()]


def narrate(slides: tuple[Slide, ...], engine: VoiceEngine, cache_dir: Path, pool: Executor,
            gap: float, story_key: str, tick=lambda: None, rules: CaptionRules | None = None) -> list[tuple[Clip, ...]]:
    if isinstance(engine, RecordedVoice):
        from .recorded import recorded  # the recorded voice's module reads and checks recordings
        return recorded(slides, engine.folder, cache_dir, story_key, tick)
    rules = rules or CaptionRules()
    jobs = [[pool.submit(_spoken, s, engine, cache_dir, story_key, rules) for s in sentences(slide.narration)] for slide in slides]
    out = []
    for futures in jobs:
        offset, clips = 0.0, []
        for future in futures:
            clip = future.result()
            clips.append(replace(clip, offset=offset))
            offset += clip.duration + reading_gap(clip, gap, rules.max_wpm)
            tick()
        out.append(tuple(clips))
    return out


def reading_gap(clip: Clip, gap: float, max_wpm: float, longest: float = 1.5) -> float:
    """The pause after a sentence: ``gap``, or longer when the sentence was spoken faster than its
    caption can be read at ``max_wpm``, so the caption can stay up until it has been read."""
    reading = len(clip.text.split()) * 60 / max_wpm
    return min(max(gap, reading - clip.duration + 0.45), longest)  # 0.45: the next cue's lead and the gap


def _spoken(text: str, engine: VoiceEngine, cache_dir: Path, story_key: str, rules: CaptionRules) -> Clip:
    wav = cache_dir / "narration" / f"{cache.key('tts', repr(engine), text, rules)}.wav"
    fresh = not wav.is_file()
    if fresh:
        wav.parent.mkdir(parents=True, exist_ok=True)
        raw = cache.tmp_name(wav.with_suffix(".raw.wav"))
        try:
            engine.synthesize(text, raw)
            samples = _trimmed(stereo_48k(_load(raw, story_key)))
            spans = spans_of(text, samples[:, 0], RATE)
            samples, spans = paused(samples, RATE, spans, reading_pauses(text, spans, rules))
            keep_spans(wav, spans)
            with cache.atomic(wav) as tmp:
                write_wav(tmp, _faded(samples, 0.005))
        finally:
            raw.unlink(missing_ok=True)
    cache.STATS.count("narration", fresh)
    return Clip(str(wav), 0.0, _duration(wav), text, word_spans(text, wav))


def _trimmed(samples: np.ndarray, floor_db: float = -50.0, margin: float = 0.02) -> np.ndarray:
    """Without the engine's leading and trailing silence, so a clip starts and ends with the words."""
    loud = np.flatnonzero(np.abs(samples).max(axis=1) > 10 ** (floor_db / 20))
    if not len(loud):
        return samples
    pad = round(margin * RATE)
    return samples[max(0, loud[0] - pad):loud[-1] + pad]


def _faded(samples: np.ndarray, seconds: float) -> np.ndarray:
    n = min(len(samples) // 2, round(seconds * RATE))
    out = samples.copy()
    if n:
        ramp = np.linspace(0, 1, n, dtype=np.float32)[:, None]
        out[:n] *= ramp
        out[len(out) - n:] *= ramp[::-1]
    return out


def _load(path: Path, story_key: str) -> AudioSegment:
    try:
        return AudioSegment.from_file(path)
    except (CouldntDecodeError, OSError, IndexError) as exc:
        raise RenderError(Problem(str(path), 0, f"story {story_key}: cannot read this audio file "
                                  f"({exc.__class__.__name__}); replace it with a valid WAV/MP3/OGG")) from None


def _duration(wav: Path) -> float:
    with wave.open(str(wav), "rb") as f:
        return f.getnframes() / f.getframerate()
