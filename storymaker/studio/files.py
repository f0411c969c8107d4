"""The project's files, edited in place: round-trip YAML, atomic writes, conflict checks.

    version(path)                      -> the file's sha256 ("" when it does not exist)
    edit_yaml(path, expected, change)  -> the new version; ``change(doc)`` edits a ruamel document
    write_atomic(path, data, expected) -> the new version

Every write goes to a temporary file beside the target and is swapped in with
``os.replace``; a write whose ``expected`` version is not the file's current one is
refused with :class:`ConflictError`, so a change made on disk meanwhile is never lost.
YAML goes through ruamel.yaml's round-trip mode: comments, key order, quoting and
indentation survive, so a git diff of a studio edit shows only the lines it changed.
"""
from __future__ import annotations

import copy
import hashlib
import io
import os
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..errors import ConflictError, StudioError
from ..load.yamllists import append_item, remove_item  # noqa: F401 (the screens edit lists through these)


def version(path: Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 4, 0))  # (mapping, sequence, offset): "  - x", "- x", ...


def _make(mapping: int = 2, sequence: int = 4, offset: int = 2) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long line the user wrote on one line
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


@lru_cache(maxsize=64)
def _layout(text: str) -> tuple[int, int, int]:
    """The indentation that writes ``text`` back most nearly as it is: each layout is tried on
    the file itself and the one that changes fewest lines wins (ruamel keeps one per file)."""
    best, fewest = LAYOUTS[0], None
    for layout in LAYOUTS if text.strip() else ():
        y, out = _make(*layout), io.StringIO()
        try:
            y.dump(y.load(text), out)
        except YAMLError:
            return best  # load_yaml says what is wrong, with its line
        differ = len(Counter(text.splitlines()) - Counter(out.getvalue().splitlines()))
        if fewest is None or differ < fewest:
            best, fewest = layout, differ
        if not differ:
            break
    return best


def _yaml(text: str = "") -> YAML:
    """A round-trip YAML that writes ``text``'s own indentation back ("  - " for a new file)."""
    return _make(*_layout(text))


def _shown(path: Path, root: Path | None) -> str:
    try:
        return Path(path).relative_to(root).as_posix() if root else Path(path).name
    except ValueError:
        return Path(path).name


def write_atomic(path: Path, data: bytes, expected: str | None, root: Path | None = None) -> str:
    """Replace ``path`` with ``data`` unless it changed since version ``expected`` (None: do not check)."""
    path = Path(path)
    if expected is not None and version(path) != expected:
        raise ConflictError(f"{_shown(path, root)} changed on disk since the studio read it; nothing was written: "
                            "reload the page to see the new version, then make your change again")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.studio-{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return hashlib.sha256(data).hexdigest()


def read_text(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return ""


@lru_cache(maxsize=16)
def _parsed(text: str):
    return _yaml(text).load(text)


def load_yaml(path: Path, root: Path | None = None, text: str | None = None):
    """A round-trip document (an empty mapping when the file does not exist), a fresh copy
    each time: the parse of the same text is kept, since the story editor asks on every key."""
    text = read_text(path) if text is None else text
    try:
        doc = copy.deepcopy(_parsed(text))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise StudioError(f"the YAML cannot be read ({getattr(exc, 'problem', '') or 'syntax error'}); "
                          "fix it in a text editor, then reload", _shown(path, root), line) from None
    if doc is None:
        from ruamel.yaml.comments import CommentedMap
        doc = CommentedMap()
    return doc


def dump_yaml(doc, like: str = "") -> str:
    """The document as YAML, indented as ``like`` (the file's text when it was read) is."""
    buffer = io.StringIO()
    _yaml(like).dump(doc, buffer)
    return buffer.getvalue()


def edit_yaml(path: Path, expected: str | None, change: Callable[[object], None], root: Path | None = None) -> str:
    """Load ``path`` round-trip, let ``change`` edit it, write it back atomically."""
    if expected is not None and version(path) != expected:
        write_atomic(path, b"", expected, root)  # raises the conflict message
    text = read_text(path)
    doc = load_yaml(path, root, text)
    change(doc)
    return write_atomic(path, dump_yaml(doc, text).encode("utf-8"), expected, root)
