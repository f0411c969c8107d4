"""``storymaker import FILE``: detect the format, read coded segments, write excerpts.

    run_import(root, file, into=None, code_map=None, participant_map=None) -> ImportReport

One line per stage; a ``.qdc`` codebook goes to ``stories/codebook.yaml`` instead.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .detect import detect
from .excerpts import Segment, to_rows
from .output import target_path, write_rows
from .participants import Participants, load_participants
from .qdc import codebook_themes, merge_codebook
from .refi import Context, read_project, read_qdpx
from .report import ImportReport
from . import safety
from .safety import fail, parse_xml
from .spreadsheet import columns_for, read_mapped
from .tables import Table, read_csv, read_xlsx
from .tags import CodeMap, code_map, load_map_file

CODEBOOK = Path("stories") / "codebook.yaml"


def run_import(project_root: Path, file: Path, into: Path | None = None, code_map: Path | None = None,
               participant_map: Path | None = None) -> ImportReport:
    root, file = Path(project_root), Path(file)
    data, label = _read(file), str(file)
    report = ImportReport(file=file.name)
    kind = detect(file, data, label)
    settings = load_map_file(code_map)
    codes = _code_map(settings, code_map)
    if kind == "qdc":
        return _import_codebook(root, data, label, codes, report)
    segments = _segments(kind, data, label, settings, str(code_map), load_participants(participant_map), report)
    rows = to_rows(segments, codes, _codebook_tags(root), report)
    if not rows:
        report.note("nothing written: no coded excerpts were found")
        return report
    write_rows(root, target_path(root, file, into), rows, file.name, report)
    return report


def _code_map(settings: dict, path: Path | None) -> CodeMap:
    return code_map(settings, str(path)) if settings else CodeMap()


def _read(file: Path) -> bytes:
    try:
        if file.stat().st_size > safety.MAX_TOTAL:
            raise fail(str(file), 0, f"the file is over {safety.MAX_TOTAL // 2**20} MB; refusing it as unsafe: split the export")
        return file.read_bytes()
    except OSError as exc:
        raise fail(str(file), 0, f"cannot read the file ({exc.strerror}); check the path") from None


def _segments(kind: str, data: bytes, label: str, settings: dict, map_label: str,
              participants: Participants, report: ImportReport) -> list[Segment]:
    if kind == "qdpx":
        report.format = "REFI-QDA project"
        return read_qdpx(data, label, participants, report)
    if kind == "qde":
        report.format = "REFI-QDA project file"
        return read_project(parse_xml(data, label), Context(label, None, participants, report))
    table = read_xlsx(data, label) if kind == "xlsx" else read_csv(data, label)
    return _table_segments(table, settings, map_label, participants, report)


def _table_segments(table: Table, settings: dict, map_label: str, participants: Participants,
                    report: ImportReport) -> list[Segment]:
    from .taguette import is_taguette, read_taguette

    kind = "XLSX" if table.unit == "row" else "CSV"
    if is_taguette(table) and not settings.get("columns"):
        report.format = f"Taguette highlights, {kind}"
        return read_taguette(table, participants, report)
    report.format = f"spreadsheet, {kind}"
    columns = settings.get("columns") or {}
    if not isinstance(columns, dict):
        raise fail(map_label, 0, "'columns:' must map storymaker fields to your column names, e.g. 'text: Quote'")
    cols = columns_for(table, columns, map_label)
    return read_mapped(table, cols, str(settings.get("separator") or ";"), participants, report)


def _import_codebook(root: Path, data: bytes, label: str, codes: CodeMap, report: ImportReport) -> ImportReport:
    report.format = "REFI-QDA codebook"
    themes = codebook_themes(parse_xml(data, label), label, codes, report)
    merge_codebook(root / CODEBOOK, themes, report)
    report.written = f"{report.counts.pop('themes')} new theme(s) to {CODEBOOK.as_posix()}"
    return report


def _codebook_tags(root: Path) -> set[str]:
    try:
        data = yaml.safe_load((root / CODEBOOK).read_text(encoding="utf-8")) or {}
        return {str(t) for t in (data.get("themes") or {})}
    except (OSError, yaml.YAMLError, UnicodeDecodeError, AttributeError):
        return set()  # the loader reports a broken codebook; unknown tags are then all reported here
