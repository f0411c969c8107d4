"""Split folded text into word tokens and say which start a sentence.

A token is a run of letters/digits with inner apostrophes ("Margaret's", "don't").
``key`` is its lower-case form without a possessive ending, used for every look-up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*'?")
_SENTENCE_END = frozenset(".!?:;\"()[]\n")
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int  # end of the word itself, possessive ending excluded
    text: str  # the word without possessive ending
    key: str  # lower-case text
    sentence_start: bool

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t'\u201c\u2018*-":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def tokenise(text: str) -> list[Token]:
    tokens: list[Token] = []
    for m in WORD.finditer(text):
        word = m.group()
        stripped = _POSSESSIVE.sub("", word) if "'" in word else word
        if not stripped:
            continue
        start = m.start()
        tokens.append(Token(start, start + len(stripped), stripped, stripped.lower(),
                            _starts_sentence(text, start)))
    return tokens


def gap_ok(text: str, end: int, start: int) -> bool:
    """Two tokens belong to one name if only spaces, a line break, a hyphen or a dot lie between."""
    gap = text[end:start]
    return len(gap) <= 4 and all(c in " \t\r\n-.'" for c in gap) and gap.count("\n") <= 1
