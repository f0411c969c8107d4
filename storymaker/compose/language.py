"""The language an excerpt is in, so a story quotes people in its own language.

An excerpt's language is its ``lang`` (a CSV column, a YAML field, or ``lang:`` beside a YAML
file's ``excerpts:``); without one it is the project's ``language``, except that in a project
with Welsh in it (a Welsh story or project language) an excerpt that reads as Welsh (see
:mod:`storymaker.anonymise.recognizers.welsh`) is Welsh. A story draws excerpts in its own
language first and others only when its own cannot fill it; then ``check`` warns, and the page
marks each such quote with its language.
"""
from __future__ import annotations

import re

from ..model import Excerpt, Project

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def primary(tag: str) -> str:
    """``en-GB`` -> ``en``: two tags for one language (en-GB, en-US) count as the same."""
    return tag.split("-")[0].lower()


def reads_as_welsh(text: str) -> bool:
    from ..anonymise.recognizers.welsh import is_welsh_text
    return is_welsh_text([w.lower() for w in WORD.findall(text)])


class Languages:
    """Each excerpt's language in one project, worked out once."""

    def __init__(self, project: Project) -> None:
        self.default = project.web.lang
        tags = [project.web.lang] + [s.lang for s in project.stories if s.lang]
        welsh = any(primary(t) == "cy" for t in tags)
        self.of = {e.id: self._language(e, welsh) for e in project.excerpts}
        self.one = len({primary(t) for t in self.of.values()}) <= 1  # nothing to choose between

    def _language(self, excerpt: Excerpt, welsh: bool) -> str:
        if excerpt.lang:
            return excerpt.lang
        if welsh and primary(self.default) != "cy" and reads_as_welsh(excerpt.text):
            return "cy"
        return self.default

    def speaks(self, excerpt: Excerpt, lang: str) -> bool:
        return primary(self.of.get(excerpt.id, self.default)) == primary(lang)

    def marked(self, excerpt_id: str, story_lang: str) -> str:
        """The quote's language tag for its element where it is not the story's, else ``""``."""
        tag = self.of.get(excerpt_id, self.default)
        return "" if primary(tag) == primary(story_lang) else tag


def mixed_note(slug: str, audience: str, channel: str, lang: str, others: list[str]) -> str:
    """The warning for a story that quotes excerpts in another language."""
    ids = ", ".join(others[:5]) + (" ..." if len(others) > 5 else "")
    return (f"story '{slug}' ({audience}/{channel}) is in {lang} but quotes {len(others)} excerpt(s) in another "
            f"language ({ids}): the page marks each with its language; to keep the story in {lang}, add excerpts "
            f"in it (a lang column or field in stories/excerpts/) or exclude these")
