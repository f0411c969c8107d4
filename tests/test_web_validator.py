"""The W3C Nu Html Checker (npm's vnu-jar, run with Java) on every built page, the feeds' neighbours and the CSS.

``make test`` installs the checker into ``.venv/vnu/``; set ``VNU_JAR`` to use another copy.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.web import full_site, make_story, TEMPLATES
from storymaker.render.web import render_site

JAR = Path(os.environ.get("VNU_JAR") or Path(sys.prefix) / "vnu/node_modules/vnu-jar/build/dist/vnu.jar")
pytestmark = pytest.mark.skipif(not JAR.is_file() or not shutil.which("java"),
                                reason=f"the Nu Html Checker is not installed at {JAR} (make install-test installs it)")


def vnu(*args: str) -> list[dict]:
    """The checker's errors (warnings and info are not errors), as JSON messages."""
    run = subprocess.run(["java", "-jar", str(JAR), "--format", "json", "--exit-zero-always", *args],
                         capture_output=True, text=True, timeout=300)
    return [m for m in json.loads(run.stderr or '{"messages": []}')["messages"] if m["type"] == "error"]


def test_when_the_full_site_is_checked_then_every_page_and_the_css_have_no_errors(tmp_path):
    out = full_site(tmp_path)
    plain = tmp_path / "plain"  # no base_url, no video, no images: the other branches of the templates
    render_site([make_story(), make_story(audience="community", summary="")], [], plain, templates_dir=TEMPLATES,
                site_title="Kindness at work")
    pages = sorted(str(p) for site in (out, plain) for p in site.rglob("*.html"))
    assert len(pages) == 11
    assert vnu("--also-check-css", *pages, str(out / "style.css")) == []


def test_the_checker_does_find_errors_so_a_clean_result_means_something(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></span>", encoding="utf-8")
    assert vnu(str(bad))
