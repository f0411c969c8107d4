"""Review decisions made in the studio change only the register lines they should: quoting,
comments, blank lines and the file's own indentation stay; undo puts the file back byte for
byte; and the studio's cached project follows the files when they are edited elsewhere."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.studio import changed, studio_client

PORT = 8714
# A register as a person writes one: flush-left lists, quoted items (both styles), a comment at
# the end of a line, a blank line and a comment between lists, a flow list and an empty one.
REGISTER = """\
# Identifiers heard in the pilot interviews (all invented for this test).
people:
- "Hollin Marrowby"   # P02's team leader
- 'Tansel Wrenford'

# Places come next.
places: ["Ferrowdine", 'Oswalmere']
organisations:
- "Quillbrant Trust"
other: []
allow:
- "Tuesday"   # the day, never a name
"""
EXCERPTS = """\
id,participant,text,themes,audience,consent
X-01,P01,"On the first morning Birgitta sat with me for an hour.",staff.care,staff,web;video
X-02,P02,"We drove out past Cobblestead to see him.",staff.care,staff,web;video
X-03,P03,"The people at Oakhollow lent us a room.",staff.care,staff,web;video
X-04,P04,"Nobody at Kettleby asked me about targets again.",staff.care,staff,web;video
"""


@pytest.fixture
def project(tmp_path: Path):
    root = tmp_path / "pilot"
    (root / "stories" / "excerpts").mkdir(parents=True)
    (root / "stories" / "codebook.yaml").write_text("themes:\n  staff.care: Caring about staff\n", encoding="utf-8")
    (root / "stories" / "excerpts" / "pilot.csv").write_text(EXCERPTS, encoding="utf-8")
    (root / "stories" / "anonymise.yaml").write_text(REGISTER, encoding="utf-8")
    return root, studio_client(root, tmp_path / "uploads", PORT)


def decide(client, token: str, decision: str, version: str) -> str:
    queue = client.get("/review/queue.json").json()
    flag = next(i for i in queue["items"] if i["token"] == token)
    answer = client.post("/review/decide", json={"flag": flag["key"], "decision": decision, "version": version})
    assert answer.status_code == 200, answer.text
    return answer.json()["version"]


def test_decisions_add_one_line_each_quoted_like_their_neighbours_and_undo_restores_the_file(project):
    root, client = project
    register = root / "stories" / "anonymise.yaml"
    version = client.get("/review/queue.json").json()["version"]
    for token, decision in (("Birgitta", "person"), ("Cobblestead", "place"), ("Oakhollow", "organisation"),
                            ("Kettleby", "other")):
        version = decide(client, token, decision, version)
    after = register.read_text(encoding="utf-8")
    assert sorted(changed(REGISTER, after)) == sorted([
        "+- 'Birgitta'",  # after the last person, quoted as that one is; the blank line and comment stay below
        "-places: [\"Ferrowdine\", 'Oswalmere']", "+places: [\"Ferrowdine\", 'Oswalmere', 'Cobblestead']",
        '+- "Oakhollow"',
        "-other: []", "+other: [Kettleby]"])
    assert after.index("Birgitta") < after.index("# Places come next.")
    for token, decision in (("Kettleby", "other"), ("Oakhollow", "organisation"), ("Cobblestead", "place"),
                            ("Birgitta", "person")):
        answer = client.post("/review/undo", json={"token": token, "decision": decision, "version": version})
        assert answer.status_code == 200, answer.text
        version = answer.json()["version"]
    assert register.read_text(encoding="utf-8") == REGISTER


def test_safe_everywhere_keeps_the_allow_lists_comment_on_its_own_line(project):
    root, client = project
    version = client.get("/review/queue.json").json()["version"]
    decide(client, "Kettleby", "everywhere", version)
    assert changed(REGISTER, (root / "stories" / "anonymise.yaml").read_text(encoding="utf-8")) == ['+- "Kettleby"']


def test_the_queue_follows_the_register_when_it_is_edited_in_a_text_editor(project):
    root, client = project
    tokens = lambda: {i["token"] for i in client.get("/review/queue.json").json()["items"]}
    assert {"Birgitta", "Cobblestead"} <= tokens()
    register = root / "stories" / "anonymise.yaml"
    register.write_text(REGISTER.replace("- 'Tansel Wrenford'\n", "- 'Tansel Wrenford'\n- Birgitta\n"), encoding="utf-8")
    assert "Birgitta" not in tokens() and "Cobblestead" in tokens()
    csv = root / "stories" / "excerpts" / "pilot.csv"
    csv.write_text(EXCERPTS + 'X-05,P05,"Then Marlowby rang the office.",staff.care,staff,web;video\n', encoding="utf-8")
    assert "Marlowby" in tokens()


def test_a_decision_on_a_register_changed_on_disk_meanwhile_is_refused(project):
    root, client = project
    queue = client.get("/review/queue.json").json()
    register = root / "stories" / "anonymise.yaml"
    register.write_text(REGISTER + "# a note added in a text editor\n", encoding="utf-8")
    flag = next(i for i in queue["items"] if i["token"] == "Birgitta")
    answer = client.post("/review/decide", json={"flag": flag["key"], "decision": "person", "version": queue["version"]})
    assert answer.status_code == 409
    assert register.read_text(encoding="utf-8") == REGISTER + "# a note added in a text editor\n"
