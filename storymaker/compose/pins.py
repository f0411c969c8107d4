"""The editor's choices in a story spec: ``pin:`` and ``exclude:`` checked against every rule.

A pinned quote is used, in the order given, before anything is chosen
automatically; it still obeys every rule an automatic choice does. Each rule it
breaks is one Problem naming the pin, the rule and the numbers, so the build
stops and says what to change. Ids that are not excerpts get a "did you mean".

    pin_problems(excerpts, withdrawn, spec, audience, channel, safe) -> [Problem]
    group_problems(spec, audience, pinned_words)                     -> [Problem]
    excluded(spec, beat_index) -> frozenset of ids an automatic choice may not take
"""
from __future__ import annotations

import difflib
from typing import Iterable, Mapping

from ..model import Excerpt, Problem, Redaction, StorySpec


def _suggest(eid: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(eid, sorted(known), n=3, cutoff=0.6)
    if not close:
        return "check the id in stories/excerpts/"
    best = [c for c in close if difflib.SequenceMatcher(None, eid, c).ratio() == difflib.SequenceMatcher(None, eid, close[0]).ratio()]
    names = sorted(best)
    return f"did you mean {names[0] if len(names) == 1 else ', '.join(names[:-1]) + ' or ' + names[-1]}?"


def broken_rule(excerpt: Excerpt, withdrawn: frozenset[str], audience: str, channel: str,
                safe: Mapping[str, Redaction]) -> tuple[str, str]:
    """The first rule *excerpt* breaks for this version, as (rule, what it says with its numbers);
    ("", "") if none. Rules: withdrawn, sensitive, audience, consent, verbatim."""
    if excerpt.participant in withdrawn:
        return "withdrawn", f"participant {excerpt.participant} has withdrawn (stories/withdrawn.yaml)"
    if excerpt.sensitive:
        return "sensitive", "it is marked sensitive, which keeps it out of every output"
    if excerpt.audience not in (audience, "both"):
        return "audience", f"it is for the {excerpt.audience} audience only, and this is the {audience} version"
    if channel not in excerpt.consent:
        given = ", ".join(sorted(excerpt.consent)) or "none"
        return "consent", f"no {channel} consent (consent given: {given})"
    redaction = safe.get(excerpt.id)
    if redaction is None or redaction.flags or not redaction.text.strip():
        return "verbatim", "its anonymised text is not ready (unreviewed identifiers), so it cannot be quoted verbatim"
    return "", ""


def pin_problems(excerpts: Iterable[Excerpt], withdrawn: frozenset[str], spec: StorySpec, audience: str,
                 channel: str, safe: Mapping[str, Redaction]) -> list[Problem]:
    """Every pin that is unknown or breaks a rule, and every unknown exclude, for one version."""
    by_id = {e.id: e for e in excerpts}
    problems = [Problem(spec.source, spec.lines.get("exclude") or spec.line, f"story exclude: {eid} is not an excerpt id; {_suggest(eid, by_id)}")
                for eid in spec.exclude if eid not in by_id]
    for beat in spec.beats:
        where = f"beat '{beat.heading}'"
        problems += [Problem(spec.source, beat.lines.get("exclude") or beat.line, f"{where}: exclude {eid} is not an excerpt id; {_suggest(eid, by_id)}")
                     for eid in beat.exclude if eid not in by_id]
        for eid, line in zip(beat.pin, beat.pin_lines or (beat.line,) * len(beat.pin)):
            excerpt = by_id.get(eid)
            if excerpt is None:
                problems.append(Problem(spec.source, line, f"{where}: pin {eid} is not an excerpt id; {_suggest(eid, by_id)}"))
                continue
            _rule, why = broken_rule(excerpt, withdrawn, audience, channel, safe)
            if why:
                problems.append(Problem(spec.source, line, f"{where}: pin {eid} cannot be used in the "
                                        f"{audience}/{channel} version: {why}; unpin it or pin another quote"))
    return problems


def pinned_share_problem(spec: StorySpec, pinned_words: Mapping[str, tuple[str, int]],
                         total_words: int) -> Problem | None:
    """Pins alone that give one participant more than ``max_share`` of *total_words*."""
    by_person: dict[str, list[tuple[str, int]]] = {}
    for eid, (participant, words) in pinned_words.items():
        by_person.setdefault(participant, []).append((eid, words))
    for participant, pins in sorted(by_person.items()):
        words = sum(w for _eid, w in pins)
        if total_words and words / total_words > spec.max_share + 1e-9:
            ids = ", ".join(eid for eid, _w in pins)
            return Problem(spec.source, spec.line, f"story '{spec.slug}': pins {ids} give participant {participant} "
                           f"{words} of {total_words} quoted words ({round(100 * words / total_words)}%); max_share is "
                           f"{round(100 * spec.max_share)}%; unpin one of them or pin longer quotes from others")
    return None


def group_problems(spec: StorySpec, audience: str, pinned_words: Mapping[str, tuple[str, int]]) -> list[Problem]:
    """Rules over the whole story that the pins alone already decide: contributors, and (fixed order) shares."""
    people = sorted({participant for participant, _w in pinned_words.values()})
    free = sum(b.excerpts - len(b.pin) for b in spec.beats)
    need = spec.contributors_needed(audience)
    problems = []
    if len(people) + free < need:
        rest = f" and {free} more quotes chosen automatically" if free else ""
        problems.append(Problem(spec.source, spec.line, f"story '{spec.slug}' ({audience}): the pins come from "
                                f"{len(people)} participants ({', '.join(people)}){rest}, so at most "
                                f"{len(people) + free} contributors; the {audience} version needs {need}; "
                                "pin quotes from more people"))
    if not free:
        share = pinned_share_problem(spec, pinned_words, sum(w for _p, w in pinned_words.values()))
        problems += [share] if share else []
    return problems


def excluded(spec: StorySpec, beat_index: int) -> frozenset[str]:
    """Ids an automatic choice may not take in this beat: excluded here or everywhere, or pinned anywhere."""
    pinned = {eid for beat in spec.beats for eid in beat.pin}
    return frozenset(spec.exclude) | frozenset(spec.beats[beat_index].exclude) | pinned
