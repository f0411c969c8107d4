"""``storymaker import FILE``: detect the format, read coded segments, write excerpts.

    run_import(root, file, into=None, code_map=None, participant_map=None, add_themes=True,
               settings=None) -> ImportReport

One line per stage. A codebook (``.qdc``, Taguette's codebook CSV/XLSX) goes to
``stories/codebook.yaml`` instead. ``settings`` (a dict shaped like the map file) may stand
in for ``code_map`` (the studio's Import screen passes one).
"""
from __future__ import annotations

from pathlib import Path

from . import safety
from .codebook import CODEBOOK, descriptions, follow
from .sniff import sniff
from .rows import CodedSegment, to_rows
from .mapfile import Settings, load_map_file, settings_from
from .output import target_path, write_rows
from .participants import Participants, load_participants
from .qdc import qdc_themes
from .readers import read_segments
from .report import ImportReport
from .safety import fail


def run_import(project_root: Path, file: Path, into: Path | None = None, code_map: Path | None = None,
               participant_map: Path | None = None, add_themes: bool = True, settings: dict | None = None) -> ImportReport:
    root, file = Path(project_root), Path(file)
    data, label = read_file(file), str(file)
    report = ImportReport(file=file.name)
    kind = sniff(file, data, label)
    if kind == "xsd":
        return _schema(file, report)
    chosen = settings_from(settings) if settings is not None else load_map_file(code_map)
    if kind == "qdc":
        report.format = "REFI-QDA codebook"
        return _codebook(root, qdc_themes(data, label, chosen.codes, report), report)
    segments = read_segments(kind, data, label, chosen, load_participants(participant_map), report)
    if isinstance(segments, dict):  # a codebook in table form (Taguette's codebook export)
        return _codebook(root, segments, report)
    return _excerpts(root, file, into, segments, chosen, add_themes, report)


def _excerpts(root: Path, file: Path, into: Path | None, segments: list[CodedSegment], chosen: Settings,
              add_themes: bool, report: ImportReport) -> ImportReport:
    rows = to_rows(segments, chosen.codes, chosen.values, report)
    for key in chosen.codes.unused(report.matched) if segments else ():  # no rows read: nothing to match against
        report.note(f"{chosen.label}: codes: entry {key!r} matched no code in {file.name}; check its spelling against the source's code names")
    if not rows:
        report.note("nothing written: no coded excerpts were found")
        return report
    write_rows(root, target_path(root, file, into), rows, file.name, report)
    follow(root, descriptions(report), add_themes, report)
    return report


def _codebook(root: Path, themes: dict[str, str], report: ImportReport) -> ImportReport:
    added = follow(root, themes, True, report)
    report.notes = [n for n in report.notes if not n.startswith("added ")]
    report.written = f"{len(added)} new theme(s) to {CODEBOOK.as_posix()}"
    return report


def _schema(file: Path, report: ImportReport) -> ImportReport:
    """The REFI-QDA schema describes the format and holds no interviews: say so and what to import."""
    exports = sorted(p.name for p in file.parent.glob("*") if p.suffix.lower() in (".qdpx", ".qdc"))[:3]
    instead = f", e.g. storymaker import {exports[0]}" if exports else ""
    report.only = (f"{file}:1: nothing imported: this is an XML schema (.xsd) describing the REFI-QDA format, not an "
                   f"export; import the .qdpx project or .qdc codebook your QDA tool wrote{instead}")
    return report


def read_file(file: Path) -> bytes:
    try:
        if file.stat().st_size > safety.MAX_TOTAL:
            raise fail(str(file), 0, f"the file is over {safety.MAX_TOTAL // 2**20} MB; refusing it as unsafe: split the export")
        return file.read_bytes()
    except OSError as exc:
        raise fail(str(file), 0, f"cannot read the file ({exc.strerror}); check the path") from None
