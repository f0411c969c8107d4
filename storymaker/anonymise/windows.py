"""Run expensive patterns only near the cheap clues they need (a digit, an "@", a suffix word).

Most interview text has no digits, so date, age, phone and address patterns run over a
few short windows instead of the whole text. Windows are widened to whole words so a
window edge never makes a false word boundary.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

DIGITS = re.compile(r"\d+")


def _widen(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo > 0 and text[lo - 1].isalnum():
        lo -= 1
    while hi < len(text) and text[hi].isalnum():
        hi += 1
    return lo, hi


def windows(text: str, clue: re.Pattern, before: int, after: int) -> list[tuple[int, int]]:
    """Merged [lo, hi) windows around every match of ``clue``."""
    out: list[tuple[int, int]] = []
    for m in clue.finditer(text):
        lo, hi = _widen(text, max(0, m.start() - before), min(len(text), m.end() + after))
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def around(text: str, spans: list[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
    """Merged windows around known [start, end) spans (e.g. tokens that are clues)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = _widen(text, max(0, start - before), min(len(text), end + after))
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def finditer(pattern: re.Pattern, text: str, spans: list[tuple[int, int]]) -> Iterator[re.Match]:
    for lo, hi in spans:
        yield from pattern.finditer(text, lo, hi)
