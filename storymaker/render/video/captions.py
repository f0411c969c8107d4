"""Captions and chapters: WebVTT, SRT, a chapters track and FFmpeg chapter metadata.

Cues follow the narration sentence by sentence; a long sentence is cut into cues of at
most two balanced lines of at most 42 characters, timed by its share of the letters,
and no cue stays on screen for less than a second.
"""
from __future__ import annotations

import textwrap

from ...model import Chapter, Cue
from .layout import wrap_balanced
from .narration import sentences
from .plan import TimedSlide

LINE = 42
MIN_SECONDS = 1.0


def caption_chunks(sentence: str) -> list[str]:
    """A sentence as cues of at most two lines of at most 42 characters ('\\n' between lines)."""
    words = [piece for w in sentence.split() for piece in (textwrap.wrap(w, LINE) if len(w) > LINE else [w])]
    lines = wrap_balanced(" ".join(words), LINE, len)
    groups = _even_groups(words, -(-len(lines) // 2))
    chunks = [wrap_balanced(" ".join(g), LINE, len) for g in groups]
    if any(len(c) > 2 for c in chunks):  # evening out did not work: pair the lines as they are
        chunks = [lines[i:i + 2] for i in range(0, len(lines), 2)]
    return ["\n".join(c) for c in chunks]


def _even_groups(words: list[str], n: int) -> list[list[str]]:
    """Split words into ``n`` runs of about the same number of letters."""
    total = sum(len(w) + 1 for w in words)
    groups: list[list[str]] = [[]]
    done = 0
    for w in words:
        if groups[-1] and len(groups) < n and done + (len(w) + 1) / 2 > total * len(groups) / n:
            groups.append([])
        groups[-1].append(w)
        done += len(w) + 1
    return groups


def build_cues(timed: tuple[TimedSlide, ...], total: float) -> tuple[Cue, ...]:
    cues: list[Cue] = []
    for ts in timed:
        for clip in ts.clips:
            cues += _timed(ts.voice_start + clip.offset, clip.duration, clip.text)
    return tuple(_at_least_a_second(cues, total))


def _timed(start: float, duration: float, text: str) -> list[Cue]:
    chunks = [c for s in sentences(text) for c in caption_chunks(s)]
    weights = [len(c) for c in chunks]
    total, out, at = sum(weights) or 1, [], start
    for chunk, weight in zip(chunks, weights):
        end = at + duration * weight / total
        out.append(Cue(round(at, 3), round(end, 3), chunk))
        at = end
    return out


def _at_least_a_second(cues: list[Cue], total: float) -> list[Cue]:
    out: list[Cue] = []
    i = 0
    while i < len(cues):
        cue = cues[i]
        limit = cues[i + 1].start if i + 1 < len(cues) else total
        cue = Cue(cue.start, min(max(cue.end, cue.start + MIN_SECONDS), max(limit, cue.end)), cue.text)
        if cue.end - cue.start < MIN_SECONDS and i + 1 < len(cues) and _fits(cue.text + " " + cues[i + 1].text):
            nxt = cues[i + 1]
            cues[i + 1] = Cue(cue.start, nxt.end, "\n".join(caption_chunks(" ".join((cue.text + " " + nxt.text).split()))))
            i += 1
            continue
        if cue.end - cue.start < MIN_SECONDS and i + 1 < len(cues):  # borrow time from the next cue
            nxt = cues[i + 1]
            cue = Cue(cue.start, cue.start + MIN_SECONDS, cue.text)
            cues[i + 1] = Cue(cue.end, max(nxt.end, cue.end + MIN_SECONDS), nxt.text)
        out.append(cue)
        i += 1
    return out


def _fits(text: str) -> bool:
    return len(caption_chunks(" ".join(text.split()))) == 1


def chapters(timed: tuple[TimedSlide, ...], fps: int) -> tuple[Chapter, ...]:
    """One chapter per beat; the first starts at 0 (title card), the last runs to the end (end card)."""
    spans: dict[int, list[int]] = {}
    for ts in timed:
        if ts.slide.beat >= 0:
            span = spans.setdefault(ts.slide.beat, [ts.start, ts.end])
            span[1] = ts.end
    titles = {ts.slide.beat: ts.slide.heading for ts in timed if ts.slide.beat >= 0}
    end = timed[-1].end if timed else 0
    beats = sorted(spans)
    out = []
    for n, b in enumerate(beats):
        start = 0 if n == 0 else spans[b][0]
        stop = end if n == len(beats) - 1 else spans[beats[n + 1]][0]
        out.append(Chapter(titles[b] or f"Part {n + 1}", start / fps, stop / fps))
    return tuple(out)


def _stamp(seconds: float, sep: str) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}{sep}{ms % 1000:03d}"


def to_vtt(cues: tuple[Cue, ...] | list[Cue]) -> str:
    body = [f"{i}\n{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n{c.text}\n" for i, c in enumerate(cues, 1)]
    return "WEBVTT\n\n" + "\n".join(body)


def to_srt(cues: tuple[Cue, ...] | list[Cue]) -> str:
    return "\n".join(f"{i}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{c.text}\n" for i, c in enumerate(cues, 1))


def chapters_vtt(chaps: tuple[Chapter, ...]) -> str:
    return to_vtt([Cue(c.start, c.end, c.title) for c in chaps])


def ffmetadata(title: str, chaps: tuple[Chapter, ...]) -> str:
    """FFmpeg's metadata file: the title (story title only) and the chapters."""
    lines = [";FFMETADATA1", f"title={_escape(title)}"]
    for c in chaps:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={round(c.start * 1000)}", f"END={round(c.end * 1000)}",
                  f"title={_escape(c.title)}"]
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    for ch in "\\=;#\n":
        text = text.replace(ch, "\\" + ch)
    return text
