"""The loaded project, cached until a file under ``stories/`` changes.

    state = ProjectState(root)
    state.loaded()    -> Loaded(project, problems)          load only (fast)
    state.prepared()  -> Checked(project, prep, problems)   load + check + anonymise + compose
    state.latest()    -> the last Checked made, even if stale (for looking up flag ids quickly)

Both are recomputed only when the fingerprint of ``stories/`` (every file's path, size and
modification time) differs from the one they were made from, so the CLI and a text editor
can change files at any time and the next page shows it.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ..check import cross_check
from ..load import load_project
from ..model import Problem, Project
from ..prepare import Prepared, prepare


@dataclass(frozen=True)
class Loaded:
    project: Project
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Checked:
    project: Project
    prep: Prepared | None
    problems: tuple[Problem, ...]
    warnings: tuple[str, ...]


def fingerprint(root: Path) -> tuple:
    out = []
    for folder, dirs, files in os.walk(root / "stories"):
        dirs.sort()
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            out.append((folder, name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def check_project(project: Project, problems: list[Problem]) -> Checked:
    """What ``storymaker check`` finds, as data."""
    problems = problems + (cross_check(project) if project.stories or not problems else [])
    prep = prepare(project) if (project.root / "stories").is_dir() else None
    if prep:
        problems += prep.problems
    ordered = tuple(sorted(dict.fromkeys(problems), key=lambda p: (p.path, p.line)))
    return Checked(project, prep, ordered, tuple(prep.warnings) if prep else ())


class ProjectState:
    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self._lock = threading.Lock()
        self._loaded: tuple[tuple, Loaded] | None = None
        self._checked: tuple[tuple, Checked] | None = None

    def loaded(self) -> Loaded:
        with self._lock:
            mark = fingerprint(self.root)
            if self._loaded is None or self._loaded[0] != mark:
                project, problems = load_project(self.root)
                self._loaded = (mark, Loaded(project, tuple(problems)))
            return self._loaded[1]

    def latest(self) -> Checked:
        """The last check made, even if a file changed since (flag ids stay valid while their
        words do); a fresh one when there is none yet."""
        return self._checked[1] if self._checked else self.prepared()

    def prepared(self) -> Checked:
        loaded = self.loaded()
        with self._lock:
            mark = fingerprint(self.root)
            if self._checked is None or self._checked[0] != mark:
                self._checked = (mark, check_project(loaded.project, list(loaded.problems)))
            return self._checked[1]
