"""Which reader turns a detected file into coded segments (or, for a codebook table, themes)."""
from __future__ import annotations

from .rows import CodedSegment
from .mapfile import Settings
from .participants import Participants
from .qdc import is_taguette_codebook, table_themes
from .refi import Context, read_project, read_qdpx
from .report import ImportReport
from .safety import parse_xml
from .tables import Table, read_csv, read_xlsx


def read_table(kind: str, data: bytes, label: str) -> Table:
    return read_xlsx(data, label) if kind == "xlsx" else read_csv(data, label)


def read_segments(kind: str, data: bytes, label: str, settings: Settings, participants: Participants,
                  report: ImportReport) -> list[CodedSegment] | dict[str, str]:
    if kind == "qdpx":
        report.format = "REFI-QDA project"
        return read_qdpx(data, label, participants, report)
    if kind == "qde":
        report.format = "REFI-QDA project file"
        return read_project(parse_xml(data, label), Context(label, None, participants, report))
    if kind == "sqlite":
        from .taguette_db import read_taguette_db

        report.format = "Taguette project (SQLite)"
        return read_taguette_db(data, label, participants, report)
    return table_segments(read_table(kind, data, label), settings, participants, report)


def table_segments(table: Table, settings: Settings, participants: Participants,
                   report: ImportReport) -> list[CodedSegment] | dict[str, str]:
    from .qualcoder import is_qualcoder_report, read_qualcoder
    from .spreadsheet import columns_for, read_mapped
    from .taguette import is_taguette, read_taguette

    kind = "XLSX" if table.unit == "row" else "CSV"
    for n in table.title_rows:
        report.note(f"{table.unit} {n}: read as a title above the header (one filled cell), not as column names")
    if not settings.columns:
        if is_taguette(table):
            report.format = f"Taguette highlights, {kind}"
            return read_taguette(table, participants, report)
        if is_taguette_codebook(table):
            report.format = f"Taguette codebook, {kind}"
            return table_themes(table, settings.codes, report)
        if is_qualcoder_report(table):
            report.format = f"QualCoder coding report, {kind}"
            return read_qualcoder(table, participants, report)
    report.format = f"spreadsheet, {kind}"
    cols = columns_for(table, settings.columns, settings.label)
    return read_mapped(table, cols, settings.separator, participants, report)
