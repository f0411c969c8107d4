"""The publish gate: scan everything written under an output folder for identifiers.

Every registered identifier (values, aliases and every part of a person's name, ordinary
words included) and every original the anonymiser replaced is a needle, whatever ``allow``
says. :mod:`.needles` says how one is found: case- and accent-folded, number words as digits,
with or without separators, spelt out, run together in links and handles. The only
occurrences let through are the ones a reviewer marked safe, one by one.

    hits = scan_tree(stage, anonymiser.needles(), anonymiser.permits(), anonymiser.origins())
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .extract import file_parts
from .mask import mask
from .needles import NeedleSet, Permits

UNKNOWN_ORIGIN = "an identifier"


@dataclass(frozen=True)
class GateHit:
    path: Path
    where: str  # "title attribute", "text", "metadata tag 'title'", "file name" ...
    masked: str
    why: str = "an identifier reached the output; nothing was published"

    def __str__(self) -> str:
        return f"{self.path}: {self.where} contains '{self.masked}'"


def _why(origin: str) -> str:
    return (f"{origin} is in a file about to be published, in a form the anonymiser did not replace; nothing was "
            "published: remove or reword it where it comes from (the excerpt, story field, template or asset "
            "this file is made from)")


def compile_needles(needles: Iterable[str], permits: Permits | None = None) -> NeedleSet:
    return NeedleSet(needles, permits)


def find(text: str, needles: NeedleSet) -> list[str]:
    return [found for found, _ in needles.find(text)]


def scan_tree(root: Path, needles: Iterable[str], permits: Permits | None = None,
              origins: Mapping[str, str] | None = None) -> list[GateHit]:
    """Every place under ``root`` where a needle appears (empty list: safe to publish).
    ``permits``: occurrences reviewed safe (:meth:`Anonymiser.permits`); ``origins``: needle ->
    what it is, for the message ("'M******* O***', registered under people (stories/anonymise.yaml:3),")."""
    root = Path(root)
    compiled = NeedleSet(needles, permits)
    origins = origins or {}
    hits: list[GateHit] = []
    for path in sorted(p for p in root.rglob("*")):
        rel = path.relative_to(root)
        for found, needle in compiled.find(unquote(str(rel))):
            hits.append(GateHit(path, "file or folder name", mask(found), _why(origins.get(needle, UNKNOWN_ORIGIN))))
        if path.is_file():
            hits.extend(_scan_file(path, compiled, origins))
    return hits


def _scan_file(path: Path, compiled: NeedleSet, origins: Mapping[str, str]) -> list[GateHit]:
    seen: set = set()
    out: list[GateHit] = []
    try:
        parts = list(file_parts(path))
    except Exception as exc:  # an unreadable file cannot be vouched for: fail closed
        return [GateHit(path, f"unreadable file ({type(exc).__name__})", "?",
                        "storymaker cannot read this file to check it, so nothing was published")]
    for where, text in parts:
        for found, needle in compiled.find(text):
            key = found.lower()  # a page's text or attribute found is not reported again from its source
            if (where, key) not in seen and not (where == "source" and key in seen):
                seen.update({(where, key), key})
                out.append(GateHit(path, where, mask(found), _why(origins.get(needle, UNKNOWN_ORIGIN))))
    return out
