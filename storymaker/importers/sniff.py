"""Which kind of file an import is, from its first bytes and then its extension.

    zip with a ``.qde`` entry      -> "qdpx"      (REFI-QDA project)
    zip with ``xl/workbook.xml``   -> "xlsx"      (Taguette or any spreadsheet; columns decide)
    XML, root ``CodeBook``         -> "qdc"       (REFI-QDA codebook)
    XML, root ``Project``          -> "qde"       (a bare REFI-QDA project file, inline text only)
    SQLite database                -> "sqlite"    (a Taguette project, ``.sqlite3``)
    XML Schema (``.xsd``)          -> "xsd"       (the REFI-QDA format's own schema: nothing to import)
    anything else                  -> "csv"       (Taguette or any spreadsheet; columns decide)
"""
from __future__ import annotations

import re
from pathlib import Path

from .safety import SafeZip, fail

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
SQLITE_MAGIC = b"SQLite format 3\x00"
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(CodeBook|Project)[\s>/]")


def sniff(file: Path, data: bytes, label: str) -> str:
    if not data.startswith(ZIP_MAGIC) and file.suffix.lower() in (".qdpx", ".xlsx") and _looks_like_text(data):
        raise fail(label, 0, f"named {file.suffix.lower()} but it is plain text, not a zip archive: if it is a CSV, "
                   "rename it to .csv and import that")
    if data.startswith(ZIP_MAGIC) or file.suffix.lower() in (".qdpx", ".xlsx"):
        names = SafeZip(data, label).names()
        if any(n.lower().endswith(".qde") for n in names):
            return "qdpx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        raise fail(label, 0, "a zip archive that is neither a REFI-QDA project (no project.qde) nor an XLSX workbook; "
                   "export a .qdpx, .qdc, .csv or .xlsx")
    if data.startswith(SQLITE_MAGIC):
        return "sqlite"
    if data.startswith(OLE_MAGIC):
        raise fail(label, 0, "an old binary Excel (.xls) file; save it as .xlsx or CSV UTF-8 and import that")
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") or file.suffix.lower() in (".qdc", ".qde", ".xml"):
        found = _ROOT.search(data[:65536])
        if not found and b"XMLSchema" in data[:4096]:
            return "xsd"
        if not found:
            raise fail(label, 1, "XML without a REFI-QDA CodeBook or Project root element; export a .qdc codebook or .qdpx project")
        return "qdc" if found.group(1) == b"CodeBook" else "qde"
    if b"\x00" in data[:65536]:
        raise fail(label, 0, "a binary file (it contains NUL bytes), not CSV text or any export storymaker reads; "
                   "export the sheet as CSV UTF-8 or .xlsx")
    return "csv"


def _looks_like_text(data: bytes) -> bool:
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > 4090  # a character cut at the end of the sample is still text
    return b"\x00" not in data[:4096]
