"""A register or decisions file that does not read is said first and alone: every flag and
composition problem would otherwise be a knock-on of it (the tester counted 145 lines, with the
one that mattered among them). Fictional data."""
from __future__ import annotations

import json

import pytest

from helpers.project import run_cli


@pytest.mark.parametrize("path, broken", [
    ("stories/anonymise.yaml", "people: [Tamsin Rowe, Kerenza Hale\nplaces:\n  - Porthgwidden\n"),
    ("stories/decisions.yaml", "decisions:\n  - where: excerpt S-1\n    text: [unclosed\n"),
])
def test_a_broken_review_file_is_the_only_problem_check_prints(small_project, path, broken):
    (small_project / path).write_text(broken, encoding="utf-8")
    (small_project / "stories/excerpts/extra.csv").write_text(
        "id,participant,text,themes,audience,consent\n"
        "E-1,P01,Dorcas Penhallow rang me about it every single week.,targets.off,both,web\n", encoding="utf-8")
    done = run_cli("check", "--project", str(small_project))
    assert done.returncode == 1
    lines = [l for l in done.stderr.splitlines() if l.strip()]
    assert lines[0].startswith(f"{path}:") and "Traceback" not in done.stderr
    assert not any(l.startswith("stories/excerpts/") for l in lines)  # no flags read against a broken file
    assert any(f"fix {path} first" in l for l in lines)
    doc = json.loads(run_cli("check", "--json", "--project", str(small_project)).stdout)
    assert doc["ok"] is False and {p["path"] for p in doc["problems"]} == {path} and doc["flags"] == []


def test_once_the_register_reads_the_flags_come_back(small_project):
    (small_project / "stories/excerpts/extra.csv").write_text(
        "id,participant,text,themes,audience,consent\n"
        "E-1,P01,Dorcas Penhallow rang me about it every single week.,targets.off,both,web\n", encoding="utf-8")
    done = run_cli("check", "--project", str(small_project))
    assert "stories/excerpts/extra.csv:2: unreviewed" in done.stderr
