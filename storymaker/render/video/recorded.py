"""Recorded narration: a voice artist's files, cut at the aligned words and checked against the script.

The recordings (``voice_engine: recorded``, ``voice: <folder>``) are found by name in that
folder, with any audio extension (.wav .mp3 .ogg .flac .m4a):

    00-title.wav            the title card (optional: silent without it)
    01.wav, 02.wav ...      one file per beat, in order; or the beat heading as a slug,
                            e.g. turning-off-targets.wav; a file that covers several slides
                            is cut where the recogniser heard each slide's first word
    01-1.wav, 01-2.wav ...  optional: one file per slide of a beat (intro first, then quotes)
    99-end.wav              the end card (optional)

Each file is transcribed (cached by its content) and aligned to the script (``align.py``):
captions are timed from the heard words, and a quote read other than word for word stops the
build with the slide and the words named.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import RenderError
from ...model import Problem
from . import cache
from .cache import Cache
from .align import align, departures_problem
from .narration import Narrating, _duration, _faded, _load
from .plan import Clip, Slide
from .recogniser import Word, transcribe
from .resample import RATE, stereo_48k, write_wav
from .timing import sounding

AUDIO_EXTS = (".wav", ".mp3", ".ogg", ".flac", ".m4a")


@dataclass(frozen=True)
class RecordedVoice:
    """A voice artist's recordings in ``folder``: narrates by reading, cutting and checking files."""

    folder: Path

    def narrate(self, slides: tuple[Slide, ...], job: Narrating) -> list[tuple[Clip, ...]]:
        return recorded(slides, self.folder, job.store, job.story_key, job.tick)


def recorded(slides: tuple[Slide, ...], folder: Path, store: Cache, story_key: str, tick) -> list[tuple[Clip, ...]]:
    out: list[tuple[Clip, ...]] = [()] * len(slides)
    problems: list[Problem] = []
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(slides):
        groups.setdefault(s.beat, []).append(i)
    for beat, members in groups.items():
        for path, covered in _files(slides, members, beat, folder, story_key):
            for i, clip in _aligned(path, covered, slides, store, story_key, problems):
                out[i] = (clip,)
                tick()
    if problems:
        raise RenderError(problems)
    return out


def _files(slides, members: list[int], beat: int, folder: Path, story_key: str) -> list[tuple[Path, list[int]]]:
    if beat < 0:  # title and end cards: optional, one file each
        found = [(_find(folder, slides[i].unit, slides[i].unit.split("-", 1)[1]), [i]) for i in members]
        return [(p, c) for p, c in found if p]
    own = {i: _find(folder, slides[i].unit) for i in members}
    if all(own.values()):
        return [(own[i], [i]) for i in members]
    whole = _find(folder, f"{beat + 1:02d}", _slug(slides[members[0]].heading))
    if whole is None:
        raise RenderError(Problem(str(folder), 0, f"story {story_key}: no recording for beat {beat + 1} "
                                  f"({slides[members[0]].heading!r}); add {beat + 1:02d}.wav or "
                                  f"{_slug(slides[members[0]].heading)}.wav (or one file per slide: {beat + 1:02d}-1.wav ...)"))
    return [(whole, members)]


def _aligned(path: Path, covered: list[int], slides, store: Cache, story_key: str, problems: list[Problem]):
    words = [s.narration.split() for s in (slides[i] for i in covered)]
    script = [w for ws in words for w in ws]
    audio = _load(path, story_key)
    heard = _heard(path, " ".join(script), store)  # narrowed to where each word sounds (timing.sounding)
    spans = sounding(tuple((w.start, w.end) for w in heard), stereo_48k(audio)[:, 0], RATE)
    total = len(audio) / 1000
    found = align(script, [Word(w.text, *span) for w, span in zip(heard, spans)], total)
    firsts = [sum(len(ws) for ws in words[:k]) for k in range(len(words) + 1)]
    for k, i in enumerate(covered):
        mine = [text for at, text in found.departures if firsts[k] <= at < firsts[k + 1]]
        if mine and slides[i].kind == "quote":
            problems.append(departures_problem(str(path), story_key, slides[i].unit, slides[i].heading, tuple(mine)))
    bounds = [0.0] + [(found.spans[firsts[k] - 1][1] + found.spans[firsts[k]][0]) / 2 for k in range(1, len(words))] + [total]
    for k, i in enumerate(covered):
        a, b = bounds[k], bounds[k + 1]
        spans = tuple((max(0.0, s - a), max(0.0, e - a)) for s, e in found.spans[firsts[k]:firsts[k + 1]])
        yield i, _cut(path, (round(a * 1000), round(b * 1000)), slides[i].narration, spans, store, story_key)


def _heard(path: Path, prompt: str, store: Cache) -> list[Word]:
    """The recogniser's words for a recording, cached by the file's content."""
    saved = store.folder / "heard" / f"{cache.key('heard', cache.file_digest(path), prompt)}.json"

    def make(tmp: Path) -> None:
        words = transcribe(path, store.folder, prompt)
        tmp.write_text(json.dumps([[w.text, w.start, w.end] for w in words]), encoding="utf-8")
    store.file(saved, make, "heard")
    return [Word(*w) for w in json.loads(saved.read_text(encoding="utf-8"))]


def _cut(path: Path, span: tuple[int, int], text: str, spans, store: Cache, story_key: str) -> Clip:
    wav = store.folder / "narration" / f"{cache.key('rec', cache.file_digest(path), span)}.wav"

    def make(tmp: Path) -> None:
        samples = stereo_48k(_load(path, story_key))[span[0] * RATE // 1000:span[1] * RATE // 1000]
        write_wav(tmp, _faded(samples, 0.01))
    store.file(wav, make, "narration")
    return Clip(str(wav), 0.0, _duration(wav), text, spans)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _find(folder: Path, *names: str) -> Path | None:
    for name in names:
        for ext in AUDIO_EXTS:
            if (folder / f"{name}{ext}").is_file():
                return folder / f"{name}{ext}"
    return None
