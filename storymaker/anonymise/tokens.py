"""Split folded text into word tokens and say which start a sentence.

A token is a run of letters/digits with inner apostrophes ("Margaret's", "don't").
``key`` is its lower-case form without a possessive ending, used for every look-up.
:class:`Tokens` keeps plain parallel lists (cheap to build with C-level regex calls) and
makes a :class:`Token` object only for the few tokens the detector looks at closely.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

def _marks() -> str:
    """Every combining mark below U+FFFF as a regex class body: vowel signs and viramas of Indic
    scripts, Arabic harakat, accents written apart. They belong to the letter before them."""
    import unicodedata
    runs: list[list[int]] = []
    for c in range(0x300, 0xFFFF):
        if unicodedata.category(chr(c)).startswith("M"):
            if runs and runs[-1][1] == c - 1:
                runs[-1][1] = c
            else:
                runs.append([c, c])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in runs)


_MARKS = _marks()
_LETTER = rf"[^\W_][{_MARKS}]*"
WORD = re.compile(rf"(?:{_LETTER})+(?:'(?:{_LETTER})+)*'?")
# The same tokens, found faster where the text allows: ASCII text has no marks, and text
# without any combining mark needs no mark class after each letter.
_ASCII_SPLIT = re.compile(r"([A-Za-z0-9]+(?:'[A-Za-z0-9]+)*'?)")
_PLAIN_SPLIT = re.compile(r"([^\W_]+(?:'[^\W_]+)*'?)")
_WORD_SPLIT = re.compile(f"({WORD.pattern})")
_ANY_MARK = re.compile(f"[{_MARKS}]")
_SENTENCE_END = frozenset(".!?:;\"()[]\n")
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)
_LEAD_WORD = re.compile(r"([A-Za-z]+)[ \t]+")


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t'\u201c\u2018*-":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


class Token:
    __slots__ = ("start", "end", "text", "key", "_source")

    def __init__(self, start: int, end: int, text: str, key: str, source: str) -> None:
        self.start = start
        self.end = end  # end of the word itself, possessive ending excluded
        self.text = text  # the word without possessive ending
        self.key = key  # lower-case text
        self._source = source

    @property
    def sentence_start(self) -> bool:
        return _starts_sentence(self._source, self.start)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


class Tokens:
    """The tokens of one text as parallel lists; ``tokens[i]`` makes (and caches) a Token."""

    def __init__(self, text: str) -> None:
        self.source = text
        ascii_text = text.isascii()
        pattern = _ASCII_SPLIT if ascii_text else _WORD_SPLIT if _ANY_MARK.search(text) else _PLAIN_SPLIT
        parts = pattern.split(text)  # gap, word, gap, word ..., gap: every offset from the lengths
        bounds = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = bounds[0:-1:2]
        self.spans: list[tuple[int, int]] = list(zip(self.starts, bounds[1::2]))
        self.keys: list[str] = ("\0".join(self.words).lower().split("\0") if ascii_text and self.words
                                else [w.lower() for w in self.words])
        self._made: dict[int, Token] = {}
        self.canonical: list[str] | None = None  # keys with "saint" as "st" ... (index.canon_keys makes it)
        if "'" in text:
            self._strip_possessives()

    def _strip_possessives(self) -> None:
        """ "Margaret's" -> "Margaret", "the Owens'" -> "Owens": only the tokens an apostrophe is in."""
        text, at, inside = self.source, self.source.find("'"), set()
        while at >= 0:
            i = bisect_right(self.starts, at) - 1
            if i >= 0 and at < self.spans[i][1]:
                inside.add(i)
            at = text.find("'", at + 1)
        for i in inside:
            stripped = _POSSESSIVE.sub("", self.words[i])
            start = self.starts[i]
            self.words[i], self.keys[i], self.spans[i] = stripped, stripped.lower(), (start, start + len(stripped))

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> Token:
        tok = self._made.get(i)
        if tok is None:
            start, end = self.spans[i]
            tok = self._made[i] = Token(start, end, self.words[i], self.keys[i], self.source)
        return tok

    def __iter__(self):
        return (self[i] for i in range(len(self)))


def tokenise(text: str) -> Tokens:
    return Tokens(text)


def gap_ok(text: str, end: int, start: int) -> bool:
    """Two tokens belong to one name if only spaces, a line break, a hyphen, a dot, an underscore
    or an ampersand lie between ("hope_williams", "A&E"), after a possessive ("Mother's Day")."""
    gap = text[end:start]
    if gap[:2] in ("'s", "'S"):
        gap = gap[2:]
    return len(gap) <= 4 and all(c in " \t\r\n-.'_&" for c in gap) and gap.count("\n") <= 1


def skip_leading(text: str, start: int, end: int, words: frozenset[str]) -> int:
    """Move ``start`` past leading words in ``words`` ("At", "In", "Our") that lie before ``end``."""
    while True:
        m = _LEAD_WORD.match(text, start, end)
        if not m or m.group(1).lower() not in words:
            return start
        start = m.end()
