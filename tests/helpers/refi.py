"""Builders for the import tests: REFI-QDA ``.qdpx``/``.qdc`` files made in memory from the
REFI-QDA schema (Project-mrt2019.xsd / Codebook.xsd), and tiny project folders."""
from __future__ import annotations

import csv
import io
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"


def guid(seed: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, seed)).upper()


@dataclass
class Code:
    name: str
    children: list["Code"] = field(default_factory=list)
    description: str = ""
    codable: bool = True
    seed: str = ""

    @property
    def guid(self) -> str:
        return guid("code:" + (self.seed or self.name))


@dataclass
class Sel:
    start: int
    end: int
    codes: list[Code]
    description: str = ""
    seed: str = ""

    @property
    def guid(self) -> str:
        return guid(f"sel:{self.seed}:{self.start}:{self.end}")


@dataclass
class Source:
    name: str
    text: str
    selections: list[Sel]
    inline: bool = False
    bom: bool = False
    variables: dict[str, str] = field(default_factory=dict)

    @property
    def guid(self) -> str:
        return guid("src:" + self.name)


@dataclass
class Case:
    name: str | None
    sources: list[Source]
    variables: dict[str, str] = field(default_factory=dict)


def _code(parent: Element, code: Code) -> None:
    attrs = {"guid": code.guid, "name": code.name, "isCodable": "true" if code.codable else "false"}
    el = SubElement(parent, "Code", attrs)
    if code.description:
        SubElement(el, "Description").text = code.description
    for child in code.children:
        _code(el, child)


def _values(parent: Element, values: dict[str, str]) -> None:
    for name, value in values.items():
        vv = SubElement(parent, "VariableValue")
        SubElement(vv, "VariableRef", targetGUID=guid("var:" + name))
        SubElement(vv, "TextValue").text = value


def project_xml(codes: list[Code], sources: list[Source], cases: list[Case] = ()) -> bytes:
    root = Element("Project", {"xmlns": PROJECT_NS, "name": "Test", "origin": "storymaker tests"})
    codebook = SubElement(SubElement(root, "CodeBook"), "Codes")
    for code in codes:
        _code(codebook, code)
    names = sorted({n for c in cases for n in c.variables} | {n for s in sources for n in s.variables})
    if names:
        variables = SubElement(root, "Variables")
        for name in names:
            SubElement(variables, "Variable", guid=guid("var:" + name), name=name, typeOfVariable="Text")
    if cases:
        holder = SubElement(root, "Cases")
        for case in cases:
            el = SubElement(holder, "Case", {"guid": guid(f"case:{case.name}:{id(case)}"), **({"name": case.name} if case.name else {})})
            _values(el, case.variables)
            for source in case.sources:
                SubElement(el, "SourceRef", targetGUID=source.guid)
    holder = SubElement(root, "Sources")
    for source in sources:
        _source(holder, source)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode").encode("utf-8")


def _source(holder: Element, source: Source) -> None:
    attrs = {"guid": source.guid, "name": source.name}
    if not source.inline:
        attrs["plainTextPath"] = f"internal://{source.guid}.txt"
    el = SubElement(holder, "TextSource", attrs)
    if source.inline:
        SubElement(el, "PlainTextContent").text = source.text
    for sel in source.selections:
        s = SubElement(el, "PlainTextSelection", guid=sel.guid, name=f"{sel.start},{sel.end}",
                       startPosition=str(sel.start), endPosition=str(sel.end))
        if sel.description:
            SubElement(s, "Description").text = sel.description
        for code in sel.codes:
            SubElement(SubElement(s, "Coding", guid=guid(f"coding:{sel.guid}:{code.name}")), "CodeRef", targetGUID=code.guid)
    _values(el, source.variables)


def qdpx(codes: list[Code], sources: list[Source], cases: list[Case] = (), extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", project_xml(codes, sources, cases))
        for source in sources:
            if not source.inline:
                body = source.text.encode("utf-8")
                zf.writestr(f"sources/{source.guid}.txt", (b"\xef\xbb\xbf" if source.bom else b"") + body)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buffer.getvalue()


def qdc(codes: list[Code]) -> bytes:
    root = Element("CodeBook", {"xmlns": CODEBOOK_NS, "origin": "storymaker tests"})
    holder = SubElement(root, "Codes")
    for code in codes:
        _code(holder, code)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode").encode("utf-8")


def make_project(root: Path, themes: dict[str, str] | None = None) -> Path:
    (root / "stories" / "excerpts").mkdir(parents=True, exist_ok=True)
    if themes is not None:
        lines = ["themes:"] + [f"  {t}: {d}" for t, d in themes.items()]
        (root / "stories" / "codebook.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)
