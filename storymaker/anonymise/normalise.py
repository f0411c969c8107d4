"""Normalise text for matching while remembering where every character came from.

Look-alike characters (Cyrillic "а" for Latin "a", full-width letters, ligatures, accents)
and invisible characters (zero-width spaces, joiners, soft hyphens) are how identifiers
slip past a matcher. :func:`normalise` folds them away (compatibility decomposition,
combining marks dropped, Unicode confusables mapped to ASCII, format characters removed)
and returns an offset map so a span found in the folded text can be mapped back onto
the original text, which is what gets replaced.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import confusable_map

# Dashes and quotes that read the same to a person: fold them to ASCII.
_PUNCT = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u2010": "-", "\u2011": "-",
          "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ", "\u202f": " ",
          # Latin letters that Unicode does not decompose: "Łukasz" must match "Lukasz"
          "\u0141": "L", "\u0142": "l", "\u00d8": "O", "\u00f8": "o", "\u0110": "D", "\u0111": "d", "\u00df": "ss",
          "\u00c6": "AE", "\u00e6": "ae", "\u0152": "OE", "\u0153": "oe", "\u00de": "Th", "\u00fe": "th",
          "\u00d0": "D", "\u00f0": "d", "\u0131": "i"}


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_RTL_OVERRIDE = "\u202e"
_OVERRIDDEN = re.compile("\u202e([^\u202c\n]*)")  # up to the pop (U+202C) or the end of the line


@dataclass(frozen=True)
class Folded:
    """Folded text plus, for each folded character, the index of its source character."""

    text: str
    origin: tuple[int, ...] | None  # None: folding changed no character, so offsets are the same
    source_length: int
    turned: bool = False  # a right-to-left override reversed part of the text (see _as_displayed)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded [start, end) span to the original text."""
        if self.origin is None:
            start = min(start, self.source_length)
            return start, max(start, min(end, self.source_length))
        if start >= len(self.origin):
            return self.source_length, self.source_length
        if end <= start:
            return self.origin[start], self.origin[start]
        if not self.turned:
            return self.origin[start], self.origin[end - 1] + 1
        inside = self.origin[start:end]  # a direction override reversed some of it
        return min(inside), max(inside) + 1


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """What one character becomes: "" for invisible characters."""
    if ch in _PUNCT:
        return _PUNCT[ch]
    if ch.isascii():
        return ch
    if unicodedata.category(ch) == "Cf":  # zero-width space/joiners, soft hyphen, BOM ...
        return ""
    mapped = confusable_map().get(ch)
    if mapped:
        return mapped
    out = [c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)]
    return "".join(confusable_map().get(c, c) for c in out)


# Markdown emphasis and emoji inside a word hide it from a matcher but not from a reader:
# "**N**ewquay", "Cole🙂raine", "Porth~~x~~leven" read as one word, so they are dropped there.
_INSIDE_WORD = re.compile(r"(?<=[^\W_])(?:[*~`]+|[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]+)(?=[^\W_])")


def _inner_marks(text: str) -> list[tuple[int, int]]:
    if "*" not in text and "~" not in text and "`" not in text and text.isascii():
        return []
    return [m.span() for m in _INSIDE_WORD.finditer(text)]


def _without(text: str, spans: list[tuple[int, int]]) -> Folded:
    """``text`` folded with the characters in ``spans`` left out (offsets mapped)."""
    drop = {i for a, b in spans for i in range(a, b)}
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if i not in drop:
            folded = fold_char(ch)
            chars.extend(folded)
            origin.extend([i] * len(folded))
    return Folded("".join(chars), tuple(origin), len(text))


def normalise(text: str) -> Folded:
    """Fold ``text`` for matching; :meth:`Folded.to_source` maps spans back."""
    inner = _inner_marks(text)
    if inner and _RTL_OVERRIDE not in text:
        return _without(text, inner)
    if text.isascii():
        return Folded(text, None, len(text))
    foreign = {ch: fold_char(ch) for ch in set(_NON_ASCII.findall(text))}
    if all(len(v) == 1 for v in foreign.values()):  # curly quotes, dashes, accents: one for one
        return Folded(text.translate(str.maketrans(foreign)), None, len(text))
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch)
        chars.extend(folded)
        origin.extend([i] * len(folded))
    turned = _RTL_OVERRIDE in text
    if turned:
        _as_displayed(text, chars, origin)
    return Folded("".join(chars), tuple(origin), len(text), turned)


def _as_displayed(text: str, chars: list[str], origin: list[int]) -> None:
    """Reverse what a right-to-left override shows reversed ("\u202egarom\u202c" reads "moraG"
    backwards, so a browser shows "Morag"): the folded text is matched as a reader sees it."""
    for m in _OVERRIDDEN.finditer(text):
        lo = next((k for k, o in enumerate(origin) if o >= m.start(1)), len(origin))
        hi = next((k for k, o in enumerate(origin) if o >= m.end(1)), len(origin))
        chars[lo:hi], origin[lo:hi] = chars[lo:hi][::-1], origin[lo:hi][::-1]


def fold(text: str) -> str:
    """Folded text only (for needles and gate scanning)."""
    return text if text.isascii() and not _inner_marks(text) else normalise(text).text
