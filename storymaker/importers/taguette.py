"""Taguette highlight exports (CSV or XLSX: ``id, document, tag, content``) to segments.

Taguette writes one row per highlight and tag; rows sharing an ``id`` become one excerpt
with several themes (Taguette tags are paths with dots). The document name gives the
participant (``--participants`` map, else a ``P03``-like token); documents without one
are skipped and reported once each, with the name masked. Taguette's XLSX writer stores a
highlight starting with "=" as a formula cached as 0: its words are read from the formula.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .rows import CodedSegment
from .participants import Participants
from .report import ImportReport, mask
from .tables import Table
from .tags import nfc

COLUMNS = ("id", "document", "tag", "content")


@dataclass(frozen=True)
class Highlight:
    id: str
    document: str
    content: str
    tags: tuple[str, ...]
    where: str


def is_taguette(table: Table) -> bool:
    return table.has(*COLUMNS)


def read_taguette(table: Table, participants: Participants, report: ImportReport) -> list[CodedSegment]:
    col = {h.strip().lower(): h for h in table.header}
    first: dict[str, tuple[str, str, str]] = {}  # highlight id -> (document, words, where)
    tags: dict[str, list[str]] = {}
    for n, row in table.rows:
        ident = row[col["id"]].strip() or f"{table.unit}{n}"
        content = table.formulas.get((n, col["content"]), row[col["content"]])
        if (n, col["content"]) in table.formulas:
            report.note(f"highlight {ident} ({table.unit} {n}) starts with '=', which the XLSX stores as a formula; "
                        "its words were read from the formula, not the cached value 0")
        first.setdefault(ident, (nfc(row[col["document"]]), content, f"highlight {ident} ({table.unit} {n})"))
        tag = nfc(row[col["tag"]])
        tags.setdefault(ident, [])
        if tag and tag not in tags[ident]:
            tags[ident].append(tag)
    items = [Highlight(i, doc, words, tuple(tags[i]), where) for i, (doc, words, where) in first.items()]
    report.counts["sources"] = len({h.document for h in items})
    return highlight_segments(items, participants, report)


def highlight_segments(items: list[Highlight], participants: Participants, report: ImportReport) -> list[CodedSegment]:
    out: list[CodedSegment] = []
    unknown: Counter = Counter()
    for item in items:
        participant = participants.resolve(item.document)
        if not participant:
            unknown[item.document] += 1
        elif not item.tags:
            report.skip(item.where, "it has no tag")
        else:
            report.counts["segments"] += 1
            codes = tuple(tuple(p for p in t.split(".") if p) for t in item.tags)
            out.append(CodedSegment(participant, item.content, codes, key=f"h{item.id}", where=item.where))
    for document, n in unknown.items():
        report.skip(f"document {mask(document)} ({n} highlight{'s' if n != 1 else ''})",
                    "no participant id in its name: map it with --participants map.yaml ('document name: P03')")
    return out
