"""`storymaker check --json`: every problem and every flag on stdout, with offsets that slice
the exact flagged text out of the excerpt or authored field, and stable ids for tools."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from helpers.project import add_excerpt, run_cli
from storymaker.load import load_project

FLAG_KEYS = {"id", "path", "line", "where", "excerpt", "story", "field", "start", "end", "text", "kind", "message",
             "context", "stale_decision_line", "before", "after"}


def checked(project: Path) -> dict:
    result = run_cli("check", "--json", "--project", str(project))
    assert result.stderr == ""  # everything is on stdout, as one document
    return json.loads(result.stdout)


def test_clean_project_gives_an_empty_document(small_project):
    doc = checked(small_project)
    assert {k: v for k, v in doc.items() if k != "warnings"} == {"schema": 1, "ok": True, "problems": [], "flags": []}
    assert all(isinstance(w, str) for w in doc["warnings"])


def test_every_flag_has_the_schema_and_its_offsets_slice_the_exact_text(small_project):
    add_excerpt(small_project, 'S-J-01,P01,"I rang Zorblat twice, then Quexford, about flat 47 on the top floor.",'
                               'staff.care,staff,web;video')
    spec = small_project / "stories/short-staff.story.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace('title: "The clock came down"',
                                                             'title: "The clock came down in Vantoria"'), encoding="utf-8")
    spec.write_text(spec.read_text(encoding="utf-8").replace("excerpts: 2\n    intro: \"For years",
                                                             "excerpts: 2\n    intro: \"Blenkett said: for years"))
    (small_project / "stories/excerpts/staff.csv").open("a").write("S-J-02,P01,,,,staff,web,,,\n")  # a plain problem
    doc = checked(small_project)
    assert doc["ok"] is False and doc["schema"] == 1
    project, _ = load_project(small_project)
    texts = {f"excerpt {e.id}": e.text for e in project.excerpts}
    story = next(s for s in project.stories if s.slug == "short-staff")
    texts["story short-staff, story title"] = story.title
    texts["story short-staff, beat 1 intro"] = story.beats[0].intro
    flags = doc["flags"]
    assert {f["text"] for f in flags} >= {"Zorblat", "Quexford", "Vantoria", "Blenkett"}
    for f in flags:
        assert set(f) == FLAG_KEYS
        assert texts[f["where"]][f["start"]:f["end"]] == f["text"]
        assert f["before"] == texts[f["where"]][:f["start"]][-60:]
        assert len(f["id"]) == 10 and len(f["context"]) == 12
        assert f["text"] not in f["message"]  # the message stays masked; the text field is the user's choice
    title = next(f for f in flags if f["text"] == "Vantoria")
    assert (title["story"], title["field"], title["excerpt"], title["path"]) == (
        "short-staff", "story title", None, "stories/short-staff.story.yaml")
    # every flag is also a problem, pointing at it by id; plain problems have flag: null
    assert {p["flag"] for p in doc["problems"] if p["flag"]} == {f["id"] for f in flags}
    assert any(p["flag"] is None and p["line"] for p in doc["problems"])
    # ids and context hashes are stable from one run to the next
    assert checked(small_project)["flags"] == flags


def test_two_different_numbers_never_read_the_same_in_plain_output(small_project):
    add_excerpt(small_project, 'S-J-03,P01,"It was item 47 on one list and item 83 on the other.",staff.care,staff,web;video')
    result = run_cli("check", "--project", str(small_project))
    lines = [line for line in result.stderr.splitlines() if "S-J-03" in line]
    assert len(lines) == 2 and lines[0] != lines[1]
    assert "47" not in result.stderr and "83" not in result.stderr
    assert all("'**' (a 2-digit number)" in line for line in lines)


def test_a_one_letter_word_is_never_its_own_mask(small_project):
    add_excerpt(small_project, 'S-J-04,P01,"We were moved to the ward by B on the left that year.",staff.care,staff,web;video')
    result = run_cli("check", "--project", str(small_project))
    line = next(line for line in result.stderr.splitlines() if "S-J-04" in line)
    assert "a single letter" in line and "'B'" not in line


def test_identical_flags_are_one_plain_line_with_a_count_but_every_occurrence_in_json(small_project):
    for n, text in enumerate(["Quintrell phoned again on the Monday.", "I said to Quintrell we'd wait.",
                              "and then Quintrell left"], start=1):
        add_excerpt(small_project, f'S-M-0{n},P01,"{text}",staff.care,staff,web')
    plain = run_cli("check", "--project", str(small_project))
    lines = [line for line in plain.stderr.splitlines() if "'Q********'" in line]
    assert len(lines) == 1 and "3 times" in lines[0], plain.stderr
    assert all(f"excerpt S-M-0{n}" in lines[0] for n in (1, 2, 3))
    assert "Quintrell" not in plain.stderr
    doc = checked(small_project)
    ids = [f["id"] for f in doc["flags"] if f["text"] == "Quintrell"]
    assert len(ids) == 3 and all(f"flag {i}" in lines[0] for i in ids)
