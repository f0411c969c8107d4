"""The detector's internal span type and the Presidio-style merge of overlapping spans."""
from __future__ import annotations

from dataclasses import dataclass, replace

# Higher wins when spans overlap: register > structured identifier > pattern > gazetteer > flag.
PRIORITY = {"register": 5, "structured": 4, "pattern": 3, "gazetteer": 2, "flag": 1}
# ... except that an identifier of one of these kinds wins over any name found inside it:
# "jackie.holt@example.org" is an email address, not Jackie Holt; "@hope_williams" is one handle;
# "the week after the Port Ruadh Gala in 2018" is one date, not a place.
CONTAINERS = frozenset({"email", "phone", "nhs", "ni", "postcode", "url", "handle", "event date", "vehicle"})


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    kind: str  # person | place | organisation | other | email | phone | nhs | ni | postcode | ...
    source: str  # a key of PRIORITY
    reason: str  # for the log, e.g. "register: people", "gazetteer: town"
    key: str = ""  # what the replacement is keyed on (consistency), e.g. "person:margaret owen"
    replacement: str = ""  # fixed replacement, if the recogniser knows it
    flag: str = ""  # for source "flag": "capitalised word", "number", "possible name" ...
    reach: int = 0  # a phrase flag cut short before a span inside it: where the whole phrase ends

    @property
    def priority(self) -> int:
        return PRIORITY[self.source]

    @property
    def is_flag(self) -> bool:
        return self.source == "flag"


def merge(hits: list[Hit]) -> list[Hit]:
    """Merge overlapping hits: the highest priority (then longest) wins and grows to cover the union.

    Fail closed: a lower-priority hit is never dropped while part of it is uncovered; a
    replacement that overlaps a flag swallows the flag.
    """
    ordered = sorted(hits, key=lambda h: (h.start, -h.end))
    merged: list[Hit] = []
    for hit in ordered:
        if merged and hit.start < merged[-1].end:
            merged[-1] = _union(merged[-1], hit)
        else:
            merged.append(hit)
    return merged


def _contains(a: Hit, b: Hit) -> bool:
    return a.kind in CONTAINERS and a.start <= b.start and b.end <= a.end and b.kind not in CONTAINERS


def _union(a: Hit, b: Hit) -> Hit:
    if _contains(a, b) or _contains(b, a):
        winner = a if _contains(a, b) else b
    else:
        winner = a if (a.priority, a.end - a.start) >= (b.priority, b.end - b.start) else b
    start, end = min(a.start, b.start), max(a.end, b.end)
    return winner if (start, end) == (winner.start, winner.end) else replace(winner, start=start, end=end)
