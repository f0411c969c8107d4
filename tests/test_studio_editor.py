"""The story editor's live preview: composed from the form without writing, with the meters,
the reason for each quote and the coherence warnings beside the quote they concern."""
from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
import yaml
from starlette.testclient import TestClient

from storymaker.studio.guard import COOKIE, Secrets
from storymaker.studio.server import make_app

REPO = Path(__file__).resolve().parent.parent
SPEC = "stories/when-the-targets-stopped.story.yaml"


@pytest.fixture
def example(tmp_path: Path):
    root = tmp_path / "example"
    for name in ("stories", "templates", "assets"):
        shutil.copytree(REPO / name, root / name)
    secrets = Secrets()
    app, _ = make_app(root, 8713, secrets, uploads=tmp_path / "uploads")
    client = TestClient(app, base_url="http://127.0.0.1:8713", headers={"X-CSRF-Token": secrets.csrf})
    client.cookies.set(COOKIE, secrets.session)
    return root, client


def form(intro: str, pin: list[str] | None = None) -> dict:
    return {"title": "When the targets stopped", "narrator": "Sam, who answers a council helpline", "audiences": ["staff"],
            "outputs": ["web"], "beats": [{"heading": "Working to the clock", "themes": ["targets.off"], "excerpts": 4,
                                           "intro": intro, "pin": pin or []},
                                          {"heading": "Someone noticed us", "themes": ["staff.care"], "excerpts": 2}]}


def test_the_preview_composes_the_form_without_writing_the_spec(example):
    root, client = example
    before = (root / SPEC).read_bytes()
    html = client.post("/stories/when-the-targets-stopped/preview", json=form("Then the clock came down.")).json()["html"]
    assert "Contributors: <strong>" in html and "Largest word share" in html and "Consent by channel" in html
    assert "Reading ease" in html and "Then the clock came down." in html
    assert re.search(r"S-P\d\d-\d\d · P\d\d · matched themes", html)  # why each quote was chosen
    assert (root / SPEC).read_bytes() == before


def test_a_pinned_quote_is_in_the_preview(example):
    _, client = example
    html = client.post("/stories/when-the-targets-stopped/preview", json=form("Then the clock came down.", ["S-P05-01"])).json()["html"]
    assert "S-P05-01 · P05" in html


def test_coherence_warnings_are_shown_with_their_fix(example):
    _, client = example
    html = client.post("/stories/when-the-targets-stopped/preview", json=form("I was there when it happened.")).json()["html"]
    assert "Reads as one person? beat &#39;Working to the clock&#39;, intro: the linking text claims an experience" in html


def test_saving_over_a_spec_changed_on_disk_is_refused(example):
    root, client = example
    page = client.get("/stories/when-the-targets-stopped").text
    version = page.split('data-version="')[1].split('"')[0]
    (root / SPEC).write_text((root / SPEC).read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    answer = client.post("/stories/when-the-targets-stopped/save", json={**form("Then."), "version": version})
    assert answer.status_code == 409 and "changed on disk" in answer.json()["problems"][0]
    assert (root / SPEC).read_text(encoding="utf-8").endswith("# edited by hand\n")


def full_form(root: Path, client) -> dict:
    """What the editor page sends for the bundled spec, unchanged (every field the form has)."""
    page = client.get("/stories/when-the-targets-stopped").text
    spec = yaml.safe_load((root / SPEC).read_text(encoding="utf-8"))
    beats = [{"heading": b["heading"], "themes": b["themes"], "excerpts": b.get("excerpts", 2), "intro": b.get("intro", ""),
              "outro": b.get("outro", ""), "pin": b.get("pin", []), "image": b.get("image", ""),
              "image_alt": b.get("image_alt", "")} for b in spec["beats"]]
    return {"version": page.split('data-version="')[1].split('"')[0], "title": spec["title"], "narrator": spec["narrator"],
            "summary": spec["summary"], "audiences": [spec["audience"]], "outputs": spec.get("outputs", ["web", "video"]),
            "order": "auto", "persona": "\n".join(spec.get("persona", [])), "exclude": "",
            "video": {"formats": spec["video"]["formats"], "music": spec["video"]["music"],
                      "music_licence": spec["video"]["music_licence"]}, "beats": beats}


def test_pictures_order_persona_exclusions_and_video_fields_save_as_the_lines_they_change(example):
    root, client = example
    before = (root / SPEC).read_text(encoding="utf-8")
    page = client.get("/stories/when-the-targets-stopped").text
    assert 'data-beat-field="image"' in page and "assets/images/kitchen-table.jpg" in page and 'data-video="music"' in page
    unchanged = full_form(root, client)
    assert client.post("/stories/when-the-targets-stopped/save", json=unchanged).status_code == 200
    assert (root / SPEC).read_text(encoding="utf-8") == before  # the form as shown writes the file back unchanged
    edited = full_form(root, client)
    edited["beats"][1].update(image="assets/images/kitchen-table.jpg", image_alt="Two mugs on a kitchen table.")
    edited.update(persona=edited["persona"] + "\nhas a dog", exclude="S-P08-05", order="auto")
    edited["video"]["formats"] = ["16:9", "9:16"]
    assert client.post("/stories/when-the-targets-stopped/save", json=edited).status_code == 200
    after = (root / SPEC).read_text(encoding="utf-8")
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    assert sorted(line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")) == sorted([
        '+  - "has a dog"', '+exclude: [S-P08-05]', '-  formats: ["16:9"]', '+  formats: ["16:9", "9:16"]',
        '+    image: assets/images/kitchen-table.jpg', '+    image_alt: Two mugs on a kitchen table.'])
    spec = yaml.safe_load(after)
    assert spec["beats"][1]["image"] == "assets/images/kitchen-table.jpg" and spec["video"]["formats"] == ["16:9", "9:16"]


def test_the_preview_shows_a_beats_picture_and_follows_order_fixed(example):
    root, client = example
    edited = full_form(root, client)
    html = client.post("/stories/when-the-targets-stopped/preview", json=edited).json()["html"]
    assert '<img src="/assets/images/helpline.jpg" alt="An illustration of a telephone headset' in html
    assert client.get("/assets/images/helpline.jpg").headers["content-type"] == "image/jpeg"
    edited["order"] = "fixed"
    edited["beats"][0]["pin"] = []  # order: fixed needs every beat pinned: the loader's own message, in the preview
    html = client.post("/stories/when-the-targets-stopped/preview", json=edited).json()["html"]
    assert "order: fixed, so every beat needs a &#39;pin:&#39; list" in html


def test_a_narrator_named_like_someone_in_the_interviews_is_flagged_as_you_type(example):
    root, client = example
    edited = full_form(root, client)
    edited["narrator"] = "Margaret, who answers a council helpline"  # a registered name in the bundled example
    html = client.post("/stories/when-the-targets-stopped/preview", json=edited).json()["html"]
    assert "narrator: the name &#39;M*******&#39; is registered" in html
