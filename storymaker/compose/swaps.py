"""What swapping one usable excerpt into a composed beat would do: the near-miss rule for
excerpts that broke no rule on their own (dominance cap, contributors, or just balance)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Excerpt, StorySpec
from .provenance import QuoteRecord


@dataclass(frozen=True)
class Tally:
    words: Counter
    count: Counter
    automatic: tuple[QuoteRecord, ...]  # the quotes the search chose (not pinned), any beat
    need: int
    max_share: float
    seed: int

    @classmethod
    def of(cls, quotes: tuple[QuoteRecord, ...], spec: StorySpec, audience: str) -> "Tally":
        words, count = Counter(), Counter()
        for q in quotes:
            words[q.participant] += q.words
            count[q.participant] += 1
        automatic = tuple(q for q in quotes if q.excerpt not in spec.beats[q.beat].pin)
        return cls(words, count, automatic, spec.contributors_needed(audience), spec.max_share, spec.seed)

    def after_swap(self, out: QuoteRecord, participant: str, words: int) -> tuple[str, float, int]:
        """(top participant, their share, contributors) once *out* is replaced."""
        w, c = Counter(self.words), Counter(self.count)
        w[out.participant] -= out.words
        c[out.participant] -= 1
        w[participant] += words
        c[participant] += 1
        total = sum(w.values()) or 1
        top = max(sorted(w), key=lambda p: w[p])
        return top, w[top] / total, sum(1 for n in c.values() if n > 0)


def swap_rule(excerpt: Excerpt, beat: int, tally: Tally, words: int) -> tuple[str, str]:
    """Why *excerpt* is not in *beat* although it broke no rule on its own: (rule, text)."""
    swaps = [tally.after_swap(q, excerpt.participant, words) for q in tally.automatic if q.beat == beat]
    if not swaps:
        return "pinned", "the beat is filled by its pins"
    within = [s for s in swaps if s[1] <= tally.max_share + 1e-9]
    if not within:
        top, share, _n = min(swaps, key=lambda s: s[1])
        return "share", f"would push {top} over {round(100 * tally.max_share)}% of quoted words (to {round(100 * share)}%)"
    if all(n < tally.need for _t, _s, n in within):
        n = max(n for _t, _s, n in within)
        return "contributors", f"would leave {n} contributors; {tally.need} needed"
    if tally.count[excerpt.participant]:
        times = {1: "once", 2: "twice"}.get(tally.count[excerpt.participant], f"{tally.count[excerpt.participant]} times")
        return "balance", f"{excerpt.participant} is already quoted {times}; balance preferred other voices (pin it to use it)"
    return "seed", f"met every rule; the seeded order (seed {tally.seed}) preferred the chosen quotes (pin it to use it)"
