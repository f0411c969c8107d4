"""Mask an identifier for messages: ``mask("Margaret Owen") == "M******* O***"``.

The first letter of each word stays so a person can find it in their files; every other
letter and every digit becomes ``*``; spaces and punctuation stay. After punctuation inside a
word a letter stays only if more than one follows ("jo@example.org" is "j*@e******.o**"),
so a name spelt out letter by letter is never shown: "A.L.A.N" is "A.*.*.*".
"""
from __future__ import annotations

import re

_SEGMENT = re.compile(r"[^\W_]+")


def mask(s: str) -> str:
    out = list(s)
    for m in _SEGMENT.finditer(s):
        at_word_start = m.start() == 0 or s[m.start() - 1].isspace()
        keep = not s[m.start()].isdigit() and (at_word_start or m.end() - m.start() > 1)
        for i in range(m.start() + (1 if keep else 0), m.end()):
            out[i] = "*"
    return "".join(out)
