"""Build a :class:`~storymaker.model.Register` from the mapping in ``stories/anonymise.yaml``.

    people: [Margaret Owen, {value: Desmond Achterberg, replacement: my manager, aliases: [Des]}]
    places: [Reading]
    organisations: [Riverside Surgery]
    other: [Ward 7B]
    allow: [Bramley]

The project loader may use this or its own; either way the anonymiser only sees a Register.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..errors import InputError
from ..model import Problem, Register, RegisterEntry

SECTIONS = {"people": "person", "places": "place", "organisations": "organisation", "other": "other"}


def _entry(kind: str, item: object, source: str, where: str) -> RegisterEntry:
    if isinstance(item, str) and item.strip():
        return RegisterEntry(kind, item.strip())
    if isinstance(item, Mapping) and isinstance(item.get("value"), str) and item["value"].strip():
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(Problem(source, 0, f"{where}: aliases must be a list of names, e.g. aliases: [Maggie]"))
        return RegisterEntry(kind, item["value"].strip(), str(item.get("replacement") or ""), tuple(aliases))
    raise InputError(Problem(source, 0, f"{where}: each entry must be a name, or a mapping with value: "
                                        "(and optionally replacement: and aliases:)"))


def register_from_mapping(data: Mapping | None, source: str = "stories/anonymise.yaml") -> Register:
    data = data or {}
    unknown = set(data) - set(SECTIONS) - {"allow"}
    if unknown:
        raise InputError(Problem(source, 0, f"unknown section {sorted(unknown)[0]!r}: use people, places, "
                                            "organisations, other or allow"))
    entries = [_entry(kind, item, source, f"{section}[{n}]")
               for section, kind in SECTIONS.items() for n, item in enumerate(data.get(section) or [])]
    allow = frozenset(str(a) for a in (data.get("allow") or []))
    return Register(tuple(entries), allow, source)
