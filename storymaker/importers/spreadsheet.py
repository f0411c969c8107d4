"""Any coded spreadsheet (QualCoder coding reports, hand-made CSV/XLSX) through a column map.

``--map`` YAML: ``columns: {participant: Speaker, text: Quote, themes: Codes, ...}``
(fields: id, participant or document, text, themes, audience, consent, role, sector,
stage, sensitive) and optional ``separator:`` between codes in one cell (default ``;``).
Without ``columns:`` the file's own headers must already be the project's names.
Code names in a cell are taken literally ("Covid/Non-covid" is one code). Rows with the same
participant and text (one row per coding) become one excerpt, whose id comes from those
two, so it stays the same when the sheet is edited, sorted or exported again.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

from .rows import CodedSegment
from .participants import Participants
from .report import ImportReport, mask
from .positions import key_line
from .safety import fail
from .tables import Table
from .tags import nfc

FIELDS = ("id", "participant", "document", "text", "themes", "audience", "consent", "role", "sector", "stage", "sensitive")
ATTRS = ("audience", "consent", "role", "sector", "stage", "sensitive")


def columns_for(table: Table, mapping: dict, map_label: str) -> dict[str, str]:
    """field -> actual header, or a one-line error listing the columns found."""
    found = ", ".join(table.header)
    actual = {h.strip().lower(): h for h in table.header}
    if not mapping:
        if not table.has("participant", "text", "themes"):
            raise fail(table.label, 1, f"columns found: {found}; storymaker needs participant, text and themes (or Taguette's "
                       "id, document, tag, content): pass --map map.yaml with 'columns: {participant: <column>, text: <column>, themes: <column>}'")
        return {f: actual[f] for f in FIELDS if f in actual}
    unknown = [k for k in mapping if k not in FIELDS]
    if unknown:
        raise fail(map_label, key_line(mapping, unknown[0]), f"'columns:' has unknown field(s) {', '.join(map(str, unknown))}; use {', '.join(FIELDS)}")
    out = {name: actual[str(column).strip().lower()] for name, column in mapping.items()
           if str(column).strip().lower() in actual}
    missing = [f"{name}: {column}" for name, column in mapping.items() if name not in out]
    needed = [f for f in ("text", "themes") if f not in mapping]
    needed += [] if {"participant", "document"} & set(mapping) else ["participant"]
    if missing or needed:
        what = [f"the map's column(s) {', '.join(missing)} are not in the file"] if missing else []
        what += [f"the map gives no column for {', '.join(needed)}"] if needed else []
        raise fail(table.label, 1, f"{'; '.join(what)}; columns found: {found}; fix 'columns:' in {map_label}")
    return out


def read_mapped(table: Table, cols: dict[str, str], separator: str, participants: Participants,
                report: ImportReport) -> list[CodedSegment]:
    merged: dict[tuple[str, str], CodedSegment] = {}
    for n, row in table.rows:
        cell = {f: row.get(cols[f], "").strip() for f in cols}
        formula = table.formulas.get((n, cols["text"]), "")
        if formula and cell["text"] in ("", "0"):  # a quote starting with "=" that Excel took for a formula
            cell["text"] = formula
            report.note(f"{table.unit} {n}: the text cell is a formula with no text value (a quote starting with '='?); "
                        "its formula was imported as the words: check them")
        seg = _row_segment(n, cell, separator, participants, table.unit, report)
        if seg is None:
            continue
        key = (seg.participant, " ".join(seg.text.split()))
        first = merged.get(key)
        merged[key] = seg if first is None else replace(
            first, codes=first.codes + seg.codes, attrs={**seg.attrs, **first.attrs})
    report.counts["sources"] = 1
    return list(merged.values())


def _row_segment(n: int, cell: dict[str, str], separator: str, participants: Participants, unit: str,
                 report: ImportReport) -> CodedSegment | None:
    where = f"{unit} {n}"
    participant = participants.resolve(cell.get("document", ""), ids=(cell.get("participant", ""),))
    if not participant:
        shown = mask(cell.get("participant") or cell.get("document") or "") or "an empty cell"
        report.skip(where, f"no participant id in {shown}: give each name an id in a participants file "
                    "('name as typed in the sheet: P03') and pass it with --participants people.yaml")
        return None
    codes = tuple((nfc(c),) for c in cell["themes"].split(separator) if c.strip())
    if not codes or not cell["text"]:
        report.skip(where, "it has no codes" if cell["text"] else "its text cell is empty")
        return None
    report.counts["segments"] += 1
    attrs = {f: cell[f] for f in ATTRS if cell.get(f)}
    key = hashlib.sha1(f"{participant}\n{' '.join(cell['text'].split())}".encode("utf-8")).hexdigest()[:8]
    return CodedSegment(participant, cell["text"], codes, key=key, where=where, attrs=attrs, id=cell.get("id", ""))
