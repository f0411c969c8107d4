"""check: problems that need more than one file to see.

Duplicate excerpt ids, themes not in the codebook, asset paths that escape the
project or do not exist. Anonymisation flags and composability are found while
preparing stories (:mod:`storymaker.prepare`).
"""
from __future__ import annotations

import difflib

from .imagecheck import image_problem
from .load.hygiene import MAX_AUDIO_BYTES, too_big
from .load.story_checks import translation_problems
from .model import Problem, Project
from .paths import AUDIO_TYPES, IMAGE_TYPES, confined


def known_theme(tag: str, codebook: dict[str, str]) -> bool:
    return tag in codebook


def _unknown_tag(tag: str, codebook: dict[str, str]) -> str:
    close = difflib.get_close_matches(tag, sorted(codebook), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "add it to stories/codebook.yaml or fix the spelling"
    return f"unknown theme '{tag}' (not in stories/codebook.yaml): {hint}"


def duplicate_ids(project: Project) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for e in project.excerpts:
        first = seen.setdefault(e.id, f"{e.source}:{e.line}")
        if first != f"{e.source}:{e.line}":
            problems.append(Problem(e.source, e.line, f"duplicate excerpt id '{e.id}' (first used at {first}): give each excerpt its own id"))
    return problems


def unknown_themes(project: Project) -> list[Problem]:
    cb = project.codebook
    problems = [Problem(e.source, e.line, _unknown_tag(t, cb)) for e in project.excerpts for t in e.themes if not known_theme(t, cb)]
    for spec in project.stories:
        for beat in spec.beats:
            problems += [Problem(spec.source, beat.lines.get("themes") or beat.line, f"beat '{beat.heading}': " + _unknown_tag(t, cb))
                         for t in beat.themes if not known_theme(t, cb)]
    return problems


def asset_paths(project: Project) -> list[Problem]:
    problems = []
    for spec in project.stories:
        for beat in spec.beats:
            if beat.image:
                where, what = Problem(spec.source, beat.lines.get("image") or beat.line, ""), f"beat '{beat.heading}': image"
                path, p = confined(project.root, beat.image, where, what, IMAGE_TYPES)
                problems += [p] if p else []
                p = image_problem(path, where, what) if path else None
                problems += [p] if p else []
        if spec.video.music and "video" in spec.outputs:
            where = Problem(spec.source, spec.lines.get("video") or spec.line, "")
            path, p = confined(project.root, spec.video.music, where, "video: music", AUDIO_TYPES)
            big = too_big(path, spec.source, MAX_AUDIO_BYTES, f"video: music {path.name}") if path else None
            problems += [q for q in (p, big and Problem(spec.source, where.line, big.message)) if q]
    return problems


def no_stories(project: Project) -> list[Problem]:
    if project.stories:
        return []
    example = (project.root / "stories/first-story.story.yaml.example").exists()
    how = ": copy stories/first-story.story.yaml.example and edit it" if example else ""
    return [Problem("stories", 0, f"no story specs found: add a stories/<slug>.story.yaml{how} (see README, 'Story specs')")]


def cross_check(project: Project) -> list[Problem]:
    """Every cross-file problem, in file order."""
    return (duplicate_ids(project) + unknown_themes(project) + asset_paths(project) + no_stories(project)
            + translation_problems(project.stories, project.web.lang))
