"""REFI-QDA codebooks (``.qdc``, root ``CodeBook`` in ``urn:QDA-XML:codebook:1.0``) into
``stories/codebook.yaml`` (``themes: {tag: description}``).

Codable codes become themes (nested codes give dotted tags, or what the code map says);
the description is the code's ``Description`` or else its name. Themes already in the
codebook keep their description; other top-level keys of the file are kept (comments are not).
"""
from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

import yaml

from .report import ImportReport
from .safety import fail, line_of, local
from .tags import DROP, CodeMap


def codebook_themes(root: Element, label: str, codes: CodeMap, report: ImportReport) -> dict[str, str]:
    if local(root.tag) != "CodeBook":
        raise fail(label, line_of(root), f"the root element is {local(root.tag)!r}, not a REFI-QDA CodeBook; export the codebook again")
    themes: dict[str, str] = {}
    for child in root:
        if local(child.tag) == "Codes":
            _walk(child, (), codes, themes, report)
    report.counts["codes"] = len(themes)
    return themes


def _walk(parent: Element, path: tuple[str, ...], codes: CodeMap, themes: dict[str, str], report: ImportReport) -> None:
    for code in parent:
        if local(code.tag) != "Code":
            continue
        name = " ".join((code.get("name") or "").split()) or "unnamed"
        here = path + (name,)
        if code.get("isCodable", "true").lower() != "false":
            theme, _ = codes.theme(here)
            description = next((" ".join((d.text or "").split()) for d in code if local(d.tag) == "Description"), "")
            if theme == DROP:
                report.note(f"code {' > '.join(here)!r} dropped by the code map")
            elif theme not in themes:
                themes[theme] = description or name
        _walk(code, here, codes, themes, report)


def merge_codebook(path: Path, themes: dict[str, str], report: ImportReport) -> None:
    """Add new themes to ``stories/codebook.yaml``, keeping every existing description."""
    data = _existing(path)
    current = data.setdefault("themes", {}) or {}
    data["themes"] = current
    added = [tag for tag in themes if tag not in current]
    for tag in added:
        current[tag] = themes[tag]
    kept = [t for t in themes if t not in added and str(current[t]) != themes[t]]
    if kept:
        report.note(f"{len(kept)} theme(s) already in the codebook kept their existing description")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")
    report.counts["themes"] = len(added)


def _existing(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError):
        raise fail(str(path), 0, "the existing codebook is not valid YAML; fix it before importing more themes") from None
    if not isinstance(data, dict) or not isinstance(data.get("themes", {}) or {}, dict):
        raise fail(str(path), 0, "the existing codebook must be 'themes: {tag: description}'; fix it before importing")
    return data
