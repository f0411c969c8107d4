"""The story editor: a form over ``stories/<slug>.story.yaml`` beside a live preview.

Every change in the form posts it to ``/stories/<slug>/preview``, which applies it to the
spec's round-trip document in memory and composes the result (nothing is written); *Save*
writes the same document atomically, refusing if the file changed on disk meanwhile.
"""
from __future__ import annotations

from functools import partial

import re

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..compose.pool import theme_matches
from ..errors import StudioError
from ..load.specs import BEAT_KEYS, SUFFIX
from ..model import AUDIENCES, CHANNELS, VIDEO_FORMATS
from ..paths import AUDIO_TYPES, IMAGE_TYPES
from .files import dump_yaml, load_yaml, read_text, version, write_atomic
from .preview import preview
from .specdoc import BEAT_IMAGE, BEAT_TEXT, TEXT_KEYS, VIDEO_TEXT, apply_form, new_spec

PINNING = "pin" in BEAT_KEYS  # pin:/exclude: in beats, once the loader knows them
MAX_CANDIDATES = 60


def slug_of(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-") or "story"


def candidates(checked, themes: list[str], audiences: list[str]) -> list[dict]:
    """Excerpts a beat with these themes could quote (safe text), for pinning or excluding."""
    prep = checked.prep
    if prep is None or not themes:
        return []
    out = []
    for e in prep.project.excerpts:
        if any(theme_matches(t, th) for t in e.themes for th in themes) and any(e.audience in (a, "both") for a in audiences):
            out.append({"id": e.id, "participant": e.participant, "text": prep.safe[e.id].text,
                        "consent": " and ".join(sorted(e.consent))})
        if len(out) >= MAX_CANDIDATES:
            break
    return out


def _spec_path(studio, slug: str):
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise StudioError(f"no story called {slug!r}")
    return studio.root / "stories" / f"{slug}{SUFFIX}"


def _strings(values) -> list[str]:
    return [str(v) for v in values or []]


def _audiences(doc) -> list[str]:
    audiences = doc.get("audiences", doc.get("audience")) or []
    return _strings(audiences) if isinstance(audiences, list) else [str(audiences)]


def _beat_view(beat, checked, audiences: list[str]) -> dict:
    themes = _strings(beat.get("themes"))
    view = {key: str(beat.get(key) or "") for key in (*BEAT_TEXT, *BEAT_IMAGE)}
    return {**view, "excerpts": int(beat.get("excerpts") or 2), "themes": themes, "pin": _strings(beat.get("pin")),
            "exclude": _strings(beat.get("exclude")), "candidates": candidates(checked, themes, audiences)}


def _video_view(doc) -> dict:
    video = doc.get("video") if isinstance(doc.get("video"), dict) else {}
    return {"formats": _strings(video.get("formats")) or ["16:9"], **{k: str(video.get(k) or "") for k in VIDEO_TEXT}}


def _form_view(doc, checked) -> dict:
    """The spec document as the editor's form shows it."""
    audiences = _audiences(doc)
    view = {key: str(doc.get(key) or "") for key in TEXT_KEYS}
    persona = doc.get("persona")
    return {**view, "audiences": audiences, "outputs": _strings(doc.get("outputs") or CHANNELS),
            "order": str(doc.get("order") or "auto"), "exclude": ", ".join(_strings(doc.get("exclude"))),
            "persona": "\n".join(_strings(persona if isinstance(persona, list) else [persona] if persona else [])),
            "video": _video_view(doc), "beats": [_beat_view(beat, checked, audiences) for beat in doc.get("beats") or []]}


def assets(root, types: set[str]) -> list[str]:
    """The project's files under assets/ of these types, as a spec names them."""
    folder = root / "assets"
    found = (p for p in folder.rglob("*") if p.suffix.lower() in types and p.is_file()) if folder.is_dir() else ()
    return sorted(p.relative_to(root).as_posix() for p in found)


def listing(studio, request: Request):
    loaded = studio.state.loaded()
    return studio.page(request, "stories.html", stories=loaded.project.stories,
                       themes=sorted(loaded.project.codebook), audiences=AUDIENCES)

async def create(studio, request: Request):
    form = await request.form()
    title = str(form.get("title") or "").strip()
    if not title:
        raise StudioError("give the new story a title")
    path = _spec_path(studio, slug_of(title))
    if path.exists():
        raise StudioError(f"there is already a story called {path.name}: choose another title")
    audience = str(form.get("audience") or "community")
    doc = new_spec(title, audience if audience in AUDIENCES else "community", str(form.get("theme") or ""))
    write_atomic(path, dump_yaml(doc).encode("utf-8"), "", studio.root)
    return JSONResponse({"ok": True, "redirect": f"/stories/{path.name[:-len(SUFFIX)]}"})

def edit(studio, request: Request):
    slug = request.path_params["slug"]
    path = _spec_path(studio, slug)
    if not path.exists():
        raise StudioError(f"no story called {slug!r}")
    checked = studio.state.flagged()
    view = _form_view(load_yaml(path, studio.root), checked)
    shown = preview(checked, path.read_text(encoding="utf-8"), slug, studio.uploads / "preview")
    return studio.page(request, "editor.html", slug=slug, form=view, version=version(path), preview=shown,
                       themes=sorted(checked.project.codebook), audiences=AUDIENCES, channels=CHANNELS,
                       pinning=PINNING, images=assets(studio.root, IMAGE_TYPES), music=assets(studio.root, AUDIO_TYPES),
                       formats=list(VIDEO_FORMATS))

async def body(studio, request: Request):
    slug = request.path_params["slug"]
    path = _spec_path(studio, slug)
    data = await request.json()
    text = read_text(path)
    doc = load_yaml(path, studio.root, text)
    apply_form(doc, data)
    return slug, path, data, dump_yaml(doc, text)

async def live(studio, request: Request):
    slug, _, data, text = await body(studio, request)
    return await run_in_threadpool(_live, studio, slug, data, text)

def _live(studio, slug: str, data: dict, text: str):
    checked = studio.state.flagged()
    shown = preview(checked, text, slug, studio.uploads / "preview")
    html = studio.env.get_template("preview.html").render(preview=shown)
    picks = [None if ",".join(b.get("themes") or []) == b.get("shown_themes") else  # the page has these already
             studio.env.get_template("candidates.html").render(
                 beat={**b, "candidates": candidates(checked, b.get("themes") or [], data.get("audiences") or [])},
                 b_index=i, pinning=PINNING)
             for i, b in enumerate(data.get("beats") or [])]
    return JSONResponse({"ok": True, "html": html, "candidates": picks})

async def save(studio, request: Request):
    slug, path, data, text = await body(studio, request)
    new = write_atomic(path, text.encode("utf-8"), str(data.get("version") or ""), studio.root)
    return JSONResponse({"ok": True, "version": new, "message": f"Saved stories/{path.name}."})


def routes(studio) -> list[Route]:
    return [Route("/stories", partial(listing, studio)), Route("/stories/new", partial(create, studio), methods=["POST"]),
            Route("/stories/{slug}", partial(edit, studio)), Route("/stories/{slug}/preview", partial(live, studio), methods=["POST"]),
            Route("/stories/{slug}/save", partial(save, studio), methods=["POST"]),
            Mount("/assets", StaticFiles(directory=studio.root / "assets", check_dir=False))]  # the beats' pictures
