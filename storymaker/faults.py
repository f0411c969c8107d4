"""What a failed write means to the user: one line naming the folder, the cause and the fix."""
from __future__ import annotations

import errno
from pathlib import Path

from .model import Problem

KEPT = "the previous output was left as it was"
FIXES = {
    errno.ENOSPC: "the disk is full: free some space and build again",
    errno.EDQUOT: "the disk quota is used up: free some space and build again",
    errno.EROFS: "the folder is on a read-only disk: choose another with --out",
    errno.EACCES: "permission denied: make the folder writable, or choose another with --out",
    errno.EPERM: "permission denied: make the folder writable, or choose another with --out",
    errno.EFBIG: "a file is larger than this system allows (a file-size limit): raise the limit and build again",
    errno.EXDEV: "the temporary folder is on another disk: choose an output folder on one disk",
    errno.ENAMETOOLONG: "a file name is too long for this disk: choose a shorter --out path",
}


def shown_path(name: object, stages: dict[Path, str]) -> str:
    """A path as the user knows it: a staging folder is named by the folder it stands in for.

    A failed ``write()`` names no file: then the first folder being written is named."""
    if not name:
        return next(iter(stages.values()), "storymaker")
    path = Path(str(name))
    for tmp, target in stages.items():
        if path == tmp or path.is_relative_to(tmp):
            return str(Path(target) / path.relative_to(tmp)) if path != tmp else target
    return str(path)


def write_problem(exc: OSError, stages: dict[Path, str]) -> Problem:
    """One line for an operating-system error met while writing a build."""
    fix = FIXES.get(exc.errno or 0, f"{exc.strerror or exc}: check the folder and build again")
    return Problem(shown_path(exc.filename, stages), 0, f"cannot write: {fix}; {KEPT}")
