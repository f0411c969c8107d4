"""Content-addressed cache for narration, slide pictures and encoded segments.

Every cached file is named by a hash of everything that decides its content, and is
written to a temporary name in the same folder first, then moved into place with
``os.replace``: an interrupted build leaves no truncated file behind. One helper does all
three steps (:meth:`Cache.file`: is it there, write it atomically, count it); each render
gets its own :class:`Cache`, whose ``stats`` say what was made afresh and what was reused,
so tests and the benchmark can see it.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

VERSION = "video-cache-5"  # bump when the renderer changes what it draws or encodes


@dataclass
class Stats:
    made: Counter = field(default_factory=Counter)
    reused: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def count(self, kind: str, fresh: bool) -> None:
        with self.lock:
            (self.made if fresh else self.reused)[kind] += 1


@dataclass(frozen=True)
class Cache:
    """The render cache under ``folder`` (``.storymaker-cache/``) and what one render made or reused there."""

    folder: Path
    stats: Stats = field(default_factory=Stats, compare=False)

    def file(self, path: Path, make: Callable[[Path], None], *kinds: str) -> Path:
        """``path``, made by ``make(tmp)`` and moved into place unless it is already there; counted as ``kinds``."""
        fresh = not path.is_file()
        if fresh:
            with atomic(path) as tmp:
                make(tmp)
        for kind in kinds:
            self.stats.count(kind, fresh)
        return path


def key(*parts: Any) -> str:
    """A short stable hash of JSON-able parts."""
    text = json.dumps([VERSION, *parts], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


@lru_cache(maxsize=512)
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:24]


def file_digest(path: Path) -> str:
    st = path.stat()
    return _file_digest(str(path), st.st_size, st.st_mtime_ns)


def tmp_name(path: Path) -> Path:
    return path.with_name(f".{path.stem}.{os.getpid()}.{threading.get_ident()}.part{path.suffix}")


@contextlib.contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it into place only if the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = tmp_name(path)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_text(path: Path, text: str) -> None:
    with atomic(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
