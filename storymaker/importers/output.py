"""Write imported excerpts to ``stories/excerpts/NAME.csv``, never over someone's edits.

An existing file is replaced only when ``stories/.imports.json`` says a previous import of
a file with the same name wrote it and it is unchanged since (so consent or audience a
person filled in is never lost). The record keeps hashes only, never a file name (which
might hold a real name); it lives beside the excerpts because builds replace ``private/``.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path

from .excerpts import HEADER
from .report import ImportReport
from .safety import fail

RECORD = Path("stories") / ".imports.json"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def target_path(root: Path, file: Path, into: Path | None) -> Path:
    target = Path(into) if into else Path("stories") / "excerpts" / f"{file.stem}.csv"
    target = target if target.is_absolute() else root / target
    if target.suffix.lower() != ".csv":
        raise fail(str(into), 0, "--into must name a .csv file, e.g. stories/excerpts/interviews.csv")
    return target


def write_rows(root: Path, target: Path, rows: list[dict[str, str]], source_name: str, report: ImportReport) -> None:
    shown = _shown(root, target)
    record = _load_record(root)
    data = render_csv(rows)
    if target.exists():
        _may_replace(target, shown, record.get(shown), source_name)
        report.note(f"replaced {shown}, written by a previous import of the same file and unchanged since")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.part")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    record[shown] = {"source": _sha(source_name.encode()), "sha256": _sha(data)}
    _save_record(root, record)
    report.written = f"{len(rows)} excerpt{'s' if len(rows) != 1 else ''} to {shown}"


def _may_replace(target: Path, shown: str, entry: dict | None, source_name: str) -> None:
    if entry is None or entry.get("source") != _sha(source_name.encode()):
        why = "and was not written by importing this file"
    elif entry.get("sha256") != _sha(target.read_bytes()):
        why = "and was edited since it was imported (those edits are kept)"
    else:
        return
    raise fail(shown, 0, f"already exists {why}; import into another file with --into stories/excerpts/<new name>.csv")


def _shown(root: Path, target: Path) -> str:
    try:
        return target.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(target)


def _load_record(root: Path) -> dict:
    try:
        data = json.loads((root / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_record(root: Path, record: dict) -> None:
    (root / RECORD).parent.mkdir(parents=True, exist_ok=True)
    (root / RECORD).write_text(json.dumps(record, indent=2, sort_keys=True), encoding="utf-8")
