"""The loaded project, cached until a file under ``stories/`` changes.

    state = ProjectState(root)
    state.loaded()    -> Loaded(project, problems)          load only (fast)
    state.flagged()   -> Checked(project, prep, ...)        load + anonymise: the review queue's flags
    state.prepared()  -> Checked(project, prep, problems)   load + check + anonymise + compose
    state.current()   -> that Checked if it is up to date, else None (never computes)
    state.latest()    -> the last Checked made, even if stale (for looking up flag ids quickly)
    state.refresh_soon()  recompute ``flagged()`` in the background once decisions pause

Each is recomputed only when the fingerprint of ``stories/`` (every file's path, size and
modification time) differs from the one it was made from, so the CLI and a text editor can
change files at any time and the next page shows it: the files stay the single source of
truth. When the only files that changed are the register and the decisions file (what a
review decision writes), ``loaded()`` re-reads those two and keeps everything else.
"""
from __future__ import annotations

import dataclasses
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ..check import cross_check
from ..load import load_project
from ..load.decisions import REL as DECISIONS, read_decisions
from ..load.register import read_register
from ..model import Problem, Project
from ..prepare import Prepared, anonymise_excerpts, anonymise_settings, prepare, project_anonymiser, safe_spec

REGISTER = "stories/anonymise.yaml"
REVIEW_FILES = frozenset({REGISTER, DECISIONS})
IDLE = 0.8  # seconds without a decision before the flags are worked out again in the background


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


def fingerprint(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``stories/``: its path (relative to the project) -> (size, mtime in ns)."""
    out = {}
    for folder, dirs, files in os.walk(root / "stories"):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            out[Path(path).relative_to(root).as_posix()] = (st.st_size, st.st_mtime_ns)
    return out


def changed_files(old: dict, new: dict) -> set[str]:
    return {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}


def _now(name: str, work):
    return work()


def check_project(project: Project, problems: list[Problem], stage=_now) -> Checked:
    """What ``storymaker check`` finds, as data; ``stage(name, work)`` runs each part (and may
    report it)."""
    crossed = stage("Checking across files", lambda: cross_check(project)) if project.stories or not problems else []
    problems = problems + crossed
    prep = stage("Anonymising and composing", lambda: prepare(project)) if (project.root / "stories").is_dir() else None
    if prep:
        problems += prep.problems
    ordered = tuple(sorted(dict.fromkeys(problems), key=lambda p: (p.path, p.line)))
    return Checked(project, prep, ordered, tuple(prep.warnings) if prep else ())


def flag_project(project: Project, problems: list[Problem]) -> Checked:
    """What the review queue and the story editor need: every excerpt and story text
    anonymised, with its flags and replacements (no composing: about a third of a full check)."""
    if not (project.root / "stories").is_dir():
        return Checked(project, None, tuple(problems), ())
    prep = Prepared(project, project_anonymiser(project), loaded=project)
    anonymise_excerpts(prep)
    # as prepare() does: composing (the story editor's preview) sees only what may be published
    prep.project = dataclasses.replace(project, excerpts=tuple(e for e in project.excerpts if e.id in prep.safe))
    anonymise_settings(prep)  # the site's title and description are flagged too
    for spec in project.stories:
        safe_spec(prep, spec)
    return Checked(project, prep, tuple(problems) + tuple(prep.problems), ())


def reread_review_files(root: Path, loaded: Loaded) -> Loaded:
    """``loaded`` with the register and the decisions read again from disk (nothing else)."""
    register, more = read_register(root / REGISTER, REGISTER)
    decisions, further = read_decisions(root / "stories")
    kept = [p for p in loaded.problems if p.path not in REVIEW_FILES]
    project = dataclasses.replace(loaded.project, register=register, decisions=decisions)
    return Loaded(project, tuple(kept + more + further))


class ProjectState:
    """The caches; ``_lock`` guards them (held briefly), ``_work`` lets one long computation run at
    a time without holding up a page that only needs ``loaded()`` (a review decision)."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self._lock = threading.Lock()
        self._work = threading.Lock()
        self._loaded: tuple[dict, Loaded] | None = None
        self._checked: tuple[dict, Checked] | None = None  # a full check
        self._flagged: tuple[dict, Checked] | None = None  # flags only
        self._latest: Checked | None = None
        self._refresher: threading.Timer | None = None

    def _load(self) -> tuple[dict, Loaded]:
        mark = fingerprint(self.root)
        if self._loaded is not None and self._loaded[0] == mark:
            return self._loaded
        if self._loaded is not None and changed_files(self._loaded[0], mark) <= REVIEW_FILES:
            self._loaded = (mark, reread_review_files(self.root, self._loaded[1]))
        else:
            project, problems = load_project(self.root)
            self._loaded = (mark, Loaded(project, tuple(problems)))
        return self._loaded

    def loaded(self) -> Loaded:
        with self._lock:
            return self._load()[1]

    def latest(self) -> Checked:
        """The last check made, even if a file changed since (flag ids stay valid while their
        words do); a fresh one when there is none yet."""
        return self._latest or self.flagged()

    def _cached(self, full: bool) -> tuple[dict, Loaded, Checked | None]:
        with self._lock:
            mark, loaded = self._load()
            for slot in ((self._checked,) if full else (self._checked, self._flagged)):
                if slot is not None and slot[0] == mark:
                    return mark, loaded, slot[1]
            return mark, loaded, None

    def current(self) -> Checked | None:
        """The full check, if one was made from the files as they are now."""
        return self._cached(full=True)[2]

    def prepared(self, stage=_now) -> Checked:
        with self._work:
            mark, loaded, found = stage("Reading the files", lambda: self._cached(full=True))
            if found is None:
                found = check_project(loaded.project, list(loaded.problems), stage)
                with self._lock:
                    self._checked = (mark, found)
                    self._latest = found
            return found

    def flagged(self) -> Checked:
        """The review queue's view: a full check's when it is current, else flags only."""
        with self._work:
            mark, loaded, found = self._cached(full=False)
            if found is None:
                found = flag_project(loaded.project, list(loaded.problems))
                with self._lock:
                    self._flagged = (mark, found)
                    self._latest = found
            return found

    def refresh_soon(self, idle: float = IDLE) -> None:
        """Work the flags out again in the background once no decision came for ``idle`` seconds,
        so the queue the page asks for next is ready. Never while decisions keep coming: the
        work would hold Python's interpreter lock and slow every decision being written."""
        with self._lock:
            if self._refresher is not None:
                self._refresher.cancel()
            self._refresher = threading.Timer(idle, self.flagged)
            self._refresher.daemon = True
            self._refresher.start()
