"""Member-check packs: one Markdown file per participant, for agreement before publishing.

Each pack lists every composite that uses the participant's words, with their
sentences in **bold** in the context of the whole story. Versions of a story
that tell the same words (web and video, usually) are shown once. A pack left
over from an earlier run for someone no longer quoted (say, after withdrawal)
is removed; only files storymaker wrote (they start with :data:`MARKER`) are.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .assemble import Composition
from .markdown import authored, blockquote, escape, safe_name, write
from .provenance import SentenceRecord

MARKER = "<!-- storymaker member-check pack -->"
_INTRO = ("Thank you for taking part. The stories below are composites: each joins the words of several "
          "people we interviewed and is told by a narrator who is not real. Names and details have been "
          "changed. **Your words are in bold.** Text in italics is linking text we wrote. Please tell us "
          "whether you are happy for your words to be used like this.")


def _versions(compositions: Sequence[Composition]) -> dict[tuple, list[Composition]]:
    """Compositions grouped by story and exactly what they say (beats, title, narrator)."""
    grouped: dict[tuple, list[Composition]] = {}
    for c in compositions:
        key = (c.story.slug, c.story.title, c.story.narrator, c.story.beats)
        grouped.setdefault(key, []).append(c)
    return grouped


def _labels(versions: list[Composition]) -> str:
    """"staff (web and video), community (web)"."""
    channels: dict[str, list[str]] = {}
    for c in versions:
        channels.setdefault(c.story.audience, []).append(c.story.channel)
    return ", ".join(f"{a} ({' and '.join(ch)})" for a, ch in channels.items())


def _quote_line(records: list[SentenceRecord], participant: str) -> str:
    parts = [f"**{escape(r.text)}**" if r.participant == participant else escape(r.text) for r in records]
    return blockquote(" ".join(parts))


def _story_section(versions: list[Composition], participant: str) -> list[str]:
    story, prov = versions[0].story, versions[0].provenance
    lines = [f"## {escape(story.title)}", "", f"Versions: {_labels(versions)}. "
             f"Narrator: {escape(story.narrator)}.", ""]
    for i, beat in enumerate(story.beats):
        lines += [f"### {escape(beat.heading)}", ""] + ([authored(beat.intro), ""] if beat.intro.strip() else [])
        for j in range(len(beat.quotes)):
            records = [r for r in prov.sentences if r.part == "quote" and r.beat == i and r.quote == j]
            lines += [_quote_line(records, participant), ""]
        lines += [authored(beat.outro), ""] if beat.outro.strip() else []
    return lines


def pack(participant: str, compositions: Sequence[Composition]) -> str:
    """The member-check pack for one participant (assumes some composition quotes them)."""
    lines = [MARKER, f"# Your words in our stories ({escape(participant)})", "", _INTRO, ""]
    for versions in _versions(compositions).values():
        if any(q.participant == participant for q in versions[0].provenance.quotes):
            lines += _story_section(versions, participant)
    return "\n".join(lines)


def write_packs(compositions: Sequence[Composition], folder: Path) -> list[Path]:
    """One pack per quoted participant under *folder*; stale packs of ours are removed."""
    people = sorted({q.participant for c in compositions for q in c.provenance.quotes})
    paths = []
    for participant in people:
        path = folder / f"{safe_name(participant)}.md"
        write(path, pack(participant, compositions))
        paths.append(path)
    _remove_stale(folder, set(paths))
    return paths


def _remove_stale(folder: Path, keep: set[Path]) -> None:
    for old in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if old not in keep and old.read_text(encoding="utf-8").startswith(MARKER):
            old.unlink()
