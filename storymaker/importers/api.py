"""The import as a small Python API, for the studio's Import screen (and scripts).

    info = inspect(path)                     # FileInfo: format, columns, row count
    distinct_values(path, "Consent given")   # the source's own values in one column, with counts
    preview(path, settings, participants=None, limit=20) -> Preview   # rows as they would import
    report = run(root, path, settings, participants=None)             # the import itself
    write_map_file(path, settings)           # save the map (comments in an existing file kept)

``settings`` is a dict shaped like the map file (``columns``, ``separator``, ``codes``,
``consent``, ``audience``, ``defaults``). Nothing here prints; errors are
:class:`~storymaker.errors.ImportFileError` with one ``path:line: message`` problem.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .sniff import sniff
from .rows import to_rows
from .mapfile import settings_from, write_map_file
from .participants import Participants
from .readers import read_segments, read_table
from .report import ImportReport
from .run import read_file, run_import

__all__ = ["FileInfo", "Preview", "inspect", "distinct_values", "preview", "run", "write_map_file"]
KINDS = {"qdpx": "REFI-QDA project", "qde": "REFI-QDA project file", "qdc": "REFI-QDA codebook",
         "sqlite": "Taguette project", "xlsx": "spreadsheet (XLSX)", "csv": "spreadsheet (CSV)"}


@dataclass(frozen=True)
class FileInfo:
    kind: str  # qdpx, qde, qdc, sqlite, xlsx, csv
    label: str  # e.g. "spreadsheet (XLSX)"
    columns: tuple[str, ...] = ()  # spreadsheets only
    rows: int = 0


@dataclass(frozen=True)
class Preview:
    rows: tuple[dict, ...]  # excerpt rows as they would be written (id, participant, text, themes, ...)
    lines: tuple[str, ...]  # the report: counts, notes, what would be skipped and why


def inspect(path: Path) -> FileInfo:
    data = read_file(Path(path))
    kind = sniff(Path(path), data, str(path))
    if kind in ("csv", "xlsx"):
        table = read_table(kind, data, str(path))
        return FileInfo(kind, KINDS[kind], table.header, len(table.rows))
    return FileInfo(kind, KINDS[kind])


def distinct_values(path: Path, column: str) -> list[tuple[str, int]]:
    """The values a spreadsheet column holds (e.g. its consent wording), most frequent first."""
    data = read_file(Path(path))
    table = read_table(sniff(Path(path), data, str(path)), data, str(path))
    header = {h.strip().lower(): h for h in table.header}
    actual = header.get(str(column).strip().lower())
    if actual is None:
        return []
    return Counter(" ".join(row.get(actual, "").split()) for _, row in table.rows).most_common()


def preview(path: Path, settings: dict | None = None, participants: dict | None = None, limit: int = 20) -> Preview:
    """What importing would write, without writing anything."""
    path = Path(path)
    data, chosen = read_file(path), settings_from(settings or {})
    report = ImportReport(file=path.name)
    kind = sniff(path, data, str(path))
    segments = [] if kind == "qdc" else read_segments(kind, data, str(path), chosen, Participants(participants), report)
    rows = to_rows(segments, chosen.codes, chosen.values, report) if isinstance(segments, list) else []
    return Preview(tuple({k: v for k, v in r.items() if k != "given"} for r in rows[:limit]), tuple(report.lines()))


def run(root: Path, path: Path, settings: dict | None = None, participants: Path | None = None,
        into: Path | None = None, add_themes: bool = True) -> ImportReport:
    return run_import(Path(root), Path(path), into=into, participant_map=participants, add_themes=add_themes,
                      settings=settings or {})
