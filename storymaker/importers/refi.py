"""REFI-QDA projects (``.qdpx``: a zip with ``project.qde`` and ``sources/``) to segments.

Read, per the REFI-QDA Project schema (namespace ``urn:QDA-XML:project:1.0``):
``CodeBook/Codes/Code`` (nested codes give code paths), ``Variables/Variable``,
``Cases/Case`` (name, ``VariableValue``, ``SourceRef``), and each ``TextSource``
(also a PDF's text ``Representation``) with inline ``PlainTextContent`` or
``plainTextPath="internal://file"`` and its ``PlainTextSelection``/``Coding``/``CodeRef``.
Selections over the same span are merged; uncoded ones are skipped and reported.
See :mod:`.offsets` for how offsets are reconciled with the text.
"""
from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from .attributes import field_name
from .excerpts import Segment
from .offsets import best_reading, cut
from .participants import Participants
from .report import ImportReport, mask
from .safety import SafeZip, fail, line_of, local, parse_xml

VALUE_TAGS = {"TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"}


@dataclass
class Context:
    label: str  # e.g. "study.qdpx[project.qde]"
    archive: SafeZip | None
    participants: Participants
    report: ImportReport
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    variables: dict[str, str] = field(default_factory=dict)
    cases: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # source guid -> case names
    attrs: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))  # source guid -> fields


def read_qdpx(data: bytes, label: str, participants: Participants, report: ImportReport) -> list[Segment]:
    archive = SafeZip(data, label)
    qde = sorted((n for n in archive.names() if n.lower().endswith(".qde")), key=lambda n: (n.count("/"), n))
    if not qde:
        raise fail(label, 0, "this zip has no project.qde, so it is not a REFI-QDA project; export a .qdpx from your QDA tool")
    name = "project.qde" if "project.qde" in qde else qde[0]  # some tools wrap it in a folder
    root = parse_xml(archive.read(name), f"{label}[{name}]")
    return read_project(root, Context(f"{label}[{name}]", archive, participants, report))


def read_project(root: Element, ctx: Context) -> list[Segment]:
    if local(root.tag) != "Project" or not root.tag.startswith("{urn:QDA-XML:project"):
        raise fail(ctx.label, line_of(root), f"the root element is {local(root.tag)!r}, not a REFI-QDA Project "
                   "(namespace urn:QDA-XML:project:1.0); export the project again")
    for child in root:
        kind = local(child.tag)
        if kind == "CodeBook":
            for codes in child:
                _codes(codes, (), ctx)
        elif kind == "Variables":
            ctx.variables = {v.get("guid", ""): v.get("name", "") for v in child if local(v.tag) == "Variable"}
    for child in root:
        if local(child.tag) == "Cases":
            for case in child:
                _case(case, ctx)
    sources = [s for c in root if local(c.tag) == "Sources" for s in c]
    segments: list[Segment] = []
    for source in sources:
        segments += _source(source, ctx)
    return segments


def _codes(parent: Element, path: tuple[str, ...], ctx: Context) -> None:
    for code in parent:
        if local(code.tag) == "Code":
            here = path + (code.get("name", "").strip() or "unnamed",)
            ctx.codes[code.get("guid", "")] = here
            _codes(code, here, ctx)


def _values(element: Element, ctx: Context) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in element:
        if local(value.tag) != "VariableValue":
            continue
        ref = next((c.get("targetGUID", "") for c in value if local(c.tag) == "VariableRef"), "")
        text = next((c.text or "" for c in value if local(c.tag) in VALUE_TAGS), "")
        name = field_name(ctx.variables.get(ref, ""))
        if name:
            out[name] = text.strip()
    return out


def _case(case: Element, ctx: Context) -> None:
    values = _values(case, ctx)
    for ref in case:
        if local(ref.tag) == "SourceRef":
            guid = ref.get("targetGUID", "")
            if case.get("name"):
                ctx.cases[guid].append(case.get("name", ""))
            ctx.attrs[guid].update(values)


def _source(source: Element, ctx: Context) -> list[Segment]:
    kind = local(source.tag)
    texts = [source] if kind == "TextSource" else [r for r in source if local(r.tag) == "Representation"]
    if not texts:
        ctx.report.skip(f"source {mask(source.get('name', ''))}", f"{kind} is not text; only text sources are imported")
        return []
    out: list[Segment] = []
    for text_source in texts:
        out += _text_source(text_source, source, ctx)
    return out


class _Skip(Exception):
    """A source or selection that cannot be imported; the message says why."""


def _text_source(element: Element, owner: Element, ctx: Context) -> list[Segment]:
    name, guid = owner.get("name", ""), owner.get("guid", "")
    where = f"source {mask(name)}"
    ctx.report.counts["sources"] += 1
    attrs = {**ctx.attrs.get(guid, {}), **_values(owner, ctx)}
    participant = ctx.participants.resolve(name, ids=(attrs.pop("participant", ""), *ctx.cases.get(guid, [])))
    if not participant:
        ctx.report.skip(where, "no participant id: name its case like P03, or map it with --participants map.yaml")
        return []
    try:
        text, had_bom = _text(element, ctx)
    except _Skip as why:
        ctx.report.skip(where, str(why))
        return []
    spans = _spans(element, where, ctx)
    reading = best_reading(text, had_bom, [(s, e) for s, e, _ in spans])
    if reading.label:
        ctx.report.note(f"{where}: {reading.label}")
    return [seg for seg in (_segment(group, reading, participant, attrs, where, ctx) for group in _merge(spans)) if seg]


def _text(element: Element, ctx: Context) -> tuple[str, bool]:
    inline = next((c for c in element if local(c.tag) == "PlainTextContent"), None)
    if inline is not None:
        return inline.text or "", False
    path = element.get("plainTextPath", "")
    if not path.lower().startswith("internal://"):
        raise _Skip("its text is outside the archive (not internal://); export the project with sources included")
    wanted = posixpath.basename(path[len("internal://"):].replace("\\", "/")).lower()
    names = [n for n in (ctx.archive.names() if ctx.archive else []) if posixpath.basename(n).lower() == wanted]
    if not names:
        raise _Skip("its text file is missing from the archive's sources/ folder")
    return _decode(ctx.archive.read(names[0]), f"{ctx.archive.label}[{names[0]}]")


def _decode(data: bytes, label: str) -> tuple[str, bool]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), True
    try:
        return data.decode("utf-8-sig"), data.startswith(b"\xef\xbb\xbf")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(label, line, f"byte {exc.start} is not UTF-8; export the project again with UTF-8 text") from None


def _spans(element: Element, where: str, ctx: Context) -> list[tuple[int, int, Element]]:
    out = []
    for sel in element:
        if local(sel.tag) != "PlainTextSelection":
            continue
        try:
            out.append((int(sel.get("startPosition", "")), int(sel.get("endPosition", "")), sel))
        except ValueError:
            ctx.report.skip(f"{where} selection {_short(sel)}", "its startPosition/endPosition are not whole numbers")
    return out


def _merge(spans: list[tuple[int, int, Element]]) -> list[list[tuple[int, int, Element]]]:
    groups: dict[tuple[int, int], list] = {}
    for span in spans:
        groups.setdefault(span[:2], []).append(span)
    return list(groups.values())


def _segment(group: list, reading, participant: str, attrs: dict, where: str, ctx: Context) -> Segment | None:
    start, end, first = group[0]
    here = f"{where} selection {_short(first)}"
    refs = [r.get("targetGUID", "") for _, _, sel in group for c in sel if local(c.tag) == "Coding"
            for r in c if local(r.tag) == "CodeRef"]
    codes = tuple(dict.fromkeys(ctx.codes[r] for r in refs if r in ctx.codes))
    if len(codes) < len(set(refs)):
        ctx.report.skip(here, f"{len(set(refs)) - len(codes)} coding(s) refer to codes missing from the codebook")
    if not codes:
        ctx.report.skip(here, "it has no coding (a description or note alone is not a code)")
        return None
    words = cut(reading, start, end)
    if words is None:
        ctx.report.skip(here, f"its positions {start}-{end} fall outside the text ({len(reading.text)} characters)")
        return None
    ctx.report.counts["segments"] += 1
    return Segment(participant, words, codes, key=_short(first).lower(), where=here, attrs=attrs)


def _short(selection: Element) -> str:
    guid = selection.get("guid", "").strip("{}").replace("-", "")
    return guid[:8] or f"at{selection.get('startPosition', '')}"
