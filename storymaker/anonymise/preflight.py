"""The publish gate's scan, run by ``check`` on what a build copies into the site as written.

Excerpts, story fields and the site's title and description are anonymised, so the gate
never finds anything of theirs. But a project's own templates (``templates/``), the other
settings of ``stories/project.yaml`` (addresses, the logo), the glossary's plain words, the
story specs' file names (the pages' addresses) and the assets (image and music files: their
names and metadata) go into the output unchanged: a name in one of them would
pass ``check`` and then stop the build. Scanning them here with the gate's own needles means
a clean ``check`` is a build the gate lets through, and each problem names its file and line.

    problems = source_problems(root, needles, origins, assets, specs)   # [Problem], masked
    written_in(root, needle)                                  # "templates/web/base.html:12" or ""
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Problem
from .extract import IMAGES, MEDIA, file_parts
from .mask import mask
from .needles import NeedleSet

TEXT_SUFFIXES = frozenset({".html", ".htm", ".xml", ".svg", ".css", ".js", ".json", ".txt", ".yaml", ".yml", ".po",
                           ".pot", ".webmanifest", ".md"})
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_ANONYMISED_SETTINGS = re.compile(r"^(?:title|description)\s*:")  # anonymised and flagged like any authored text


def _template_lines(root: Path) -> Iterator[tuple[str, int, str]]:
    folder = root / "templates"
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        rel = path.relative_to(root).as_posix()
        yield rel, 0, rel  # a file name is published as a page or asset name
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            text = _JINJA_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), path.read_text("utf-8", "replace"))
            yield from ((rel, n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip())


def _settings_lines(root: Path) -> Iterator[tuple[str, int, str]]:
    """stories/project.yaml but its title and description, and the glossary's plain words (put
    into authored text after it is anonymised)."""
    for rel in ("stories/project.yaml", "stories/glossary.yaml"):
        path = root / rel
        for n, line in enumerate(path.read_text("utf-8", "replace").splitlines() if path.is_file() else (), start=1):
            if line.strip() and not line.lstrip().startswith("#") and not (
                    rel.endswith("project.yaml") and _ANONYMISED_SETTINGS.match(line)):
                yield rel, n, line


def _asset_parts(root: Path, assets: Iterable[Path]) -> Iterator[tuple[str, int, str]]:
    for path in sorted({Path(a) for a in assets}):
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        yield rel, 0, path.name
        if path.is_file() and path.suffix.lower() in IMAGES | MEDIA:
            try:
                yield from ((f"{rel} ({where})", 0, text) for where, text in file_parts(path))
            except Exception:  # noqa: BLE001 - an unreadable asset is the gate's to refuse, with its reason
                continue


def source_problems(root: Path, needles: Iterable[str], origins: dict[str, str],
                    assets: Iterable[Path] = (), specs: Iterable[str] = ()) -> list[Problem]:
    """A Problem for each needle in a template, a setting, an asset or a story spec's file name
    (the story's page address) that is published as written."""
    compiled = NeedleSet(needles)
    out: list[Problem] = []
    names = [(rel, 0, Path(rel).name.removesuffix(".story.yaml")) for rel in specs]
    for rel, line, text in (*_template_lines(root), *_settings_lines(root), *_asset_parts(root, assets), *names):
        for found, needle in dict.fromkeys(compiled.find(text)):
            origin = origins.get(needle, "an identifier")
            out.append(Problem(rel, line, f"contains '{mask(found)}', {origin}: this is published as written, so "
                                          "the publish gate would stop the build; remove or reword it here"))
    return list(dict.fromkeys(out))


def written_in(root: Path, needle: str) -> str:
    """The first template or setting line that holds ``needle`` ("templates/web/base.html:12"), or ""."""
    compiled = NeedleSet([needle])
    for rel, line, text in (*_template_lines(root), *_settings_lines(root)):
        if compiled.find(text):
            return f"{rel}:{line}" if line else rel
    return ""
