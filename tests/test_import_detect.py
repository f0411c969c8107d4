"""Format detection from the file's bytes and name, and what each kind is read as."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from helpers.refi import Code, Sel, Source, make_project, project_xml, qdc, qdpx
from storymaker.errors import ImportFileError
from storymaker.importers.sniff import sniff


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def _zip(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(name, b"x")
    return buffer.getvalue()


SOURCE = Source("P01", "Words.", [Sel(0, 5, [Code("A")])], inline=True)


@pytest.mark.parametrize("name, data, kind", [
    ("study.qdpx", qdpx([Code("A")], [SOURCE]), "qdpx"),
    ("study.zip", qdpx([Code("A")], [SOURCE]), "qdpx"),
    ("codes.qdc", qdc([Code("A")]), "qdc"),
    ("codes.xml", b"\xef\xbb\xbf\n" + qdc([Code("A")]), "qdc"),
    ("project.qde", project_xml([Code("A")], [SOURCE]), "qde"),
    ("sheet.xlsx", _xlsx(), "xlsx"),
    ("export", _xlsx(), "xlsx"),
    ("highlights.csv", b"id,document,tag,content\n", "csv"),
    ("notes.txt", b"participant;text;themes\n", "csv"),
])
def test_when_a_file_is_detected_then_its_bytes_decide_the_kind(name, data, kind):
    assert sniff(Path(name), data, name) == kind


@pytest.mark.parametrize("name, data, expected", [
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "save it as .xlsx or CSV UTF-8"),
    ("other.zip", _zip("readme.md"), "neither a REFI-QDA project"),
    ("page.xml", b"<html><body/></html>", "without a REFI-QDA CodeBook or Project root"),
    ("fake.qdpx", b"this is not a zip", "plain text, not a zip archive: if it is a CSV, rename it to .csv"),
    ("cut.qdpx", b"\x89\x00\xff garbage", "not a readable zip archive"),
])
def test_when_a_file_is_no_known_kind_then_the_error_says_what_to_export(name, data, expected):
    with pytest.raises(ImportFileError, match=expected):
        sniff(Path(name), data, name)


def test_when_a_bare_qde_is_imported_then_its_inline_text_is_read(tmp_path):
    from storymaker.importers import run_import

    root = make_project(tmp_path / "proj")
    (tmp_path / "project.qde").write_bytes(project_xml([Code("A")], [SOURCE]))
    run_import(root, tmp_path / "project.qde")
    assert "P01-" in (root / "stories/excerpts/project.csv").read_text(encoding="utf-8")
