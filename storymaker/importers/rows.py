"""Coded segments (from any reader) to rows of the project's excerpt CSV.

Every reader yields :class:`CodedSegment` values; this module applies the code map, builds
deterministic de-duplicated ids, normalises whitespace (line breaks inside a quote become
single spaces; words are kept verbatim) and leaves audience/consent empty when unknown.
Each row also carries ``given`` (not written): the fields the source itself set, so a
re-import knows which of a person's edits to keep.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .attributes import clean
from .report import ImportReport
from .tags import DROP, CodeMap
from .values import ValueMaps

HEADER = ("id", "participant", "text", "themes", "audience", "consent", "role", "sector", "stage", "sensitive")
_BAD_ID = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class CodedSegment:
    """One coded stretch of one participant's words, before the code map."""

    participant: str
    text: str
    codes: tuple[tuple[str, ...], ...]  # code paths, e.g. (("Staff care", "Manager"),)
    key: str  # stable id basis within the participant: selection GUID, highlight id, text hash
    where: str  # position for report lines, e.g. "selection 3F2A01BC"
    attrs: dict[str, str] = field(default_factory=dict)
    id: str = ""  # an explicit excerpt id from the source, if it has one


def to_rows(segments: list[CodedSegment], codes: CodeMap, values: ValueMaps, report: ImportReport) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    seen: Counter = Counter()
    used: Counter = Counter()
    for seg in segments:
        themes = _themes(seg, codes, report, used)
        text = " ".join(seg.text.split())
        if not text:
            report.skip(seg.where, "the selected text is empty")
        elif not themes:
            report.skip(seg.where, "every code on it was dropped by the code map")
        else:
            rows.append(_row(seg, text, themes, seen, report, values))
    report.counts["codes"] = len(used)
    report.counts["participants"] = len({r["participant"] for r in rows})
    report.counts["excerpts"] = len(rows)
    return rows


def _themes(seg: CodedSegment, codes: CodeMap, report: ImportReport, used: Counter) -> list[str]:
    themes: list[str] = []
    for path in seg.codes:
        used[path] += 1
        theme, key = codes.theme(path)
        report.matched.add(key)
        if theme == DROP or not theme:
            report.note(f"code {' > '.join(path)!r} dropped by the code map")
            continue
        report.theme_codes.setdefault(theme, path)
        if theme not in themes:
            themes.append(theme)
    return themes


def _row(seg: CodedSegment, text: str, themes: list[str], seen: Counter, report: ImportReport,
         values: ValueMaps) -> dict[str, str]:
    base = _BAD_ID.sub("-", seg.id or f"{seg.participant}-{seg.key}").strip("-")
    seen[base] += 1
    ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
    attrs = clean(seg.attrs, f"participant {seg.participant}", report, values)
    row = {name: "" for name in HEADER}
    row.update({k: v for k, v in attrs.items() if k in HEADER})
    row.update(id=ident, participant=seg.participant, text=text, themes=";".join(themes), given=attrs["given"])
    return row
