"""Codebooks into ``stories/codebook.yaml``: REFI-QDA ``.qdc`` (root ``CodeBook``) and
Taguette's codebook export (CSV or XLSX: ``tag, parent, description, number of highlights``).

Codable codes become themes (nested codes give dotted tags, names taken literally, or what
the code map says), described by the code's ``Description`` or else its name. A ``.qdc`` cut
off part-way (a truncated download) gives the codes that are complete, and says so.
"""
from __future__ import annotations

import re
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from ..errors import ImportFileError
from .report import ImportReport
from .safety import fail, line_of, local, parse_xml
from .tables import Table
from .tags import DROP, CodeMap, nfc

TAGUETTE = ("tag", "parent", "description")


def is_taguette_codebook(table: Table) -> bool:
    return table.has(*TAGUETTE) and not table.has("content")


def qdc_themes(data: bytes, label: str, codes: CodeMap, report: ImportReport) -> dict[str, str]:
    try:
        root = parse_xml(data, label)
    except ImportFileError as exc:
        root = _recover(data, exc, report)
    if local(root.tag) != "CodeBook":
        raise fail(label, line_of(root), f"the root element is {local(root.tag)!r}, not a REFI-QDA CodeBook; export the codebook again")
    themes: dict[str, str] = {}
    for child in root:
        if local(child.tag) == "Codes":
            _walk(child, (), codes, themes, report)
    report.counts["codes"] = len(themes)
    return themes


def table_themes(table: Table, codes: CodeMap, report: ImportReport) -> dict[str, str]:
    col = {h.strip().lower(): h for h in table.header}
    themes: dict[str, str] = {}
    for _, row in table.rows:
        name = nfc(row[col["tag"]])
        if name:
            _add(tuple(p for p in name.split(".") if p), nfc(row[col["description"]]), codes, themes, report)
    report.counts["codes"] = len(themes)
    return themes


def _walk(parent: Element, path: tuple[str, ...], codes: CodeMap, themes: dict[str, str], report: ImportReport) -> None:
    for code in parent:
        if local(code.tag) != "Code":
            continue
        here = path + (nfc(code.get("name") or "") or "unnamed",)
        if code.get("isCodable", "true").lower() != "false":
            description = next((nfc(d.text or "") for d in code if local(d.tag) == "Description"), "")
            _add(here, description, codes, themes, report)
        _walk(code, here, codes, themes, report)


def _add(path: tuple[str, ...], description: str, codes: CodeMap, themes: dict[str, str], report: ImportReport) -> None:
    theme, key = codes.theme(path)
    report.matched.add(key)
    if theme == DROP:
        report.note(f"code {' > '.join(path)!r} dropped by the code map")
    elif theme and theme not in themes:
        themes[theme] = description or path[-1]


def _recover(data: bytes, exc: ImportFileError, report: ImportReport) -> Element:
    """Close the elements still open where a truncated codebook ends, and parse that."""
    problem = exc.problems[0]
    if re.search(rb"<!(DOCTYPE|ENTITY)", data) or b"</Codes>" in data:
        raise exc
    stack: list[str] = []
    pull, good = XMLPullParser(events=("start", "end")), 0
    for line in data.splitlines(keepends=True):
        try:
            pull.feed(line)
            for event, element in pull.read_events():
                stack.append(element.tag) if event == "start" else stack.pop()
        except ParseError:
            break
        good += len(line)
    closing = "".join(f"</{tag.rsplit('}', 1)[-1]}>" for tag in reversed(stack)).encode()
    try:
        body = data[:good][: data[:good].rfind(b">") + 1]
        root = parse_xml(body + closing, problem.path)
    except ImportFileError:
        raise exc from None
    report.note(f"{problem.path}:{problem.line}: the codebook ends early (truncated); imported the codes before that point: "
                "export or download it again to get the rest")
    return root
