"""The import as a small Python API, for the studio's Import screen (and scripts).

    info = inspect(path)                     # FileInfo: format, columns, row count, coded
    distinct_values(path, "Consent given")   # the source's own values in one column, with counts
    source_values(path)                      # a coded file's own codes, consent and audience values
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

__all__ = ["FileInfo", "Preview", "SourceValues", "inspect", "distinct_values", "source_values", "preview", "run",
           "write_map_file"]
KINDS = {"qdpx": "REFI-QDA project", "qde": "REFI-QDA project file", "qdc": "REFI-QDA codebook",
         "sqlite": "Taguette project", "xlsx": "spreadsheet (XLSX)", "csv": "spreadsheet (CSV)"}


@dataclass(frozen=True)
class FileInfo:
    kind: str  # qdpx, qde, qdc, sqlite, xlsx, csv
    label: str  # e.g. "spreadsheet (XLSX)"
    columns: tuple[str, ...] = ()  # spreadsheets only
    rows: int = 0
    coded: bool = False  # a coded project or tool export (REFI-QDA, Taguette): no columns to map


@dataclass(frozen=True)
class SourceValues:
    """What a coded file says in its own words, each with how often it is used."""

    codes: tuple[tuple[str, int], ...]  # code paths as the map file names them: "Staff care > Manager"
    consent: tuple[tuple[str, int], ...]  # values of a case or source variable called consent
    audience: tuple[tuple[str, int], ...]
    unnamed: tuple[str, ...] = ()  # case or document names that give no participant id (skipped until mapped)


class _Asked(Participants):
    """Participants that remembers the names it could not turn into a participant id."""

    def __init__(self, mapping: dict[str, str] | None = None):
        super().__init__(mapping)
        self.unnamed: dict[str, None] = {}

    def resolve(self, *names: str, ids: tuple[str, ...] = ()) -> str:
        found = super().resolve(*names, ids=ids)
        named = next((n for n in (*ids, *names) if n and n.strip()), "")
        if not found and named:
            self.unnamed[" ".join(named.split())] = None
        return found


@dataclass(frozen=True)
class Preview:
    rows: tuple[dict, ...]  # excerpt rows as they would be written (id, participant, text, themes, ...)
    lines: tuple[str, ...]  # the report: counts, notes, what would be skipped and why


def inspect(path: Path) -> FileInfo:
    data = read_file(Path(path))
    kind = sniff(Path(path), data, str(path))
    if kind in ("csv", "xlsx"):
        table = read_table(kind, data, str(path))
        export = _tool_export(table)
        if export:
            return FileInfo(kind, f"{export} ({kind.upper()})", (), len(table.rows), coded=True)
        return FileInfo(kind, KINDS[kind], table.header, len(table.rows))
    return FileInfo(kind, KINDS[kind], coded=kind != "qdc")


def _tool_export(table) -> str:
    """The tool whose own export this table is (read without a column map), or ''."""
    from .qualcoder import is_qualcoder_report
    from .taguette import is_taguette
    return "Taguette highlights" if is_taguette(table) else "QualCoder coding report" if is_qualcoder_report(table) else ""


def source_values(path: Path, participants: dict | None = None) -> SourceValues:
    """A coded file's codes and its consent and audience wording (REFI case or source
    variables), before any map: what the Import screen offers to map; and the case or
    document names that give no participant id (map them in ``participants``)."""
    path = Path(path)
    data = read_file(path)
    kind = sniff(path, data, str(path))
    report = ImportReport(file=path.name)
    asked = _Asked(participants)
    found = [] if kind == "qdc" else read_segments(kind, data, str(path), settings_from({}), asked, report)
    segments = found if isinstance(found, list) else []
    count = lambda values: tuple(Counter(v for v in values if v).most_common())
    return SourceValues(count(" > ".join(p) for s in segments for p in s.codes),
                        count(" ".join(str(s.attrs.get("consent") or "").split()) for s in segments),
                        count(" ".join(str(s.attrs.get("audience") or "").split()) for s in segments), tuple(asked.unnamed))


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
