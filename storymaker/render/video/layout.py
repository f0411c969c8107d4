"""Text fitting for slides: balanced line breaks, the largest size that fits a box.

Lines are balanced (like CSS ``text-wrap: balance``): first find how many lines the text
needs at the box width, then the narrowest width that still gives that many lines, so
the lines come out of similar length and no word is left alone on the last line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PIL import ImageDraw, ImageFont

Measure = Callable[[str], float]


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[str, ...]
    font: ImageFont.FreeTypeFont
    size: int
    line_height: float

    @property
    def height(self) -> float:
        return self.line_height * len(self.lines)

    def width(self) -> float:
        return max((self.font.getlength(line) for line in self.lines), default=0.0)


def wrap_greedy(words: list[str], width: float, measure: Measure) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in words:
        trial = f"{current} {word}" if current else word
        if current and measure(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return lines + [current] if current else lines


def wrap_balanced(text: str, width: float, measure: Measure) -> list[str]:
    """Wrap into as few lines as fit ``width``, then even out their lengths."""
    words = text.split()
    lines = wrap_greedy(words, width, measure)
    if len(lines) <= 1:
        return lines
    lo, hi = max(measure(w) for w in words), width
    while hi - lo > 1:
        mid = (lo + hi) / 2
        if len(wrap_greedy(words, mid, measure)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return wrap_greedy(words, hi, measure)


def fit_text(text: str, font_for: Callable[[int], ImageFont.FreeTypeFont], box: tuple[float, float],
             sizes: tuple[int, int], line_spacing: float, max_lines: int = 99) -> TextBlock | None:
    """The largest size in ``sizes`` (largest, smallest) at which ``text`` fits ``box``; None if none does."""
    largest, smallest = sizes
    size = largest
    while size >= smallest:
        block = _try(text, font_for(size), size, box, line_spacing, max_lines)
        if block:
            return block
        size = min(size - 1, int(size * 0.95))
    return _try(text, font_for(smallest), smallest, box, line_spacing, max_lines)


def _try(text: str, font: ImageFont.FreeTypeFont, size: int, box: tuple[float, float],
         line_spacing: float, max_lines: int) -> TextBlock | None:
    width, height = box
    lines = wrap_balanced(text, width, font.getlength)
    block = TextBlock(tuple(lines), font, size, size * line_spacing)
    if len(lines) > max_lines or block.height > height or block.width() > width:
        return None
    return block


def draw_block(draw: ImageDraw.ImageDraw, block: TextBlock, box: tuple[float, float, float, float],
               fill: str | tuple, align: str = "center", valign: str = "middle") -> float:
    """Draw ``block`` inside ``box`` (x, y, w, h); returns the y just under the last line."""
    x, y, w, h = box
    top = y + {"top": 0.0, "middle": (h - block.height) / 2, "bottom": h - block.height}[valign]
    anchor, left = ("ma", x + w / 2) if align == "center" else ("la", x)
    ascent_pad = (block.line_height - block.size) / 2
    for i, line in enumerate(block.lines):
        draw.text((left, top + ascent_pad + i * block.line_height), line, font=block.font, fill=fill, anchor=anchor)
    return top + block.height
