"""Narration: every slide's words spoken sentence by sentence, cached by content.

Synthetic engines speak one sentence per file, so captions are timed to the real
speech. Recorded narration (``voice_engine: recorded``, ``voice: <folder>``) is found by
name in that folder, with any audio extension (.wav .mp3 .ogg .flac .m4a):

    00-title.wav            the title card (optional: silent without it)
    01.wav, 02.wav ...      one file per beat, in order; or the beat heading as a slug,
                            e.g. turning-off-targets.wav. A beat file that covers several
                            slides is split at its pauses nearest to each slide's share of the words.
    01-1.wav, 01-2.wav ...  optional: one file per slide of a beat (intro first, then quotes)
    99-end.wav              the end card (optional)
"""
from __future__ import annotations

import re
import wave
from dataclasses import replace
from concurrent.futures import Executor
from pathlib import Path

import numpy as np
from pydub import AudioSegment, silence
from pydub.exceptions import CouldntDecodeError

from ...errors import RenderError
from ...model import Problem
from . import cache
from .plan import Clip, Slide
from .resample import RATE, stereo_48k, write_wav
from .timing import spans_of, word_spans
from .cues import CaptionRules, reading_pauses
from .voices import RecordedVoice, VoiceEngine

AUDIO_EXTS = (".wav", ".mp3", ".ogg", ".flac", ".m4a")
_SENTENCE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(" ".join(text.split())) if s.strip()]


def narrate(slides: tuple[Slide, ...], engine: VoiceEngine, cache_dir: Path, pool: Executor,
            gap: float, story_key: str, tick=lambda: None, rules: CaptionRules | None = None) -> list[tuple[Clip, ...]]:
    if isinstance(engine, RecordedVoice):
        return _recorded(slides, engine.folder, cache_dir, story_key, tick)
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
            with cache.atomic(wav) as tmp:
                write_wav(tmp, _faded(_paused(samples, reading_pauses(text, spans_of(text, samples[:, 0], RATE), rules)), 0.005))
        finally:
            raw.unlink(missing_ok=True)
    cache.STATS.count("narration", fresh)
    return Clip(str(wav), 0.0, _duration(wav), text, word_spans(text, wav))


def _paused(samples: np.ndarray, pauses: list[tuple[float, float]]) -> np.ndarray:
    """Silence inserted at each (seconds, length): longer pauses where a caption needs reading time."""
    parts, at = [], 0
    for where, length in pauses:
        cut = min(len(samples), round(where * RATE))
        parts += [samples[at:cut], np.zeros((round(length * RATE), samples.shape[1]), dtype=np.float32)]
        at = cut
    return np.concatenate(parts + [samples[at:]]) if parts else samples


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


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _find(folder: Path, *names: str) -> Path | None:
    for name in names:
        for ext in AUDIO_EXTS:
            if (folder / f"{name}{ext}").is_file():
                return folder / f"{name}{ext}"
    return None


def _recorded(slides: tuple[Slide, ...], folder: Path, cache_dir: Path, story_key: str, tick) -> list[tuple[Clip, ...]]:
    out: list[tuple[Clip, ...]] = [()] * len(slides)
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(slides):
        groups.setdefault(s.beat, []).append(i)
    for beat, members in groups.items():
        for i, clip in _recorded_group(slides, members, beat, folder, cache_dir, story_key):
            out[i] = (clip,)
            tick()
    return out


def _recorded_group(slides, members: list[int], beat: int, folder: Path, cache_dir: Path, story_key: str):
    if beat < 0:  # title and end cards: optional, one file each
        for i in members:
            found = _find(folder, slides[i].unit, slides[i].unit.split("-", 1)[1])
            if found:
                yield i, _cut(found, None, slides[i].narration, cache_dir, story_key)
        return
    own = {i: _find(folder, slides[i].unit) for i in members}
    if all(own.values()):
        yield from ((i, _cut(own[i], None, slides[i].narration, cache_dir, story_key)) for i in members)
        return
    whole = _find(folder, f"{beat + 1:02d}", _slug(slides[members[0]].heading))
    if whole is None:
        raise RenderError(Problem(str(folder), 0, f"story {story_key}: no recording for beat {beat + 1} "
                                  f"({slides[members[0]].heading!r}); add {beat + 1:02d}.wav or "
                                  f"{_slug(slides[members[0]].heading)}.wav (or one file per slide: {beat + 1:02d}-1.wav ...)"))
    bounds = _split_points(whole, [len(slides[i].narration) for i in members], story_key)
    for n, i in enumerate(members):
        yield i, _cut(whole, (bounds[n], bounds[n + 1]), slides[i].narration, cache_dir, story_key)


def _split_points(path: Path, weights: list[int], story_key: str) -> list[int]:
    """Millisecond cut points: the pauses nearest to each slide's share of the words."""
    seg = _load(path, story_key)
    pauses = [(a + b) // 2 for a, b in silence.detect_silence(seg, 250, seg.dBFS - 16, 10)]
    total, points, done = sum(weights) or 1, [0], 0
    for w in weights[:-1]:
        done += w
        target = len(seg) * done / total
        later = [p for p in pauses if p > points[-1]] or [int(target)]
        points.append(min(later, key=lambda p: abs(p - target)))
    return points + [len(seg)]


def _cut(path: Path, span: tuple[int, int] | None, text: str, cache_dir: Path, story_key: str) -> Clip:
    wav = cache_dir / "narration" / f"{cache.key('rec', cache.file_digest(path), span)}.wav"
    fresh = not wav.is_file()
    if fresh:
        samples = stereo_48k(_load(path, story_key))
        samples = samples[span[0] * RATE // 1000:span[1] * RATE // 1000] if span else samples
        with cache.atomic(wav) as tmp:
            write_wav(tmp, _faded(samples, 0.01))
    cache.STATS.count("narration", fresh)
    return Clip(str(wav), 0.0, _duration(wav), text, word_spans(text, wav))
