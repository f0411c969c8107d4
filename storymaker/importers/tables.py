"""CSV (UTF-8, comma, semicolon or tab) and XLSX files as a header plus positioned rows.

Positions are CSV line numbers or spreadsheet row numbers, so errors can name them.
An XLSX cell holding a formula reads as the value the spreadsheet cached, and the formula
itself is kept in ``Table.formulas``: Taguette's XLSX writer stores a highlight that starts
with "=" as a formula whose cached value is 0, and the words are only in the formula.
XLSX archives pass the same zip checks as ``.qdpx`` before openpyxl opens them
(openpyxl itself parses through defusedxml when it is installed).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace

from .safety import SafeZip, fail


@dataclass(frozen=True)
class Table:
    label: str
    unit: str  # "line" (CSV) or "row" (XLSX)
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # (line or row number, {column: value})
    formulas: dict = field(default_factory=dict)  # (row number, column) -> formula text, XLSX only
    title_rows: tuple[int, ...] = ()  # leading one-cell rows (a sheet title, a merged header) above the header

    def has(self, *names: str) -> bool:
        lowered = {h.strip().lower() for h in self.header}
        return all(n in lowered for n in names)


def read_csv(data: bytes, label: str) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(label, line, f"byte {exc.start + 1} is not UTF-8; save the file as 'CSV UTF-8' and import it again") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        line = 1
        for record in reader:
            rows.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise fail(label, line, f"a cell starting on this line is over {csv.field_size_limit():,} characters, far longer than "
                       "any quote: check for a quote mark that is never closed, or split the text into excerpts") from None
        raise fail(label, reader.line_num, f"CSV error ({exc}); check the quotes on this line") from None
    return _table(label, "line", rows)


def read_xlsx(data: bytes, label: str) -> Table:
    archive = SafeZip(data, label)  # size, ratio and name checks before openpyxl reads anything
    _no_doctype(archive)
    from openpyxl import load_workbook

    try:
        values, formulas = (_sheet_rows(load_workbook(io.BytesIO(data), read_only=True, data_only=only))
                            for only in (True, False))
    except Exception as exc:  # openpyxl raises many types for damaged files; all mean "bad input"
        raise fail(label, 0, f"not a readable XLSX workbook ({type(exc).__name__}); save it again from your spreadsheet program") from None
    table = _table(label, "row", values)
    header = dict(enumerate(table.header))
    found = {(n, header[i]): cell for n, cells in formulas for i, cell in enumerate(cells)
             if cell.startswith("=") and i in header and n != 1}
    return replace(table, formulas=found)


def _sheet_rows(book) -> list[tuple[int, list[str]]]:
    sheet = book["highlights"] if "highlights" in book.sheetnames else book.worksheets[0]
    return [(n, [_cell(v) for v in values]) for n, values in enumerate(sheet.iter_rows(values_only=True), 1)]


def _no_doctype(archive: SafeZip) -> None:
    """Office files never need a DTD; one may hide entity expansion, so refuse it outright."""
    for name in archive.names():
        if name.lower().endswith((".xml", ".rels")):
            body = archive.read(name)
            if b"<!DOCTYPE" in body or "<!DOCTYPE".encode("utf-16-le") in body:
                raise fail(f"{archive.label}[{name}]", 0, "the workbook's XML declares a DTD (possible entity expansion); "
                           "refusing it as unsafe: save the sheet again from your spreadsheet program")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(label: str, unit: str, rows: list[tuple[int, list[str]]]) -> Table:
    rows = [(n, r) for n, r in rows if any(c.strip() for c in r)]
    if not rows:
        raise fail(label, 0, "the file has no header row and no data; export it again")
    titles = _title_rows(rows)
    header_at, header = rows[len(titles)]
    names = _unique(h.strip() for h in header)
    body = []
    for n, record in rows[len(titles) + 1:]:
        if len(record) > len(names) and any(c.strip() for c in record[len(names):]):
            raise fail(label, n, f"{unit} {n} has {len(record)} cells but the header has {len(names)}; check its quotes and separators")
        body.append((n, {names[i]: (record[i] if i < len(record) else "") for i in range(len(names))}))
    return Table(label, unit, names, tuple(body), title_rows=tuple(n for n, _ in titles))


def _title_rows(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Leading rows with one filled cell above a row with several: a title or merged heading, not the header."""
    def filled(record: list[str]) -> int:
        return sum(1 for c in record if c.strip())

    titles = []
    for i, (n, record) in enumerate(rows[:-1]):
        if i >= 5 or filled(record) != 1 or filled(rows[i + 1][1]) < 2:
            break
        titles.append((n, record))
    return titles


def _unique(names) -> tuple[str, ...]:
    """Repeated headers (QualCoder writes one "Category" column per level) as "Category (2)"."""
    out: list[str] = []
    for name in names:
        out.append(name if name not in out or not name else f"{name} ({sum(1 for o in out if o.split(' (')[0] == name) + 1})")
    return tuple(out)
