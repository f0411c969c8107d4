"""Layer: dates pinned to a holiday or a public event ("the Friday before Whitsun 2019", "the
Monday after Bonfire Night", "Easter 2020", "Christmas twenty eighteen"). A holiday on its own
("at Christmas") is safe; with a year, or a weekday counted from it, it names one day."""
from __future__ import annotations

import re

from ..hits import Hit
from ..windows import finditer, windows
from ..wordre import words_pattern
from .base import Context, Tables

HOLIDAYS = """christmas|christmas day|christmas eve|boxing day|new year|new year's day|new year's eve|easter|
easter sunday|easter monday|easter weekend|good friday|whitsun|whit monday|whit sunday|whit week|bonfire night|
guy fawkes night|guy fawkes|halloween|hogmanay|burns night|mother's day|mothering sunday|father's day|
valentine's day|valentines day|remembrance sunday|remembrance day|armistice day|pancake day|shrove tuesday|
ash wednesday|maundy thursday|st patrick's day|st george's day|st david's day|st andrew's day|may day|
bank holiday|bank holiday monday|the bank holiday|eid|diwali|hanukkah|passover|vaisakhi|ramadan|lent|
chinese new year|lunar new year|black friday|the jubilee|the coronation|the royal wedding|the olympics|
the world cup|the euros|the general election|the referendum|the miners' gala|the great north run|the hoppings|
the blessing of the boats|the regatta|the lifeboat day|the carnival|the gala|half term|the summer holidays"""
_HOLIDAY = words_pattern(h.strip() for h in HOLIDAYS.replace("\n", "").split("|"))
_DAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|day|night|morning|afternoon|evening|weekend|week)"
_YEAR = r"(?:,?[ \t]+(?:in[ \t]+|of[ \t]+)?(?:19|20)\d\d)"
_ON = r"(?:(?:on|at|in|over|during)[ \t]+)?"
RELATIVE = re.compile(rf"\b{_ON}(?:the[ \t]+)?(?:{_DAY}|(?:two|three|\d)[ \t]+(?:days|weeks))[ \t]+(?:before|after)[ \t]+"
                      rf"(?:last[ \t]+|that[ \t]+)?(?:{_HOLIDAY})\b{_YEAR}?", re.I)
_CLUES = frozenset({"before", "after"})
YEARS = frozenset(str(y) for y in range(1900, 2040))
BEFORE_AFTER = re.compile(r"\b(?:before|after)\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WITH_YEAR = re.compile(rf"\b{_ON}(?:{_HOLIDAY})\b{_YEAR}\b", re.I)


# "the week after the Mod in 2019", "on the Saturday of the Port Ruadh Gala 2018": a day counted from a
# local event (any capitalised name) with a year. Replaced whole, names inside it included.
EVENT = re.compile(rf"\b(?i:{_ON}(?:the[ \t]+)?(?:{_DAY})[ \t]+(?:before|after|of)[ \t]+the)[ \t]+"
                   rf"(?:[A-Z][\w'-]*[ \t]+(?:(?:of|on|and|&)[ \t]+)?){{0,3}}[A-Z][\w'-]*(?i:{_YEAR})\b")


class HolidayDateRecognizer:
    name = "holiday dates"
    priority = 88

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        text = ctx.text
        out: list[Hit] = []
        if not ctx.keyset.isdisjoint(_CLUES):
            out.extend(self._relative(text))
        if not ctx.keyset.isdisjoint(YEARS):
            out.extend(Hit(m.start(), m.end(), "event date", "structured", "date counted from an event, with a year",
                           f"date:{m.group().lower()}", "one day") for m in finditer(EVENT, text, windows(text, YEAR, 120, 4)))
            out.extend(Hit(m.start(), m.end(), "date", "structured", "holiday with a year", f"date:{m.group().lower()}",
                           "one year") for m in finditer(WITH_YEAR, text, windows(text, YEAR, 60, 0)))
        return out

    def _relative(self, text: str) -> list[Hit]:
        return [Hit(m.start(), m.end(), "date", "structured", "date counted from a holiday", f"date:{m.group().lower()}",
                   "one day") for m in finditer(RELATIVE, text, windows(text, BEFORE_AFTER, 40, 48))]
