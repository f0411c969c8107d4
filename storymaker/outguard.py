"""Which folders a build may replace: only empty or missing ones, or ones storymaker wrote.

Every folder a build writes (``output/``, ``--out DIR``, ``private/``) gets a marker
file, ``.storymaker-written``, listing every file the build put there. A later
build replaces the folder only if the marker is there and the folder holds
nothing else; the project's own folders, anything above the project, the
filesystem root and the home folder are refused outright, whatever they hold.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import OutputError
from .model import Problem

MARKER = ".storymaker-written"
INPUTS = ("stories", "templates", "assets", "private")
NEW = "choose a new or empty folder, e.g. --out build"
CHOOSE = f"{NEW}, or move its contents away"
PRIVATE = "storymaker writes private/ itself: move its contents elsewhere and build again"


def _refuse(shown: str, message: str) -> OutputError:
    return OutputError(Problem(shown, 0, message))


def read_marker(folder: Path) -> list[str] | None:
    """The files a build listed in ``folder``'s marker, or None when there is no valid marker."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) and data.get("written_by") == "storymaker" else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return files


def write_marker(folder: Path, files: list[str]) -> None:
    body = {"written_by": "storymaker", "note": "storymaker replaces this folder on every build",
            "files": sorted(files)}
    (folder / MARKER).write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")


def files_in(folder: Path) -> list[str]:
    """Every file and symbolic link under ``folder`` (relative, POSIX), the marker excepted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        links = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
        dirnames[:] = [d for d in dirnames if d not in links]
        for name in filenames + links:
            found.append(Path(dirpath, name).relative_to(folder).as_posix())
    return sorted(f for f in found if f != MARKER)


def check_folder(folder: Path, shown: str, choose: str = CHOOSE) -> None:
    """Refuse a folder that a build must not replace (it is ours, empty or missing, or refused)."""
    if folder.is_symlink():
        raise _refuse(shown, f"is a symbolic link (to {os.readlink(folder)}); give the real folder instead")
    if folder.exists() and not folder.is_dir():
        raise _refuse(shown, f"is a file, not a folder; {NEW}")
    if not folder.exists():
        return
    present = files_in(folder)
    listed = read_marker(folder)
    if listed is None:
        if present or any(folder.iterdir()):
            raise _refuse(shown, f"is not empty and was not written by storymaker (no {MARKER} file): "
                                 f"nothing was changed; {choose}")
        return
    foreign = sorted(set(present) - set(listed))
    if foreign:
        more = f" and {len(foreign) - 1} other file(s)" if len(foreign) > 1 else ""
        raise _refuse(shown, f"holds {foreign[0]}{more} that storymaker did not write: nothing was changed; "
                             "move them out of the folder and build again")


def check_out(root: Path, given: Path | str, shown: str) -> Path:
    """The resolved output folder, or an OutputError naming why it is refused."""
    root = root.resolve()
    if not str(given).strip():
        raise _refuse(shown, f"needs a folder; {NEW}")
    if str(given).startswith("~"):
        raise _refuse(shown, "starts with '~', which the shell did not expand here: write the folder's full path")
    out = Path(given)
    if out.is_symlink():
        check_folder(out, shown)
    real = out.resolve()
    home = Path.home().resolve()
    if real == Path(real.anchor):
        raise _refuse(shown, f"is the filesystem root; {NEW}")
    if real == root:
        raise _refuse(shown, f"is the project folder itself; {NEW}")
    if root.is_relative_to(real):
        raise _refuse(shown, f"contains the project folder; {NEW}")
    if real == home or home.is_relative_to(real):
        raise _refuse(shown, f"is your home folder{'' if real == home else ' or above it'}; {NEW}")
    for name in INPUTS:
        if real.is_relative_to(root / name):
            raise _refuse(shown, f"is inside the project's {name}/ folder, which holds your own files; {NEW}")
    check_folder(real, shown)
    if private_material(read_marker(real) or []):
        raise _refuse(shown, "is a private/ folder storymaker wrote (it holds an anonymisation log or provenance, "
                             f"with real names): it must never be published; {NEW}")
    check_folder(root / "private", "private", PRIVATE)
    return real


def private_material(listed: list[str]) -> bool:
    """Whether a folder's marker lists what storymaker writes only to private/."""
    return any(f == "anonymisation-log.csv" or f.startswith(("provenance/", "member-check/", "scripts/")) for f in listed)
