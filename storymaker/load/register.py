"""Read the anonymisation register, codebook, glossary and withdrawn list.

Messages here never quote a register entry: they give its line and its masked form.
"""
from __future__ import annotations

from pathlib import Path

from ..anonymise.mask import mask as _mask
from ..anonymise.index import keys_of
from ..errors import InputError
from ..model import Problem, Register, RegisterEntry
from .yamlio import LineDict, item_line, line_of, read_yaml

KINDS = {"people": "person", "places": "place", "organisations": "organisation", "other": "other"}
REGISTER_KEYS = set(KINDS) | {"allow"}


def _entry(kind: str, item: object, rel: str, line: int) -> tuple[RegisterEntry | None, Problem | None]:
    if isinstance(item, (str, int, float)) and not isinstance(item, bool):
        value = str(item).strip()
        return (RegisterEntry(kind, value, line=line), None) if value else (None, Problem(rel, line, "empty register entry: remove it"))
    if isinstance(item, dict):
        value = str(item.get("name") or item.get("value") or "").strip()
        if not value:
            return None, Problem(rel, line, "register entry mapping needs 'name' (and optionally 'replace', 'aliases')")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        replace = str(item.get("replace") or item.get("replacement") or "").strip()
        return RegisterEntry(kind, value, replace, tuple(str(a).strip() for a in aliases if str(a).strip()), line), None
    return None, Problem(rel, line, "register entries must be plain strings or mappings {name, replace, aliases}")


def read_register(path: Path, rel: str) -> tuple[Register, list[Problem]]:
    if not path.exists():
        return Register(source=rel), [Problem(rel, 0, "missing: create it with lists people, places, organisations, other and allow (an empty list is fine)")]
    data, problems = read_yaml(path, rel)
    if problems:
        return Register(source=rel), problems
    return parse_register(data, rel)


def register_from_mapping(data: object, source: str = "stories/anonymise.yaml") -> Register:
    """The register from a mapping already in memory (tests, benchmarks); the first problem is raised."""
    register, problems = parse_register(data, source)
    if problems:
        raise InputError(problems)
    return register


def parse_register(data: object, rel: str) -> tuple[Register, list[Problem]]:
    """The one register parser: ``data`` as YAML gives it (line numbers where it carries them)."""
    if data is None:
        data = LineDict()
    if not isinstance(data, dict):
        return Register(source=rel), [Problem(rel, 1, "expected a mapping with lists people, places, organisations, other, allow")]
    problems: list[Problem] = []
    entries: list[RegisterEntry] = []
    for key in sorted(set(map(str, data)) - REGISTER_KEYS):
        problems.append(Problem(rel, line_of(data, 1), f"unknown list '{key}': use people, places, organisations, other or allow"))
    for key, kind in KINDS.items():
        items = data.get(key) or []
        if not isinstance(items, list):
            problems.append(Problem(rel, line_of(data, 1), f"'{key}' must be a list"))
            continue
        for i, item in enumerate(items):
            entry, problem = _entry(kind, item, rel, item_line(items, i, line_of(items)))
            entries.append(entry) if entry else problems.append(problem)
    allow = data.get("allow") or []
    if not isinstance(allow, list):
        problems.append(Problem(rel, line_of(data, 1), "'allow' must be a list of words reviewed as safe to publish"))
        allow = []
    problems += _allowed_but_registered(entries, allow, rel)
    return Register(tuple(entries), frozenset(str(w).strip() for w in allow if str(w).strip()), rel), problems


def _allowed_but_registered(entries: list[RegisterEntry], allow: list, rel: str) -> list[Problem]:
    """An allow entry that is a registered identifier, a word of a registered person's name ("Hope"
    when "Hope Maddox" is registered) or a distinctive word of a registered place or organisation
    ("Ruadh" of "Port Ruadh") would let that name through: it is an error."""
    from ..anonymise.name_parts import protected_words  # a word of a place or organisation counts too
    whole = {" ".join(keys_of(v)): e for e in entries for v in (e.value, *e.aliases)}
    parts = {k: entries[n] for k, n in protected_words(Register(tuple(entries), frozenset(), rel)).items()}
    problems = []
    for i, word in enumerate(allow):
        keys = keys_of(str(word))
        entry = whole.get(" ".join(keys)) or (parts.get(keys[0]) if len(keys) == 1 else None)
        if not keys or entry is None:
            continue
        what = "registered" if whole.get(" ".join(keys)) else "part of a registered name"
        problems.append(Problem(rel, item_line(allow, i), (
            f"'{_mask(str(word))}' is in allow but is {what} (line {entry.line}): the register always wins, so "
            "remove it from allow; where it is the ordinary word, mark that occurrence safe (storymaker decide "
            "FLAG_ID safe, with the id from storymaker check)")))
    return problems


def read_mapping(path: Path, rel: str, key: str, required: bool) -> tuple[dict[str, str], int, list[Problem]]:
    """A ``key:`` mapping of strings to strings (codebook themes, glossary terms)."""
    if not path.exists():
        return {}, 0, ([Problem(rel, 0, f"missing: create it with a '{key}:' mapping")] if required else [])
    data, problems = read_yaml(path, rel)
    if problems:
        return {}, 0, problems
    body = data.get(key) if isinstance(data, dict) else None
    if not isinstance(body, dict):
        return {}, 0, [Problem(rel, line_of(data, 1), f"expected a '{key}:' mapping of names to descriptions")]
    return {str(k).strip(): str(v or "").strip() for k, v in body.items()}, line_of(body, 1), []


def read_withdrawn(path: Path, rel: str) -> tuple[frozenset[str], list[Problem]]:
    if not path.exists():
        return frozenset(), []
    data, problems = read_yaml(path, rel)
    if problems:
        return frozenset(), problems
    items = (data or {}).get("participants") if isinstance(data, dict) or data is None else None
    if items is None and isinstance(data, dict):
        items = []
    if not isinstance(items, list):
        return frozenset(), [Problem(rel, line_of(data, 1), "expected 'participants:' with a list of participant ids")]
    return frozenset(str(p).strip() for p in items if str(p).strip()), []

