"""A theme file read into :class:`ThemeSettings`, every wrong key or value reported once at ``path:line``.

The YAML is composed into nodes (which know their line) and each value is checked against
the kind its key declares in :mod:`settings`: a misspelt key, a box with three numbers or a
colour that is not one is a :class:`Problem` naming the key and the fix, never a traceback
half-way through a render.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable

import yaml

from ..model import VIDEO_FORMATS, Problem
from .settings import BOX, COLOUR, CORNER, CORNERS, FILE, FLAG, NUMBER, SECTIONS, SIZE, TEXT, WHOLE, ThemeSettings

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_NAMED = re.compile(r"[a-zA-Z]+|(?:rgb|rgba|hsl|hsv|hsb)\([0-9., %]+\)")


class _Reader:
    def __init__(self, path: str, loader: yaml.SafeLoader):
        self.path, self.loader, self.problems = path, loader, []

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, message))

    def value(self, node: yaml.Node) -> Any:
        return self.loader.construct_object(node, deep=True)


def _number(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _size(v: Any) -> tuple[float, float] | None:
    if _number(v) is not None:
        return (float(v), float(v))
    if isinstance(v, list) and len(v) == 2 and all(_number(x) is not None for x in v):
        return (float(v[0]), float(v[1]))
    return None


def _box(v: Any) -> tuple[float, ...] | None:
    ok = isinstance(v, list) and len(v) == 4 and all(_number(x) is not None for x in v)
    return tuple(float(x) for x in v) if ok else None


CONVERT: dict[str, Callable[[Any], Any]] = {
    NUMBER: _number,
    WHOLE: lambda v: int(v) if _number(v) is not None and float(v).is_integer() else None,
    TEXT: lambda v: str(v) if isinstance(v, (str, int, float)) and not isinstance(v, bool) else None,
    FILE: lambda v: v.strip() if isinstance(v, str) and v.strip() else None,
    FLAG: lambda v: v if isinstance(v, bool) else None,
    SIZE: _size,
    BOX: _box,
    COLOUR: lambda v: v if isinstance(v, str) and (_HEX.fullmatch(v) or _NAMED.fullmatch(v)) else None,
    CORNER: lambda v: v if v in CORNERS else None,
}
HOW = {NUMBER: "a number", WHOLE: "a whole number", TEXT: "text", FILE: "a file name", FLAG: "true or false",
       SIZE: "a fraction of the frame or [largest, smallest]", BOX: "[x, y, width, height] fractions of the frame",
       COLOUR: "a colour such as \"#1f2a36\" (or #rrggbbaa)", CORNER: f"one of {', '.join(CORNERS)}"}


def _pairs(r: _Reader, node: yaml.Node, where: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        return node.value
    if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
        r.problem(node, f"{where} must be a mapping of keys to values; indent its keys under it")
    return []


def _section(r: _Reader, cls: type, node: yaml.Node, where: str):
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values = {}
    for k, v in _pairs(r, node, where):
        name = str(r.value(k))
        if name not in fields:
            r.problem(k, f"unknown theme key {where}.{name}; known keys here: {', '.join(fields)}")
            continue
        kind = fields[name].metadata["kind"]
        got = CONVERT[kind](r.value(v))
        if got is None:
            r.problem(v, f"{where}.{name} must be {HOW[kind]}; fix it or remove the line for the default")
        else:
            values[name] = got
    return cls(**values)


def _formats(r: _Reader, node: yaml.Node) -> tuple:
    out = []
    for k, v in _pairs(r, node, "formats"):
        fmt = str(r.value(k))
        if fmt not in VIDEO_FORMATS:
            r.problem(k, f"unknown video format {fmt!r} in formats; choose from {', '.join(VIDEO_FORMATS)}")
            continue
        out.append((fmt, _section(r, SECTIONS["formats"], v, f"formats.{fmt}")))
    return tuple(out)


def parse_theme(text: str, path: str) -> tuple[ThemeSettings, list[Problem]]:
    """The theme's settings (defaults where a key is missing or wrong) and every problem with it."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        r = _Reader(path, loader)
        values: dict[str, Any] = {}
        for k, v in _pairs(r, root, "the theme") if root is not None else []:
            name = str(r.value(k))
            if name == "name":
                values[name] = CONVERT[TEXT](r.value(v)) or ""
            elif name == "formats":
                values[name] = _formats(r, v)
            elif name in SECTIONS:
                values[name] = _section(r, SECTIONS[name], v, name)
            else:
                r.problem(k, f"unknown theme key {name!r}; known keys: name, {', '.join(SECTIONS)}")
        return ThemeSettings(**values), r.problems
    finally:
        loader.dispose()
