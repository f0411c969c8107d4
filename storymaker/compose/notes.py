"""Warnings for the author (the lead prints them): jargon left in quotes, length off target."""
from __future__ import annotations

from ..model import Story, StorySpec
from .plain import find_jargon
from .provenance import Provenance


def _where(story: Story) -> str:
    return f"story '{story.slug}' ({story.audience}/{story.channel})"


def jargon_notes(story: Story, glossary: dict[str, str]) -> list[str]:
    """One note per jargon term found in a quote or the title (quotes stay verbatim)."""
    if not glossary:
        return []
    notes = [f"{_where(story)}: the title uses '{term}' (plain: '{plain}'); consider plainer words"
             for term, plain in find_jargon(story.title, glossary)]
    for beat in story.beats:
        for n, quote in enumerate(beat.quotes, start=1):
            notes += [f"{_where(story)}, beat '{beat.heading}': quote {n} uses '{term}' (plain: '{plain}'); "
                      "quotes stay verbatim, so explain it in the linking text or choose another excerpt"
                      for term, plain in find_jargon(quote, glossary)]
    return notes


def length_notes(spec: StorySpec, provenance: Provenance) -> list[str]:
    """A note when the quoted words end up far from ``target_words``."""
    target = spec.target_words
    if not target or abs(provenance.quoted_words - target) <= target / 2:
        return []
    return [f"story '{spec.slug}' ({provenance.audience}/{provenance.channel}): {provenance.quoted_words} quoted words "
            f"against a target_words: of {target}; adjust the target or the beats' excerpts:"]
