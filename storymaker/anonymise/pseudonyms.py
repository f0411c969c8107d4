"""Pseudonyms and descriptors handed out in order of first appearance.

Pseudonyms are deliberately uncommon names, checked at start-up against the gazetteers,
common English words and every registered name (and its parts and spelling variants), so
a pseudonym never collides with a real name and never looks like one the detector would
replace again.
"""
from __future__ import annotations

from collections.abc import Iterable

from .lexicon import first_names, is_common, places, surnames

FIRST = """Ada Agnes Alma Ambrose Anselm Araminta Bram Cecily Clement Cora Cyril Delphine Edgar Edwina Elspeth
Enid Esme Ezra Fenella Florian Gideon Greer Hester Ignatius Ines Isolde Jago Juno Leopold Linus Lorcan Mabel
Marius Maud Merle Nell Nye Odile Ottilie Otto Perpetua Piers Quentin Rosalind Rufus Saffron Seren Silas Tamsin
Tobias Ursula Wilf Winifred Xander Zinnia Bertram Cressida Dorcas Evander Fabian Godfrey Hermione Imogen Jonah
Kester Lavinia Magnus Niamh Oriel Peregrine Romilly Sebastian Thaddeus Una Valentine Wystan Yolanda Aurelia
Barnaby Clemency Dulcie Elowen Ferdinand Gwendolen Horatio Ianthe Jocasta Lysander Marigold Oswin Philippa Rosamund
Tristram Ulric Viola Wilhelmina Zephyr""".split()
LAST = """Ashdown Blackthorn Carraway Dunmore Elsworth Fairweather Greaves Hallam Jessop
Lamplugh Marchbank Northcott Oakes Pennock Quarrie Rudge Saltmarsh Thorne Underhill Venn Whitlock Ambler Birtwistle
Catterall Duckworth Entwistle Fothergill Garside Hebblethwaite Illingworth Kershaw Lumb Nuttall
Ormerod Pickles Ramsbottom Sutcliffe Tattersall Uttley Wadsworth Ackroyd Blezard Crabtree Dewhirst Eccles Fazackerley
Gawthorpe Ibbotson Jowett Kenyon Lightowler Moorhouse Noble Oldroyd Priestley Rhodes Shackleton Pargeter Quennell Rookwood Sallowby Tregarthen
Verrall Winterbottom Yelland Bellringer Cowdray Dimmock Eastaugh Frobisher Gotobed Hollingdrake""".split()
PLACES = ["a nearby town", "a neighbouring town", "a market town", "a rural town", "a small town",
          "another town", "a town further away", "a city some way off", "another city", "a village nearby"]
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

    def _next(self, sort: str, pool: list[str], fallback: str) -> str:
        n = self._counts.get(sort, 0)
        while n < len(pool) and pool[n].lower() in self.banned:  # seen in a text since start-up
            n += 1
        self._counts[sort] = n + 1
        if n < len(pool):
            return pool[n]
        return f"{fallback} {n - len(pool) + 2}" if pool else fallback

    def first(self) -> str:
        return self._next("first", self._first, "another person")

    def last(self) -> str:
        return self._next("last", self._last, "another family")

    def place(self) -> str:
        return self._next("place", PLACES, "another place")

    def county(self) -> str:
        return self._next("county", COUNTIES, "another county")

    def organisation(self, kind: str) -> str:
        n = self._counts.get("org:" + kind, 0)
        self._counts["org:" + kind] = n + 1
        return [f"the {kind}", f"another {kind}", f"a different {kind}"][n] if n < 3 else f"one more {kind}"
