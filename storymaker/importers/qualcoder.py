"""QualCoder's coding report (Reports > Coding reports, exported as CSV or XLSX).

Columns, as QualCoder's ``report_codes.py`` writes them: ``File`` (or ``Case`` then
``Filename``), ``Coder``, ``Coded``, ``Id``, ``Codename``, ``Coded_Memo``, one ``Category``
per level (nearest first), then ``FileVar_*`` and ``CaseVar_*``. One row per coding; rows of
the same participant and words become one excerpt. Image and audio/video codings (``Id``
``imid:``/``avid:``, ``Coded`` "image"/"a/v") hold no words and are reported, not imported.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace

from .attributes import field_name
from .rows import CodedSegment
from .participants import Participants
from .report import ImportReport, mask
from .tables import Table
from .tags import nfc

KINDS = {"imid": "an image coding", "avid": "an audio/video coding (times only)"}


def is_qualcoder_report(table: Table) -> bool:
    return table.has("coded", "id", "codename", "coder") and (table.has("file") or table.has("case"))


def read_qualcoder(table: Table, participants: Participants, report: ImportReport) -> list[CodedSegment]:
    col = {h.lower(): h for h in table.header}
    merged: dict[tuple[str, str], CodedSegment] = {}
    wordless, nobody = Counter(), Counter()
    for n, row in table.rows:
        kind = row[col["id"]].split(":", 1)[0].strip().lower()
        if kind in KINDS:
            wordless[kind] += 1
            continue
        seg = _segment(n, row, col, table, participants, nobody)
        if seg:
            key = (seg.participant, " ".join(seg.text.split()))
            first = merged.get(key)
            merged[key] = seg if first is None else replace(first, codes=first.codes + seg.codes)
    for kind, count in wordless.items():
        report.skip(f"{count} row(s) with Id {kind}:", f"{KINDS[kind]} holds no words to quote; code the text or transcript instead")
    for name, count in nobody.items():
        report.skip(f"{mask(name) or 'an empty name'} ({count} row(s))", "no participant id: map it with --participants map.yaml ('name: P03')")
    report.counts["sources"] = len({r[col.get("filename", col.get("file", ""))] for _, r in table.rows if col.get("filename", col.get("file"))})
    report.counts["segments"] = sum(len(s.codes) for s in merged.values())
    return list(merged.values())


def _segment(n: int, row: dict, col: dict, table: Table, participants: Participants, nobody: Counter) -> CodedSegment | None:
    case, document = row.get(col.get("case", ""), ""), row.get(col.get("filename", col.get("file", "")), "")
    participant = participants.resolve(document, ids=(case,) if case else ())
    if not participant:
        nobody[nfc(case or document)] += 1
        return None
    text = table.formulas.get((n, col["coded"]), row[col["coded"]])
    categories = [row[h] for h in table.header if h.split(" (")[0].lower() == "category" and row[h].strip()]
    path = tuple(nfc(p) for p in (*reversed(categories), row[col["codename"]]) if nfc(p))
    attrs = {}
    for header in table.header:
        prefix, _, name = header.partition("_")
        if prefix in ("FileVar", "CaseVar") and field_name(name) and row[header].strip():
            attrs[field_name(name)] = row[header]
    key = hashlib.sha1(f"{participant}\n{' '.join(text.split())}".encode("utf-8")).hexdigest()[:8]
    return CodedSegment(participant, text, (path,), key=key, where=f"{table.unit} {n}", attrs=attrs)
