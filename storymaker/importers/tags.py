"""Code names to project theme tags, and the code map (``codes.yaml``).

A code path ("Staff care" > "Manager") becomes a dotted tag ``staff_care.manager``:
each part lower-cased, runs of anything but letters, digits and dots become ``_``.
A code map ``codes: {researcher code name or path: project theme tag}`` wins over this;
its keys may be a path written with ``>`` or ``/``, a dotted tag, or a leaf code name.
A key mapped to nothing (``~``) drops that code, and the report says so.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .safety import fail

_RUN = re.compile(r"[^\w.]+|_+")
_SEP = re.compile(r"\s*(?:>|/)\s*")
DROP = "\x00drop"


def slug(name: str) -> str:
    """One code name as a tag part: ``"Staff care" -> "staff_care"``."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    text = _RUN.sub("_", text).strip("_.")
    return re.sub(r"_*\._*", ".", re.sub(r"\.{2,}", ".", text))


def tag_of(path: tuple[str, ...]) -> str:
    """``("Staff care", "Manager") -> "staff_care.manager"``."""
    return ".".join(p for p in (slug(part) for part in path) if p)


def key_of(text: str) -> str:
    """Normalise a code map key (``"Staff care > Manager"``) to the tag it names."""
    return tag_of(tuple(_SEP.split(str(text).strip())))


@dataclass(frozen=True)
class CodeMap:
    """Researcher codes to project themes; empty when no map is given."""

    entries: dict[str, str] = field(default_factory=dict)

    def theme(self, path: tuple[str, ...]) -> tuple[str, bool]:
        """(theme tag or DROP, whether the map said so) for one code path."""
        tag = tag_of(path)
        for key in (tag, slug(path[-1]) if path else ""):
            if key and key in self.entries:
                return self.entries[key], True
        return tag, False


def load_map_file(path: Path | None) -> dict:
    """The whole ``--map`` YAML (``codes:``, ``columns:``, ``separator:``) as a dict."""
    if path is None:
        return {}
    label = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(label, 0, f"cannot read the map file ({exc.strerror}); check the --map path") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise fail(label, line, "the map file is not valid UTF-8 YAML; fix it (see 'codes:' and 'columns:' in the docs)") from None
    if data is None:
        return {}
    if not isinstance(data, dict) or not set(data) <= {"codes", "columns", "separator"}:
        raise fail(label, 0, "a map file holds 'codes: {code: theme}', 'columns: {field: column}' and optional 'separator:'")
    return data


def code_map(data: dict, label: str) -> CodeMap:
    codes = data.get("codes") or {}
    if not isinstance(codes, dict):
        raise fail(label, 0, "'codes:' must map researcher code names to theme tags, e.g. 'Staff care > Manager: caring_about_staff'")
    entries: dict[str, str] = {}
    for key, value in codes.items():
        if value is not None and not str(value).strip():
            raise fail(label, 0, f"code {key!r} maps to an empty theme; give a codebook tag, or ~ to drop the code")
        entries[key_of(key)] = DROP if value is None else str(value).strip()
    return CodeMap(entries)
