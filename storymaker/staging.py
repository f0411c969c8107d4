"""Atomic output: build into a sibling temporary folder, then swap it into place.

Readers never see a half-written site, and a failed or interrupted build
(an exception, Ctrl-C) leaves the previous folder exactly as it was.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

BIG = 1 << 20


def _copy_tree(src: Path, dst: Path) -> None:
    """Carry over a previous folder: big files (videos) as hard links, the rest as copies.

    Stages unlink a big file before re-rendering it, so a hard link is never written through.
    """
    def link(s: str, d: str) -> None:
        try:
            if os.path.getsize(s) < BIG:
                raise OSError
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)
    shutil.copytree(src, dst, copy_function=link, symlinks=False)


@contextmanager
def staged(target: Path, carry_over: bool = False) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; on success it replaces ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    remove_stale(target)
    shutil.rmtree(tmp, ignore_errors=True)
    if carry_over and target.is_dir():
        _copy_tree(target, tmp)
    else:
        tmp.mkdir()
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    swap(tmp, target)


def remove_stale(target: Path) -> None:
    """Remove folders left by a build that was killed outright (its process is gone)."""
    for leftover in target.parent.glob(f"{target.name}.*-*"):
        kind, _, pid = leftover.name[len(target.name) + 1:].partition("-")
        if kind in ("tmp", "old") and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap(new: Path, target: Path) -> None:
    old = target.with_name(f"{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)
