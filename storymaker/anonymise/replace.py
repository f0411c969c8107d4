"""Choose a replacement for each detected identifier, the same one every time within a project."""
from __future__ import annotations

from ..model import Register, RegisterEntry
from .hits import Hit
from .index import keys_of
from .orgs import SINGLE_KINDS, kind_of
from .pseudonyms import Pools
from .variants import spelling_variants


UNKNOWN = "something I won't name"
DROPPED = frozenset({"house number after its street"})  # reasons whose identifier goes without a word
# Generic nouns that say what an `other` entry is without saying which one ("the Tuesday Club" -> "a club").
HEADS = frozenset("""club group team project scheme programme service centre hub network forum campaign fund
unit room building block house court event festival fair meeting course class session cafe café initiative
pilot app line helpline hotline system ward bus van car shop market garden park""".split())


def other_phrase(value: str) -> str:
    """What an `other` entry that is no structured identifier becomes: what it is, when one of
    its words says so ("Ward 7B" -> "a ward", "the Tuesday Club" -> "a club"), else a phrase
    that fits wherever a noun would ("It was called something I won't name")."""
    for key in reversed(keys_of(value)):
        kind = key if key in HEADS else SINGLE_KINDS.get(key)
        if kind:
            return f"{'an' if kind[0] in 'aeio' else 'a'} {kind}"
    return UNKNOWN


def _name_like(text: str) -> bool:
    words = text.split()
    return bool(words) and all(w[:1].isupper() for w in words)


def banned_names(register: Register) -> set[str]:
    """Every registered token and its spelling variants: never usable as a pseudonym."""
    banned: set[str] = set()
    for value in register.values():
        for key in keys_of(value):
            banned.add(key)
            banned.update(spelling_variants(key))
    return banned


class Replacer:
    """Maps a hit's key to its replacement, consistently."""

    def __init__(self, register: Register) -> None:
        self.entries = register.entries
        self.pools = Pools(banned_names(register))
        self.chosen: dict[str, str] = {}
        self._people: dict[int, tuple[str, str]] = {}

    def replacement(self, hit: Hit, original: str) -> str:
        if hit.replacement or hit.kind in ("time", "vehicle") or hit.reason in DROPPED:
            return hit.replacement
        key = hit.key or f"{hit.kind}:{' '.join(original.lower().split())}"
        if key not in self.chosen:
            self.chosen[key] = self._choose(key, hit)
        return self.chosen[key]

    def _choose(self, key: str, hit: Hit) -> str:
        sort, _, rest = key.partition(":")
        if sort == "register":
            entry_no, _, role = rest.partition(":")
            return self._register(int(entry_no), role)
        if sort == "person-first":
            return self._person_part("first", rest)
        if sort == "person-last":
            return self._person_part("last", rest)
        if sort == "county":
            return self.pools.county()
        if sort == "place":
            return self.pools.place()
        if sort == "organisation":
            return self.pools.organisation(kind_of(rest.title()))
        return UNKNOWN

    def _person_part(self, role: str, name: str) -> str:
        other = "person-last:" if role == "first" else "person-first:"
        if other + name in self.chosen:  # the same word seen in the other role keeps one pseudonym
            return self.chosen[other + name]
        return self.pools.first() if role == "first" else self.pools.last()

    def _register(self, n: int, role: str) -> str:
        entry = self.entries[n]
        if entry.kind == "person":
            return self._person(n, entry, role)
        if entry.replacement:
            return entry.replacement
        if entry.kind == "place":
            return self.pools.place()
        if entry.kind == "organisation":
            return self.pools.organisation(kind_of(entry.value))
        return other_phrase(entry.value)

    def _person(self, n: int, entry: RegisterEntry, role: str) -> str:
        if entry.replacement and not _name_like(entry.replacement):
            return entry.replacement  # a role descriptor: "my manager"
        if n not in self._people:
            given = entry.replacement.split() if entry.replacement else [self.pools.first(), self.pools.last()]
            self._people[n] = (given[0], given[-1])
        first, last = self._people[n]
        single = len(keys_of(entry.value)) == 1
        if role == "first" or (role in ("full", "alias") and single):
            return first
        if role == "last":
            return last
        if role == "middle":
            return first
        return entry.replacement if entry.replacement else f"{first} {last}"
