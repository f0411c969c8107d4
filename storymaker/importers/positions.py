"""Line numbers of map-file entries, so a wrong entry is named as ``map.yaml:7: ...``.

Map files are read with ruamel.yaml's round-trip loader, whose mappings remember where each
key was; a plain dict (from the studio or a script) has no lines, and gives 0 (no line).
"""
from __future__ import annotations


def key_line(mapping: object, key: object) -> int:
    try:
        return int(mapping.lc.key(key)[0]) + 1  # type: ignore[attr-defined]
    except (AttributeError, KeyError, TypeError):
        return 0
