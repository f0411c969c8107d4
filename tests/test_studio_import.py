"""The Import screen for coded files (REFI-QDA .qdpx, a Taguette project): no columns to map,
but the source's own codes become themes, and its consent and audience words (REFI case
variables) get dropdowns; the preview and the import follow the choices, and the map file
``storymaker import --map`` takes is written."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from starlette.testclient import TestClient

from storymaker.studio.guard import COOKIE, Secrets
from storymaker.studio.server import make_app
from helpers.refi import Case, Code, Sel, Source, make_project, qdpx, read_rows, span
from helpers.tool_exports import taguette_db

PORT = 8718
THEMES = {"caring_about_staff": "Caring about staff", "working_together": "Working together"}
TEXT_1 = "I was on the early shift. My manager noticed first. Then she sat with me."
TEXT_2 = "We stopped counting calls. The whole team changed after that."
CARE, TEAM, ADMIN = Code("Caring about staff"), Code("Team spirit"), Code("Admin")


@pytest.fixture
def studio(tmp_path: Path):
    root = make_project(tmp_path / "proj", THEMES)
    (root / "stories" / "anonymise.yaml").write_text("people: []\nplaces: []\norganisations: []\nother: []\nallow: []\n",
                                                     encoding="utf-8")
    secrets = Secrets()
    app, _ = make_app(root, PORT, secrets, uploads=tmp_path / "uploads")
    client = TestClient(app, base_url=f"http://127.0.0.1:{PORT}", headers={"X-CSRF-Token": secrets.csrf})
    client.cookies.set(COOKIE, secrets.session)
    return root, client


def upload(client, name: str, data: bytes) -> str:
    answer = client.post("/import/upload", files={"file": (name, data, "application/octet-stream")})
    assert answer.status_code == 200, answer.text
    return answer.json()["redirect"]


def selected(html: str, kind: str, raw: str) -> str:
    """The value chosen in the dropdown for one of the source's words."""
    block = html.split(f'data-map="{kind}" data-raw="{raw}">')[1].split("</select>")[0]
    chosen = block.split(" selected>")[0].rsplit("<option", 1)[1]
    return chosen.split('value="')[1].split('"')[0] if 'value="' in chosen else block.split(" selected>")[1].split("<")[0]


def a_qdpx() -> bytes:
    s1 = Source("Interview one", TEXT_1, [Sel(*span(TEXT_1, "My manager noticed first."), [CARE])])
    s2 = Source("Interview two", TEXT_2, [Sel(*span(TEXT_2, "We stopped counting calls."), [TEAM, ADMIN])])
    cases = [Case("P01", [s1], {"Consent": "Yes - website and films", "Audience": "Public"}),
             Case("P02", [s2], {"Consent": "Website only", "Audience": "Staff only"})]
    return qdpx([CARE, TEAM, ADMIN], [s1, s2], cases)


def test_a_qdpx_gets_dropdowns_for_its_codes_consent_and_audience_and_imports_as_chosen(studio):
    root, client = studio
    page = client.get(upload(client, "Pilot study.qdpx", a_qdpx())).text
    assert "detected: <strong>REFI-QDA project</strong>" in page and 'data-column="' not in page
    assert selected(page, "codes", "Caring about staff") == "caring_about_staff"  # its own name, understood
    assert selected(page, "codes", "Team spirit") == ""  # nothing like it: a new theme of its own name
    assert selected(page, "consent", "Yes - website and films") == "web;video"
    assert selected(page, "consent", "Website only") == "web"
    assert selected(page, "audience", "Public") == "community" and selected(page, "audience", "Staff only") == "staff"
    upload_id = page.split('data-upload="')[1].split('"')[0]
    form = {"codes": {"Caring about staff": "caring_about_staff", "Team spirit": "working_together", "Admin": "~"},
            "consent": {"Yes - website and films": "web;video", "Website only": "web"},
            "audience": {"Public": "community", "Staff only": "staff"}}
    plan = client.post(f"/import/{upload_id}/plan", json=form).json()["html"]
    table = plan.split("<tbody>")[1].split("</tbody>")[0]
    assert "working_together" in table and "Admin" not in table and "code &#39;Admin&#39; dropped" in plan
    lines = client.post(f"/import/{upload_id}/run", json=form).json()["lines"]
    assert "saved the choices to stories/maps/pilot-study.yaml" in lines
    rows = read_rows(root / "stories" / "excerpts" / "pilot-study.csv")
    assert [(r["participant"], r["themes"], r["audience"], r["consent"]) for r in rows] == [
        ("P01", "caring_about_staff", "community", "web;video"), ("P02", "working_together", "staff", "web")]
    saved = yaml.safe_load((root / "stories" / "maps" / "pilot-study.yaml").read_text(encoding="utf-8"))
    assert saved["codes"] == {"Caring about staff": "caring_about_staff", "Team spirit": "working_together", "Admin": None}
    assert saved["consent"]["Website only"] == ["web"] and "columns" not in saved


def test_a_taguette_project_maps_its_tags_and_an_audience_for_every_excerpt(studio, tmp_path):
    root, client = studio
    html = "<p>My manager rang me every week.</p><p>The team covered for me.</p>"
    taguette_db(tmp_path / "kindness.sqlite3", {"P08 interview": html},
                [("P08 interview", "<p>My manager rang me every week.</p>", ["care"]),
                 ("P08 interview", "<p>The team covered for me.</p>", ["together"])],
                {"care": "Managers who noticed", "together": "The team"})
    page = client.get(upload(client, "kindness.sqlite3", (tmp_path / "kindness.sqlite3").read_bytes())).text
    assert "Taguette project" in page and "records no consent" in page
    assert 'data-raw="care"' in page and 'data-raw="together"' in page and "data-default-audience" in page
    upload_id = page.split('data-upload="')[1].split('"')[0]
    form = {"codes": {"care": "caring_about_staff", "together": "working_together"}, "default_audience": "both"}
    client.post(f"/import/{upload_id}/run", json=form).raise_for_status()
    rows = read_rows(root / "stories" / "excerpts" / "kindness.csv")
    assert [(r["participant"], r["themes"], r["audience"]) for r in rows] == [
        ("P08", "caring_about_staff", "both"), ("P08", "working_together", "both")]
    saved = yaml.safe_load((root / "stories" / "maps" / "kindness.yaml").read_text(encoding="utf-8"))
    assert saved["defaults"] == {"audience": "both"}


def test_a_document_that_names_no_participant_gets_an_id_on_the_screen(studio):
    root, client = studio
    source = Source("Night shift interview", TEXT_1, [Sel(*span(TEXT_1, "My manager noticed first."), [CARE])])
    page = client.get(upload(client, "night.qdpx", qdpx([CARE], [source]))).text
    assert 'data-participant data-raw="Night shift interview"' in page  # its words are left out until it has one
    upload_id = page.split('data-upload="')[1].split('"')[0]
    form = {"codes": {"Caring about staff": "caring_about_staff"}, "participants": {"Night shift interview": "P09"}}
    plan = client.post(f"/import/{upload_id}/plan", json=form).json()["html"]
    assert "<td>P09</td><td>My manager noticed first.</td>" in plan and 'value="P09"' in plan
    lines = client.post(f"/import/{upload_id}/run", json=form).json()["lines"]
    assert any("who is speaking to stories/maps/night.participants.yaml" in line for line in lines)
    rows = read_rows(root / "stories" / "excerpts" / "night.csv")
    assert [(r["participant"], r["text"]) for r in rows] == [("P09", "My manager noticed first.")]
    assert yaml.safe_load((root / "stories" / "maps" / "night.participants.yaml").read_text(encoding="utf-8")) == {
        "Night shift interview": "P09"}
