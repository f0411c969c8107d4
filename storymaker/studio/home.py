"""Project home: the counts, what to do next, and every ``check`` problem in plain words with
a link to where it is fixed (see plain.py).

The check runs off the request thread (``jobs.start_check``): the page comes at once with
the counts the files give, and a progress bar; when the check is done the page asks for its
results (``/home/results``). A check that is up to date is shown straight away.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..errors import StudioError
from .plain import shown
from .state import Checked

VIEWABLE = re.compile(r"[\w-]+\.ya?ml")


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


def counts(studio, project) -> dict:
    return {"excerpts": len(project.excerpts), "participants": len({e.participant for e in project.excerpts}),
            "stories": len(project.stories), "last_build": last_build(studio.root)}


def results(checked: Checked) -> dict:
    from .review import queue
    flags = len(queue(checked))
    return {"flags": flags, "problems": shown(checked), "warnings": checked.warnings,
            "next_steps": next_steps(checked, flags)}


def home(studio, request: Request):
    checked = studio.state.current()
    project = checked.project if checked else studio.state.loaded().project
    job = None if checked else studio.jobs.start_check(studio.state)
    return studio.page(request, "home.html", title=project.title, counts=counts(studio, project),
                       job=job.snapshot() if job else None, **(results(checked) if checked else {}))


def home_results(studio, request: Request):
    checked = studio.state.current()
    if checked is None:  # a file changed again since: check again
        return JSONResponse({"ok": True, "job": studio.jobs.start_check(studio.state).id})
    html = studio.env.get_template("home_results.html").render(**results(checked))
    return JSONResponse({"ok": True, "html": html, "flags": results(checked)["flags"]})


def file_view(studio, request: Request):
    """A top-level file of stories/ with no screen of its own (codebook, glossary, project
    settings), read-only, its lines numbered, so a problem's line can be found."""
    name = request.path_params["name"]
    path = studio.root / "stories" / name
    if not VIEWABLE.fullmatch(name) or not path.is_file():
        raise StudioError(f"no file stories/{name} to show")
    lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    return studio.page(request, "file.html", file=f"stories/{name}", lines=lines)


def routes(studio) -> list[Route]:
    from functools import partial
    return [Route("/", partial(home, studio)), Route("/home/results", partial(home_results, studio)),
            Route("/files/{name}", partial(file_view, studio))]
