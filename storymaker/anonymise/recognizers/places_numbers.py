"""Layer: a number after a place noun is an identifier, however small ("bed 9", "flat 3",
"room 4", "ward 2", "cell 5", "seat 11", "at number 14"): numbers of 12 and under are safe
only elsewhere. Runs after number words became digits, so "flat nine" is caught the same way."""
from __future__ import annotations

import re

from ..hits import Hit
from ..windows import DIGITS, finditer, windows
from ..wordre import words_pattern
from .base import FLAG_KINDS, Context, Tables

NOUNS = ("flat|bed|bay|room|ward|cell|seat|house|unit|apartment|block|cabin|berth|pitch|plot|locker|bunk|"
         "cubicle|landing|wing|pod|chalet|caravan|hut|pew|stall|desk|bungalow|cottage|maisonette|pier|mooring|"
         "pontoon|slip|corridor|spur|booth|croft|steading")
_NOUNS = words_pattern(NOUNS.split("|"))
LOCATION = re.compile(rf"\b({_NOUNS})(?:[ \t]+(?:no\.?|number))?[ \t]*-?[ \t]*(?:\n[ \t]*)?(\d{{1,4}}[a-z]?)\b"
                      r"(?![ \t]*(?:%|minutes?|mins?|hours?|days?|weeks?|months?|years?|people|beds|pounds|quid|"
                      r"miles|times|x\b|by\b))", re.I)
HOUSE_NUMBER = re.compile(r"\b(?:at|to|from|in|outside)[ \t]+((?:no\.?|number)[ \t]*\d{1,4}[a-z]?)\b(?!\s*(?:on|in)\s+the\s+list)",
                          re.I)

# "down on Polkirt Hill, number twelve, above the harbour": a house number after its street
AFTER_STREET = re.compile(r"([\w'-]+)[ \t]*,[ \t]*(?:no\.?|number)[ \t]*\d{1,4}[a-z]?\b(?=[ \t]*(?:[,.;:!?)]|$))", re.I)
_STREET_WORDS = frozenset("road street lane close drive avenue way terrace crescent estate hill row place park gardens "
                          "court square walk".split())


def _after_street(text: str, near: list[tuple[int, int]]) -> list[Hit]:
    """The house number after a street, comma and all, so dropping it keeps the sentence."""
    out = []
    for m in finditer(AFTER_STREET, text, near):
        word = m.group(1)
        if word[:1].isupper() or word.lower() in _STREET_WORDS:
            start = m.end(1)
            out.append(Hit(start, m.end(), "address", "structured", "house number after its street",
                           f"address:{text[start:m.end()].lower()}", ""))
    return out

# Welsh (web-test #64): "yng ngwely 9" -> "yng ngwely" (the noun stays, the number goes; an English phrase
# would not fit a Welsh sentence); "rhif 32" (a house number) and "32 oed" (an age) are flagged.
WELSH_NOUNS = ("gwely", "ngwely", "wely", "fflat", "ystafell", "stafell", "bae", "sedd", "nghell", "cell")
WELSH_LOCATION = re.compile(rf"\b({words_pattern(WELSH_NOUNS)})[ \t]+(\d{{1,4}}[a-z]?)\b", re.I)
WELSH_FLAGGED = re.compile(r"\b(?:rhif|rif|nhŷ|tŷ)[ \t]+\d{1,4}[a-z]?\b|\b\d{1,3}[ \t]+(?:mlwydd[ \t]+)?oed\b", re.I)


def _welsh(text: str) -> list[Hit]:
    out = [Hit(m.start(), m.end(), "location", "structured", f"{m.group(1).lower()} number (Welsh)",
               f"location:{m.group().lower()}", m.group(1)) for m in WELSH_LOCATION.finditer(text)]
    out.extend(Hit(m.start(), m.end(), "unreviewed", "flag", FLAG_KINDS["number"], flag=FLAG_KINDS["number"])
               for m in WELSH_FLAGGED.finditer(text))
    return out


_KEYS = frozenset(NOUNS.split("|")) | {"number", "no"}
_WELSH_KEYS = frozenset(WELSH_NOUNS) | {"rhif", "rif", "nhŷ", "tŷ", "oed"}


def _noun(word: str) -> str:
    return "a " + word.lower()


class PlaceNumberRecognizer:
    name = "place-noun numbers"
    priority = 85

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        text = ctx.text
        if not DIGITS.search(text):
            return []
        if ctx.keyset.isdisjoint(_KEYS):
            return _welsh(text) if not ctx.keyset.isdisjoint(_WELSH_KEYS) else []
        near = windows(text, DIGITS, 24, 0)
        out = [Hit(m.start(), m.end(), "location", "structured", f"{m.group(1).lower()} number",
                   f"location:{m.group().lower()}", _noun(m.group(1))) for m in finditer(LOCATION, text, near)]
        out.extend(Hit(m.start(1), m.end(1), "address", "structured", "house number", f"address:{m.group(1).lower()}",
                       "a house nearby") for m in finditer(HOUSE_NUMBER, text, near))
        out.extend(_after_street(text, near))
        if not ctx.keyset.isdisjoint(_WELSH_KEYS):
            out.extend(_welsh(text))
        return out
