"""`storymaker import --into` keeps raw interview text inside the project's stories/excerpts/
(anon-attack MESSAGE 3): a path outside it is refused with one line and nothing is written."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.site import write_project
from storymaker.cli import main

SHEET = "id,participant,text,themes,audience,consent\nX-01,Q07,\"A quote that names nobody at all.\",welcome.first,both,web\n"


@pytest.mark.parametrize("into", ["../elsewhere.csv", "stories/notes.csv", "{shared}/new.csv"])
def test_an_into_outside_stories_excerpts_is_refused_and_writes_nothing(tmp_path, capsys, into):
    root = write_project(tmp_path / "p", {})
    shared = tmp_path / "shared"
    shared.mkdir()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    target = into.format(shared=shared)
    before = sorted(p for p in tmp_path.rglob("*"))
    capsys.readouterr()
    code = main(["--project", str(root), "import", str(sheet), "--into", target])
    err = capsys.readouterr().err
    assert code != 0 and "--into must be a file in the project's stories/excerpts/" in err and "Traceback" not in err
    assert sorted(p for p in tmp_path.rglob("*")) == before


def test_an_into_inside_stories_excerpts_is_written(tmp_path, capsys):
    root = write_project(tmp_path / "p", {})
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    assert main(["--project", str(root), "import", str(sheet), "--into", "stories/excerpts/more.csv"]) == 0
    assert "A quote that names nobody at all." in (root / "stories/excerpts/more.csv").read_text(encoding="utf-8")
