"""Is an image file really a picture storymaker can use? Decoded in full with Pillow, before any build.

A text file renamed ``.jpg``, a truncated download or a 20,000-pixel scan fails here,
at ``check``, with the story spec's line, instead of half-way through rendering.

A picture that decoded once is remembered by the SHA-256 of its bytes (and the limits it
was checked against) in the user's cache folder, never in the project: a later ``check``
of the same bytes needs no decode and does not load Pillow at all (issue 13: ``check``
starts light). The cache holds hashes only, nothing from the picture; losing it costs one
decode, and a cache that cannot be written is ignored.
"""
from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

from .load.hygiene import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, too_big
from .model import Problem


def image_problem(path: Path, where: Problem, what: str) -> Problem | None:
    """None when ``path`` decodes as an image within the limits, else one Problem at ``where``."""
    big = too_big(path, where.path, MAX_IMAGE_BYTES, f"{what} {path.name}")
    if big:
        return Problem(where.path, where.line, big.message)
    key = _key(path)
    if key in _decoded():
        return None
    problem = _decode(path, where, what)
    if problem is None:
        _remember(key)
    return problem


def cache_file() -> Path:
    """Where decoded pictures are remembered: ``$XDG_CACHE_HOME/storymaker`` or ``~/.cache/storymaker``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storymaker" / "decoded-images.txt"


def _key(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return f"{digest}:{MAX_IMAGE_PIXELS}"


def _decoded() -> set[str]:
    try:
        return set(cache_file().read_text(encoding="ascii").split())
    except (OSError, UnicodeDecodeError):
        return set()


def _remember(key: str) -> None:
    try:
        cache_file().parent.mkdir(parents=True, exist_ok=True)
        with cache_file().open("a", encoding="ascii") as f:
            f.write(key + "\n")
    except OSError:
        pass  # a read-only home: the next check decodes again


def _decode(path: Path, where: Problem, what: str) -> Problem | None:
    from PIL import Image  # loaded only for a picture not decoded before
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                pixels = im.width * im.height
                if pixels > MAX_IMAGE_PIXELS:
                    return Problem(where.path, where.line, f"{what} {path.name} is {im.width}x{im.height} pixels; the limit is "
                                                           f"{MAX_IMAGE_PIXELS // 1_000_000} million: make it smaller")
                im.verify()
            with Image.open(path) as im:
                im.load()
    except Exception as exc:  # Pillow raises many kinds (UnidentifiedImageError, OSError, SyntaxError ...) for one cause
        why = str(exc).split(" '")[0].split(":")[0].strip() or type(exc).__name__
        return Problem(where.path, where.line, f"{what} {path.name} cannot be read as an image ({why}): "
                                               "replace it with a working JPEG, PNG or WebP file")
    return None
