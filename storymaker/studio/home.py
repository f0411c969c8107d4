"""Project home: the counts, what to do next, and every ``check`` problem with a link to
the screen where it is fixed."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.routing import Route

from ..load.specs import SUFFIX
from ..model import Problem
from .state import Checked


@dataclass(frozen=True)
class Shown:
    where: str
    message: str
    href: str
    label: str


def where_fixed(p: Problem) -> tuple[str, str]:
    """The studio screen that fixes a problem, and the link's words."""
    if p.message.startswith("unreviewed") or p.path.endswith("anonymise.yaml"):
        return "/review", "Review the words"
    if p.path.endswith(SUFFIX):
        return f"/stories/{Path(p.path).name[:-len(SUFFIX)]}", "Edit the story"
    if "/excerpts/" in p.path:
        return f"/excerpts?file={Path(p.path).name}", "Open the excerpts"
    if p.path == "publish gate":
        return "/build", "See the build"
    return "", ""


def last_build(root: Path) -> str:
    index = root / "output" / "web" / "index.html"
    if not index.exists():
        return "never"
    when = dt.datetime.fromtimestamp(index.stat().st_mtime)
    return when.strftime("%d %b %Y, %H:%M")


def next_steps(checked: Checked, flags: int) -> list[tuple[str, str, str]]:
    project = checked.project
    steps = []
    if not project.excerpts:
        steps.append(("There are no excerpts yet.", "/import", "Import a coded file"))
    if any(not e.consent for e in project.excerpts):
        steps.append(("Some excerpts have no consent recorded, so they are published nowhere.", "/excerpts?consent=none", "Fill in consent"))
    if flags:
        steps.append((f"{flags} word{'s' if flags != 1 else ''} need a decision before anything is published.", "/review", "Start reviewing"))
    if not project.stories:
        steps.append(("There are no stories yet.", "/stories", "Create a story"))
    elif not checked.problems:
        steps.append(("Everything checks out.", "/build", "Build and preview"))
    else:
        steps.append(("Fix the problems below, then build.", "/build", "Build and preview"))
    return steps


def routes(studio) -> list[Route]:
    from .review import queue

    def home(request: Request):
        checked = studio.state.prepared()
        project = checked.project
        flags = len(queue(checked))
        counts = {"excerpts": len(project.excerpts), "participants": len({e.participant for e in project.excerpts}),
                  "stories": len(project.stories), "flags": flags, "last_build": last_build(studio.root)}
        shown = [Shown(f"{p.path}:{p.line}" if p.line else p.path, p.message, *where_fixed(p)) for p in checked.problems]
        return studio.page(request, "home.html", title=project.title, counts=counts, problems=shown,
                           warnings=checked.warnings, next_steps=next_steps(checked, flags))
    return [Route("/", home)]
