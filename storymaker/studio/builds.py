"""Build and preview: start a build, follow its progress, and see what it made: the
pages inside the studio, the videos with their captions, the publish gate's answer and the
member-check packs."""
from __future__ import annotations

from functools import partial

import json
import re

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import StudioError


def built_pages(root) -> list[str]:
    web = root / "output" / "web"
    return sorted(p.relative_to(web).as_posix() for p in web.rglob("*.html")) if web.is_dir() else []


def built_videos(root) -> list[dict]:
    folder = root / "output" / "video"
    try:
        rows = json.loads((folder / "videos.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [r for r in rows if (folder / r["mp4"]).is_file()]


def member_checks(root) -> list[str]:
    folder = root / "private" / "member-check"
    return sorted(p.name for p in folder.glob("*.md")) if folder.is_dir() else []


def page(studio, request: Request):
    job = studio.jobs.latest()
    return studio.page(request, "build.html", job=job.snapshot() if job else None, pages=built_pages(studio.root),
                       videos=built_videos(studio.root), packs=member_checks(studio.root))

async def start(studio, request: Request):
    data = await request.json()
    job = studio.jobs.start_build(web=bool(data.get("web")), video=bool(data.get("video")))
    return JSONResponse({"ok": True, "job": job.id})

def follow(studio, request: Request):
    job = studio.jobs.get(request.path_params["job"])
    if job is None:
        raise StudioError("no such build: start one from this page")
    after = int(request.query_params.get("after") or 0)
    return JSONResponse(job.snapshot(after))

def pack(studio, request: Request):
    name = request.path_params["name"]
    path = studio.root / "private" / "member-check" / name
    if not re.fullmatch(r"[\w.-]+\.md", name) or not path.is_file():
        raise StudioError("no such member-check pack")
    return PlainTextResponse(path.read_text(encoding="utf-8"))


def routes(studio) -> list[Route]:
    return [Route("/build", partial(page, studio)), Route("/build/start", partial(start, studio), methods=["POST"]),
            Route("/build/jobs/{job}", partial(follow, studio)), Route("/jobs/{job}", partial(follow, studio)), Route("/member-check/{name}", partial(pack, studio)),
            Mount("/output", StaticFiles(directory=studio.root / "output", check_dir=False))]
