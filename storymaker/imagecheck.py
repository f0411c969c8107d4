"""Is an image file really a picture storymaker can use? Decoded in full with Pillow, before any build.

A text file renamed ``.jpg``, a truncated download or a 20,000-pixel scan fails here,
at ``check``, with the story spec's line, instead of half-way through rendering.
"""
from __future__ import annotations

import warnings
from pathlib import Path

from .load.hygiene import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, too_big
from .model import Problem


def image_problem(path: Path, where: Problem, what: str) -> Problem | None:
    """None when ``path`` decodes as an image within the limits, else one Problem at ``where``."""
    from PIL import Image  # loaded only when a story has a picture to check
    big = too_big(path, where.path, MAX_IMAGE_BYTES, f"{what} {path.name}")
    if big:
        return Problem(where.path, where.line, big.message)
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
