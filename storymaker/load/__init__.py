"""load: read a project folder into a :class:`Project`, collecting every problem on the way.

    load_project(root) -> (Project, [Problem])

Structural problems (bad YAML, missing fields, bad values) are found here;
cross-file problems (unknown tags, duplicate ids, composability, identifiers)
are found by :mod:`storymaker.check`.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Problem, Project
from .decisions import read_decisions
from .excerpts import read_excerpts
from .hygiene import stray_files
from .register import read_mapping, read_register, read_withdrawn, register_from_mapping
from .settings import read_project_settings
from .specs import read_specs
from .story_checks import language_voices

__all__ = ["load_project", "register_from_mapping"]


def load_project(root: Path) -> tuple[Project, list[Problem]]:
    root = Path(root).resolve()
    stories = root / "stories"
    problems: list[Problem] = []
    if not stories.is_dir():
        empty = Project(root, (), {}, (), read_register(Path("/nonexistent"), "")[0])
        return empty, [Problem(str(root), 0, "no stories/ folder here: run storymaker in a project folder, pass --project DIR, or create one with 'storymaker init DIR'")]
    problems += stray_files(stories, root)
    excerpts, more = read_excerpts(stories / "excerpts", root)
    problems += more
    codebook, _, more = read_mapping(stories / "codebook.yaml", "stories/codebook.yaml", "themes", True)
    problems += more
    specs, more = read_specs(stories, root)
    problems += more
    register, more = read_register(stories / "anonymise.yaml", "stories/anonymise.yaml")
    problems += more
    glossary, _, more = read_mapping(stories / "glossary.yaml", "stories/glossary.yaml", "terms", False)
    problems += more
    withdrawn, more = read_withdrawn(stories / "withdrawn.yaml", "stories/withdrawn.yaml")
    problems += more
    title, description, base_url, web, more = read_project_settings(stories / "project.yaml", "stories/project.yaml", root)
    problems += more
    decisions, more = read_decisions(stories)
    problems += more
    project = Project(root=root, excerpts=tuple(excerpts), codebook=codebook, stories=language_voices(specs, web.lang),
                      register=register, glossary=glossary, withdrawn=withdrawn,
                      title=title, description=description, base_url=base_url, web=web,
                      decisions=decisions)
    return project, problems
