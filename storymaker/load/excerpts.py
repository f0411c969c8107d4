"""Read excerpts from ``stories/excerpts/*.csv`` and ``*.yaml`` into :class:`Excerpt` values.

Every problem is collected (``path:line: message``); a bad row is skipped, never fatal.
"""
from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path
from typing import Iterator, Mapping

from ..model import CHANNELS, EXCERPT_AUDIENCES, Excerpt, Problem
from .story_dates import lang_problem, tag_case
from .yamlio import LineDict, item_line, key_line_of, read_text, read_yaml

REQUIRED = ("id", "participant", "text", "themes", "audience", "consent")
OPTIONAL = ("role", "sector", "stage", "sensitive", "lang")
TRUE = {"true", "yes", "y", "1"}
FALSE = {"false", "no", "n", "0", ""}


def split_list(value: object) -> list[str]:
    """CSV cells use ';' between items; YAML may give a list or such a string."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def _bool(value: object, where: Problem) -> tuple[bool, list[Problem]]:
    if isinstance(value, bool):
        return value, []
    text = "" if value is None else str(value).strip().lower()
    if text in TRUE:
        return True, []
    if text in FALSE:
        return False, []
    return True, [Problem(where.path, where.line, f"sensitive must be true or false, not {value!r}; treating it as true")]


def make_excerpt(row: Mapping[str, object], rel: str, line: int) -> tuple[Excerpt | None, list[Problem]]:
    """Validate one row (from CSV or YAML) and build an Excerpt, or explain what is wrong."""
    missing = [f for f in REQUIRED if f not in row]
    if missing:
        return None, [Problem(rel, line, f"missing field(s) {', '.join(missing)}: every excerpt needs {', '.join(REQUIRED)}")]
    problems: list[Problem] = []
    at = lambda key: key_line_of(row, key, line)  # a YAML field's own line; a CSV row's
    for name in ("id", "participant", "text"):
        if not str(row.get(name) or "").strip():
            problems.append(Problem(rel, at(name), f"empty {name}: give every excerpt a {name}"))
    themes = split_list(row.get("themes"))
    if not themes:
        problems.append(Problem(rel, at("themes"), "no themes: tag the excerpt with at least one codebook theme"))
    audience = str(row.get("audience") or "").strip().lower()
    if audience not in EXCERPT_AUDIENCES:
        problems.append(Problem(rel, at("audience"), f"audience {audience or '(empty)'!r} is not one of {', '.join(EXCERPT_AUDIENCES)}"))
    consent = [c.lower() for c in split_list(row.get("consent"))]
    bad = [c for c in consent if c not in CHANNELS]
    if bad:
        problems.append(Problem(rel, at("consent"), f"consent {', '.join(map(repr, bad))} is not one of web, video (use ';' between them; leave empty to publish nowhere)"))
    sensitive, more = _bool(row.get("sensitive"), Problem(rel, at("sensitive"), ""))
    problems += more
    lang = _opt(row, "lang")
    if lang and (why := lang_problem(lang)):
        problems.append(Problem(rel, at("lang"), why))
    if problems:
        return None, problems
    return Excerpt(
        id=str(row["id"]).strip(), participant=str(row["participant"]).strip(),
        text=str(row["text"]).strip(), themes=tuple(themes), audience=audience,
        consent=frozenset(consent), role=_opt(row, "role"), sector=_opt(row, "sector"),
        stage=_opt(row, "stage"), sensitive=sensitive, source=rel, line=line, lang=tag_case(lang) if lang else "",
    ), []


def _opt(row: Mapping[str, object], name: str) -> str:
    value = row.get(name)
    return "" if value is None else str(value).strip()


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames:
        reader.fieldnames = [f.strip().lower() for f in reader.fieldnames]
    start = 2
    for row in reader:
        yield start, {k: v for k, v in row.items() if k is not None}
        start = reader.line_num + 1


def header_problem(text: str, rel: str) -> Problem | None:
    """A header without a required column: one problem at line 1, naming the column meant."""
    names = [f.strip().lower() for f in next(csv.reader(io.StringIO(text, newline="")), [])]
    missing = [f for f in REQUIRED if f not in names]
    if not names or not missing:
        return None
    unknown = [n for n in names if n not in REQUIRED + OPTIONAL]
    hints = [f"'{u}' (did you mean '{m}'?)" for m in missing for u in difflib.get_close_matches(m, unknown, n=1)]
    said = f"; it has {', '.join(hints)}" if hints else ""
    return Problem(rel, 1, f"the header has no {', '.join(map(repr, missing))} column{'s' if len(missing) > 1 else ''}{said}: "
                   f"every excerpt file needs the columns {', '.join(REQUIRED)}")


def unclosed(row: Mapping[str, object]) -> bool:
    """A row that ran on to other lines and still came up short: a quote opened and never closed."""
    return any(v is None for v in row.values()) and any("\n" in v for v in row.values() if isinstance(v, str))


def read_csv(path: Path, rel: str) -> tuple[list[Excerpt], list[Problem]]:
    text, problems = read_text(path, rel)
    if text is None:
        return [], problems
    if header := header_problem(text, rel):
        return [], problems + [header]
    out: list[Excerpt] = []
    try:
        for line, row in _csv_rows(text):
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            if unclosed(row):
                problems.append(Problem(rel, line, 'a quoted text starts on this row and is never closed: add the closing "'))
                continue
            excerpt, more = make_excerpt(row, rel, line)
            problems += more
            if excerpt:
                out.append(excerpt)
    except csv.Error as exc:
        problems.append(Problem(rel, 0, f"CSV error: {exc}"))
    return out, problems


def read_yaml_excerpts(path: Path, rel: str) -> tuple[list[Excerpt], list[Problem]]:
    data, problems = read_yaml(path, rel)
    if problems:
        return [], problems
    items = data.get("excerpts") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return [], [Problem(rel, 1, "expected a list of excerpts (or a mapping with an 'excerpts:' list)")]
    whole = data.get("lang") if isinstance(data, dict) else None  # the language of the file's excerpts
    out: list[Excerpt] = []
    for index, item in enumerate(items):
        line = item_line(items, index)
        if not isinstance(item, LineDict):
            problems.append(Problem(rel, line, "each excerpt must be a mapping of fields (id, participant, text, ...)"))
            continue
        excerpt, more = make_excerpt(item if whole is None or "lang" in item else {**item, "lang": whole}, rel, line)
        problems += more
        if excerpt:
            out.append(excerpt)
    return out, problems


def read_excerpts(folder: Path, root: Path) -> tuple[list[Excerpt], list[Problem]]:
    """Every excerpt file in ``folder`` (sorted by name, so the order is stable)."""
    readers = {".csv": read_csv, ".yaml": read_yaml_excerpts, ".yml": read_yaml_excerpts}
    excerpts: list[Excerpt] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*")):
        reader = readers.get(path.suffix.lower())
        if reader is None or not path.is_file():
            continue
        found, more = reader(path, _rel(path, root))
        excerpts += found
        problems += more
    return excerpts, problems


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
