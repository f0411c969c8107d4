"""Code names to project theme tags, and the code map's ``codes:`` section.

Code names are taken literally: a code path (("Staff care", "Manager") from the XML nesting,
or a Taguette tag split at its dots) becomes ``staff_care.manager``; inside one name every run
of anything but letters and digits, dots included, becomes ``_`` ("1. Oltás" -> ``1_oltas``).
A code map ``codes: {researcher code: project theme}`` wins over this. Its keys are matched
literally first (Unicode-normalised, case and spacing ignored) against the code's own name and
its path written with ``>`` or ``/``, then as a tag; ``~`` drops a code. Entries that match
nothing are reported (:meth:`CodeMap.unused`, given the keys :meth:`CodeMap.theme` matched).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .positions import key_line
from .safety import fail

_RUN = re.compile(r"[^\w]+|_+")
DROP = "\x00drop"


def nfc(text: object) -> str:
    """NFC-normalised, whitespace-collapsed text (ATLAS.ti writes decomposed names)."""
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


def slug(name: str) -> str:
    """One code name as a tag part: ``"Staff care" -> "staff_care"``, ``"pl. mRNS" -> "pl_mrns"``."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _RUN.sub("_", text).strip("_")


def tag_of(path: tuple[str, ...]) -> str:
    """``("Staff care", "Manager") -> "staff_care.manager"``."""
    return ".".join(p for p in (slug(part) for part in path) if p)


def _literal(text: str) -> str:
    return nfc(text).casefold()


def _forms(path: tuple[str, ...]) -> list[str]:
    """The ways a map key may name this code, most specific first."""
    joined = [_literal(sep.join(path)) for sep in (" > ", "/", ">", " / ")]
    return list(dict.fromkeys(joined + [_literal(path[-1]) if path else "", tag_of(path),
                                        slug(path[-1]) if path else ""]))


@dataclass(frozen=True)
class CodeMap:
    """Researcher codes to project themes; empty when no map is given."""

    entries: dict[str, str] = field(default_factory=dict)  # literal key or tag -> theme
    keys: dict[str, str] = field(default_factory=dict)  # normalised key -> key as written

    def theme(self, path: tuple[str, ...]) -> tuple[str, str]:
        """(theme tag or DROP, the map key that said so or '') for one code path."""
        for form in _forms(path):
            if form and form in self.entries:
                return self.entries[form], form
        return tag_of(path), ""

    def unused(self, matched: set[str]) -> list[str]:
        """Map keys, as written, that matched no code in the file."""
        return [written for key, written in self.keys.items() if key not in matched]


def code_map(data: dict, label: str) -> CodeMap:
    codes = data.get("codes") or {}
    if not isinstance(codes, dict):
        raise fail(label, key_line(data, "codes"), "'codes:' must map researcher code names to theme tags, e.g. 'Staff care > Manager: caring_about_staff'")
    entries: dict[str, str] = {}
    keys: dict[str, str] = {}
    for key, value in codes.items():
        if value is not None and not str(value).strip():
            raise fail(label, key_line(codes, key), f"code {str(key)!r} maps to an empty theme; give a codebook tag, or ~ to drop the code")
        norm = _literal(key)
        entries[norm] = DROP if value is None else str(value).strip()
        keys[norm] = str(key)
    return CodeMap(entries, keys)
