"""Taguette highlight exports (CSV and XLSX): one excerpt per highlight, tags as themes."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from helpers.refi import make_project, read_rows
from storymaker.importers import mask, run_import

ROWS = [
    ("1", "P01 interview.txt", "staff care.manager", "My manager noticed first."),
    ("1", "P01 interview.txt", "working together", "My manager noticed first."),
    ("2", "transcript_c07", "targets", "We stopped counting\ncalls."),
    ("3", "P01 interview.txt", "", "An untagged highlight."),
    ("4", "Margaret Owen notes", "targets", "No participant here."),
    ("5", "Margaret Owen notes", "targets", "Nor here."),
]
EXPECTED = [
    {"id": "P01-h1", "participant": "P01", "text": "My manager noticed first.", "themes": "staff_care.manager;working_together",
     "audience": "", "consent": "", "role": "", "sector": "", "stage": "", "sensitive": ""},
    {"id": "C07-h2", "participant": "C07", "text": "We stopped counting calls.", "themes": "targets",
     "audience": "", "consent": "", "role": "", "sector": "", "stage": "", "sensitive": ""},
]


def _csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "document", "tag", "content"])
    writer.writerows(ROWS)
    return buffer.getvalue().encode("utf-8")


def _xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "highlights"
    sheet.append(["id", "document", "tag", "content"])
    for row in ROWS:
        sheet.append([int(row[0]), *row[1:]])  # Taguette's XLSX holds ids as text or numbers
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("name, make", [("highlights.csv", _csv), ("highlights.xlsx", _xlsx)])
def test_when_a_taguette_export_is_imported_then_each_highlight_is_one_excerpt(tmp_path, name, make):
    root = make_project(tmp_path / "proj")
    (tmp_path / name).write_bytes(make())
    report = run_import(root, tmp_path / name)
    assert read_rows(root / "stories/excerpts/highlights.csv") == EXPECTED
    lines = report.lines()
    assert "Taguette highlights" in lines[0]
    assert any("highlight 3" in line and "no tag" in line for line in lines)
    skipped = [line for line in lines if mask("Margaret Owen notes") in line]
    assert len(skipped) == 1 and "(2 highlights)" in skipped[0]
    assert not any("Margaret" in line or "manager noticed" in line for line in lines)


def test_when_a_participant_map_is_given_then_document_names_use_it(tmp_path):
    root = make_project(tmp_path / "proj")
    (tmp_path / "highlights.csv").write_bytes(_csv())
    (tmp_path / "people.yaml").write_text("Margaret Owen notes: P09\n", encoding="utf-8")
    run_import(root, tmp_path / "highlights.csv", participant_map=tmp_path / "people.yaml",
               into=Path("stories/excerpts/taguette.csv"))
    rows = read_rows(root / "stories/excerpts/taguette.csv")
    assert [(r["id"], r["participant"], r["text"]) for r in rows[2:]] == [
        ("P09-h4", "P09", "No participant here."), ("P09-h5", "P09", "Nor here.")]


def test_when_a_participant_map_names_a_person_instead_of_an_id_then_it_is_refused(tmp_path):
    from storymaker.errors import ImportFileError

    (tmp_path / "people.yaml").write_text("notes.docx: Margaret Owen\n", encoding="utf-8")
    (tmp_path / "highlights.csv").write_bytes(_csv())
    with pytest.raises(ImportFileError, match="not short ids like P03") as caught:
        run_import(make_project(tmp_path / "proj"), tmp_path / "highlights.csv", participant_map=tmp_path / "people.yaml")
    assert "Margaret" not in str(caught.value)
