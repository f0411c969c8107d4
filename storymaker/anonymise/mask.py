"""Mask an identifier for messages: ``mask("Margaret Owen") == "M******* O***"``.

The first letter of each word stays so a person can find it in their files; every other
letter and every digit becomes ``*``; spaces and punctuation stay.
"""
from __future__ import annotations


def mask(s: str) -> str:
    out: list[str] = []
    previous_alnum = False
    for ch in s:
        if ch.isdigit():
            out.append("*")
        elif ch.isalpha():
            out.append("*" if previous_alnum else ch)
        else:
            out.append(ch)
        previous_alnum = ch.isalnum()
    return "".join(out)
