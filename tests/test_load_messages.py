"""Excerpt files and dates an editor gets slightly wrong: one line, at the right place, with the
fix, and nothing misleading after it (web-test findings 60, 61, 47)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.site import STORIES, write_project
from storymaker.cli import main

WEB_ONLY = {slug: (a, t, "web", n) for slug, (a, t, _, n) in STORIES.items()}


def check(root: Path, capsys) -> list[str]:
    capsys.readouterr()
    main(["--project", str(root), "check"])
    return capsys.readouterr().err.splitlines()


@pytest.fixture
def project(tmp_path) -> Path:
    return write_project(tmp_path / "p", WEB_ONLY)


def test_a_misspelt_csv_header_is_one_line_at_the_header_naming_the_column_meant(project, capsys):
    path = project / "stories/excerpts/library.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("participant", "participent", 1), encoding="utf-8")
    lines = [ln for ln in check(project, capsys) if "library.csv" in ln]
    assert lines == ["stories/excerpts/library.csv:1: the header has no 'participant' column; it has 'participent' "
                     "(did you mean 'participant'?): every excerpt file needs the columns id, participant, text, "
                     "themes, audience, consent"]


def test_an_unclosed_quote_in_a_csv_row_is_named_as_such_at_its_row(project, capsys):
    path = project / "stories/excerpts/library.csv"
    rows = path.read_text(encoding="utf-8").count("\n")
    with path.open("a", encoding="utf-8") as f:
        f.write('L-Q09-01,Q09,"The quote never ends,welcome.first,both,web\n')
    lines = [ln for ln in check(project, capsys) if "library.csv" in ln]
    assert lines == [f'stories/excerpts/library.csv:{rows + 1}: a quoted text starts on this row and is never closed: add the closing "']


def test_updated_before_a_published_date_nobody_wrote_says_where_that_date_came_from(project, capsys, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    path = project / "stories/the-quiet-desk.story.yaml"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("published:")]
    path.write_text("\n".join(lines + ["updated: 2000-06-01"]) + "\n", encoding="utf-8")
    said = [ln for ln in check(project, capsys) if "the-quiet-desk" in ln]
    assert len(said) == 1 and said[0].startswith(f"stories/the-quiet-desk.story.yaml:{len(lines) + 1}: 'updated' "
                                                 "(2000-06-01) is before 'published', which is not set, so it is the file's date (")
    assert said[0].endswith("): add published: YYYY-MM-DD (the date it was first published)")
