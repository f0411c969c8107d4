"""Any coded spreadsheet through a column map; project-format CSVs; overwrite protection."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from helpers.refi import make_project, read_rows
from storymaker.errors import ImportFileError
from storymaker.importers import run_import

MAP = """columns:
  participant: Speaker
  text: Coded text
  themes: Codename
  audience: Audience
codes:
  Kindness > Small acts: holistic_wellbeing
  targets: ~
"""


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _setup(tmp_path: Path, name: str, data: bytes, map_text: str | None = MAP) -> tuple[Path, Path, Path | None]:
    root = make_project(tmp_path / "proj", {"holistic_wellbeing": "x", "working_together": "y"})
    (tmp_path / name).write_bytes(data)
    mapping = None
    if map_text is not None:
        mapping = tmp_path / "map.yaml"
        mapping.write_text(map_text, encoding="utf-8")
    return root, tmp_path / name, mapping


def test_when_a_mapped_xlsx_has_one_row_per_coding_then_rows_merge_into_excerpts(tmp_path):
    data = _xlsx([["Speaker", "Coded text", "Codename", "Audience", "File"],
                  ["P02", "They brought soup round.", "Kindness > Small acts", "community", "int2.docx"],
                  ["P02", "They brought soup round.", "Working together", "community", "int2.docx"],
                  ["N07", "Targets went.", "targets", "staff", "int7.docx"],
                  ["N07", "We planned it together.", "Working together; targets", "everyone", "int7.docx"]])
    root, file, mapping = _setup(tmp_path, "coding report.xlsx", data)
    report = run_import(root, file, code_map=mapping)
    rows = read_rows(root / "stories/excerpts/coding report.csv")
    assert [(r["id"], r["participant"], r["text"], r["themes"], r["audience"]) for r in rows] == [
        ("P02-c1d12596", "P02", "They brought soup round.", "holistic_wellbeing;working_together", "community"),
        ("N07-837547b1", "N07", "We planned it together.", "working_together", ""),
    ]
    lines = report.lines()
    assert any("row 4" in line and "dropped by the code map" in line for line in lines)
    assert any("audience value 'everyone' is not recognised; accepted: staff, community, both" in line for line in lines)


def test_when_mapped_columns_are_missing_then_the_error_lists_the_columns_found(tmp_path):
    root, file, mapping = _setup(tmp_path, "quotes.csv", b"Speaker,Quote,Codes\nP01,hello,a\n")
    with pytest.raises(ImportFileError) as caught:
        run_import(root, file, code_map=mapping)
    message = str(caught.value)
    assert message == (f"{file}:1: the map's column(s) text: Coded text, themes: Codename, audience: Audience are not in the "
                       f"file; columns found: Speaker, Quote, Codes; fix 'columns:' in {mapping}")


def test_when_an_unknown_spreadsheet_comes_without_a_map_then_the_error_asks_for_one(tmp_path):
    root, file, _ = _setup(tmp_path, "quotes.csv", b"Speaker;Quote;Codes\nP01;hello;a\n", None)
    with pytest.raises(ImportFileError, match=r"columns found: Speaker, Quote, Codes; .* pass --map map.yaml"):
        run_import(root, file)


def test_when_a_csv_already_uses_project_columns_then_it_imports_without_a_map(tmp_path):
    data = ("id,participant,text,themes,audience,consent,role,sector,stage,sensitive\n"
            "E1,P01,Words one.,working_together,both,web;video,nurse,health,,false\n").encode()
    root, file, _ = _setup(tmp_path, "mine.csv", data, None)
    run_import(root, file, into=Path("stories/excerpts/copy.csv"))
    assert (root / "stories/excerpts/copy.csv").read_bytes() == data


def test_when_the_target_exists_and_was_not_imported_then_it_is_not_overwritten(tmp_path):
    root, file, _ = _setup(tmp_path, "mine.csv", b"participant,text,themes\nP01,Hi there.,a\n", None)
    target = root / "stories/excerpts/mine.csv"
    target.write_text("hand written\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"^stories/excerpts/mine.csv: already exists and was not written by importing"):
        run_import(root, file)
    assert target.read_text(encoding="utf-8") == "hand written\n"


def test_when_the_same_file_is_imported_again_then_its_excerpts_update_and_a_persons_consent_is_kept(tmp_path):
    root, file, _ = _setup(tmp_path, "mine.csv", b"participant,text,themes\nP01,Hi there.,a\nP03,Gone soon.,a\n", None)
    run_import(root, file)
    target = root / "stories/excerpts/mine.csv"
    first = read_rows(target)
    target.write_text(target.read_text(encoding="utf-8").replace("a,,,", "a,staff,web,", 1), encoding="utf-8")  # a person fills them in
    file.write_bytes(b"participant,text,themes\nP02,More words.,b\nP01,Hi there.,a;b\n")  # sorted, edited, one row gone
    report = run_import(root, file)
    rows = read_rows(target)
    assert [(r["id"], r["themes"], r["audience"], r["consent"]) for r in rows] == [
        (rows[0]["id"], "b", "", ""), (first[0]["id"], "a;b", "staff", "web")]
    assert "compared with the previous import: 1 added, 1 changed, 1 removed, 0 unchanged" in report.lines()
