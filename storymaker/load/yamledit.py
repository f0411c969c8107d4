"""Edit a user's YAML file in place, keeping its comments, key order, quoting and indentation
(ruamel.yaml round-trip), and write it atomically (a temporary file beside it, then ``os.replace``).

    with edited(path, header="# ...") as data:   # data: the round-trip mapping ({} for a new file)
        append_item(data, "allow", "Hope")

If the file changed on disk between reading and writing, nothing is written and
:class:`~storymaker.errors.InputError` says so (another program, or a person, edited it).
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from ..errors import InputError
from ..model import Problem


def _yaml(text: str) -> tuple[YAML, object]:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a user's long lines
    if not text.strip():
        yaml.indent(mapping=2, sequence=4, offset=2)
        return yaml, None
    _, indent, block_seq = load_yaml_guess_indent(text)  # only to keep the file's own indentation
    indent = indent or 2
    offset = block_seq if block_seq is not None else 0
    yaml.indent(mapping=indent, sequence=max(indent, offset + 2), offset=offset)
    return yaml, yaml.load(text)


@contextmanager
def edited(path: Path, rel: str, header: str = "") -> Iterator[CommentedMap]:
    """The file's top-level mapping to change in the ``with`` block; written back on exit."""
    path = Path(path)
    before = path.read_bytes() if path.exists() else None
    text = before.decode("utf-8-sig") if before is not None else ""
    try:
        yaml, data = _yaml(text)
    except YAMLError as exc:
        raise InputError(Problem(rel, 0, f"YAML syntax error ({type(exc).__name__}): fix it before recording a decision"))
    if data is None:
        data = CommentedMap()
        if header:
            data.yaml_set_start_comment(header)
    if not isinstance(data, CommentedMap):
        raise InputError(Problem(rel, 1, "expected a mapping at the top of the file"))
    yield data
    _write(path, rel, yaml, data, before)


def _mode(path: Path) -> int:
    """The file's permissions, kept when it is rewritten; a new file gets what the umask gives."""
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write(path: Path, rel: str, yaml: YAML, data: CommentedMap, before: bytes | None) -> None:
    path = path.resolve() if path.is_symlink() else path  # a shared register behind a link: write the real file
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yaml.dump(data, f)
        now = path.read_bytes() if path.exists() else None
        if now != before:
            raise InputError(Problem(rel, 0, "the file changed on disk while storymaker was editing it; nothing was "
                                             "written: record the decision again"))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def list_at(data: CommentedMap, key: str, rel: str) -> CommentedSeq:
    """The list under ``key``, created (block style, at the end) if it is missing or empty."""
    value = data.get(key)
    if isinstance(value, CommentedSeq):
        return value
    if value not in (None, "", []):
        raise InputError(Problem(rel, 0, f"'{key}' must be a list; fix it before recording a decision"))
    seq = CommentedSeq()
    data[key] = seq
    return seq
