"""The review queue screen: one flagged word at a time, a key per decision, undo.

The page carries the whole queue as JSON, so the next flag is on screen the moment a key is
pressed; the decision is posted behind it and every other occurrence of the same word leaves
the queue with it. When the local queue runs out the page asks for a fresh one
(``/review/queue.json``), which re-reads the project, so what it shows is always the truth:
after each decision the studio re-reads the register alone and works the flags out again in
the background, so that fresh queue is usually ready before it is asked for.
"""
from __future__ import annotations

from functools import partial

import dataclasses

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from .review import decide, queue, replacements, undo, version

KEYS = [("p", "person", "Person"), ("l", "place", "Place"), ("o", "organisation", "Organisation"),
        ("i", "other", "Other identifier"), ("h", "here", "Safe here"), ("e", "everywhere", "Safe everywhere")]


def _payload(studio) -> dict:
    checked = studio.state.flagged()
    items = [dataclasses.asdict(i) for i in queue(checked)]
    return {"version": version(studio.root), "items": items}


async def _body(request: Request) -> dict:
    data = await request.json()
    return {k: str(data.get(k) or "") for k in ("flag", "token", "decision", "version", "where", "context")}


def page(studio, request: Request):
    data = _payload(studio)
    return studio.page(request, "review.html", data=data, keys=KEYS, first=data["items"][0] if data["items"] else None,
                       replacements=replacements(studio.state.flagged()))

def fresh(studio, request: Request):
    return JSONResponse(_payload(studio))

async def decision(studio, request: Request):
    body = await _body(request)
    new = await run_in_threadpool(_decide, studio, body)
    return JSONResponse({"ok": True, "version": new})

def _decide(studio, body: dict) -> str:
    register = studio.state.loaded().project.register  # the register as on disk now; the rest is not read
    new = decide(studio.root, studio.state.latest(), body["flag"], body["decision"], body["version"] or None, register)
    studio.state.refresh_soon()
    return new

async def undone(studio, request: Request):
    body = await _body(request)
    new = await run_in_threadpool(undo, studio.root, body["token"], body["decision"], body["version"] or None,
                                  body["where"], body["context"])
    studio.state.refresh_soon()
    return JSONResponse({"ok": True, "version": new})


def routes(studio) -> list[Route]:
    return [Route("/review", partial(page, studio)), Route("/review/queue.json", partial(fresh, studio)),
            Route("/review/decide", partial(decision, studio), methods=["POST"]), Route("/review/undo", partial(undone, studio), methods=["POST"])]
