"""The last layer, default deny: every capitalised word and every number that no layer above
explained, and that is not a known-safe word, is flagged for review (never silently kept)."""
from __future__ import annotations

import re

from ..hits import Hit
from ..lexicon import SAFE, TITLES, is_common
from ..structured import road_name
from .base import FLAG_KINDS, NAME_CONTEXT, Context, Tables
from .gazetteer import gazetteer_kind
from .welsh import is_welsh_word

UNITS = frozenset("minutes minute mins hours hour days day weeks week months month years year yrs times time "
                  "people patients staff kids children miles pounds quid percent per pence p grand calls beds "
                  "of or and more less hundred thousand million k nights shifts".split())
SAFE_ALNUM = frozenset("mp3 mp4 ps4 ps5 f1 a4 a3 a5 p45 p60 p11d b12 d3 3g 4g 5g covid19 y2k g7 g20 4x4 "
                       "a1 m1 m6 m25 m62 9am 5pm cc0".split())
NOT_PLURAL = frozenset("this thus plus does goes bus yes was has his its ours yours hers theirs always perhaps "
                       "towards afterwards less unless across".split())
_AFTER_OR = frozenset("so more less a an over under".split())
_DECADE = re.compile(r"\d{1,3}0s")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)", re.I)


def flag(start: int, end: int, kind: str) -> Hit:
    return Hit(start, end, "unreviewed", "flag", FLAG_KINDS[kind], flag=FLAG_KINDS[kind])


class DefaultDenyRecognizer:
    name = "default deny"
    priority = 0

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        out = []
        for i in ctx.candidates:
            if not ctx.covered(i):
                hit = self._one(ctx, i)
                if hit:
                    out.append(hit)
        return out

    def _one(self, ctx: Context, i: int) -> Hit | None:
        tokens = ctx.tokens
        key = tokens.keys[i]
        if key in self.t.produced or key in self.t.allow_words:
            return None
        if not key.isalpha() and any(ch.isdigit() for ch in key):
            return _number(ctx.text, tokens, i)
        if not tokens.words[i][:1].isupper() or key in SAFE or key in TITLES:
            return None
        return _capitalised(ctx, i)


def _capitalised(ctx: Context, i: int) -> Hit | None:
    """A capitalised word no layer explained: flagged, unless it is a common word in capitals or
    at the start of a sentence or heading (then only if it is a first name that a verb follows)."""
    tokens = ctx.tokens
    tok, key = tokens[i], tokens.keys[i]
    gaz = gazetteer_kind(key)
    if not gaz and len(key) > 1 and tok.text.isupper() and is_common(key):
        return None  # a common word in capitals ("RAN THE WHOLE WARD")
    if (tok.sentence_start or ctx.title) and (is_common(key) or (ctx.welsh and is_welsh_word(key))):
        named = gaz == "person" and i + 1 < len(tokens) and tokens.keys[i + 1] in NAME_CONTEXT
        return flag(tok.start, tok.end, "name") if named else None
    start = _saint(ctx, i)
    if gaz:
        return flag(start, tok.end, "place" if gaz in ("place", "county") else "name")
    return flag(start, tok.end, "capitalised")


def _saint(ctx: Context, i: int) -> int:
    """Where a flag on token i starts: with the "St" or "Saint" right before it ("St Just" is one
    name, so registering it does not make every "just" a name)."""
    tokens = ctx.tokens
    if i and tokens.words[i - 1] in ("St", "Saint", "ST") and ctx.text[tokens.spans[i - 1][1]:tokens.spans[i][0]] in (" ", ". "):
        return tokens.spans[i - 1][0]
    return tokens[i].start


def _number(text: str, tokens, i: int) -> Hit | None:
    """A number no layer explained: flagged unless plainly safe; after a short code in capitals
    ("SY 412", "BRD 12": a boat's port letters and number) the code and the number are one flag."""
    tok = tokens[i]
    if i and _code_before(text, tokens, i):
        return flag(tokens.spans[i - 1][0], tok.end, "number")
    return None if safe_number(text, tokens, i) else flag(tok.start, tok.end, "number")


def _code_before(text: str, tokens, i: int) -> bool:
    word = tokens.words[i - 1]
    return (1 < len(word) <= 3 and word.isalpha() and word.isupper() and tokens.keys[i - 1] not in SAFE
            and text[tokens.spans[i - 1][1]:tokens.spans[i][0]] in (" ", "-", "") and tokens.words[i].isdigit())


def safe_number(text: str, tokens, i: int) -> bool:
    tok = tokens[i]
    key = tok.key
    if key in SAFE_ALNUM or _DECADE.fullmatch(key) or text[max(0, tok.start - 1):tok.start] in ("£", "$", "€") or (
            road_name(text, tok.start, tok.end)):  # "the A30", "the B4560": a public road
        return True
    if "24/7" in text[max(0, tok.start - 3):tok.end + 2]:
        return True
    if text[tok.end:tok.end + 1] == "%" or text[max(0, tok.start - 6):tok.start].lower() == "covid-":
        return True
    ordinal = _ORDINAL.fullmatch(key)
    digits = ordinal.group(1) if ordinal else key
    if not digits.isdigit():
        return False
    if len(digits) > 6:
        return False  # no small number, year or quantity (and int() refuses very long runs)
    value = int(digits)
    if (value <= 12 and not digits.startswith("0")) or (len(digits) == 4 and 1900 <= value <= 2039 and not ordinal):
        return True
    if ordinal:
        return False
    return _quantity(tokens.keys[i + 1:i + 3])


def _quantity(after: list[str]) -> bool:
    """The words after a number say it is a quantity: "forty boxes", "200 home visits", "20 or 30
    people", "forty or so"; not "4471 and I never change it"."""
    if after[:1] in (["and"], ["or"]):
        return len(after) > 1 and (after[1][:1].isdigit() or after[1] in _AFTER_OR)
    return any(k in UNITS or _plural(k) for k in after)


def _plural(key: str) -> bool:
    return len(key) > 3 and key.endswith("s") and key not in NOT_PLURAL and is_common(key)
