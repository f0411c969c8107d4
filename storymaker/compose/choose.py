"""Drive the search for one story version: budget, phases, and the error when it fails.

Phase one looks only at excerpts consented for every channel in
``spec.outputs``: that pool is the same for the web and the video version, so
both usually tell the same words. Phase two, only if phase one fails, opens the
pool to everything consented for this channel. Failure of both raises
:class:`~storymaker.errors.ComposeError` explaining the phase-two miss.
"""
from __future__ import annotations

from typing import Mapping

from ..errors import ComposeError
from ..model import Excerpt, Redaction, StorySpec
from .diagnose import explain, shape_problem
from .edits import PERSON_RULES, TRIM_SLACK, Quote, make_quote
from .language import primary, reads_as_welsh
from .sentences import word_count
from .pins import excluded, group_problems, pin_problems
from .pool import Pool
from .search import Outcome, Pick, Search, Slot, rank


def quote_budget(spec: StorySpec) -> int | None:
    """About how many words each quote may have (``target_words`` counts quoted words)."""
    slots = sum(b.excerpts for b in spec.beats)
    if not spec.target_words or not slots:
        return None
    return max(1, round(spec.target_words / slots))


def english(excerpt: Excerpt) -> bool:
    """Whether the English first-person rule ("i" -> "I") may touch this excerpt: not in Welsh,
    where "i" is a word of its own ("er mwyn i mi", "Ges i baned")."""
    if excerpt.lang:
        return primary(excerpt.lang) == "en"
    return not reads_as_welsh(excerpt.text)


class Quotes:
    """The quotes for one compose call, made only for the excerpts the search takes up."""

    def __init__(self, safe: Mapping[str, Redaction], budget: int | None) -> None:
        self.safe, self.budget = safe, budget
        self._made: dict[str, Quote] = {}
        self._fit: dict[str, int | None] = {}

    def __call__(self, excerpt: Excerpt) -> Quote:
        if excerpt.id not in self._made:
            rules = PERSON_RULES if english(excerpt) else ()
            self._made[excerpt.id] = make_quote(self.safe[excerpt.id], self.budget, rules)
        return self._made[excerpt.id]

    def fit(self, excerpt: Excerpt) -> int | None:
        """How far the excerpt is from the length budget (0 best); None if it has no safe text."""
        if excerpt.id not in self._fit:
            self._fit[excerpt.id] = self._measure(excerpt)
        return self._fit[excerpt.id]

    def _measure(self, excerpt: Excerpt) -> int | None:
        redaction = self.safe.get(excerpt.id)
        if redaction is None or redaction.flags or not redaction.text.strip():
            return None
        if self.budget is None:
            return 0
        words = word_count(redaction.text)
        if words > self.budget * TRIM_SLACK:
            return 1  # will be trimmed to about the budget: nearly as good as a close fit
        return abs(words - self.budget) // max(1, self.budget // 4)


def _slots(pool: Pool, spec: StorySpec, audience: str, channels: frozenset[str], quotes: Quotes,
           lang: str | None = None) -> list[Slot]:
    """Per beat: a slot per pin (in the pins' order), then the slots chosen automatically (from
    excerpts in ``lang`` only, when given: a pin is the editor's choice, in any language)."""
    slots: list[Slot] = []
    speaks = pool.languages.speaks
    for i, beat in enumerate(spec.beats):
        skip = excluded(spec, i)
        groups = {p: kept for p, found in pool.groups(tuple(beat.themes), audience, channels).items()
                  if (kept := tuple(e for e in found if e.id not in skip and (lang is None or speaks(e, lang))))}
        order = tuple(sorted(groups, key=lambda p: rank(spec.seed, spec.slug, p)))
        for eid in beat.pin:
            excerpt = pool.by_id[eid]
            slots.append(Slot(i, groups, order, Pick(i, excerpt, quotes(excerpt), pinned=True)))
        slots.extend(Slot(i, groups, order) for _ in range(beat.excerpts - len(beat.pin)))
    return slots


def _check_pins(pool: Pool, spec: StorySpec, audience: str, channel: str, quotes: Quotes) -> None:
    problems = pin_problems(pool.by_id.values(), pool.withdrawn, spec, audience, channel, quotes.safe)
    if not problems:
        pinned = {eid: (pool.by_id[eid].participant, quotes(pool.by_id[eid]).words) for b in spec.beats for eid in b.pin}
        problems = group_problems(spec, audience, pinned)
    if problems:
        raise ComposeError(problems)


def _phases(pool: Pool, spec: StorySpec, audience: str, channel: str) -> list[frozenset[str]]:
    """Every channel of the story first (same words everywhere), then this channel alone."""
    everywhere = frozenset(spec.outputs) | {channel}
    pins = [pool.by_id[eid] for b in spec.beats for eid in b.pin]
    first = [everywhere] if all(pool.usable(e, audience, everywhere) for e in pins) else []
    return list(dict.fromkeys(first + [frozenset({channel})]))


def choose(pool: Pool, spec: StorySpec, audience: str, channel: str,
           safe: Mapping[str, Redaction]) -> tuple[list[Pick], bool]:
    """The picks for every slot, and whether they suit every channel in ``spec.outputs``."""
    problem = shape_problem(spec, audience, channel)
    if problem:
        raise ComposeError(problem)
    quotes = Quotes(safe, quote_budget(spec))
    _check_pins(pool, spec, audience, channel, quotes)
    everywhere = frozenset(spec.outputs) | {channel}
    outcome = Outcome()
    own = spec.lang or pool.languages.default  # the story's own language first, any language after
    for lang, channels in [(lang, c) for lang in ([None] if pool.languages.one else [own, None])
                           for c in _phases(pool, spec, audience, channel)]:
        search = Search(_slots(pool, spec, audience, channels, quotes, lang), spec.contributors_needed(audience),
                        spec.max_share, quotes, lambda eid: rank(spec.seed, spec.slug, eid))
        outcome = search.run()
        if outcome.picks is not None:
            return outcome.picks, channels == everywhere
    raise ComposeError(explain(pool, spec, audience, channel, safe, outcome))
