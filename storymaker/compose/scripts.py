"""Review scripts: each composed story version as Markdown, before publication.

One file per story, audience and channel (``<scripts_dir>/<audience>/<slug>-<channel>.md``):
title, narrator, the beats with linking text in italics marked "(linking text)"
and quotes as blockquotes, then the disclosure. Byte-identical for the same
inputs and seed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..model import Story
from .assemble import Composition
from .markdown import authored, blockquote, escape, safe_name, write


def script(story: Story) -> str:
    """The Markdown script of one story version."""
    lines = [f"# {escape(story.title)}", "",
             f"- Audience: {story.audience}", f"- Channel: {story.channel}",
             f"- Narrator: {escape(story.narrator)}", f"- Contributors: {story.contributors}"]
    if story.reading_ease is not None:
        lines.append(f"- Reading ease (Flesch): {story.reading_ease:.1f}")
    if story.voice_credit:
        lines.append(f"- Voice: {escape(story.voice_credit)}")
    lines += ["", authored(story.summary), ""] if story.summary.strip() else [""]
    for beat in story.beats:
        lines += [f"## {escape(beat.heading)}", ""]
        lines += [authored(beat.intro), ""] if beat.intro.strip() else []
        for quote in beat.quotes:
            lines += [blockquote(escape(quote)), ""]
        lines += [authored(beat.outro), ""] if beat.outro.strip() else []
    lines += ["---", "", escape(story.disclosure)]
    return "\n".join(lines)


def script_path(scripts_dir: Path, story: Story) -> Path:
    return Path(scripts_dir) / safe_name(story.audience) / f"{safe_name(story.slug)}-{safe_name(story.channel)}.md"


def write_scripts(compositions: Sequence[Composition], scripts_dir: Path) -> list[Path]:
    """Write one review script per composition; return the paths written."""
    paths = []
    for composition in compositions:
        path = script_path(scripts_dir, composition.story)
        write(path, script(composition.story))
        paths.append(path)
    return paths
