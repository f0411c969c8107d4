"""Write imported excerpts to ``stories/excerpts/NAME.csv``, never over someone's edits.

A first import writes the file. Importing the same source again (same file name) updates
the excerpts it wrote before: ids are stable, so a row keeps its id; the source's text,
themes and fields replace the old ones, except that consent, audience and sensitive a person
filled in are kept wherever the source itself gives no value. The report says how many
excerpts were added, changed and removed. A file the import did not write is never touched.
``stories/.imports.json`` records which import wrote which file (hashes only, never a name).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from difflib import SequenceMatcher
from pathlib import Path

from .rows import HEADER
from .report import ImportReport
from .safety import fail

RECORD = Path("stories") / ".imports.json"
KEPT = ("consent", "audience", "sensitive")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADER, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def target_path(root: Path, file: Path, into: Path | None) -> Path:
    target = Path(into) if into else Path("stories") / "excerpts" / f"{file.stem}.csv"
    target = target if target.is_absolute() else root / target
    if target.suffix.lower() != ".csv":
        raise fail(str(into), 0, "--into must name a .csv file, e.g. stories/excerpts/interviews.csv")
    excerpts = (root / "stories" / "excerpts").resolve()
    if not target.parent.resolve().is_relative_to(excerpts) or target.is_symlink():
        raise fail(str(into), 0, "--into must be a file in the project's stories/excerpts/ (interview text never goes "
                   "anywhere else), e.g. --into stories/excerpts/interviews.csv")
    return target


def write_rows(root: Path, target: Path, rows: list[dict[str, str]], source_name: str, report: ImportReport) -> None:
    shown = _shown(root, target)
    record = _load_record(root)
    if target.exists():
        _may_update(shown, record.get(shown), source_name)
        rows = merge(_read_rows(target, shown), rows, set(record[shown].get("ids", [])), report)  # no ids: all were the import's
    data = render_csv(rows)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.part")
    temporary.write_bytes(data)
    os.replace(temporary, target)
    record[shown] = {"source": _sha(source_name.encode()), "ids": sorted(_sha(r["id"].encode())[:16] for r in rows)}
    _save_record(root, record)
    report.written = f"{len(rows)} excerpt{'s' if len(rows) != 1 else ''} to {shown}"


def merge(old: list[dict[str, str]], new: list[dict[str, str]], written: set[str], report: ImportReport) -> list[dict[str, str]]:
    """New rows, keeping a person's consent/audience/sensitive where the source gives none,
    and rows a person added by hand (ids the import never wrote). A new row whose id is new
    but whose participant and words match an old row takes that row's id, so ids (and story
    pins) survive a tool that changes how it identifies selections; a quote edited in the sheet
    keeps its id too (the same participant's old row with mostly the same words)."""
    before = {r.get("id", ""): r for r in old}
    new = _reuse_ids(new, before)
    out, changes = [], {"added": [], "changed": [], "removed": [], "unchanged": []}
    for row in new:
        previous = before.get(row["id"])
        given = set(filter(None, row.get("given", "").split(";")))
        if previous is not None:
            row = {**row, **{k: previous.get(k, "") for k in KEPT if k not in given and (previous.get(k) or "").strip()}}
        kind = "added" if previous is None else "unchanged" if all(previous.get(h, "") == row[h] for h in HEADER) else "changed"
        changes[kind].append(row["id"])
        out.append(row)
    ids = {r["id"] for r in new}
    gone = [i for i in before if i not in ids]
    changes["removed"] = [i for i in gone if not written or _sha(i.encode())[:16] in written]
    by_hand = [before[i] for i in gone if i not in changes["removed"]]
    if by_hand:
        report.note(f"kept {len(by_hand)} excerpt(s) added to the file by hand")
    report.changes = changes
    return out + by_hand


def _reuse_ids(new: list[dict[str, str]], before: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """An old id for each new row with a new id: the old row with the same participant and
    words, else (a quote edited in the sheet) the same participant's most similar old row."""
    ids = {r["id"] for r in new}
    spare = {(r.get("participant", ""), _words(r)): i for i, r in before.items() if i not in ids}
    out = [row if row["id"] in before else {**row, "id": spare.pop((row["participant"], _words(row)), row["id"])}
           for row in new]
    left = {i: before[i] for i in spare.values()}
    for n, row in enumerate(out):
        if row["id"] not in before and (match := _similar(row, left)):
            out[n] = {**row, "id": match}
            del left[match]
    return out


def _words(row: dict[str, str]) -> str:
    return " ".join(row.get("text", "").split())


def _similar(row: dict[str, str], old: dict[str, dict[str, str]]) -> str | None:
    """The id of the same participant's old row whose words are at least 75% the same, if any."""
    scored = [(SequenceMatcher(None, _words(row), _words(r)).ratio(), i) for i, r in old.items()
              if r.get("participant", "") == row["participant"]]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= 0.75 else None


def _may_update(shown: str, entry: dict | None, source_name: str) -> None:
    if entry is None or entry.get("source") != _sha(source_name.encode()):
        raise fail(shown, 0, "already exists and was not written by importing this file; import into another file "
                   "with --into stories/excerpts/<new name>.csv")


def _read_rows(target: Path, shown: str) -> list[dict[str, str]]:
    try:
        with target.open(encoding="utf-8-sig", newline="") as handle:
            return [{k: (v or "") for k, v in row.items() if k} for row in csv.DictReader(handle)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise fail(shown, 0, f"cannot read the excerpts written by the previous import ({type(exc).__name__}); "
                   "save it as CSV UTF-8, or import into another file with --into") from None


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
