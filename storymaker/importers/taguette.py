"""Taguette highlight exports (CSV or XLSX: ``id, document, tag, content``) to segments.

Taguette writes one row per highlight and tag; rows sharing an ``id`` become one excerpt
with several themes (tags are dotted paths already). The document name gives the
participant (``--participants`` map, else a ``P03``-like token); documents without one
are skipped and reported once each, with the name masked.
"""
from __future__ import annotations

from collections import Counter

from .excerpts import Segment
from .participants import Participants
from .report import ImportReport, mask
from .tables import Table

COLUMNS = ("id", "document", "tag", "content")


def is_taguette(table: Table) -> bool:
    return table.has(*COLUMNS)


def read_taguette(table: Table, participants: Participants, report: ImportReport) -> list[Segment]:
    col = {h.strip().lower(): h for h in table.header}
    highlights: dict[str, dict] = {}
    for n, row in table.rows:
        ident = row[col["id"]].strip() or f"{table.unit}{n}"
        item = highlights.setdefault(ident, {"document": row[col["document"]], "content": row[col["content"]], "tags": [], "at": n})
        tag = row[col["tag"]].strip()
        if tag and tag not in item["tags"]:
            item["tags"].append(tag)
    report.counts["sources"] = len({h["document"] for h in highlights.values()})
    return _segments(highlights, table, participants, report)


def _segments(highlights: dict[str, dict], table: Table, participants: Participants, report: ImportReport) -> list[Segment]:
    out: list[Segment] = []
    unknown: Counter = Counter()
    for ident, item in highlights.items():
        participant = participants.resolve(item["document"])
        where = f"highlight {ident} ({table.unit} {item['at']})"
        if not participant:
            unknown[item["document"]] += 1
        elif not item["tags"]:
            report.skip(where, "it has no tag")
        else:
            report.counts["segments"] += 1
            codes = tuple(tuple(t.split(".")) for t in item["tags"])
            out.append(Segment(participant, item["content"], codes, key=f"h{ident}", where=where))
    for document, n in unknown.items():
        report.skip(f"document {mask(document)} ({n} highlight{'s' if n != 1 else ''})",
                    "no participant id in its name: map it with --participants map.yaml ('document name: P03')")
    return out
