"""One build at a time per project: an advisory lock on ``.storymaker-cache/build.lock``.

The lock is held with ``flock``, so it goes away with its process: a lock file
left by a build that died (a stale pid) is simply taken over by the next build.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import OutputError
from .model import Problem


def lock_path(root: Path) -> Path:
    return Path(root) / ".storymaker-cache" / "build.lock"


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold the project's build lock, or refuse with the pid of the build that holds it."""
    path = lock_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise OutputError(Problem(str(root), 0, f"another build is running (pid {holder}): "
                                      "wait for it to finish, or stop it, and build again")) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)
