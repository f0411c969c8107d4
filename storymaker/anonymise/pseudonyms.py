"""Pseudonyms and descriptors handed out in order of first appearance.

Pseudonyms are deliberately uncommon names, checked at start-up against the gazetteers,
common English words and every registered name (and its parts and spelling variants), so
a pseudonym never collides with a real name and never looks like one the detector would
replace again.
"""
from __future__ import annotations

from collections.abc import Iterable

from .lexicon import first_names, is_common, places, surnames

# Given names used for people of any gender (so "Lorraine ... she" never becomes a name that
# reads as a man's), uncommon enough not to be in the first-name gazetteer. Order matters:
# the first ones are handed out first.
FIRST = """Ainsley Arden Ellery Emerson Reese Remy Tatum Teagan Wynn Lennox Presley Peyton Skyler Shiloh
Adair Auden Cass Corin Dallas Denver Fallon Fenn Jaden Keelan Landry Linley Marlowe Merritt Monroe Quincy
Shae Dara Jaime Kasey Laine Marin Perrin Whitley Zale Dakota Sidney Aubrey Ariel Reagan Mallory Emory
Kenzie Parris Rowen Averill Kenley Lorin Quinlan Lowrie Amari Arin Devin Kinsey Lael Mika Tyne Yarrow
Evren Halley Lynden Madigan Ennis Meade Lux Eames Noa Lanyon Kerrigan Loxley Waverly Merion""".split()
LAST = """Ashdown Blackthorn Carraway Dunmore Elsworth Fairweather Greaves Hallam Jessop
Lamplugh Marchbank Northcott Oakes Pennock Quarrie Rudge Saltmarsh Thorne Underhill Venn Whitlock Ambler Birtwistle
Catterall Duckworth Entwistle Fothergill Garside Hebblethwaite Illingworth Kershaw Lumb Nuttall
Ormerod Pickles Ramsbottom Sutcliffe Tattersall Uttley Wadsworth Ackroyd Blezard Crabtree Dewhirst Eccles Fazackerley
Gawthorpe Ibbotson Jowett Kenyon Lightowler Moorhouse Noble Oldroyd Priestley Rhodes Shackleton Pargeter Quennell Rookwood Sallowby Tregarthen
Verrall Winterbottom Yelland Bellringer Cowdray Dimmock Eastaugh Frobisher Gotobed Hollingdrake""".split()
# All of one size: a registered village must not become "a city", nor Glasgow "a village nearby"
# (a register entry's own `replace:` says more when it matters).
PLACES = ["a nearby town", "a neighbouring town", "a market town", "a rural town", "a small town",
          "another town", "a town further away", "a town some way off"]
COUNTIES = ["a neighbouring county", "another county", "a county further away"]


def _usable(name: str, banned: set[str], gazetteer: frozenset[str]) -> bool:
    key = name.lower()
    return key not in banned and key not in gazetteer and key not in places() and not is_common(key)


class Pools:
    """Hands out the next unused pseudonym or descriptor of each sort."""

    def __init__(self, banned: Iterable[str]) -> None:
        self.banned = {b.lower() for b in banned}
        gaz = first_names() | surnames()
        self._first = [n for n in FIRST if _usable(n, self.banned, gaz)]
        self._last = [n for n in LAST if _usable(n, self.banned, gaz)]
        self._counts: dict[str, int] = {}

    def _next(self, sort: str, pool: list[str]) -> str | None:
        n = self._counts.get(sort, 0)
        while n < len(pool) and pool[n].lower() in self.banned:  # seen in a text since start-up
            n += 1
        self._counts[sort] = n + 1
        return pool[n] if n < len(pool) else None

    def _paired(self, sort: str, pool: list[str], fallback: str) -> str:
        """Once a pool runs out: two of its names joined ("Ainsley-Arden", "Ashdown-Blackthorn"),
        still distinct, still a name when read aloud."""
        n = self._counts.get(sort + "+", 0)
        self._counts[sort + "+"] = n + 1
        size = len(pool)
        if size < 2:
            return fallback
        a, b = divmod(n, size - 1)
        first, second = pool[a % size], pool[(a + 1 + b) % size]
        return f"{first}-{second}"

    def first(self) -> str:
        return self._next("first", self._first) or self._paired("first", self._first, "someone else")

    def last(self) -> str:
        return self._next("last", self._last) or self._paired("last", self._last, "another family")

    def place(self) -> str:  # descriptors may repeat once all are used: they name nobody
        n = self._counts.get("place", 0)
        self._counts["place"] = n + 1
        return PLACES[n % len(PLACES)]

    def county(self) -> str:
        n = self._counts.get("county", 0)
        self._counts["county"] = n + 1
        return COUNTIES[n % len(COUNTIES)]

    def organisation(self, kind: str) -> str:
        n = self._counts.get("org:" + kind, 0)
        self._counts["org:" + kind] = n + 1
        return f"the {kind}" if n == 0 else f"another {kind}" if n % 2 else f"a different {kind}"
