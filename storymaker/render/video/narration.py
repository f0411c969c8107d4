"""Narration: every slide's words spoken sentence by sentence, cached by content.

Engines that speak text (:class:`SpeaksText`: hibari, espeak-ng, piper) say one sentence per
file, so captions are timed to the real speech; a recorded voice's files are read, aligned and
checked in ``recorded.py``. Every engine narrates through the same method (``voices.py``).
"""
from __future__ import annotations

import re
import wave
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np
from pydub import AudioSegment
from pydub.exceptions import CouldntDecodeError

from ...errors import RenderError
from ...model import Problem
from . import cache
from .cache import Cache
from .plan import Clip, Slide
from .resample import RATE, stereo_48k, write_wav
from .timing import keep_spans, paused, spans_of, word_spans
from .cues import CaptionRules, reading_pauses

_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(" ".join(text.split())) if s.strip()]


@dataclass(frozen=True)
class Narrating:
    """What every voice engine is given besides the slides: where to cache, where to run, how to pace."""

    store: Cache
    pool: Executor
    gap: float  # seconds between sentences (the theme's timing: sentence_gap)
    story_key: str
    tick: Callable[[], None] = lambda: None
    rules: CaptionRules = CaptionRules()


class SpeaksText:
    """An engine that speaks text (``synthesize(text, wav_path)``): it narrates sentence by sentence,
    each cached by content, so captions are timed to the real speech."""

    def narrate(self, slides: tuple[Slide, ...], job: Narrating) -> list[tuple[Clip, ...]]:
        jobs = [[job.pool.submit(_spoken, s, self, job) for s in sentences(slide.narration)] for slide in slides]
        out = []
        for futures in jobs:
            offset, clips = 0.0, []
            for future in futures:
                clip = future.result()
                clips.append(replace(clip, offset=offset))
                offset += clip.duration + reading_gap(clip, job.gap, job.rules.max_wpm)
                job.tick()
            out.append(tuple(clips))
        return out


def reading_gap(clip: Clip, gap: float, max_wpm: float, longest: float = 1.5) -> float:
    """The pause after a sentence: ``gap``, or longer when the sentence was spoken faster than its
    caption can be read at ``max_wpm``, so the caption can stay up until it has been read."""
    reading = len(clip.text.split()) * 60 / max_wpm
    return min(max(gap, reading - clip.duration + 0.45), longest)  # 0.45: the next cue's lead and the gap


def _spoken(text: str, engine: SpeaksText, job: Narrating) -> Clip:
    wav = job.store.folder / "narration" / f"{cache.key('tts', repr(engine), text, job.rules)}.wav"

    def make(tmp: Path) -> None:
        raw = cache.tmp_name(wav.with_suffix(".raw.wav"))
        try:
            engine.synthesize(text, raw)
            samples = _trimmed(stereo_48k(_load(raw, job.story_key)))
            spans = spans_of(text, samples[:, 0], RATE)
            pauses = reading_pauses(text, spans, job.rules)  # one per cue: where it ends, how long the voice waits
            samples, spans = paused(samples, RATE, spans, pauses)
            keep_spans(wav, spans, [index for index, _ in pauses])
            write_wav(tmp, _faded(samples, 0.005))
        finally:
            raw.unlink(missing_ok=True)
    job.store.file(wav, make, "narration")
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
