"""Captions and chapters as files: WebVTT, SRT, a chapters track and FFmpeg chapter metadata.

The cues themselves (broadcast rules, timing to the spoken words) come from ``cues.py``.
"""
from __future__ import annotations

from ...assets.labels import part
from ...i18n import Language
from ...model import Chapter, Cue
from .cues import CaptionRules, build_cues, caption_chunks
from .plan import TimedSlide

__all__ = ["CaptionRules", "build_cues", "caption_chunks", "chapters", "chapters_vtt", "ffmetadata", "to_srt", "to_vtt"]


def chapters(timed: tuple[TimedSlide, ...], fps: int, words: Language | None = None) -> tuple[Chapter, ...]:
    """One chapter per beat; the first starts at 0 (title card), the last runs to the end (end card);
    a beat without a heading is "Part 2" in the language of ``words`` (English without)."""
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
        untitled = part(words, n + 1) if words else f"Part {n + 1}"
        out.append(Chapter(titles[b] or untitled, start / fps, stop / fps))
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
