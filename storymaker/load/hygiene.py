"""Input hygiene: what no input file may hold, however well-formed it looks.

* control characters (NUL, escape, backspace ...; tab and line breaks are fine), which
  would be published invisibly or break a renderer: reported at ``path:line``;
* files over a size limit (a mistaken export, a video saved as an image), reported with the limit;
* files storymaker would otherwise silently skip: ``stories/codebook.yml`` beside an
  expected ``codebook.yaml``, an ``.xlsx`` dropped into ``stories/excerpts/``.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..model import Problem

MB = 1 << 20
MAX_TEXT_BYTES = 20 * MB   # one excerpt, spec or register file
MAX_IMAGE_BYTES = 25 * MB
MAX_AUDIO_BYTES = 200 * MB
MAX_IMAGE_PIXELS = 50_000_000
MAX_SHOWN = 10  # control-character lines listed per file
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
EXPECTED = ("codebook", "anonymise", "glossary", "withdrawn", "project", "decisions")
EXCERPT_TYPES = (".csv", ".yaml", ".yml")
IGNORED = (".md", ".txt", ".example")


def _name(char: str) -> str:
    names = {"\x00": "NUL", "\x07": "BELL", "\x08": "BACKSPACE", "\x0b": "vertical tab", "\x0c": "form feed",
             "\x1b": "ESC", "\x7f": "DEL"}
    return names.get(char, unicodedata.name(char, f"control U+{ord(char):04X}"))


def control_problems(text: str, rel: str) -> list[Problem]:
    """One problem per line holding a control character (the first few lines only)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = CONTROL.search(line.rstrip("\r"))
        if found:
            char = found.group()
            problems.append(Problem(rel, number, f"control character U+{ord(char):04X} ({_name(char)}) at column "
                                    f"{found.start() + 1}: remove it; only tabs and line breaks may appear in text"))
    if len(problems) > MAX_SHOWN:
        problems = problems[:MAX_SHOWN] + [Problem(rel, 0, f"{len(problems) - MAX_SHOWN} more line(s) with control characters")]
    return problems


def too_big(path: Path, rel: str, limit: int, what: str) -> Problem | None:
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size <= limit:
        return None
    return Problem(rel, 0, f"{what} is {size / MB:.1f} MB; the limit is {limit // MB} MB: "
                           "check it is the right file, or split it into smaller ones")


def stray_files(stories: Path, root: Path) -> list[Problem]:
    """Files in ``stories/`` that look meant for storymaker but would be skipped."""
    problems = []
    rel = lambda p: p.relative_to(root).as_posix()
    for path in sorted(stories.glob("*.yml")):
        stem = path.name[:-4]
        if stem in EXPECTED:
            problems.append(Problem(rel(path), 0, f"not read: storymaker reads stories/{stem}.yaml; rename the file to {stem}.yaml"))
    for path in sorted((stories / "excerpts").glob("*")):
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() not in EXCERPT_TYPES + IGNORED:
            problems.append(Problem(rel(path), 0, "not read: excerpt files are .csv or .yaml; "
                                                  "bring other formats in with 'storymaker import FILE'"))
    return problems
