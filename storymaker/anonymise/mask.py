"""Mask an identifier for messages: ``mask("Margaret Owen") == "M******* O***"``.

The first letter of each word stays so a person can find it in their files; every other
letter and every digit becomes ``*``; spaces and punctuation stay. After punctuation inside a
word a letter stays only if more than one follows ("jo@example.org" is "j*@e******.o**"),
so a name spelt out letter by letter is never shown: "A.L.A.N" is "A.*.*.*".
"""
from __future__ import annotations

import unicodedata


def _wordy(ch: str) -> bool:
    """A letter, a digit, or a mark that belongs to one (Devanagari and Arabic vowel signs)."""
    return ch.isalnum() or unicodedata.category(ch)[0] == "M"


def _segments(s: str):
    start = None
    for i, ch in enumerate(s + " "):
        if _wordy(ch) and i < len(s):
            start = i if start is None else start
        elif start is not None:
            yield start, i
            start = None


def mask(s: str) -> str:
    out = list(s)
    for start, end in _segments(s):
        at_word_start = start == 0 or s[start - 1].isspace()
        keep = not s[start].isdigit() and not unicodedata.category(s[start])[0] == "M" and (
            at_word_start or end - start > 1)
        for i in range(start + (1 if keep else 0), end):
            out[i] = "*"
    return "".join(out)
