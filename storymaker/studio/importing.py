"""The Import screen: upload, see the detected format, columns and the source's own values,
map them with dropdowns, preview the first rows, import. The choices are saved as the same
map file ``storymaker import --map`` takes (``stories/maps/<name>.yaml``)."""
from __future__ import annotations

import yaml

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..errors import StorymakerError, StudioError
from ..importers import run_import
from . import mapping
from .files import write_atomic
from .uploads import find_upload, save_upload

MAX_UPLOAD = 50 * 2**20
PREVIEW_ROWS = 5


def plan(table, form: dict, codebook: dict[str, str]) -> dict:
    """The values the source uses in the chosen columns, each with the choice made or guessed."""
    cols = form.get("columns") or {}
    sep = form.get("separator") or ";"
    chosen = lambda key: form.get(key) or {}
    values = lambda field: mapping.distinct(table, cols[field]) if cols.get(field) else []
    consent = [(v, chosen("consent").get(v, mapping.guess_consent(v))) for v in values("consent")]
    audience = [(v, chosen("audience").get(v, mapping.guess_audience(v))) for v in values("audience")]
    codes = [(c, chosen("codes").get(c, mapping.guess_theme(c, codebook)))
             for c in (mapping.distinct(table, cols["themes"], sep, 200) if cols.get("themes") else [])]
    return {"consent": consent, "audience": audience, "codes": codes}


def preview_rows(table, form: dict, found: dict) -> list[dict]:
    cols, sep = form.get("columns") or {}, form.get("separator") or ";"
    maps = {k: dict(found[k]) for k in ("consent", "audience", "codes")}
    rows = []
    for _, row in table.rows[:PREVIEW_ROWS]:
        cell = lambda f: (row.get(cols.get(f, "")) or "").strip()
        codes = [c.strip() for c in cell("themes").split(sep) if c.strip()]
        rows.append({"participant": cell("participant"), "text": cell("text"),
                     "themes": ", ".join(maps["codes"].get(c) or c for c in codes),
                     "audience": maps["audience"].get(cell("audience")) or cell("audience") or "(empty)",
                     "consent": maps["consent"].get(cell("consent"), cell("consent")) if cell("consent") else "(empty)"})
    return rows


def write_map(studio, stem: str, settings: dict) -> str:
    path = studio.root / "stories" / "maps" / f"{stem}.yaml"
    header = "# How storymaker imports this source: written by the studio's Import screen.\n"
    body = yaml.safe_dump(settings, sort_keys=False, allow_unicode=True, default_flow_style=False)  # YAML 1.1 quoting: 'No' stays a string
    write_atomic(path, (header + body).encode("utf-8"), None, studio.root)
    return path.relative_to(studio.root).as_posix()


def do_import(studio, upload, form: dict) -> list[str]:
    settings = mapping.settings(form)
    missing = [f for f in mapping.REQUIRED if f not in settings["columns"]]
    if missing:
        raise StudioError(f"choose the column for {', '.join(missing)} first")
    shown = write_map(studio, upload.stem, settings)
    into = studio.root / "stories" / "excerpts" / f"{upload.stem}.csv"
    report = run_import(studio.root, upload.path, into, settings=settings)
    return [f"saved the choices to {shown}", *report.lines()]


def routes(studio) -> list[Route]:
    def start(request: Request):
        return studio.page(request, "import.html", upload=None)

    async def upload(request: Request):
        async with request.form(max_files=1, max_fields=5, max_part_size=MAX_UPLOAD) as form:
            part = form.get("file")
            if part is None or not hasattr(part, "read"):
                raise StudioError("choose a file to upload")
            saved = save_upload(studio.uploads, part.filename or "", await part.read())
        return JSONResponse({"ok": True, "redirect": f"/import/{saved.id}"})

    def page(request: Request):
        saved = find_upload(studio.uploads, request.path_params["upload"])
        codebook = studio.state.loaded().project.codebook
        try:
            kind, table = mapping.read_table(saved.path)
        except StorymakerError as exc:
            return studio.page(request, "import.html", upload=saved, problems=[str(p) for p in exc.problems], status=400)
        form = {"columns": mapping.guess_columns(table.header) if table else {}, "separator": ";"}
        found = plan(table, form, codebook) if table else None
        return studio.page(request, "import.html", upload=saved, kind=kind, table=table, form=form, found=found,
                           rows=preview_rows(table, form, found) if table else [], fields=mapping.FIELDS,
                           themes=sorted(codebook), consent_choices=mapping.CONSENT_CHOICES,
                           audience_choices=mapping.AUDIENCE_CHOICES, problems=[])

    async def replan(request: Request):
        saved, form = find_upload(studio.uploads, request.path_params["upload"]), await request.json()
        _, table = mapping.read_table(saved.path)
        codebook = studio.state.loaded().project.codebook
        found = plan(table, form, codebook)
        html = studio.env.get_template("import_values.html").render(
            found=found, rows=preview_rows(table, form, found), themes=sorted(codebook),
            consent_choices=mapping.CONSENT_CHOICES, audience_choices=mapping.AUDIENCE_CHOICES)
        return JSONResponse({"ok": True, "html": html})

    async def run(request: Request):
        saved, form = find_upload(studio.uploads, request.path_params["upload"]), await request.json()
        lines = await run_in_threadpool(do_import, studio, saved, form)
        return JSONResponse({"ok": True, "lines": lines})

    return [Route("/import", start), Route("/import/upload", upload, methods=["POST"]),
            Route("/import/{upload}", page), Route("/import/{upload}/plan", replan, methods=["POST"]),
            Route("/import/{upload}/run", run, methods=["POST"])]
