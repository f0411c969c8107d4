"""The publish gate: scan everything written under an output folder for identifiers.

A needle is found case-insensitively on whole words after HTML entities are decoded and
the text is folded (look-alikes, accents and zero-width characters removed), with any run
of spaces, hyphens, underscores or dots between its words (so slugs match too). A needle
that is an ordinary English word ("Reading", "Hope") is only found in its capitalised or
all-caps form, so the word itself does not stop a build.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .extract import file_parts
from .lexicon import is_common
from .mask import mask
from .normalise import fold


@dataclass(frozen=True)
class GateHit:
    path: Path
    where: str  # "title attribute", "text", "metadata tag 'title'", "file name" ...
    masked: str
    why: str = "an identifier reached the output; nothing was published"

    def __str__(self) -> str:
        return f"{self.path}: {self.where} contains '{self.masked}'"


def _pattern(needle: str) -> str:
    words = [re.escape(w) for w in re.split(r"[\s_.-]+", fold(needle).strip()) if w]
    return r"[\s_.\-]+".join(words)


def compile_needles(needles: Iterable[str]) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(case-insensitive pattern, case-sensitive pattern for common-word needles)."""
    loose, strict = set(), set()
    for n in needles:
        p = _pattern(n)
        if not p:
            continue
        if " " not in n.strip() and is_common(fold(n).strip()):
            word = fold(n).strip()
            strict.update({re.escape(word[:1].upper() + word[1:].lower()), re.escape(word.upper())})
        else:
            loose.add(p)

    def build(parts: set[str], flags: int) -> re.Pattern | None:
        ordered = sorted(parts, key=len, reverse=True)
        return re.compile(r"(?<![^\W_])(?:" + "|".join(ordered) + r")(?![^\W_])", flags) if parts else None

    return build(loose, re.IGNORECASE), build(strict, 0)


def find(text: str, patterns: tuple[re.Pattern | None, re.Pattern | None]) -> list[str]:
    folded = fold(html.unescape(text))
    return [m.group() for p in patterns if p for m in p.finditer(folded)]


def scan_tree(root: Path, needles: Iterable[str]) -> list[GateHit]:
    """Every place under ``root`` where a needle appears (empty list: safe to publish)."""
    root = Path(root)
    patterns = compile_needles(needles)
    hits: list[GateHit] = []
    for path in sorted(p for p in root.rglob("*")):
        rel = path.relative_to(root)
        for found in find(unquote(str(rel)), patterns):
            hits.append(GateHit(path, "file or folder name", mask(found)))
        if path.is_file():
            hits.extend(_scan_file(path, patterns))
    return hits


def _scan_file(path: Path, patterns: tuple[re.Pattern | None, re.Pattern | None]) -> list[GateHit]:
    seen: set[tuple[str, str]] = set()
    out: list[GateHit] = []
    try:
        parts = list(file_parts(path))
    except Exception as exc:  # an unreadable file cannot be vouched for: fail closed
        return [GateHit(path, f"unreadable file ({type(exc).__name__})", "?")]
    for where, text in parts:
        for found in find(text, patterns):
            key = (where, found.lower())
            if key not in seen:
                seen.add(key)
                out.append(GateHit(path, where, mask(found)))
    return out
