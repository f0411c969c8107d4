"""Text fitting for slides: balanced line breaks, the largest size that fits a box.

Lines are balanced (like CSS ``text-wrap: balance``): first find how many lines the text
needs at the box width, then choose the breaks that make those lines most even in
length, never leaving one word alone on the last line.
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
    """As few lines as fit ``width``, with breaks chosen so the lines are of even length
    (least squared difference from the average) and the last line is never one word alone."""
    words = text.split()
    count = len(wrap_greedy(words, width, measure))
    if count <= 1:
        return [" ".join(words)] if words else []
    breaks = _even_breaks([measure(w) for w in words], measure(" "), width, count)
    if breaks is None:
        return wrap_greedy(words, width, measure)
    return [" ".join(words[a:b]) for a, b in zip(breaks, breaks[1:])]


def _even_breaks(widths: list[float], space: float, width: float, lines: int) -> list[int] | None:
    """Dynamic programme over break points: ``lines`` lines, each within ``width``."""
    n = len(widths)
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    span = lambda i, j: prefix[j] - prefix[i] + (j - i - 1) * space
    target, inf = span(0, n) / lines, float("inf")
    cost = [[inf] * (n + 1) for _ in range(lines + 1)]
    back = [[0] * (n + 1) for _ in range(lines + 1)]
    cost[0][0] = 0.0
    for k in range(1, lines + 1):
        for j in range(k, n + 1):
            for i in range(j - 1, k - 2, -1):
                w = span(i, j)
                if w > width:
                    break
                orphan = width * width * 4 if (k == lines and j - i == 1 and n > lines) else 0.0
                c = cost[k - 1][i] + (target - w) ** 2 + orphan
                if c < cost[k][j]:
                    cost[k][j], back[k][j] = c, i
    if cost[lines][n] == inf:
        return None
    breaks = [n]
    for k in range(lines, 0, -1):
        breaks.append(back[k][breaks[-1]])
    return breaks[::-1]


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
