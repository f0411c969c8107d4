"""What an import did, as lines for the terminal: counts, notes and one line per thing skipped.

Lines never contain interview text; names of sources, cases and documents (which may be
real names) are masked with :func:`mask`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..anonymise.mask import mask


@dataclass
class ImportReport:
    """Mutable tally filled in while importing; :meth:`lines` renders it."""

    file: str
    format: str = ""
    written: str = ""
    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    descriptions: dict[tuple[str, ...], str] = field(default_factory=dict)  # code path -> researchers' description
    theme_codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # theme -> first code path mapped to it
    changes: dict[str, list[str]] = field(default_factory=dict)  # "added"/"changed"/"removed" -> excerpt ids
    matched: set[str] = field(default_factory=set)  # code map keys that matched a code
    only: str = ""  # when set, the whole report is this one line (a file with nothing to import)

    def skip(self, where: str, why: str) -> None:
        self.skipped.append(f"skipped {where}: {why}")

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def lines(self) -> list[str]:
        if self.only:
            return [self.only]
        out = [f"imported {self.file} ({self.format})"]
        order = ("sources", "segments", "codes", "participants", "excerpts", "themes")
        labels = {"segments": "coded segments"}
        counted = [_plural(self.counts[k], labels.get(k, k)) for k in order if k in self.counts]
        if counted:
            out.append("read " + ", ".join(counted))
        if self.written:
            out.append(f"wrote {self.written}")
        if self.changes:
            out.append("compared with the previous import: " + ", ".join(
                f"{len(self.changes.get(k, []))} {k}" for k in ("added", "changed", "removed", "unchanged")))
        out += self.notes
        out += self.skipped
        return out


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun if n != 1 else noun[:-1]}"
