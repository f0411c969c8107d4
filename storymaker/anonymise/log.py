"""The private anonymisation log: what was replaced, where, by what, and why.

Written as JSON Lines (``.jsonl``) or CSV (``.csv``) under ``private/``; refuses any path
inside an ``output`` folder. Never printed to the terminal.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from ..errors import AnonymisationError
from ..model import Problem, Redaction


@dataclass(frozen=True)
class LogEntry:
    where: str  # path:line, or story key
    original: str
    replacement: str
    kind: str
    reason: str


def entries_for(where: str, redaction: Redaction) -> list[LogEntry]:
    """Log entries for one anonymised text."""
    return [LogEntry(where, r.original, r.replacement, r.kind, r.reason) for r in redaction.replacements]


def write_log(entries: Iterable[LogEntry], path: Path) -> int:
    """Write the log; returns how many entries were written."""
    path = Path(path)
    if "output" in path.resolve().parts:
        raise AnonymisationError(Problem(str(path), 0, "the anonymisation log must not be written under output/: "
                                                       "write it under private/ instead"))
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [asdict(e) for e in entries]
    with path.open("w", encoding="utf-8", newline="") as fh:
        if path.suffix.lower() == ".csv":
            writer = csv.DictWriter(fh, fieldnames=[f.name for f in fields(LogEntry)])
            writer.writeheader()
            writer.writerows(rows)
        else:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return len(rows)


def read_log(path: Path) -> list[LogEntry]:
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as fh:
        if path.suffix.lower() == ".csv":
            return [LogEntry(**row) for row in csv.DictReader(fh)]
        return [LogEntry(**json.loads(line)) for line in fh if line.strip()]
