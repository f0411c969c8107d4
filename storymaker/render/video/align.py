"""Recorded narration checked against the script: the voice artist's words aligned to the slides'.

The speech recogniser (``recogniser.py``) hears the recording word by word; the script's words
and the heard ones are aligned with difflib's sequence matcher, so every slide's first and last
word are found in the recording (the cut points) and every word has a time (for captions).
Where a quote was not read verbatim (a word skipped, added or changed), the departures are
reported, naming the slide and the words, and nothing is published until they are fixed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ...model import Problem
from .recogniser import Word


@dataclass(frozen=True)
class Aligned:
    spans: tuple[tuple[float, float], ...]  # one (start, end) per script word, seconds in the recording
    departures: tuple[tuple[int, str], ...]  # (script word index, "'coffee' instead of 'tea'" / "skipped ..." / "added ...")


def norm(word: str) -> str:
    return re.sub(r"[^a-z0-9']", "", word.lower().replace("\u2019", "'"))


def _plain(words) -> str:
    """The words as a person reads them in a message: no punctuation clinging to either end."""
    return " ".join(w.strip(" .,;:!?\"()\u201c\u201d\u2018\u2019") for w in words)


def align(script: list[str], heard: list[Word], total: float) -> Aligned:
    """Times for every script word, and where the recording departs from the script."""
    said = [norm(w) for w in script]
    got = [norm(w.text) for w in heard]
    spans: list[tuple[float, float] | None] = [None] * len(script)
    departures = []
    for tag, a, b, c, d in SequenceMatcher(None, said, got, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and b - a == d - c):
            for k in range(b - a):
                spans[a + k] = (heard[c + k].start, heard[c + k].end)
        if tag == "replace":
            departures.append((a, f"'{_plain(w.text for w in heard[c:d])}' instead of '{_plain(script[a:b])}'"))
        elif tag == "delete":
            departures.append((a, f"skipped '{_plain(script[a:b])}'"))
        elif tag == "insert":
            departures.append((max(0, a - 1), f"added '{_plain(w.text for w in heard[c:d])}'"))
    return Aligned(_filled(spans, total), tuple(departures))


def _filled(spans: list[tuple[float, float] | None], total: float) -> tuple[tuple[float, float], ...]:
    """Words the recording skipped get a zero-length time where they would have been."""
    out, last = [], 0.0
    for n, span in enumerate(spans):
        if span is None:
            after = next((s[0] for s in spans[n + 1:] if s), total)
            span = (last, last) if after >= last else (after, after)
        out.append(span)
        last = span[1]
    return tuple(out)


def departures_problem(path: str, story_key: str, unit: str, heading: str, found: tuple[str, ...]) -> Problem:
    where = f"slide {unit}" + (f" ({heading})" if heading else "")
    return Problem(path, 0, f"story {story_key}: the recording departs from the verbatim quote on {where}: "
                            f"{'; '.join(found)}; record it again word for word (quotes are the participants' own words)")
