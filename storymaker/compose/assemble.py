"""compose(): one story version (audience x channel) from the spec and the safe excerpts.

Reads top to bottom: choose the excerpts, build the beats (glossary on authored
text for community), write the disclosure, score reading ease, record the
provenance, then check every quote against its safe text before returning.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from ..errors import ComposeError, VerbatimError
from ..model import AUDIENCES, CHANNELS, Problem, Project, Redaction, Story, StoryBeat, StorySpec
from .choose import choose
from .coherence import Slip, coherence
from .disclosure import default_voice_credit, disclosure, wording
from .edits import Edit, is_verbatim
from .notes import jargon_notes, length_notes
from .language import mixed_note, primary
from .plain import apply_glossary, reading_ease
from .pool import pool_for
from .provenance import Provenance, QuoteRecord, SentenceRecord, authored, quoted, shares
from .search import Pick

if TYPE_CHECKING:
    from .explain import Explanation

Linking = tuple[tuple[Edit, ...], tuple[Edit, ...], tuple[Edit, ...]]  # glossary edits: heading, intro, outro


@dataclass(frozen=True)
class Composition:
    story: Story
    provenance: Provenance
    notes: tuple[str, ...] = ()
    explanation: "Explanation | None" = None  # why each quote (private; attached by prepare)
    warnings: tuple[Slip, ...] = ()  # where the story may not read as one person


def compose(project: Project, spec: StorySpec, audience: str, channel: str,
            safe: Mapping[str, Redaction], voice_credit: str = "") -> Composition:
    """Compose *spec* for one audience and channel from the anonymiser's safe texts."""
    _check_request(spec, audience, channel)
    pool = pool_for(project)
    picks, everywhere = choose(pool, spec, audience, channel, safe)
    lang = spec.lang or project.web.lang  # the glossary is in the project's language: never in a story in another
    glossary = project.glossary if audience == "community" and primary(lang) == primary(project.web.lang) else {}
    records = _quote_records(picks)
    marks = {r.excerpt: pool.languages.marked(r.excerpt, lang) for r in records}
    beats, linking = _beats(spec, records, glossary, marks)
    summary, summary_edits = apply_glossary(spec.summary, glossary)
    contributors = len({p.excerpt.participant for p in picks})
    credit = (voice_credit or default_voice_credit(spec.video)) if channel == "video" else ""
    story = Story(spec.slug, audience, channel, spec.title, spec.narrator, beats,
                  disclosure(contributors, audience, channel, credit, wording(project.root, lang)), contributors, summary,
                  spec.video, credit, reading_ease(_body(summary, beats)), lang=lang,
                  published=spec.published, updated=spec.updated, translation_of=spec.translation_of)
    sentences = _sentences(story, records, linking, summary_edits)
    provenance = Provenance(spec.slug, audience, channel, spec.title, spec.seed, contributors,
                            sum(r.words for r in records), spec.target_words, spec.max_share,
                            everywhere, shares(records), records, sentences)
    others = [eid for eid, mark in marks.items() if mark]
    mixed = [mixed_note(spec.slug, audience, channel, lang, others)] if others else []
    composition = Composition(story, provenance, tuple(jargon_notes(story, glossary) + length_notes(spec, provenance) + mixed),
                              warnings=coherence(story, spec, records))
    verify(composition, safe)
    return composition


def _check_request(spec: StorySpec, audience: str, channel: str) -> None:
    if audience not in AUDIENCES or audience not in spec.audiences:
        raise ComposeError(Problem(spec.source, spec.line, f"story '{spec.slug}' is not written for audience "
                                   f"'{audience}'; its audiences are {', '.join(spec.audiences) or 'none'}"))
    if channel not in CHANNELS:
        raise ComposeError(Problem(spec.source, spec.line, f"story '{spec.slug}': unknown channel '{channel}'; "
                                   f"choose one of {', '.join(CHANNELS)}"))


def _quote_records(picks: list[Pick]) -> tuple[QuoteRecord, ...]:
    seen: dict[int, int] = {}
    records = []
    for pick in picks:
        index = seen[pick.beat] = seen.get(pick.beat, -1) + 1
        e = pick.excerpt
        records.append(QuoteRecord(pick.beat, index, e.id, e.participant, pick.quote.text,
                                   pick.quote.words, pick.quote.edits, e.source, e.line))
    return tuple(records)


def _beats(spec: StorySpec, records: tuple[QuoteRecord, ...], glossary: dict[str, str],
           marks: Mapping[str, str]) -> tuple[tuple[StoryBeat, ...], list[Linking]]:
    """The composed beats, and the glossary edits made to each beat's authored text."""
    beats: list[StoryBeat] = []
    linking: list[Linking] = []
    for i, beat in enumerate(spec.beats):
        heading, h_edits = apply_glossary(beat.heading, glossary)
        intro, i_edits = apply_glossary(beat.intro, glossary)
        outro, o_edits = apply_glossary(beat.outro, glossary)
        quotes = tuple(r.text for r in records if r.beat == i)
        langs = tuple(marks.get(r.excerpt, "") for r in records if r.beat == i)
        beats.append(StoryBeat(heading, intro, quotes, outro, beat.image, beat.image_alt, beat.discuss,
                               langs if any(langs) else ()))
        linking.append((tuple(h_edits), tuple(i_edits), tuple(o_edits)))
    return tuple(beats), linking


def _body(summary: str, beats: tuple[StoryBeat, ...]) -> str:
    parts = [summary] + [t for b in beats for t in (b.intro, *b.quotes, b.outro)]
    return "\n".join(p for p in parts if p.strip())


def _sentences(story: Story, records: tuple[QuoteRecord, ...], linking: list[Linking],
               summary_edits: list[Edit]) -> tuple[SentenceRecord, ...]:
    out = authored(story.title, "title") + authored(story.narrator, "narrator")
    out += authored(story.summary, "summary", edits=tuple(summary_edits))
    for i, (beat, (h_edits, i_edits, o_edits)) in enumerate(zip(story.beats, linking)):
        out += authored(beat.heading, "heading", i, h_edits) + authored(beat.intro, "intro", i, i_edits)
        for record in (r for r in records if r.beat == i):
            out += quoted(record)
        out += authored(beat.outro, "outro", i, o_edits)
    return tuple(out + authored(story.disclosure, "disclosure"))


def verify(composition: Composition, safe: Mapping[str, Redaction]) -> None:
    """The verbatim guard: every published quote, minus its recorded edits, is in its safe text."""
    story, provenance = composition.story, composition.provenance
    for i, beat in enumerate(story.beats):
        for j, quote in enumerate(beat.quotes):
            record = provenance.quote(i, j)
            source = safe.get(record.excerpt) if record else None
            if record is None or source is None or record.text != quote or not is_verbatim(quote, record.edits, source.text):
                excerpt = f" (excerpt {record.excerpt})" if record else ""
                raise VerbatimError(Problem("storymaker", 0, f"story '{story.slug}' ({story.audience}/{story.channel}), "
                                            f"beat '{beat.heading}': quote {j + 1}{excerpt} is not the participant's own "
                                            "words once its recorded edits are undone; refusing to publish it"))
