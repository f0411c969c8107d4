"""Untrusted import files: every hostile or broken one gives one clean line, writes nothing."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from helpers.refi import Code, Sel, Source, make_project, qdpx
from storymaker.errors import ImportFileError
from storymaker.importers import run_import, safety

GOOD = qdpx([Code("A")], [Source("P01", "Some words here.", [Sel(0, 4, [Code("A")])])])

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Project [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Project xmlns="urn:QDA-XML:project:1.0"><Description>&lol3;</Description></Project>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE CodeBook [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="1" name="&xxe;"/></Codes></CodeBook>"""


def _zip(entries: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()


def _fails(tmp_path: Path, data: bytes, name: str = "hostile.qdpx") -> str:
    root = make_project(tmp_path / "proj")
    file = tmp_path / name
    file.write_bytes(data)
    with pytest.raises(ImportFileError) as caught:
        run_import(root, file)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(str(file))
    assert list((root / "stories" / "excerpts").iterdir()) == []
    return message


def test_when_an_entry_expands_a_thousandfold_then_the_zip_bomb_is_refused(tmp_path):
    bomb = _zip({"project.qde": b"<Project/>", "sources/big.txt": b"\0" * (20 * 2**20)})
    assert "zip bomb" in _fails(tmp_path, bomb)


def test_when_the_archive_expands_past_the_total_limit_then_it_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_TOTAL", 2**20)
    data = _zip({"project.qde": b"<Project/>", "a.txt": bytes(range(256)) * 2400, "b.txt": bytes(range(256)) * 2400})
    assert "limit 1 MB" in _fails(tmp_path, data)


def test_when_the_archive_has_too_many_entries_then_it_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(safety, "MAX_ENTRIES", 5)
    data = _zip({f"sources/{i}.txt": b"x" for i in range(6)} | {"project.qde": b"<Project/>"})
    assert "7 entries (limit 5)" in _fails(tmp_path, data)


@pytest.mark.parametrize("name", ["../evil.txt", "sources/../../evil.txt", "/etc/cron.d/evil", "C:/evil.txt", "..\\evil.txt"])
def test_when_an_entry_name_escapes_the_archive_then_the_file_is_refused(tmp_path, name):
    message = _fails(tmp_path, _zip({"project.qde": b"<Project/>", name: b"x"}))
    assert "outside the archive" in message
    assert not (tmp_path / "evil.txt").exists()


def test_when_the_zip_is_truncated_then_the_error_says_so(tmp_path):
    assert "truncated or damaged" in _fails(tmp_path, GOOD[: len(GOOD) // 2])


def test_when_project_qde_uses_entity_expansion_then_it_is_refused(tmp_path):
    message = _fails(tmp_path, _zip({"project.qde": BILLION_LAUGHS}))
    assert "[project.qde]:3:" in message and "entities" in message


def test_when_a_codebook_declares_an_external_entity_then_it_is_refused(tmp_path):
    message = _fails(tmp_path, EXTERNAL, "codes.qdc")
    assert "entities or external references" in message and "root:" not in message


def test_when_project_qde_is_not_well_formed_then_line_and_column_are_named(tmp_path):
    broken = b'<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0">\n  <Sources><TextSource name="a">\n</Project>'
    message = _fails(tmp_path, _zip({"project.qde": broken}))
    assert "[project.qde]:4: column 3: not well-formed XML (mismatched tag)" in message


def test_when_a_zip_has_no_project_qde_then_it_is_not_taken_for_a_project(tmp_path):
    assert "neither a REFI-QDA project" in _fails(tmp_path, _zip({"readme.txt": b"hi"}))


def test_when_a_csv_is_not_utf8_then_the_line_is_named(tmp_path):
    data = "id,document,tag,content\n1,P01,a,fine\n2,P01,a,caf\xe9 latin-1\n".encode("latin-1")
    message = _fails(tmp_path, data, "highlights.csv")
    assert message.startswith(f"{tmp_path / 'highlights.csv'}:3:") and "CSV UTF-8" in message


def test_when_an_xlsx_is_damaged_then_the_error_is_one_line(tmp_path):
    data = _zip({"xl/workbook.xml": b"<not-a-workbook", "[Content_Types].xml": b"<x/>"})
    assert "not a readable XLSX workbook" in _fails(tmp_path, data, "sheet.xlsx")


def test_when_an_xlsx_sheet_declares_entities_then_it_is_refused(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["id", "document", "tag", "content"])
    book.active.append(["1", "P01", "a", "&b;"])
    buffer = io.BytesIO()
    book.save(buffer)
    entries = {}
    with zipfile.ZipFile(buffer) as zf:
        for name in zf.namelist():
            entries[name] = zf.read(name)
    doctype = b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
    entries["xl/worksheets/sheet1.xml"] = doctype + entries["xl/worksheets/sheet1.xml"]
    message = _fails(tmp_path, _zip(entries), "highlights.xlsx")
    assert "[xl/worksheets/sheet1.xml]" in message and "declares a DTD" in message


def test_when_a_cell_is_huge_then_the_line_is_named_with_both_likely_causes(tmp_path):
    data = b'participant,text,themes\nP01,"fine words",care\nP02,"' + b"word " * 40_000 + b'",care\n'
    message = _fails(tmp_path, data, "quotes.csv")
    assert message == (f"{tmp_path / 'quotes.csv'}:3: a cell starting on this line is over 131,072 characters, far longer "
                       "than any quote: check for a quote mark that is never closed, or split the text into excerpts")


def test_when_a_binary_file_is_named_csv_then_it_is_called_binary_not_a_bad_encoding(tmp_path):
    message = _fails(tmp_path, bytes(range(256)) * 40, "quotes.csv")
    assert message.startswith(f"{tmp_path / 'quotes.csv'}: a binary file (it contains NUL bytes)")


def test_when_a_csv_is_named_qdpx_then_the_message_says_rename_it_not_that_it_is_damaged(tmp_path):
    message = _fails(tmp_path, "participant,text,themes\nP01,Zoë's words,care\n".encode("utf-8"), "quotes.qdpx")
    assert message == f"{tmp_path / 'quotes.qdpx'}: named .qdpx but it is plain text, not a zip archive: if it is a CSV, rename it to .csv and import that"
