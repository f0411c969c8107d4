"""The studio's ASGI app: Starlette routes over the project's own files.

    app = create_app(root, secrets, port)   # wrapped in the Guard (see guard.py)

Screens, one module each: ``home`` (counts, next steps, every problem), ``importing``,
``excerpts``, ``queue`` (the review queue), ``editor`` (stories with a live preview) and
``builds`` (build, progress, the built pages and videos). Handlers share one :class:`Studio`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from ..errors import ConflictError, StorymakerError
from .guard import Guard, Secrets
from .jobs import Jobs
from .state import ProjectState

HERE = Path(__file__).resolve().parent
MAX_UPLOAD = 50 * 2**20


@dataclass(frozen=True)
class Studio:
    root: Path
    state: ProjectState
    secrets: Secrets
    jobs: Jobs
    env: Environment
    uploads: Path

    def page(self, request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        html = self.env.get_template(name).render(
            csrf=self.secrets.csrf, path=request.url.path, project=self.root.name, **context)
        return HTMLResponse(html, status_code=status)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    return env


async def _refused(request: Request, exc: StorymakerError) -> JSONResponse:
    status = 409 if isinstance(exc, ConflictError) else 400
    return JSONResponse({"ok": False, "problems": [str(p) for p in exc.problems]}, status_code=status)


def create_app(root: Path, secrets: Secrets, port: int, uploads: Path) -> Guard:
    from . import builds, editor, excerpts, home, importing, queue
    studio = Studio(Path(root).resolve(), ProjectState(root), secrets, Jobs(Path(root).resolve()), _environment(), uploads)
    routes = [*home.routes(studio), *queue.routes(studio), *editor.routes(studio), *builds.routes(studio),
              *excerpts.routes(studio), *importing.routes(studio),
              Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]
    app = Starlette(routes=routes, exception_handlers={StorymakerError: _refused})
    return Guard(app, secrets, port, MAX_UPLOAD)
