"""The excerpts table: search and filter, bulk edit of audience, consent and sensitive,
and participant withdrawal (``stories/withdrawn.yaml``)."""
from __future__ import annotations

from functools import partial

from collections import defaultdict
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..compose.pool import theme_matches
from ..errors import StudioError
from ..model import CHANNELS, EXCERPT_AUDIENCES, Excerpt
from .files import append_item, edit_yaml, version
from .rowedit import edit_excerpts

SHOWN = 200
WITHDRAWN = Path("stories") / "withdrawn.yaml"
FILTERS = ("q", "theme", "participant", "audience", "consent", "stage", "file")


def used_in(checked) -> dict[str, set[str]]:
    """excerpt id -> the stories (slug) whose composed versions quote it."""
    out: dict[str, set[str]] = defaultdict(set)
    for comp in checked.prep.compositions if checked.prep else ():
        for q in comp.provenance.quotes:
            out[q.excerpt].add(comp.story.slug)
    return out


def matches(e: Excerpt, f: dict[str, str]) -> bool:
    consent = f.get("consent", "")
    return ((not f.get("q") or f["q"].lower() in (e.text + " " + e.id).lower())
            and (not f.get("theme") or any(theme_matches(t, f["theme"]) for t in e.themes))
            and (not f.get("participant") or e.participant == f["participant"])
            and (not f.get("audience") or e.audience == f["audience"])
            and (not consent or (consent == "none" and not e.consent) or consent in e.consent)
            and (not f.get("stage") or e.stage == f["stage"])
            and (not f.get("file") or Path(e.source).name == f["file"]))


def _changes(data: dict) -> dict[str, object]:
    change: dict[str, object] = {}
    if data.get("audience") in EXCERPT_AUDIENCES:
        change["audience"] = data["audience"]
    if data.get("consent") in ("web", "video", "web;video", "none"):
        change["consent"] = [] if data["consent"] == "none" else data["consent"].split(";")
    if data.get("sensitive") in ("true", "false"):
        change["sensitive"] = data["sensitive"] == "true"
    if not change:
        raise StudioError("choose an audience, a consent or a sensitive value to apply")
    return change


def bulk_edit(studio, data: dict) -> int:
    project = studio.state.loaded().project
    ids = set(map(str, data.get("ids") or []))
    if not ids:
        raise StudioError("tick the excerpts to change first")
    change, by_file = _changes(data), defaultdict(dict)
    for e in project.excerpts:
        if e.id in ids:
            by_file[e.source][e.id] = change
    expected = data.get("versions") or {}
    for source, changes in by_file.items():
        edit_excerpts(studio.root, source, changes, expected.get(source))
    return sum(len(c) for c in by_file.values())


def withdraw(studio, participant: str, expected: str | None) -> str:
    known = {e.participant for e in studio.state.loaded().project.excerpts}
    if participant not in known:
        raise StudioError(f"no participant {participant!r} in the excerpts")

    def change(doc) -> None:
        if doc.get("participants") is None:
            from ruamel.yaml.comments import CommentedSeq
            doc["participants"] = CommentedSeq()
        if participant not in [str(p) for p in doc["participants"]]:
            append_item(doc["participants"], participant)
    return edit_yaml(studio.root / WITHDRAWN, expected, change, studio.root)


def table(studio, request: Request):
    checked = studio.state.prepared()
    project = checked.project
    f = {k: request.query_params.get(k, "").strip() for k in FILTERS}
    rows = [e for e in project.excerpts if matches(e, f)]
    sources = sorted({e.source for e in project.excerpts})
    return studio.page(request, "excerpts.html", rows=rows[:SHOWN], total=len(rows), all=len(project.excerpts),
                       f=f, used=used_in(checked), themes=sorted(project.codebook), files=[Path(s).name for s in sources],
                       participants=sorted({e.participant for e in project.excerpts}), audiences=EXCERPT_AUDIENCES,
                       channels=CHANNELS, stages=sorted({e.stage for e in project.excerpts if e.stage}),
                       withdrawn=sorted(project.withdrawn), versions={s: version(studio.root / s) for s in sources},
                       withdrawn_version=version(studio.root / WITHDRAWN))

async def edit(studio, request: Request):
    n = bulk_edit(studio, await request.json())
    return JSONResponse({"ok": True, "message": f"Changed {n} excerpt(s).", "reload": True})

async def withdrawal(studio, request: Request):
    data = await request.json()
    withdraw(studio, str(data.get("participant") or ""), data.get("version"))
    return JSONResponse({"ok": True, "message": "Withdrawn: every story rebuilds without their words.", "reload": True})


def routes(studio) -> list[Route]:
    return [Route("/excerpts", partial(table, studio)), Route("/excerpts/edit", partial(edit, studio), methods=["POST"]),
            Route("/excerpts/withdraw", partial(withdrawal, studio), methods=["POST"])]
