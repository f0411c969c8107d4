"""Welsh numbers said in words (web-test #64), read as digits like the English ones in
:mod:`.numwords`: "naw deg dau oed" -> "92 oed", "tri deg dau" -> "32", "gwely naw" -> "gwely 9",
and a number read out digit by digit ("dim saith saith dim dim, naw dim dim un dau tri") -> its
digits. Mutated forms count ("dri", "ddau", "bedwar", "phump"). A lone number word is read only
after a Welsh place noun or before "oed", since some are English words too ("dim", "pump").
"""
from __future__ import annotations

import re

from .wordre import words_pattern

UNITS = {"dim": 0, "un": 1, "dau": 2, "dwy": 2, "ddau": 2, "ddwy": 2, "tri": 3, "tair": 3, "dri": 3, "dair": 3,
         "thri": 3, "pedwar": 4, "pedair": 4, "bedwar": 4, "bedair": 4, "phedwar": 4, "pump": 5, "pum": 5, "bump": 5,
         "phump": 5, "chwech": 6, "chwe": 6, "saith": 7, "wyth": 8, "naw": 9}
WHOLE = {"deuddeg": 12, "pymtheg": 15, "bymtheg": 15, "ugain": 20, "hugain": 20, "deugain": 40, "trigain": 60}
TENS = frozenset({"deg", "ddeg"})
HUNDREDS = frozenset({"cant", "gant", "chant"})
WORDS = frozenset(UNITS) | frozenset(WHOLE) | TENS | HUNDREDS
_W = words_pattern(sorted(WORDS))
RUN = re.compile(rf"(?<![\w'’-])(?:{_W})(?:[ \t]*,?[ \t]+(?:{_W}))*(?![\w'’-])", re.I)
# after a place noun ("gwely naw", "yng ngwely naw", "fflat tri", "rhif tri deg dau") or before "oed"
_NOUN_BEFORE = re.compile(r"\b(?:gwely|ngwely|wely|fflat|ystafell|stafell|rhif|ward|bae|sedd|cell)[ \t]+$", re.I)
_OED_AFTER = re.compile(r"[ \t]+(?:mlwydd[ \t]+)?oed\b", re.I)


def _value(words: list[str]) -> str | None:
    """The digits the words say: decimal Welsh ("naw deg dau" 92, "cant a ..." left out), or a
    reading digit by digit when there is no "deg" or "cant"."""
    if len(words) == 1:
        w = words[0]
        return str(UNITS.get(w, WHOLE.get(w, 10 if w in TENS else 100 if w in HUNDREDS else -1)))
    if not any(w in TENS or w in HUNDREDS for w in words):
        if all(w in UNITS for w in words):
            return "".join(str(UNITS[w]) for w in words)  # digit by digit: a phone number
        return None
    total, unit = 0, None
    for w in words:
        if w in HUNDREDS:
            total, unit = total + 100 * (unit or 1), None
        elif w in TENS:
            total, unit = total + 10 * (unit or 1), None
        elif w in UNITS and unit is None:
            unit = UNITS[w]
        else:
            return None
    return str(total + (unit or 0))


def welsh_parts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) for every Welsh number worth reading in ``text``."""
    parts = []
    for m in RUN.finditer(text):
        words = [w.lower() for w in re.findall(r"[^\s,]+", m.group())]
        alone = len(words) == 1
        if alone and not (_NOUN_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _OED_AFTER.match(text, m.end())):
            continue
        digits = _value(words)
        if digits and digits != "-1":
            parts.append((m.start(), m.end(), digits))
    return parts
