"""Change fields of some excerpts in their own files, touching only those excerpts' lines.

    edit_excerpts(root, source, {excerpt_id: {field: value}}, expected) -> new version

CSV: every other row keeps its exact bytes (quoting, line endings); a changed row is written
again with the csv module in the file's own line ending. YAML: the item is edited
round-trip, keeping the file's comments and the item's list style. Values are the loader's
own: ``consent`` a list of channels, ``sensitive`` a bool, ``audience`` a word.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import StudioError
from .files import edit_yaml, version, write_atomic

Changes = dict[str, dict[str, object]]


def _cell(field: str, value: object) -> str:
    if field == "consent":
        return ";".join(value)
    if field == "sensitive":
        return "true" if value else ""
    return str(value)


def _physical_rows(text: str) -> tuple[list[str], list[tuple[list[str], int, int]]]:
    lines = text.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    reader = csv.reader(iter(lines))
    rows, start = [], 0
    for row in reader:
        rows.append((row, start, reader.line_num))
        start = reader.line_num
    return lines, rows


def _csv_row(values: list[str], ending: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=ending).writerow(values)
    return out.getvalue()


def edit_csv(path: Path, changes: Changes, expected: str | None, root: Path) -> str:
    text = path.read_bytes().decode("utf-8-sig")
    bom = path.read_bytes().startswith(b"\xef\xbb\xbf")
    lines, rows = _physical_rows(text)
    header = [h.strip().lower() for h in rows[0][0]]
    for row, start, end in reversed(rows[1:]):
        if not row or row[header.index("id")].strip() not in changes:
            continue
        change = changes[row[header.index("id")].strip()]
        values = row + [""] * (len(header) - len(row))
        for field, value in change.items():
            if field not in header:
                raise StudioError(f"{path.name} has no '{field}' column: add it in a spreadsheet first", path.name, 1)
            values[header.index(field)] = _cell(field, value)
        ending = "\r\n" if lines[end - 1].endswith("\r\n") else "\n"
        lines[start:end] = [_csv_row(values, ending)]
    data = ("\ufeff" if bom else "") + "".join(lines)
    return write_atomic(path, data.encode("utf-8"), expected, root)


def _yaml_value(old, field: str, value: object):
    if field == "consent":
        from .specdoc import _flow
        return _flow(list(value)) if isinstance(old, list) or old is None else ";".join(value)
    return value


def edit_yaml_excerpts(path: Path, changes: Changes, expected: str | None, root: Path) -> str:
    def change(doc) -> None:
        items = doc if isinstance(doc, list) else doc.get("excerpts", [])
        for item in items:
            wanted = changes.get(str(item.get("id", "")).strip())
            for field, value in (wanted or {}).items():
                if field == "sensitive" and not value:
                    item.pop("sensitive", None)
                else:
                    item[field] = _yaml_value(item.get(field), field, value)
    return edit_yaml(path, expected, change, root)


def edit_excerpts(root: Path, source: str, changes: Changes, expected: str | None) -> str:
    path = (root / source).resolve()
    if not path.is_relative_to(root / "stories" / "excerpts") or not path.is_file():
        raise StudioError(f"{source} is not an excerpt file of this project")
    if path.suffix.lower() == ".csv":
        return edit_csv(path, changes, expected, root)
    return edit_yaml_excerpts(path, changes, expected, root)


def versions(root: Path, sources: set[str]) -> dict[str, str]:
    return {s: version(root / s) for s in sorted(sources)}
