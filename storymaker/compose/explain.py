"""Why this quote: per beat, the chosen excerpts with their reason and the near misses with the
rule that kept each out. Private (participants only as pseudonymous ids, never their words).

    explain(excerpts, withdrawn, spec, composition, safe) -> Explanation   (plain data)
    Explanation.lines() -> the text ``storymaker compose --explain`` prints

The near-miss rules, first that applies: withdrawn, sensitive, audience, consent,
not anonymised (:func:`.pins.broken_rule`); excluded; pinned or already used in
another beat; not consented for every output when the story tells the same words on
each; and for excerpts that could have been used, what a swap would have done
(push someone over ``max_share``, lose a contributor) or that balance and the seeded
order preferred the chosen ones.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Iterable, Mapping

from ..model import Excerpt, Redaction, StorySpec
from .assemble import Composition
from .choose import Quotes, quote_budget
from .pins import broken_rule
from .pool import theme_matches
from .provenance import QuoteRecord
from .swaps import Tally, swap_rule

NEAR_MISSES = 8  # listed per beat; the rest are counted by rule
# the order near misses are listed in: the rules an editor can act on first, plain balance last
RULES = ("withdrawn", "sensitive", "audience", "consent", "verbatim", "excluded", "pinned", "used",
         "same-words", "share", "contributors", "balance", "seed")


@dataclass(frozen=True)
class Chosen:
    excerpt: str
    participant: str
    words: int
    reason: str


@dataclass(frozen=True)
class NearMiss:
    excerpt: str
    participant: str
    rule: str  # one of RULES
    reason: str  # the rule said with its numbers


@dataclass(frozen=True)
class BeatExplanation:
    beat: int
    heading: str
    chosen: tuple[Chosen, ...]
    near_misses: tuple[NearMiss, ...]
    more: tuple[tuple[str, int], ...] = ()  # (rule, how many) for the near misses not listed


@dataclass(frozen=True)
class Explanation:
    slug: str
    audience: str
    channel: str
    seed: int
    max_share: float
    contributors: int
    beats: tuple[BeatExplanation, ...]

    def to_dict(self) -> dict:
        return asdict(self)

    def lines(self) -> list[str]:
        out = [f"{self.slug} ({self.audience}/{self.channel}): {self.contributors} contributors, seed {self.seed}, "
               f"max_share {round(100 * self.max_share)}%"]
        for b in self.beats:
            out.append(f"  beat {b.beat + 1} '{b.heading}'")
            out += [f"    chose {c.excerpt} ({c.participant}, {c.words} words): {c.reason}" for c in b.chosen]
            out += [f"    not {m.excerpt} ({m.participant}): {m.reason}" for m in b.near_misses]
            if b.more:
                counts = ", ".join(f"{n} {rule}" for rule, n in b.more)
                out.append(f"    and {sum(n for _r, n in b.more)} more not chosen ({counts})")
        return out


def _matched(excerpt: Excerpt, themes: tuple[str, ...]) -> list[str]:
    return [tag for tag in excerpt.themes if any(theme_matches(tag, t) for t in themes)]


def _chosen(record: QuoteRecord, excerpt: Excerpt, spec: StorySpec, first_use: bool) -> Chosen:
    beat = spec.beats[record.beat]
    matched = _matched(excerpt, beat.themes)
    if record.excerpt in beat.pin:
        tags = "" if matched else f" (not tagged {', '.join(beat.themes)})"
        return Chosen(record.excerpt, record.participant, record.words, f"pinned{tags}")
    balance = (f"balance: first quote from {record.participant}" if first_use
               else f"balance: {record.participant} again, as no newcomer's quote met every rule")
    trimmed = "; trimmed to the story's target length" if any(e.kind == "trim" for e in record.edits) else ""
    return Chosen(record.excerpt, record.participant, record.words,
                  f"matched themes {', '.join(matched)}; {balance}{trimmed}")


def _placed_rule(eid: str, i: int, spec: StorySpec, used: Mapping[str, int]) -> tuple[str, str]:
    """Excluded, pinned elsewhere or already used: the editor's lists and the one-use rule."""
    beat = spec.beats[i]
    if eid in beat.exclude:
        return "excluded", "excluded from this beat (exclude:)"
    if eid in spec.exclude:
        return "excluded", "excluded from the story (story exclude:)"
    other = next((j for j, b in enumerate(spec.beats) if eid in b.pin and j != i), None)
    if other is not None:
        return "pinned", f"pinned in beat {other + 1} '{spec.beats[other].heading}'"
    if eid in used and used[eid] != i:
        return "used", f"already used in beat {used[eid] + 1} '{spec.beats[used[eid]].heading}'"
    return "", ""


def _same_words_rule(excerpt: Excerpt, context: "_Context") -> tuple[str, str]:
    missing = [c for c in context.spec.outputs if c not in excerpt.consent] if context.same_words else []
    if not missing:
        return "", ""
    return "same-words", (f"no {' or '.join(missing)} consent, and this story tells the same words on "
                          f"{' and '.join(context.spec.outputs)}")


def _near_miss(excerpt: Excerpt, i: int, context: "_Context") -> NearMiss:
    checks = (lambda: broken_rule(excerpt, context.withdrawn, context.audience, context.channel, context.safe),
              lambda: _placed_rule(excerpt.id, i, context.spec, context.used),
              lambda: _same_words_rule(excerpt, context),
              lambda: swap_rule(excerpt, i, context.tally, context.quotes(excerpt).words))
    rule = next(found for check in checks if (found := check())[0])
    return NearMiss(excerpt.id, excerpt.participant, *rule)


def _listed(misses: list[NearMiss]) -> tuple[tuple[NearMiss, ...], tuple[tuple[str, int], ...]]:
    """A few of each rule in turn (round robin), the other audience's excerpts last; the rest counted."""
    misses = sorted(misses, key=lambda m: (RULES.index(m.rule), m.excerpt))
    seen: Counter = Counter()
    turns = [seen.update([m.rule]) or seen[m.rule] for m in misses]  # 1 for each rule's first, 2 for its second...
    order = sorted(range(len(misses)), key=lambda k: (misses[k].rule == "audience", turns[k], RULES.index(misses[k].rule)))
    misses = [misses[k] for k in order]
    rest = Counter(m.rule for m in misses[NEAR_MISSES:])
    return tuple(misses[:NEAR_MISSES]), tuple((r, rest[r]) for r in RULES if rest[r])


@dataclass(frozen=True)
class _Context:
    spec: StorySpec
    audience: str
    channel: str
    withdrawn: frozenset[str]
    safe: Mapping[str, Redaction]
    used: Mapping[str, int]
    same_words: bool
    tally: Tally
    quotes: Quotes


def explain(excerpts: Iterable[Excerpt], withdrawn: frozenset[str], spec: StorySpec,
            composition: Composition, safe: Mapping[str, Redaction]) -> Explanation:
    """The reasons behind one composed story version (see the module docstring)."""
    p = composition.provenance
    by_id = {e.id: e for e in excerpts}
    used = {q.excerpt: q.beat for q in p.quotes}
    tally = Tally.of(p.quotes, spec, p.audience)
    context = _Context(spec, p.audience, p.channel, withdrawn, safe, used, p.same_words_every_channel,
                       tally, Quotes(safe, quote_budget(spec)))
    beats, seen = [], set()
    for i, beat in enumerate(spec.beats):
        chosen = []
        for q in (q for q in p.quotes if q.beat == i):
            chosen.append(_chosen(q, by_id[q.excerpt], spec, q.participant not in seen))
            seen.add(q.participant)
        listed, more = _listed([_near_miss(e, i, context) for e in by_id.values()
                                if used.get(e.id) != i and _matched(e, beat.themes)])
        beats.append(BeatExplanation(i, beat.heading, tuple(chosen), listed, more))
    return Explanation(p.slug, p.audience, p.channel, p.seed, p.max_share, p.contributors, tuple(beats))
