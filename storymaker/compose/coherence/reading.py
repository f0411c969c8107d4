"""A composed story as a reader meets it: one Part after another, each with its place.

The coherence rules walk this sequence; a warning names the Part it is about.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...model import Story, StorySpec
from ..provenance import QuoteRecord


@dataclass(frozen=True)
class Part:
    kind: str  # narrator | persona | intro | quote | outro
    text: str
    beat: int = -1  # -1: the story as a whole
    quote: int = -1  # index of the quote within its beat
    excerpt: str = ""  # the quote's excerpt id

    @property
    def authored(self) -> bool:
        return self.kind != "quote"


@dataclass(frozen=True)
class Slip:
    """A continuity slip: one place where the composite may stop reading as one person. Never an edit."""

    rule: str  # reference | consistency | persona | tense | person | linking
    part: Part
    heading: str  # the beat's heading ("" for the story as a whole)
    line: int  # line of the beat (or the story) in its spec
    message: str
    fix: str

    def where(self) -> str:
        if self.part.kind == "quote":
            return f"beat '{self.heading}', quote {self.part.quote + 1} ({self.part.excerpt})"
        if self.part.beat >= 0:
            return f"beat '{self.heading}', {self.part.kind}"
        return self.part.kind

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}; {self.fix}"


def reading_order(story: Story, spec: StorySpec, records: tuple[QuoteRecord, ...]) -> list[Part]:
    """Narrator and persona facts first, then every beat's intro, quotes and outro."""
    parts = [Part("narrator", story.narrator)] + [Part("persona", fact) for fact in spec.persona]
    for i, beat in enumerate(story.beats):
        if beat.intro.strip():
            parts.append(Part("intro", beat.intro, i))
        by_index = {r.index: r for r in records if r.beat == i}
        for j, text in enumerate(beat.quotes):
            parts.append(Part("quote", text, i, j, by_index[j].excerpt if j in by_index else ""))
        if beat.outro.strip():
            parts.append(Part("outro", beat.outro, i))
    return parts
