"""Studio edits change only the lines they should, and never overwrite a change made on disk."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.studio import changed, studio_client
from helpers.project import add_excerpt

REPO = Path(__file__).resolve().parent.parent
PORT = 8712


@pytest.fixture
def example(tmp_path: Path):
    root = tmp_path / "example"
    for name in ("stories", "templates", "assets"):
        shutil.copytree(REPO / name, root / name)
    add_excerpt(root, 'S-P01-99,P01,"Then Birgitta made everyone tea.",staff.care,staff,web;video')
    return root, studio_client(root, tmp_path / "uploads", PORT)


def test_a_review_decision_adds_one_line_to_the_commented_register(example):
    root, client = example
    register = root / "stories" / "anonymise.yaml"
    before = register.read_text(encoding="utf-8")
    queue = client.get("/review/queue.json").json()
    flag = next(i for i in queue["items"] if i["token"] == "Birgitta")
    answer = client.post("/review/decide", json={"flag": flag["key"], "decision": "person", "version": queue["version"]})
    assert answer.status_code == 200, answer.text
    after = register.read_text(encoding="utf-8")
    assert changed(before, after) == ['+  - "Birgitta"']  # quoted as the names before it are
    assert after.index('Birgitta') < after.index("places:")  # at the end of people:, before the blank line
    assert "Birgitta" not in [i["token"] for i in client.get("/review/queue.json").json()["items"]]
    undone = client.post("/review/undo", json={"token": "Birgitta", "decision": "person", "version": answer.json()["version"]})
    assert undone.status_code == 200
    assert register.read_text(encoding="utf-8") == before


def test_safe_here_is_recorded_for_that_occurrence_only_and_undone(example):
    root, client = example
    queue = client.get("/review/queue.json").json()
    flag = next(i for i in queue["items"] if i["token"] == "Birgitta")
    answer = client.post("/review/decide", json={"flag": flag["key"], "decision": "here", "version": queue["version"]})
    assert answer.status_code == 200, answer.text
    decisions = (root / "stories" / "decisions.yaml").read_text(encoding="utf-8")
    assert "excerpt: S-P01-99" in decisions and "decision: safe" in decisions
    undone = client.post("/review/undo", json={"token": "Birgitta", "decision": "here", "version": answer.json()["version"],
                                               "where": flag["excerpt"], "context": flag["context"]})
    assert undone.status_code == 200, undone.text
    assert "S-P01-99" not in (root / "stories" / "decisions.yaml").read_text(encoding="utf-8")


def test_saving_a_story_changes_only_the_edited_heading(example):
    root, client = example
    spec = root / "stories" / "when-the-targets-stopped.story.yaml"
    before = spec.read_text(encoding="utf-8")
    page = client.get("/stories/when-the-targets-stopped")
    assert page.status_code == 200
    version = page.text.split('data-version="')[1].split('"')[0]
    form = {"version": version, "title": "When the targets stopped", "narrator": "Sam, who answers a council helpline",
            "summary": "A helpline adviser remembers the day the call clock came down, and what grew in its place.",
            "audiences": ["staff"], "outputs": ["web", "video"],
            "beats": [{"heading": "Working to the clock", "themes": ["targets.off"], "excerpts": 2,
                       "intro": "For years, a number on the wall decided how long anyone got.",
                       "pin": ["S-P01-01", "S-P03-01"]},
                      {"heading": "Somebody noticed us", "themes": ["staff.care"], "excerpts": 2,
                       "intro": "The calls took their toll, and for a long time nobody asked about it.",
                       "pin": ["S-P04-08", "S-P04-04"]},
                      {"heading": "Trusted to use our judgement", "themes": ["risk.recalculated"], "excerpts": 1,
                       "intro": "Once the clock had gone, trust had to take its place.", "pin": ["S-P05-03"]},
                      {"heading": "Not on our own any more", "themes": ["together.working"], "excerpts": 1,
                       "intro": "And people stopped being passed from one service to the next.", "pin": ["S-P01-07"],
                       "outro": "The phone still rings. What changed is how it is answered."}]}
    assert client.post("/stories/when-the-targets-stopped/save", json=form).status_code == 200
    assert changed(before, spec.read_text(encoding="utf-8")) == ['-  - heading: "Someone noticed us"',
                                                                  '+  - heading: "Somebody noticed us"']


def test_an_edit_that_conflicts_with_a_change_on_disk_is_refused(example):
    root, client = example
    register = root / "stories" / "anonymise.yaml"
    queue = client.get("/review/queue.json").json()
    flag = next(i for i in queue["items"] if i["token"] == "Birgitta")
    register.write_text(register.read_text(encoding="utf-8") + "# a note added in a text editor\n", encoding="utf-8")
    mine = register.read_text(encoding="utf-8")
    answer = client.post("/review/decide", json={"flag": flag["key"], "decision": "person", "version": queue["version"]})
    assert answer.status_code == 409
    assert "changed on disk" in answer.json()["problems"][0]
    assert register.read_text(encoding="utf-8") == mine


def test_bulk_consent_edit_rewrites_only_the_ticked_rows(example):
    root, client = example
    csv_file = root / "stories" / "excerpts" / "staff.csv"
    before = csv_file.read_text(encoding="utf-8")
    page = client.get("/excerpts?file=staff.csv")
    assert page.status_code == 200 and "S-P01-01" in page.text
    answer = client.post("/excerpts/edit", json={"ids": ["S-P01-01", "S-P01-03"], "consent": "web"})
    assert answer.status_code == 200
    diff = changed(before, csv_file.read_text(encoding="utf-8"))
    assert len(diff) == 4 and all("S-P01-01" in line or "S-P01-03" in line for line in diff)
    assert all(",web,targets" in line for line in diff if line.startswith("+"))


def test_withdrawing_a_participant_adds_one_line_to_withdrawn_yaml(example):
    root, client = example
    withdrawn = root / "stories" / "withdrawn.yaml"
    before = withdrawn.read_text(encoding="utf-8")
    page = client.get("/excerpts")
    version = page.text.split('id="withdraw" class="filters" data-version="')[1].split('"')[0]
    answer = client.post("/excerpts/withdraw", json={"participant": "P03", "version": version})
    assert answer.status_code == 200, answer.text
    assert changed(before, withdrawn.read_text(encoding="utf-8")) == ["-participants: []", "+participants: [P03]"]
    assert "P03 (withdrawn)" in client.get("/excerpts?participant=P03").text
    again = client.post("/excerpts/withdraw", json={"participant": "P03", "version": version})
    assert again.status_code == 409  # the page's version is out of date now
