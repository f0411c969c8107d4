"""Shared fixtures: the repository root (the bundled example), a copy of the small
test project, a way to run the real CLI, and headless Chromium for the browser tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.project import REPO, SMALL, run_cli


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A fresh, writable copy of tests/project (stories only; templates/assets come from the package)."""
    dest = tmp_path / "project"
    shutil.copytree(SMALL, dest)
    return dest


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled example project."""
    dest = tmp_path / "example"
    for name in ("stories", "templates", "assets"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, dest / name)
    return dest


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium for one test module's browser tests (module-scoped: a test that
    starts Playwright itself, as the studio's do, must not find another one running)."""
    from playwright.sync_api import sync_playwright
    from helpers.web import launch_browser
    with sync_playwright() as p:
        chromium = launch_browser(p)
        yield chromium
        chromium.close()
