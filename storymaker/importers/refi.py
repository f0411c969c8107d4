"""REFI-QDA projects (``.qdpx``: a zip with ``project.qde`` and ``sources/``) to segments.

Read, per the REFI-QDA Project schema (namespace ``urn:QDA-XML:project:1.0``):
``CodeBook/Codes/Code`` (nested codes give code paths; names are taken literally and
NFC-normalised, with their ``Description``), ``Variables/Variable``, ``Cases/Case`` (see
:mod:`.refi_cases`) and every source (see :mod:`.refi_sources`).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from .attributes import field_name
from .rows import CodedSegment
from .participants import Participants
from .refi_cases import CaseIndex, read_case
from .refi_sources import selection_segment, source_segments
from .report import ImportReport, mask
from .safety import SafeZip, fail, line_of, local, parse_xml
from .tags import nfc

VALUE_TAGS = {"TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"}


@dataclass
class Context:
    label: str  # e.g. "study.qdpx[project.qde]"
    archive: SafeZip | None
    participants: Participants
    report: ImportReport
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code GUID (upper case) -> path
    variables: dict[str, str] = field(default_factory=dict)
    index: CaseIndex = field(default_factory=lambda: CaseIndex([], set()))
    seen: set[str] = field(default_factory=set)  # selection GUIDs already imported
    loose: list = field(default_factory=list)  # (PDFSelection, source, text) with text but no offsets

    def source_values(self, source: Element) -> dict[str, str]:
        return values_of(source, self)


def read_qdpx(data: bytes, label: str, participants: Participants, report: ImportReport) -> list[CodedSegment]:
    archive = SafeZip(data, label)
    qde = sorted((n for n in archive.names() if n.lower().endswith(".qde")), key=lambda n: (n.count("/"), n))
    if not qde:
        raise fail(label, 0, "this zip has no project.qde, so it is not a REFI-QDA project; export a .qdpx from your QDA tool")
    name = "project.qde" if "project.qde" in qde else qde[0]  # some tools wrap it in a folder
    root = parse_xml(archive.read(name), f"{label}[{name}]")
    return read_project(root, Context(f"{label}[{name}]", archive, participants, report))


def read_project(root: Element, ctx: Context) -> list[CodedSegment]:
    if local(root.tag) != "Project" or not root.tag.startswith("{urn:QDA-XML:project"):
        raise fail(ctx.label, line_of(root), f"the root element is {local(root.tag)!r}, not a REFI-QDA Project "
                   "(namespace urn:QDA-XML:project:1.0); export the project again")
    section = lambda name: [c for s in root if local(s.tag) == name for c in s]
    for codes in section("CodeBook"):
        read_codes(codes, (), ctx.codes, ctx.report.descriptions)
    ctx.variables = {v.get("guid", "").upper(): v.get("name", "") for v in section("Variables") if local(v.tag) == "Variable"}
    sources = section("Sources")
    cases = [read_case(c, values_of(c, ctx)) for c in section("Cases") if local(c.tag) == "Case"]
    ctx.index = CaseIndex(cases, {s.get("guid", "").upper() for s in sources})
    segments: list[CodedSegment] = []
    for source in sources:
        segments += source_segments(source, ctx)
    segments += _loose_segments(ctx)
    return segments


def read_codes(parent: Element, path: tuple[str, ...], codes: dict, descriptions: dict) -> None:
    """Every ``Code`` under ``parent`` into ``codes`` (GUID -> path), descriptions beside."""
    for code in parent:
        if local(code.tag) != "Code":
            continue
        here = path + (nfc(code.get("name", "")) or "unnamed",)
        codes[code.get("guid", "").upper()] = here
        text = next((nfc(d.text or "") for d in code if local(d.tag) == "Description"), "")
        if text:
            descriptions.setdefault(here, text)
        read_codes(code, here, codes, descriptions)


def values_of(element: Element, ctx: Context) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in element:
        if local(value.tag) != "VariableValue":
            continue
        ref = next((c.get("targetGUID", "").upper() for c in value if local(c.tag) == "VariableRef"), "")
        text = next((c.text or "" for c in value if local(c.tag) in VALUE_TAGS), "")
        name = field_name(ctx.variables.get(ref, ""))
        if name:
            out[name] = nfc(text)
    return out


def _loose_segments(ctx: Context) -> list[CodedSegment]:
    out, nobody = [], Counter()
    for area, source, text in ctx.loose:
        where = f"source {mask(nfc(source.get('name', '')))}"
        seg = selection_segment([area], text, source, f"{source.get('name', '')}:{area.get('guid', '')}", where, ctx, nobody)
        out += [seg] if seg else []
    for why, n in nobody.items():
        ctx.report.skip(f"{n} PDF area(s)", why)
    return out
