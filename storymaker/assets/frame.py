"""A theme in one video format, in pixels: its boxes, font sizes and the area text may use.

Plain arithmetic on the theme's settings, with no drawing, so the checks before a render
(``videocheck.py``) and the renderer's :class:`~storymaker.render.video.slides.Canvas` share it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import VIDEO_FORMATS
from .theme import Theme

Box = tuple[float, float, float, float]
SOCIAL = ("1:1", "4:5", "9:16")  # formats with captions burned into the picture


@dataclass(frozen=True)
class Frame:
    theme: Theme
    fmt: str

    @property
    def size(self) -> tuple[int, int]:
        return VIDEO_FORMATS[self.fmt]

    def px(self, name: str) -> Box:
        w, h = self.size
        x, y, bw, bh = self.theme.box(self.fmt, name)
        return x * w, y * h, bw * w, bh * h

    def font_px(self, role: str, which: int = 0) -> int:
        return round(self.theme.settings.sizes.of(role, which) * min(self.size))

    def logo_height(self) -> int:
        """The logo's height in pixels (0 without a logo)."""
        return round(self.theme.settings.logo.height * min(self.size)) if self.theme.logo else 0

    def area(self, captioned: bool = False) -> Box:
        """The safe area, less the logo's band and, where a caption is burned in, the caption band."""
        x, y, w, h = self.px("safe")
        if self.theme.logo:
            band = self.logo_height() + 0.015 * self.size[1]
            y, h = y + band, h - band
        if captioned and self.fmt in SOCIAL:
            h = min(h, self.px("caption_box")[1] - y - 0.015 * self.size[1])
        return x, y, w, h
