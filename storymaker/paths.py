"""Asset paths named in user files are confined to the project: no absolute paths,
no ``..`` escapes, no symlinks pointing out of the project."""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from .model import Problem

IMAGE_TYPES = {".jpg", ".jpeg", ".png", ".webp"}
AUDIO_TYPES = {".wav", ".mp3", ".ogg", ".flac", ".m4a"}


def confined(root: Path, name: str, where: Problem, what: str, kinds: set[str] | None = None) -> tuple[Path | None, Problem | None]:
    """Resolve ``name`` (relative to the project root) or explain why it is refused."""
    def refuse(message: str) -> tuple[None, Problem]:
        return None, Problem(where.path, where.line, f"{what} {name!r}: {message}")

    pure = PurePosixPath(name.replace("\\", "/"))
    if pure.is_absolute() or (len(name) > 1 and name[1] == ":"):
        return refuse("use a path relative to the project folder, e.g. assets/images/x.jpg")
    if ".." in pure.parts:
        return refuse("must stay inside the project folder (no '..')")
    root = root.resolve()
    path = (root / pure).resolve()
    if not path.is_relative_to(root):
        return refuse("points outside the project folder (a symlink?); copy the file into assets/")
    if not path.is_file():
        return refuse("no such file in the project; check the spelling or add the file")
    if kinds and path.suffix.lower() not in kinds:
        return refuse(f"unsupported file type; use one of {', '.join(sorted(kinds))}")
    return path, None
