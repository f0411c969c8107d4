"""Atomic, paired output: build into temporary folders beside ``output/`` and ``private/``,
then swap them all into place together, or none of them.

Readers never see a half-written site; a failed or interrupted build (an
exception, Ctrl-C, a full disk) leaves every previous folder exactly as it was.
Before swapping, a journal lists the renames; if the process dies part-way
through, the next build reads the journal and puts the previous folders back.
Only what storymaker wrote is ever removed: leftovers carry the marker file.
"""
from __future__ import annotations

import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # Windows has none: plain copies there
    fcntl = None  # type: ignore[assignment]

from .errors import OutputError
from .model import Problem
from .outguard import MARKER, check_folder, files_in, read_marker, write_marker

BIG = 1 << 20  # files this big are cloned (copy-on-write) where the file system can
FICLONE = 0x40049409  # linux/fs.h: _IOW(0x94, 9, int)


@dataclass(frozen=True)
class Slot:
    target: Path
    tmp: Path
    old: Path


def slot(target: Path) -> Slot:
    pid = os.getpid()
    return Slot(target, target.with_name(f"{target.name}.tmp-{pid}"), target.with_name(f"{target.name}.old-{pid}"))


def ours(folder: Path) -> bool:
    return folder.is_dir() and not folder.is_symlink() and read_marker(folder) is not None


def discard(folder: Path) -> None:
    """Remove a folder storymaker wrote (it has the marker), or an empty one; never anything else."""
    if ours(folder):
        shutil.rmtree(folder, ignore_errors=True)
    elif folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
        folder.rmdir()


def _carry_over(target: Path, tmp: Path) -> None:
    """Copy what the last build wrote (only that) into the stage.

    Every file is a copy of its own (big ones as copy-on-write clones where the file system can),
    never a hard link: a renderer that rewrites a carried-over file in place changes the stage
    only, so nothing it does reaches the live folder before the swap.
    """
    for rel in read_marker(target) or []:
        src, dst = target / rel, tmp / rel
        if src.is_symlink() or not src.is_file() or not dst.resolve().is_relative_to(tmp):
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.stat().st_size < BIG or not clone(src, dst):
            shutil.copy2(src, dst)


def clone(src: Path, dst: Path) -> bool:
    """A copy-on-write clone of ``src`` at a new ``dst`` (btrfs, XFS with reflink, bcachefs): it shares
    blocks with ``src`` until either is written, never writes. False, and no ``dst``, where the file
    system cannot."""
    if fcntl is None:
        return False
    made = False
    try:
        with open(src, "rb") as a, open(dst, "xb") as b:
            made = True
            fcntl.ioctl(b.fileno(), FICLONE, a.fileno())
    except OSError:
        if made:
            dst.unlink()
        return False
    shutil.copystat(src, dst)
    return True


def _prepare(s: Slot, carry_over: bool, made: list[Path]) -> None:
    s.target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(s.target)
    discard(s.tmp)
    s.tmp.mkdir()  # fails if something not ours has the name: then it is never removed
    made.append(s.tmp)
    write_marker(s.tmp, [])
    if carry_over and ours(s.target):
        _carry_over(s.target, s.tmp)


@contextmanager
def staged_pair(targets: list[Path], journal: Path, *, shown: list[str] | None = None,
                carry_over: bool = False) -> Iterator[list[Path]]:
    """Yield one temporary folder per target; on success all of them replace their targets at once."""
    shown = shown or [str(t) for t in targets]
    recover(journal)
    for target, name in zip(targets, shown):
        check_folder(target, name)
    slots = [slot(Path(t)) for t in targets]
    made: list[Path] = []
    try:
        for s in slots:
            _prepare(s, carry_over, made)
        yield [s.tmp for s in slots]
        for s in slots:
            write_marker(s.tmp, files_in(s.tmp))
        swap_all(slots, journal)
    finally:  # this run made these folders; after a swap they are gone already
        for tmp in made:
            shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def staged(target: Path, carry_over: bool = False) -> Iterator[Path]:
    """One folder on its own: a temporary folder beside ``target`` that replaces it on success."""
    target = Path(target)
    with staged_pair([target], target.with_name(f".{target.name}.swap.json"), carry_over=carry_over) as (tmp,):
        yield tmp


def _steps(slots: list[Slot]) -> list[tuple[Path, Path]]:
    steps = []
    for s in slots:
        if s.target.exists():
            steps.append((s.target, s.old))
        steps.append((s.tmp, s.target))
    return steps


def swap_all(slots: list[Slot], journal: Path) -> None:
    """Rename every temporary folder into place; if any rename fails, undo the ones done."""
    steps = _steps(slots)
    journal.parent.mkdir(parents=True, exist_ok=True)
    journal.write_text(json.dumps({"pid": os.getpid(), "steps": [[str(a), str(b)] for a, b in steps]}), encoding="utf-8")
    done: list[tuple[Path, Path]] = []
    try:
        for src, dst in steps:
            os.replace(src, dst)
            done.append((src, dst))
    except BaseException:
        _undo(done, journal)
        raise
    journal.unlink()
    for s in slots:
        discard(s.old)


def _undo(done: list[tuple[Path, Path]], journal: Path) -> None:
    try:
        for src, dst in reversed(done):
            os.replace(dst, src)
    except OSError as exc:
        raise OutputError(Problem(str(journal), 0, f"a swap failed and could not be undone ({exc.strerror}): "
                                  "run the build again to put the previous output back")) from exc
    journal.unlink(missing_ok=True)


def recover(journal: Path) -> None:
    """Put the previous folders back after a swap that was cut short (the process died)."""
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if _alive(int(data.get("pid", 0))) and data.get("pid") != os.getpid():
        return
    steps = [(Path(a), Path(b)) for a, b in data.get("steps", [])]
    for src, dst in reversed(steps):
        if dst.exists() and not src.exists():
            os.replace(dst, src)
    for src, _ in steps:
        if ".tmp-" in src.name:
            discard(src)
    journal.unlink(missing_ok=True)


def remove_stale(target: Path) -> None:
    """Remove folders that a build which was killed outright left behind (marked as ours, owner gone)."""
    for leftover in target.parent.glob(f"{target.name}.*-*"):
        kind, _, pid = leftover.name[len(target.name) + 1:].partition("-")
        if kind in ("tmp", "old") and pid.isdigit() and not _alive(int(pid)):
            discard(leftover)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


__all__ = ["MARKER", "staged", "staged_pair", "recover", "remove_stale"]
