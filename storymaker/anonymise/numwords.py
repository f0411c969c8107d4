"""Numbers spoken as words become digits before detection, so every number recogniser sees them:
"he's eighty-one" -> "he's 81", "flat nine" -> "flat 9", "twenty nineteen" -> "2019", and a
number read out digit by digit ("oh one nine one, four nine six, oh one two three", "double
oh seven") -> "01914960123".

The grammar of English number words is text2num's (``alpha2digit``); this module only finds
the runs of number words, reads "oh", "double" and "triple" in digit readings, joins digit
readings and two-part years, and keeps a map from every character of the digit text back to
the words it came from, so a span found in digits covers the words in the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit

from .numwords_cy import WORDS as WELSH
from .numwords_cy import welsh_parts
from .wordre import words_pattern

_DIGITS = "zero oh nought one two three four five six seven eight nine".split()
_OTHER = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
          "fifty sixty seventy eighty ninety hundred thousand million double triple").split()
_ORDINALS = ("fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth "
             "sixteenth seventeenth eighteenth nineteenth twentieth thirtieth first second third").split()
_WORDS = words_pattern(_DIGITS + _OTHER + _ORDINALS)
_JOIN = r"[ \t]*(?:[-,][ \t]*)?\n?[ \t]*"  # what may lie between two words of one number
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million))[ \t]+and[ \t]+"  # "a hundred and two"
_W = rf"{_WORDS}(?![a-z])"
_RUN = rf"(?<![a-z])(?:a[ \t]+(?=hundred|thousand|million))?{_W}(?:(?:{_JOIN}|{_AND}){_W})*"
RUN = re.compile(_RUN, re.I)
_RUN_LOWER = re.compile(_RUN)  # faster, on lower-case ASCII
_ALONE_KEPT = frozenset("one oh double triple zero nought first second third hundred thousand million".split())
_LOCATION = re.compile(r"\b(?:flat|bed|bay|room|ward|cell|seat|house|unit|number|no|block|cabin|berth|pitch|plot|"
                       r"locker|bunk|cubicle|landing|wing|pod|chalet|caravan)[ \t]+$", re.I)
_SINGLE = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine".split())}
_CLEAN = re.compile(r"\b(?:oh|nought)\b", re.I)
_PLUS = re.compile(r"\bplus[ \t]+$", re.I)
_REPEAT = re.compile(r"\b(double|triple)[ \t]+(zero|one|two|three|four|five|six|seven|eight|nine)\b", re.I)


@dataclass(frozen=True, slots=True)
class Spoken:
    """``text`` with number words as digits; ``source(start, end)`` maps a span back."""

    text: str
    starts: tuple[int, ...]  # for each character of text, where it starts in the original
    ends: tuple[int, ...]  # ... and where it ends

    def source(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]


def _runs(text: str) -> list[tuple[int, int]]:
    """Runs of number words worth reading: (start, end). A lone "one", "oh", "first" ... stays a
    word, except "one" after a place noun ("flat one")."""
    found = _RUN_LOWER.finditer(text.lower()) if text.isascii() else RUN.finditer(text)
    out = []
    for m in found:
        if m.group().lower() in _ALONE_KEPT and not (
                m.group().lower() == "one" and _LOCATION.search(text, max(0, m.start() - 12), m.start())):
            continue
        out.append(m.span())
    return out


@lru_cache(maxsize=8192)  # the same few runs ("two", "twenty five") come back text after text
def _reading(text: str) -> str | None:
    """The digits a run of number words stands for, or None to leave it as words."""
    plain = _CLEAN.sub("zero", re.sub(r"^a\b", "one", text, flags=re.I))
    plain = _REPEAT.sub(lambda m: " ".join([m.group(2)] * (2 if m.group(1).lower() == "double" else 3)), plain)
    pieces = alpha2digit(re.sub(r"[,.\n]", " ", plain), "en").split()
    pieces = [_SINGLE.get(p.lower(), p) for p in pieces if p.lower() != "and"]
    if not pieces or not all(p.isdigit() or re.fullmatch(r"\d+(?:st|nd|rd|th)", p) for p in pieces):
        return None
    if len(pieces) == 1:
        return pieces[0]
    if len(pieces) == 2 and pieces[0] in ("19", "20") and len(pieces[1]) == 2:
        return pieces[0] + pieces[1]  # "twenty nineteen", "nineteen oh five"
    if len(pieces) >= 3 or any(p.startswith("0") for p in pieces):
        return "".join(pieces)  # read out digit by digit
    return " ".join(pieces)


TRIGGERS = frozenset(_DIGITS + _OTHER + _ORDINALS) - _ALONE_KEPT  # a word that is a number on its own
LOCATION_WORDS = frozenset(_LOCATION.pattern[5:_LOCATION.pattern.index(")")].split("|"))


def worth_reading(keys: frozenset[str]) -> bool:
    """Whether a text with these (lower-case) words can hold a number said in words."""
    return bool(keys & TRIGGERS) or ("one" in keys and bool(keys & LOCATION_WORDS)) or not WELSH.isdisjoint(keys)


def spoken_numbers(text: str) -> Spoken | None:
    """Number words in ``text`` as digits, or None when there are none worth converting."""
    parts: list[tuple[int, int, str]] = []
    for start, end in _runs(text):
        digits = _reading(text[start:end])
        if digits and digits.startswith("44") and len(digits) >= 10 and _PLUS.search(text, max(0, start - 8), start):
            start, digits = _PLUS.search(text, max(0, start - 8), start).start(), "+" + digits  # "plus four four ..."
        if digits:
            parts.append((start, end, digits))
    parts = _with_welsh(parts, welsh_parts(text))
    return _spliced(text, parts) if parts else None


def _with_welsh(parts: list[tuple[int, int, str]], welsh: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The English readings and the Welsh ones that overlap none of them, in order."""
    kept = [w for w in welsh if all(w[1] <= s or w[0] >= e for s, e, _ in parts)]
    return sorted(parts + kept)


def _spliced(text: str, parts: list[tuple[int, int, str]]) -> Spoken:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    for start, end, digits in parts:
        chars.append(text[at:start])
        starts.extend(range(at, start))
        ends.extend(range(at + 1, start + 1))
        chars.append(digits)
        starts.extend([start] * len(digits))
        ends.extend([end] * len(digits))
        at = end
    chars.append(text[at:])
    starts.extend(range(at, len(text)))
    ends.extend(range(at + 1, len(text) + 1))
    return Spoken("".join(chars), tuple(starts), tuple(ends))
