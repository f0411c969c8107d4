"""Choosing the excerpts for a story: a small seeded search under constraints.

Every beat has slots (``Beat.excerpts``). The search fills the slots in order,
depth first. At each slot the options are participants ordered for balance
(unused first, then fewest quotes, fewest words) with a seeded tie-break, each
offering their best-fitting unused excerpts. A full assignment is accepted when
it has at least ``need`` distinct participants and nobody supplies more than
``max_share`` of the quoted words. The search backtracks within a node budget
and otherwise reports the closest miss, which :mod:`.diagnose` turns into a
message.
"""
from __future__ import annotations

import zlib
from functools import lru_cache
from itertools import islice
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from typing import Protocol

from ..model import Excerpt
from .edits import Quote
from .pool import Groups

WIDTH = 3  # participants offered per slot
DEPTH = 2  # excerpts offered per participant
NODE_BUDGET = 4000


@lru_cache(maxsize=1 << 16)
def rank(seed: int, scope: str, key: str) -> tuple[int, str]:
    """A stable pseudo-random sort key (no dependence on PYTHONHASHSEED)."""
    return zlib.crc32(f"{seed}\x00{scope}\x00{key}".encode()), key


class QuoteSource(Protocol):
    """Where the search gets quotes for one compose call (:class:`.choose.Quotes` is the one used)."""

    def __call__(self, excerpt: Excerpt) -> Quote: ...

    def fit(self, excerpt: Excerpt) -> int | None: ...


@dataclass(frozen=True)
class Slot:
    beat: int
    groups: Groups
    order: tuple[str, ...]  # participants in seeded order
    pinned: "Pick | None" = None  # the editor's pin: the only option for this slot


@dataclass(frozen=True)
class Pick:
    beat: int
    excerpt: Excerpt
    quote: Quote
    pinned: bool = False


@dataclass
class Outcome:
    picks: list[Pick] | None = None
    best: list[Pick] | None = None  # closest miss when picks is None
    best_score: tuple[float, float] = (float("inf"), float("inf"))
    nodes: int = 0


@dataclass
class _State:
    used: set[str] = field(default_factory=set)
    count: Counter = field(default_factory=Counter)
    words: Counter = field(default_factory=Counter)
    picks: list[Pick] = field(default_factory=list)

    def push(self, pick: Pick) -> None:
        self.used.add(pick.excerpt.id)
        self.count[pick.excerpt.participant] += 1
        self.words[pick.excerpt.participant] += pick.quote.words
        self.picks.append(pick)

    def pop(self) -> None:
        pick = self.picks.pop()
        self.used.discard(pick.excerpt.id)
        self.count[pick.excerpt.participant] -= 1
        self.words[pick.excerpt.participant] -= pick.quote.words
        if not self.count[pick.excerpt.participant]:
            del self.count[pick.excerpt.participant]
            del self.words[pick.excerpt.participant]


class Search:
    """Fill *slots* so the story meets its contributor and share constraints."""

    def __init__(self, slots: list[Slot], need: int, max_share: float, quotes: "QuoteSource",
                 excerpt_rank: Callable[[str], tuple[int, str]], prune: bool = True) -> None:
        self.slots, self.need, self.max_share, self.prune = slots, need, max_share, prune
        self.quotes, self.excerpt_rank = quotes, excerpt_rank
        self.outcome = Outcome()
        self.state = _State()

    def run(self) -> Outcome:
        self._fill(0)
        if self.outcome.picks is None and self.outcome.best is None and self.prune:
            self.prune, self.outcome.nodes = False, 0  # every branch was cut: reach a full one to explain the miss
            self._fill(0)
        return self.outcome

    def _fill(self, i: int) -> bool:
        self.outcome.nodes += 1
        if i == len(self.slots):
            return self._accept()
        if self.prune and len(self.state.count) + (len(self.slots) - i) < self.need:
            return False
        for pick in self._options(self.slots[i]):
            if self.outcome.nodes > NODE_BUDGET:
                return False
            self.state.push(pick)
            if self._fill(i + 1):
                return True
            self.state.pop()
        return False

    def _accept(self) -> bool:
        total = sum(self.state.words.values()) or 1
        shortfall = max(0, self.need - len(self.state.count))
        excess = max(0.0, max(self.state.words.values(), default=0) / total - self.max_share)
        score = (shortfall, excess)
        if score < self.outcome.best_score:
            self.outcome.best_score, self.outcome.best = score, list(self.state.picks)
        if shortfall == 0 and excess <= 1e-9:
            self.outcome.picks = list(self.state.picks)
            return True
        return False

    def _participants(self, slot: Slot) -> list[str]:
        """Up to WIDTH participants with an unused excerpt: newcomers first, then the least used."""
        fresh = (p for p in slot.order if p not in self.state.count and self._has_unused(slot, p))
        chosen = list(islice(fresh, WIDTH))
        if len(chosen) < WIDTH:
            used = [p for p in self.state.count if p in slot.groups and self._has_unused(slot, p)]
            used.sort(key=lambda p: (self.state.count[p], self.state.words[p], slot.order.index(p)))
            chosen += used[: WIDTH - len(chosen)]
        return chosen

    def _has_unused(self, slot: Slot, participant: str) -> bool:
        return any(e.id not in self.state.used and self.quotes.fit(e) is not None for e in slot.groups[participant])

    def _excerpts(self, slot: Slot, participant: str) -> list[Pick]:
        """The participant's DEPTH best unused excerpts: closest to the length budget, then seeded."""
        fits = [(self.quotes.fit(e), self.excerpt_rank(e.id), e) for e in slot.groups[participant]
                if e.id not in self.state.used and self.quotes.fit(e) is not None]
        picks = []
        for _fit, _rank, excerpt in sorted(fits, key=lambda t: t[:2]):
            picks.append(Pick(slot.beat, excerpt, self.quotes(excerpt)))
            if len(picks) == DEPTH:
                break
        return picks

    def _options(self, slot: Slot) -> list[Pick]:
        if slot.pinned is not None:
            return [slot.pinned]
        columns = [self._excerpts(slot, p) for p in self._participants(slot)]
        return [col[d] for d in range(DEPTH) for col in columns if d < len(col)]
