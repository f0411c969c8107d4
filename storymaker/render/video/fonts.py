"""Font files loaded with Pillow (cached by file and size); a file Pillow cannot read is the user's to replace."""
from __future__ import annotations

from functools import lru_cache

from PIL import ImageFont

from ...errors import RenderError
from ...model import Problem


@lru_cache(maxsize=256)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        raise RenderError(Problem(path, 0, "font file is not a readable TrueType/OpenType font; replace it")) from None
