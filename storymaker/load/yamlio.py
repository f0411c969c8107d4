"""Line-aware YAML reading: every mapping remembers the line it started on.

``read_yaml(path, rel)`` returns ``(data, problems)``; mappings are :class:`LineDict`
whose ``.line`` is 1-based and whose ``.key_lines`` give each key's own line. A syntax
error becomes one Problem with its line. Dates stay text (``2026-02-30`` is no error
while loading): the field that wants a date checks it, at its own line.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ..model import Problem
from .hygiene import MAX_TEXT_BYTES, control_problems, too_big


class LineDict(dict):
    line: int = 0
    key_lines: dict = {}


class LineList(list):
    line: int = 0
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    out = LineDict(loader.construct_mapping(node, deep=True))
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, _value in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (str, int, float, bool)):
            out.key_lines.setdefault(key, key_node.start_mark.line + 1)
    return out


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_sequence(node, deep=True))
    out.line = node.start_mark.line + 1
    out.item_lines = [n.start_mark.line + 1 for n in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 file (a BOM is tolerated); unreadable or oversized files, and control characters, become Problems."""
    big = too_big(path, rel, MAX_TEXT_BYTES, "this file")
    if big:
        return None, [big]
    try:
        text = path.read_text(encoding="utf-8-sig")
        return text, control_problems(text, rel)  # rows stay readable; the problems stop any build
    except UnicodeDecodeError as exc:
        return None, [Problem(rel, 0, f"not UTF-8 text (byte {exc.start}): save the file as UTF-8")]
    except OSError as exc:
        return None, [Problem(rel, 0, f"cannot read the file ({exc.strerror or exc})")]


def read_yaml(path: Path, rel: str) -> tuple[object, list[Problem]]:
    text, problems = read_text(path, rel)
    if text is None or problems:
        return None, problems
    try:
        return yaml.load(text, Loader=_Loader), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        why = (exc.problem or exc.context or "invalid YAML").strip()
        return None, [Problem(rel, line, f"YAML syntax error: {why}")]
    except yaml.YAMLError as exc:
        return None, [Problem(rel, 0, f"YAML error: {exc}")]


def line_of(value: object, default: int = 0) -> int:
    return getattr(value, "line", 0) or default


def key_line_of(data: object, key: str, default: int = 0) -> int:
    """The line of ``key:`` in a mapping read by :func:`read_yaml` (else ``default``)."""
    return (getattr(data, "key_lines", None) or {}).get(key) or default


def item_line(seq: object, index: int, default: int = 0) -> int:
    lines = getattr(seq, "item_lines", None)
    return lines[index] if lines and index < len(lines) else default
