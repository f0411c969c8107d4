"""The publish gate's scan, run by ``check`` on what a build copies into the site as written.

Excerpts, story fields and the site's title and description are anonymised, so the gate
never finds anything of theirs. But a project's own templates (``templates/``), the other
settings of ``stories/project.yaml`` (addresses), the glossary's plain words and the story
specs' file names (the pages' addresses) go into the output unchanged (images are renamed and
stripped of metadata on the way, so the gate scans only their published copies): a name in one of them would
pass ``check`` and then stop the build. Scanning them here with the gate's own needles means
a clean ``check`` is a build the gate lets through, and each problem names its file and line.

    problems = source_problems(root, needles, origins, langs, specs)   # [Problem], masked
    written_in(root, needle)                                  # "templates/web/base.html:12" or ""
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Problem
from .extract import css_strings, html_parts
from .furniture import furniture
from .mask import mask
from .needles import NeedleSet

TEXT_SUFFIXES = frozenset({".html", ".htm", ".xml", ".svg", ".css", ".js", ".json", ".txt", ".yaml", ".yml", ".po",
                           ".pot", ".webmanifest", ".md"})
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_ANONYMISED_SETTINGS = re.compile(r"^(?:title|description)\s*:")  # anonymised and flagged like any authored text


def _template_lines(root: Path, langs: set[str] | None = None) -> Iterator[tuple[str, int, str]]:
    """Each template line; of a page catalogue (.po) only the translations (msgstr) of the
    languages the pages use ("sy" is an everyday Welsh word: no English page prints it)."""
    folder = root / "templates"
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        rel = path.relative_to(root).as_posix()
        if path.suffix.lower() in (".po", ".pot"):
            yield from _catalogue_lines(path, rel, langs)
            continue
        yield rel, 0, rel  # a file name is published as a page or asset name
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            text = _JINJA_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), path.read_text("utf-8", "replace"))
            yield from ((rel, n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip())


def _catalogue_lines(path: Path, rel: str, langs: set[str] | None) -> Iterator[tuple[str, int, str]]:
    parts = path.relative_to(path.parents[2]).parts if len(path.parents) > 2 else ()
    if path.suffix.lower() == ".pot" or (langs is not None and (not parts or parts[0][:2] not in langs)):
        return
    translation = False
    for n, line in enumerate(path.read_text("utf-8", "replace").splitlines(), start=1):
        translation = line.startswith("msgstr") or (translation and line.startswith('"'))
        if translation:
            yield rel, n, line


def _settings_lines(root: Path) -> Iterator[tuple[str, int, str]]:
    """stories/project.yaml but its title and description, and the glossary's plain words (put
    into authored text after it is anonymised)."""
    for rel in ("stories/project.yaml", "stories/glossary.yaml"):
        path = root / rel
        for n, line in enumerate(path.read_text("utf-8", "replace").splitlines() if path.is_file() else (), start=1):
            if line.strip() and not line.lstrip().startswith("#") and not (
                    rel.endswith("project.yaml") and _ANONYMISED_SETTINGS.match(line)):
                yield rel, n, line


def _views(rel: str, text: str) -> list[str]:
    """A template line as written, and as a browser would show it: inline tags and comments
    joining the words either side ("<b>N</b>ewquay"), hidden elements left out, text written
    backwards under a bidi override, base64 in a data address or a script decoded, and a style
    sheet's strings shown together (``content: "Tre" "neere"``)."""
    views = [text]
    if rel.endswith((".html", ".htm", ".svg", ".xml", ".j2", ".jinja")) and "<" in text:
        views += [part for where, part in html_parts(text) if where != "source" and part != text]
    if rel.endswith((".css", ".html", ".htm", ".svg")) and ('"' in text or "'" in text):
        views += list(css_strings(text))
    return views


def source_problems(root: Path, needles: Iterable[str], origins: dict[str, str],
                    langs: Iterable[str] = ("en",), specs: Iterable[str] = ()) -> list[Problem]:
    """A Problem for each needle in a template (and the catalogues of the languages ``langs``
    the pages use), a setting or a story spec's file name (the story's page address), which
    are published as written."""
    compiled = NeedleSet(needles, furniture=furniture())
    out: list[Problem] = []
    names = [(rel, 0, Path(rel).name.removesuffix(".story.yaml")) for rel in specs]
    for rel, line, text in (*_template_lines(root, set(langs)), *_settings_lines(root), *names):
        for found, needle in dict.fromkeys(f for view in _views(rel, text) for f in compiled.find(view)):
            origin = origins.get(needle, "an identifier")
            out.append(Problem(rel, line, f"contains '{mask(found)}', {origin}: this is published as written, so "
                                          "the publish gate would stop the build; remove or reword it here"))
    return list(dict.fromkeys(out))


def written_in(root: Path, needle: str) -> str:
    """The first template or setting line that holds ``needle`` ("templates/web/base.html:12"), or ""."""
    compiled = NeedleSet([needle])
    for rel, line, text in (*_template_lines(root), *_settings_lines(root)):
        if any(compiled.find(view) for view in _views(rel, text)):
            return f"{rel}:{line}" if line else rel
    return ""
