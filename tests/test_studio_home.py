"""Project home: the check runs behind the page with its progress, then every problem is
said in plain words (no masked words, no commands to type) with a link to where it is fixed."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from helpers.project import add_excerpt
from helpers.studio import studio_client

REPO = Path(__file__).resolve().parent.parent
PORT = 8716


@pytest.fixture
def client(tmp_path: Path):
    root = tmp_path / "example"
    for name in ("stories", "templates", "assets"):
        shutil.copytree(REPO / name, root / name)
    add_excerpt(root, 'S-P01-99,P01,"Then Birgitta made everyone tea.",staff.care,staff,web;video')
    spec = root / "stories" / "when-the-targets-stopped.story.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("pin: [S-P05-03]", "pin: [S-P05-93]"), encoding="utf-8")
    (root / "stories" / "glossary.yaml").write_text("# jargon\nterms: [not, a, mapping]\n", encoding="utf-8")
    return studio_client(root, tmp_path / "uploads", PORT)


def checked(client) -> str:
    page = client.get("/")
    assert page.status_code == 200
    assert "Checking the project" in page.text and 'id="check-progress"' in page.text  # at once, the check behind it
    job = page.text.split('data-job="')[1].split('"')[0]
    for _ in range(600):
        snap = client.get(f"/jobs/{job}").json()
        if snap["state"] != "running":
            break
        time.sleep(0.1)
    assert snap["state"] == "done" and snap["percent"] == 100
    assert [line.split(" (")[0] for line in snap["lines"][:3]] == [
        "✓ Reading the files", "✓ Checking across files", "✓ Anonymising and composing"]
    return client.get("/home/results").json()["html"]


def test_every_problem_is_said_plainly_with_a_link_to_where_it_is_fixed(client):
    html = checked(client)
    assert "1 word nobody has reviewed yet (Birgitta)" in html
    assert 'href="/review">Review the words' in html
    assert "S-P05-93" in html and 'href="/stories/when-the-targets-stopped">Edit the story' in html
    assert 'stories/glossary.yaml, line 2' in html and 'href="/files/glossary.yaml#line-2"' in html
    assert "storymaker decide" not in html and "B*******" not in html and ":14:" not in html
    shown = client.get("/files/glossary.yaml")
    assert shown.status_code == 200 and 'id="line-2"' in shown.text and "terms: [not, a, mapping]" in shown.text
    assert client.get("/files/..%2F..%2Fetc%2Fpasswd").status_code in (400, 404)


def test_a_checked_project_shows_its_problems_at_once(client):
    checked(client)
    page = client.get("/")
    assert "Checking the project" not in page.text and "Birgitta" in page.text
