"""A signed-in studio client for a project folder, and the lines a file edit changed."""
from __future__ import annotations

import difflib
from pathlib import Path

from starlette.testclient import TestClient

from storymaker.studio.guard import COOKIE, Secrets
from storymaker.studio.server import make_app


def studio_client(root: Path, uploads: Path, port: int) -> TestClient:
    """The studio app for ``root`` behind a client that carries the session cookie and CSRF token."""
    secrets = Secrets()
    app, _ = make_app(root, port, secrets, uploads=uploads)
    client = TestClient(app, base_url=f"http://127.0.0.1:{port}", headers={"X-CSRF-Token": secrets.csrf})
    client.cookies.set(COOKIE, secrets.session)
    return client


def changed(before: str, after: str) -> list[str]:
    """The added and removed lines between two versions of a file."""
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
