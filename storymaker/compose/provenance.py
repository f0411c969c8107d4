"""The private trail: every published sentence back to its source, or marked authored.

Built for one story version (slug, audience, channel). Quote sentences carry
their excerpt id, participant id and the edits inside them; authored sentences
(title, narrator, headings, linking text, summary, disclosure) are marked
``authored``. Never published: :func:`~storymaker.compose.write_private` puts it
under ``private/``. Anonymiser edits hold masked originals only.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .edits import Edit
from .sentences import sentence_spans

QUOTE_PART = "quote"


@dataclass(frozen=True)
class SentenceRecord:
    text: str
    part: str  # title | narrator | summary | heading | intro | quote | outro | disclosure
    beat: int  # index of the beat, -1 for story-level parts
    authored: bool
    excerpt: str = ""
    participant: str = ""
    quote: int = -1  # index of the quote within its beat
    edits: tuple[Edit, ...] = ()


@dataclass(frozen=True)
class QuoteRecord:
    beat: int
    index: int
    excerpt: str
    participant: str
    text: str  # as published
    words: int
    edits: tuple[Edit, ...]
    source: str = ""  # the excerpt's file and line, for the researcher
    line: int = 0


@dataclass(frozen=True)
class Share:
    participant: str
    words: int
    share: float  # of all quoted words, 0..1


@dataclass(frozen=True)
class Provenance:
    slug: str
    audience: str
    channel: str
    title: str
    seed: int
    contributors: int
    quoted_words: int
    target_words: int | None
    max_share: float
    same_words_every_channel: bool  # drawn only from excerpts consented for all the story's outputs
    shares: tuple[Share, ...]
    quotes: tuple[QuoteRecord, ...]
    sentences: tuple[SentenceRecord, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def quote(self, beat: int, index: int) -> QuoteRecord | None:
        return next((q for q in self.quotes if q.beat == beat and q.index == index), None)


def _edits_in(edits: tuple[Edit, ...], start: int, end: int) -> tuple[Edit, ...]:
    return tuple(e for e in edits if start <= e.start <= end)


def authored(text: str, part: str, beat: int = -1, edits: tuple[Edit, ...] = ()) -> list[SentenceRecord]:
    """One authored record per sentence of *text*."""
    return [SentenceRecord(text[s:e], part, beat, True, edits=_edits_in(edits, s, e))
            for s, e in sentence_spans(text)]


def quoted(record: QuoteRecord) -> list[SentenceRecord]:
    """One traced record per sentence of a published quote."""
    return [SentenceRecord(record.text[s:e], QUOTE_PART, record.beat, False, record.excerpt,
                           record.participant, record.index, _edits_in(record.edits, s, e))
            for s, e in sentence_spans(record.text)]


def shares(quotes: tuple[QuoteRecord, ...]) -> tuple[Share, ...]:
    """Words per participant, most first (ties by id)."""
    words: dict[str, int] = {}
    for q in quotes:
        words[q.participant] = words.get(q.participant, 0) + q.words
    total = sum(words.values()) or 1
    ordered = sorted(words.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Share(p, w, round(w / total, 4)) for p, w in ordered)
