"""The Import screen: upload, see the detected format, columns and the source's own values,
map them with dropdowns, preview the first rows, import. The choices are saved as the same
map file ``storymaker import --map`` takes (``stories/maps/<name>.yaml``)."""
from __future__ import annotations

from functools import partial

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..errors import StorymakerError, StudioError
from ..importers import api
from . import mapping
from .files import write_atomic
from .uploads import find_upload, save_upload

MAX_UPLOAD = 50 * 2**20
PREVIEW_ROWS = 5


def plan(path, form: dict, codebook: dict[str, str], coded: bool = False) -> dict:
    """The values the source uses (in the chosen columns of a spreadsheet; a coded file's own
    codes and case variables), each with the choice made or guessed."""
    found = plan_coded(path, form, codebook) if coded else plan_columns(path, form, codebook)
    return {**found, "default_audience": form.get("default_audience") or ""}


def plan_columns(path, form: dict, codebook: dict[str, str]) -> dict:
    cols = form.get("columns") or {}
    sep = form.get("separator") or ";"
    chosen = lambda key: form.get(key) or {}
    values = lambda field: mapping.distinct(path, cols[field]) if cols.get(field) else []
    consent = [(v, chosen("consent").get(v, mapping.guess_consent(v))) for v in values("consent")]
    audience = [(v, chosen("audience").get(v, mapping.guess_audience(v))) for v in values("audience")]
    codes = [(c, chosen("codes").get(c, mapping.guess_theme(c, codebook)))
             for c in (mapping.distinct(path, cols["themes"], sep, 200) if cols.get("themes") else [])]
    return {"consent": consent, "audience": audience, "codes": codes}


def plan_coded(path, form: dict, codebook: dict[str, str]) -> dict:
    people = mapping.participants(form)
    found, chosen = api.source_values(path, people), lambda key: form.get(key) or {}
    named = [*(form.get("participants") or {}), *found.unnamed]  # those given an id stay on screen
    return {"consent": [(v, chosen("consent").get(v, mapping.guess_consent(v))) for v, _ in found.consent],
            "audience": [(v, chosen("audience").get(v, mapping.guess_audience(v))) for v, _ in found.audience],
            "codes": [(c, chosen("codes").get(c, mapping.guess_theme(c, codebook))) for c, _ in found.codes],
            "unnamed": [(n, people.get(n, "")) for n in dict.fromkeys(named)]}


def chosen_settings(form: dict, found: dict) -> dict:
    """The map from the form, with the guesses the form showed counted as choices."""
    merged = dict(form)
    for key in ("consent", "audience", "codes"):
        merged[key] = {raw: ("?" if value is None else value) for raw, value in found[key]}
    merged["default_audience"] = found.get("default_audience", "")
    return mapping.settings(merged)


def preview_rows(path, settings: dict, coded: bool = False, people: dict | None = None) -> tuple[list[dict], list[str]]:
    """The first rows exactly as the importer would write them, and what it would skip."""
    if not coded and not all(f in settings.get("columns", {}) for f in mapping.REQUIRED):
        return [], ["choose the columns for participant, text and themes to see the preview"]
    try:
        shown = api.preview(path, settings, participants=people, limit=PREVIEW_ROWS)
    except StorymakerError as exc:
        return [], [str(p) for p in exc.problems]
    return list(shown.rows), [line for line in shown.lines if line.startswith(("skipped", "code ", "consent", "audience"))]


def write_map(studio, stem: str, settings: dict) -> str:
    path = studio.root / "stories" / "maps" / f"{stem}.yaml"
    api.write_map_file(path, settings)
    return path.relative_to(studio.root).as_posix()


def do_import(studio, upload, form: dict) -> list[str]:
    settings = mapping.settings(form)
    missing = [f for f in mapping.REQUIRED if f not in settings.get("columns", {})]
    if missing and not api.inspect(upload.path).coded:
        raise StudioError(f"choose the column for {', '.join(missing)} first")
    into = studio.root / "stories" / "excerpts" / f"{upload.stem}.csv"
    people = mapping.participants(form)
    who = write_participants(studio, upload.stem, people) if people else None
    report = api.run(studio.root, upload.path, settings, into=into, participants=who)
    shown = write_map(studio, upload.stem, settings)
    saved = f"saved the choices to {shown}" + (f" and who is speaking to {who.relative_to(studio.root).as_posix()}" if who else "")
    return [saved, *report.lines()]


def write_participants(studio, stem: str, people: dict[str, str]):
    """The ``--participants`` map (document or case name -> participant id), beside the map file."""
    import yaml
    path = studio.root / "stories" / "maps" / f"{stem}.participants.yaml"
    text = "# Which participant each document or case of the import is (storymaker import --participants).\n"
    write_atomic(path, (text + yaml.safe_dump(people, allow_unicode=True, sort_keys=False)).encode("utf-8"), None, studio.root)
    return path


def start(studio, request: Request):
    return studio.page(request, "import.html", upload=None)

async def upload(studio, request: Request):
    async with request.form(max_files=1, max_fields=5, max_part_size=MAX_UPLOAD) as form:
        part = form.get("file")
        if part is None or not hasattr(part, "read"):
            raise StudioError("choose a file to upload")
        saved = save_upload(studio.uploads, part.filename or "", await part.read())
    return JSONResponse({"ok": True, "redirect": f"/import/{saved.id}"})

def page(studio, request: Request):
    saved = find_upload(studio.uploads, request.path_params["upload"])
    codebook = studio.state.loaded().project.codebook
    try:
        info = api.inspect(saved.path)
    except StorymakerError as exc:
        return studio.page(request, "import.html", upload=saved, problems=[str(p) for p in exc.problems], status=400)
    form = {"columns": mapping.guess_columns(info.columns), "separator": ";"}
    found = plan(saved.path, form, codebook, info.coded) if info.columns or info.coded else None
    rows, notes = preview_rows(saved.path, chosen_settings(form, found), info.coded, mapping.participants(form)) if found else ([], [])
    return studio.page(request, "import.html", upload=saved, info=info, form=form, found=found, rows=rows,
                       notes=notes, fields=mapping.FIELDS, themes=sorted(codebook), problems=[],
                       consent_choices=mapping.CONSENT_CHOICES, audience_choices=mapping.AUDIENCE_CHOICES)

async def replan(studio, request: Request):
    saved, form = find_upload(studio.uploads, request.path_params["upload"]), await request.json()
    codebook = studio.state.loaded().project.codebook
    coded = api.inspect(saved.path).coded
    found = plan(saved.path, form, codebook, coded)
    rows, notes = preview_rows(saved.path, chosen_settings(form, found), coded, mapping.participants(form))
    html = studio.env.get_template("import_values.html").render(
        found=found, rows=rows, notes=notes, themes=sorted(codebook),
        consent_choices=mapping.CONSENT_CHOICES, audience_choices=mapping.AUDIENCE_CHOICES)
    return JSONResponse({"ok": True, "html": html})

async def run(studio, request: Request):
    saved, form = find_upload(studio.uploads, request.path_params["upload"]), await request.json()
    lines = await run_in_threadpool(do_import, studio, saved, form)
    return JSONResponse({"ok": True, "lines": lines})


def routes(studio) -> list[Route]:
    return [Route("/import", partial(start, studio)), Route("/import/upload", partial(upload, studio), methods=["POST"]),
            Route("/import/{upload}", partial(page, studio)), Route("/import/{upload}/plan", partial(replan, studio), methods=["POST"]),
            Route("/import/{upload}/run", partial(run, studio), methods=["POST"])]
