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

import hashlib
import io
import os
from pathlib import Path
from typing import Callable

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..errors import ConflictError, StudioError


def version(path: Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long line the user wrote on one line
    y.indent(mapping=2, sequence=4, offset=2)
    return y


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


def load_yaml(path: Path, root: Path | None = None):
    """A round-trip document (an empty mapping when the file does not exist)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        text = ""
    try:
        doc = _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        raise StudioError(f"the YAML cannot be read ({getattr(exc, 'problem', '') or 'syntax error'}); "
                          "fix it in a text editor, then reload", _shown(path, root), line) from None
    if doc is None:
        from ruamel.yaml.comments import CommentedMap
        doc = CommentedMap()
    return doc


def dump_yaml(doc) -> str:
    buffer = io.StringIO()
    _yaml().dump(doc, buffer)
    return buffer.getvalue()


def edit_yaml(path: Path, expected: str | None, change: Callable[[object], None], root: Path | None = None) -> str:
    """Load ``path`` round-trip, let ``change`` edit it, write it back atomically."""
    if expected is not None and version(path) != expected:
        write_atomic(path, b"", expected, root)  # raises the conflict message
    doc = load_yaml(path, root)
    change(doc)
    return write_atomic(path, dump_yaml(doc).encode("utf-8"), expected, root)


def _take_trailing(seq, index: int):
    """Detach the comment or blank lines that follow item ``index`` (a scalar or a mapping)."""
    token = seq.ca.items.pop(index, None)
    item = seq[index]
    if token is None and isinstance(item, dict) and len(item) and hasattr(item, "ca"):
        inner = item.ca.items.get(list(item)[-1])
        if inner and len(inner) > 2 and inner[2] is not None:
            token, inner[2] = [inner[2], None, None, None], None
    return token


def append_item(seq, value) -> None:
    """Append to a round-trip list the way a person would: same quoting as the last item,
    and the blank line or comment that followed the list still after it."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString
    last = seq[-1] if len(seq) else None
    if isinstance(last, dict):
        last = next(iter(last.values()), None)
    if isinstance(value, str) and isinstance(last, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        value = type(last)(value)
    trailing = _take_trailing(seq, len(seq) - 1) if len(seq) else None
    if not len(seq):
        seq.fa.set_flow_style()  # an empty list can only have been written "[]": "[P03]" then, not a block
    seq.append(value)
    if trailing is not None:
        seq.ca.items[len(seq) - 1] = trailing


def remove_item(seq, index: int) -> None:
    """Delete an item from a round-trip list; the blank line or comment after it stays."""
    trailing = _take_trailing(seq, index) if index == len(seq) - 1 else None
    del seq[index]
    if trailing is not None and len(seq):
        seq.ca.items[len(seq) - 1] = trailing
