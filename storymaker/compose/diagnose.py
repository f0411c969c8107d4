"""Why a story cannot be composed: one actionable line naming the beat, the
constraint and the numbers. Never quotes an excerpt's words."""
from __future__ import annotations

from collections import Counter
from typing import Mapping

from ..model import Beat, Excerpt, Problem, Redaction, StorySpec
from .pins import excluded
from .pool import Pool
from .search import Outcome


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _themes(beat: Beat) -> str:
    return ", ".join(beat.themes) or "(no themes)"


def _where(spec: StorySpec, audience: str, channel: str) -> str:
    return f"story '{spec.slug}' ({audience}/{channel})"


def _why_not(pool: Pool, excerpt: Excerpt, audience: str, channel: str, safe: Mapping[str, Redaction]) -> str:
    """The first reason *excerpt* cannot be quoted here, or "" if it can."""
    if excerpt.participant in pool.withdrawn:
        return "withdrawn"
    if excerpt.sensitive:
        return "sensitive"
    if excerpt.audience not in (audience, "both"):
        return f"for {excerpt.audience} only"
    if channel not in excerpt.consent:
        return f"not consented for {channel}"
    redaction = safe.get(excerpt.id)
    if redaction is None or redaction.flags or not redaction.text.strip():
        return "not anonymised"
    return ""


def usable(pool: Pool, beat: Beat, audience: str, channel: str, safe: Mapping[str, Redaction],
           skip: frozenset[str] = frozenset()) -> tuple[list[Excerpt], Counter]:
    """The beat's quotable excerpts (beyond its pins), and a count of why the others are not."""
    ok: list[Excerpt] = []
    reasons: Counter = Counter()
    for excerpt in pool.tagged(beat.themes):
        why = "pinned or excluded" if excerpt.id in skip else _why_not(pool, excerpt, audience, channel, safe)
        if why:
            reasons[why] += 1
        else:
            ok.append(excerpt)
    return ok, reasons


def shape_problem(spec: StorySpec, audience: str, channel: str) -> Problem | None:
    """A story whose beats draw fewer quotes than it needs contributors."""
    slots, need = sum(b.excerpts for b in spec.beats), spec.contributors_needed(audience)
    if slots >= need:
        return None
    return Problem(spec.source, spec.line, f"{_where(spec, audience, channel)}: its beats draw {slots} quotes in all, "
                   f"fewer than the {need} contributors needed; add beats or raise a beat's excerpts:")


def explain(pool: Pool, spec: StorySpec, audience: str, channel: str,
            safe: Mapping[str, Redaction], outcome: Outcome) -> Problem:
    """The most useful single problem for a story the search could not fill."""
    found = [usable(pool, beat, audience, channel, safe, excluded(spec, i)) for i, beat in enumerate(spec.beats)]
    return (_beat_problem(spec, audience, channel, found)
            or _story_problem(spec, audience, channel, found)
            or _search_problem(spec, audience, channel, outcome))


def _beat_problem(spec: StorySpec, audience: str, channel: str, found: list) -> Problem | None:
    for beat, (ok, reasons) in zip(spec.beats, found):
        wanted = beat.excerpts - len(beat.pin)
        if len(ok) >= wanted:
            continue
        if not ok and not reasons:
            message = (f"beat '{beat.heading}': no excerpts are tagged {_themes(beat)}; "
                       "tag some excerpts with it or change the beat's themes")
        else:
            why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
            message = (f"beat '{beat.heading}': only {_n(len(ok), 'excerpt')} tagged {_themes(beat)} can be used for "
                       f"{audience}/{channel} ({why or 'none excluded'}); need {wanted}")
        return Problem(spec.source, beat.line or spec.line, message)
    return None


def _story_problem(spec: StorySpec, audience: str, channel: str, found: list) -> Problem | None:
    need = spec.contributors_needed(audience)
    people = {e.participant for ok, _ in found for e in ok}
    if len(people) < need:
        where = f"beat '{spec.beats[0].heading}'" if len(spec.beats) == 1 else _where(spec, audience, channel)
        line = spec.beats[0].line if len(spec.beats) == 1 else 0
        return Problem(spec.source, line or spec.line,
                       f"{where}: only {_n(len(people), 'participant')} {'has' if len(people) == 1 else 'have'} "
                       f"consented excerpts for {audience}/{channel}; "
                       f"need {need}; add excerpts from more people or lower min_contributors:")
    distinct = {e.id for ok, _ in found for e in ok}
    slots = sum(b.excerpts - len(b.pin) for b in spec.beats)
    if len(distinct) < slots:
        return Problem(spec.source, spec.line,
                       f"{_where(spec, audience, channel)}: its beats need {slots} different excerpts but only "
                       f"{len(distinct)} usable ones match their themes; tag more excerpts or lower excerpts:")
    return None


def _search_problem(spec: StorySpec, audience: str, channel: str, outcome: Outcome) -> Problem:
    where, need = _where(spec, audience, channel), spec.contributors_needed(audience)
    best = outcome.best or []
    words: Counter = Counter()
    for pick in best:
        words[pick.excerpt.participant] += pick.quote.words
    if best and len(words) < need:
        message = (f"{where}: no choice of excerpts (each used once) spans more than {_n(len(words), 'participant')}; "
                   f"need {need}; tag excerpts from more people with these beats' themes")
    elif best:
        top, most = max(sorted(words.items()), key=lambda item: item[1])
        share = round(100 * most / max(1, sum(words.values())))
        pins = [p.excerpt.id for p in best if p.pinned and p.excerpt.participant == top]
        because = f" (pinned: {', '.join(pins)}; unpin one or pin longer quotes from others)" if pins else ""
        message = (f"{where}: participant {top} would supply {share}% of quoted words{because}; max_share is "
                   f"{round(100 * spec.max_share)}%; add excerpts from others or set a target_words: to trim long ones")
    else:
        message = f"{where}: no choice of excerpts met the constraints within {outcome.nodes} tries; add excerpts"
    return Problem(spec.source, spec.line, message)
