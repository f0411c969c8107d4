"""The video transcript: one paragraph per quote or linking passage, each with its time.

The video narrates the story's passages in order (the title, each beat's
linking text and quotes, the closing note), and its caption cues split them
into screen-sized pieces. :func:`transcript` walks the story's passages and
the cues together, so each passage gets the start time of its first cue and
the text a reader expects: whole sentences, never a cue break mid-sentence.
Words the cues carry outside any passage (the title card, the end card)
become plain narration paragraphs, so nothing the video says is left out.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import Chapter, Cue, Story
from .web_text import plain_paragraphs, plain_text

VTT_TAG = re.compile(r"<[^>]*>")
NOT_WORD = re.compile(r"[\W_]+")


def clock(seconds: float) -> str:
    """``92.4`` -> ``"1:32"``."""
    whole = int(max(seconds, 0))
    hours, rest = divmod(whole, 3600)
    return (f"{hours}:" if hours else "") + f"{rest // 60:0{2 if hours else 1}d}:{rest % 60:02d}"


def cue_text(cue: Cue) -> str:
    """A cue's words without WebVTT markup such as ``<v Narrator>``."""
    return " ".join(VTT_TAG.sub("", cue.text).split())


def squash(text: str) -> str:
    """Letters and digits only, lower case: what alignment compares."""
    return NOT_WORD.sub("", text).casefold()


def passages(story: Story) -> list[tuple[int, str, str]]:
    """``(beat index, kind, text)`` in the order the video narrates them."""
    out = []
    for b, beat in enumerate(story.beats):
        out += [(b, "linking", plain_text(beat.intro))] if beat.intro.strip() else []
        out += [(b, "quote", p) for q in beat.quotes for p in plain_paragraphs(q)]
        out += [(b, "linking", plain_text(beat.outro))] if beat.outro.strip() else []
    return out


def align(items: list[tuple[int, str, str]], cues: tuple[Cue, ...],
          headings: tuple[str, ...] = ()) -> list[tuple[int, str, str, float | None]]:
    """Each passage with the start of its first cue; unmatched cue text as narration (a beat's heading,
    said where the beat has no intro, belongs to that beat, not to the one before)."""
    out: list[tuple[int, str, str, float | None]] = []
    i, beat = 0, -1
    for b, kind, text in items:
        target = squash(text)
        j = i
        while j < len(cues) and not (squash(cue_text(cues[j])) and target.startswith(squash(cue_text(cues[j])))):
            j += 1
        if j == len(cues):  # the video does not say it (e.g. a different selection): no time
            out.append((b, kind, text, None))
            continue
        if j > i:  # words between passages: the title card, say, or the next beat's heading
            said_between = " ".join(cue_text(c) for c in cues[i:j])
            heading = b != beat and b < len(headings) and squash(said_between) == squash(headings[b])
            out.append((b if heading else beat, "narration", said_between, cues[i].start))
        start, said = cues[j].start, ""
        while j < len(cues) and target.startswith(said + squash(cue_text(cues[j]))):
            said += squash(cue_text(cues[j]))
            j += 1
        out.append((b, kind, text, start))
        i, beat = j, b
    if i < len(cues):
        out.append((beat, "narration", " ".join(cue_text(c) for c in cues[i:]), cues[i].start))
    return out


def transcript(story: Story, cues: tuple[Cue, ...], chapters: tuple[Chapter, ...],
               headings: list[str]) -> list[dict[str, Any]]:
    """Groups (one per beat, titled by its chapter) of ``{kind, text, t, clock}`` paragraphs."""
    spoken = tuple(plain_text(beat.heading) for beat in story.beats)
    rows = align(passages(story), cues, spoken) if cues else [(*p, None) for p in passages(story)]
    titles = [c.title for c in chapters] or headings
    groups: list[dict[str, Any]] = []
    for b, kind, text, start in rows:
        title = titles[b] if 0 <= b < len(titles) else ""
        if not groups or groups[-1]["beat"] != b:
            groups.append({"beat": b, "title": title, "paragraphs": []})
        groups[-1]["paragraphs"].append({"kind": kind, "text": text, "t": None if start is None else f"{start:g}",
                                         "clock": "" if start is None else clock(start)})
    return groups
