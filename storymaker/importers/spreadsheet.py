"""Any coded spreadsheet (QualCoder coding reports, hand-made CSV/XLSX) through a column map.

``--map`` YAML: ``columns: {participant: Speaker, text: Quote, themes: Codes, ...}``
(fields: id, participant or document, text, themes, audience, consent, role, sector,
stage, sensitive) and optional ``separator:`` between codes in one cell (default ``;``).
Without ``columns:`` the file's own headers must already be the project's names.
Rows with the same participant and text (one row per coding) become one excerpt.
"""
from __future__ import annotations

from .excerpts import Segment
from .participants import Participants
from .report import ImportReport, mask
from .safety import fail
from .tables import Table
from .tags import _SEP

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
        raise fail(map_label, 0, f"'columns:' has unknown field(s) {', '.join(map(str, unknown))}; use {', '.join(FIELDS)}")
    out, missing = {}, []
    for name, column in mapping.items():
        key = str(column).strip().lower()
        (missing.append(f"{name}: {column}") if key not in actual else out.__setitem__(name, actual[key]))
    needed = [f for f in ("text", "themes") if f not in mapping] + ([] if {"participant", "document"} & set(mapping) else ["participant"])
    if missing or needed:
        what = "; ".join([f"the map's column(s) {', '.join(missing)} are not in the file" if missing else "",
                          f"the map gives no column for {', '.join(needed)}" if needed else ""]).strip("; ")
        raise fail(table.label, 1, f"{what}; columns found: {found}; fix 'columns:' in {map_label}")
    return out


def read_mapped(table: Table, cols: dict[str, str], separator: str, participants: Participants,
                report: ImportReport) -> list[Segment]:
    merged: dict[tuple[str, str], Segment] = {}
    for n, row in table.rows:
        where = f"{table.unit} {n}"
        cell = lambda f: row.get(cols[f], "").strip() if f in cols else ""  # noqa: E731
        participant = participants.resolve(cell("document"), ids=(cell("participant"),))
        if not participant:
            report.skip(where, f"no participant id in {mask(cell('participant') or cell('document')) or 'an empty cell'}: "
                        "map it with --participants map.yaml")
            continue
        codes = tuple(tuple(p for p in _SEP.split(c.strip()) if p) for c in cell("themes").split(separator) if c.strip())
        if not codes or not cell("text"):
            report.skip(where, "it has no codes" if cell("text") else "its text cell is empty")
            continue
        report.counts["segments"] += 1
        key = (participant, " ".join(cell("text").split()))
        seg = merged.get(key)
        attrs = {f: cell(f) for f in ATTRS if f in cols and cell(f)}
        merged[key] = Segment(participant, cell("text"), (seg.codes if seg else ()) + codes,
                              key=seg.key if seg else f"r{n}", where=seg.where if seg else where,
                              attrs={**attrs, **(seg.attrs if seg else {})}, id=seg.id if seg else cell("id"))
    report.counts["sources"] = 1
    return list(merged.values())
