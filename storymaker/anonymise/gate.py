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

from ..model import Register
from .extract import file_parts
from .furniture import furniture
from .mask import mask
from .needles import NeedleSet, Permits, short_code, short_entry
from .preflight import written_in

UNKNOWN_ORIGIN = "an identifier"
_VIEWS = frozenset({"source", "text as a browser shows it"})  # another view of text already scanned


@dataclass(frozen=True)
class GateHit:
    path: Path
    where: str  # "title attribute", "text", "metadata tag 'title'", "file name" ...
    masked: str
    why: str = "an identifier reached the output; nothing was published"

    def __str__(self) -> str:
        return f"{self.path}: {self.where} contains '{self.masked}'"


def _why(origin: str, source: str = "", texts: list[str] = ()) -> str:
    here = f"; it is written in {source}" if source else ""
    if texts:
        more = f" (and {len(texts) - 1} more)" if len(texts) > 1 else ""
        here += f"; it comes from {texts[0]}{more}"
    fix = ("remove or reword it there, or review that occurrence again (storymaker check)" if texts or source else
           "remove or reword it where it comes from (the excerpt, story field, stories/project.yaml, template or asset "
           "this file is made from)")
    return f"{origin} is in a file about to be published, in a form the anonymiser did not replace{here}; nothing was published: {fix}"


def compile_needles(needles: Iterable[str], permits: Permits | None = None) -> NeedleSet:
    return NeedleSet(needles, permits)


def find(text: str, needles: NeedleSet) -> list[str]:
    return [found for found, _ in needles.find(text)]


def scan_tree(root: Path, needles: Iterable[str], permits: Permits | None = None,
              origins: Mapping[str, str] | None = None, project: Path | None = None,
              texts: Mapping[str, str] | None = None) -> list[GateHit]:
    """Every place under ``root`` where a needle appears (empty list: safe to publish).
    ``permits``: occurrences reviewed safe (:meth:`Anonymiser.permits`); ``origins``: needle ->
    what it is, for the message ("'M******* O***', registered under people (stories/anonymise.yaml:3),");
    ``project``: the project folder, to say which template or setting line holds a needle;
    ``texts``: each anonymised text by where it is ("excerpt S-P01-09", "story x, beat 2 intro":
    :attr:`Anonymiser.published`), to say which excerpt or story field a needle came from."""
    root = Path(root)
    compiled = NeedleSet(needles, permits, furniture())
    why = _Why(origins or {}, project, texts or {}, permits)
    hits: list[GateHit] = []
    for path in sorted(p for p in root.rglob("*")):
        rel = path.relative_to(root)
        for found, needle in compiled.find(unquote(str(rel))):
            hits.append(GateHit(path, "file or folder name", mask(found), why(needle)))
        if path.is_file():
            hits.extend(_scan_file(path, compiled, why))
    return hits


class _Why:
    """The message for a needle: what it is and, when the project's templates or settings hold
    it, the file and line (looked up once per needle, only for needles found)."""

    def __init__(self, origins: Mapping[str, str], project: Path | None, texts: Mapping[str, str],
                 permits: Permits | None) -> None:
        self.origins, self.project, self.texts, self.permits = origins, project, texts, permits
        self.said: dict[str, str] = {}

    def __call__(self, needle: str) -> str:
        if needle not in self.said:
            source = written_in(self.project, needle) if self.project else ""
            one = NeedleSet([needle], self.permits)
            came = [where for where, text in sorted(self.texts.items()) if one.find(text)]
            self.said[needle] = _why(self.origins.get(needle, UNKNOWN_ORIGIN), source, came)
        return self.said[needle]


def _scan_file(path: Path, compiled: NeedleSet, why: _Why) -> list[GateHit]:
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
            if (where, key) not in seen and not (where in _VIEWS and key in seen):
                seen.update({(where, key), key})
                out.append(GateHit(path, where, mask(found), why(needle)))
    return out


def short_entry_warnings(register: Register) -> list[str]:
    """One line for each `other` entry (or a place's or organisation's, of two characters) too
    short to be distinctive, naming the register's file and line and what to do about it."""
    out = []
    for e in register.entries:
        for value in (e.value, *e.aliases):
            size = sum(c.isalnum() for c in value)
            if e.kind == "person" or not short_entry(value) or (e.kind != "other" and size > 2):
                continue
            found = ("only as a whole word in capitals, as registered" if short_code(value) else
                     "wherever it is a word, in any case, so ordinary text (the Welsh 'sy') stops a build")
            out.append(f"{register.source}:{e.line}: the {e.kind} entry '{mask(value)}' ({size} characters) is too "
                       f"short to be distinctive: the publish gate looks for it {found}; if it is part of a longer "
                       "identifier (a boat's port letters and number), register the whole identifier instead")
    return out
