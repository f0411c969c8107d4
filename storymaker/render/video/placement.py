"""The layout step: every element of a slide placed in its own box before anything is drawn.

A slide's elements (label, title, rule, persona, heading, quote mark, quote, text, credits,
logo, caption band) are stacked top to bottom inside the format's safe area, which keeps
clear of what the platforms draw over social video (9:16 and 4:5: the top 14%, the bottom
35% and the right-hand button rail). The logo, when the project supplies one, takes a band
of its own at the top; the caption band is kept only on slides whose spoken words are not
already on screen. Boxes are the extent of the ink, so ``tests`` can check no two overlap.
"""
from __future__ import annotations

from dataclasses import dataclass

from .layout import TextBlock

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Placed:
    name: str
    box: Box  # x, y, width, height in pixels
    block: TextBlock | None = None
    colour: str = "text"
    text: str = ""  # for a single line drawn without a block (the label)


def stack(parts: list[tuple[str, TextBlock | None, float, str]], area: Box, gap: float, valign: str = "middle") -> list[Placed]:
    """Blocks (name, block or None, height, colour or text) one under another, centred across ``area``,
    as a group centred (or at the top) down it, ``gap`` apart."""
    x, y, w, h = area
    total = sum(p[2] for p in parts) + gap * (len(parts) - 1)
    top = y + (max(0.0, h - total) / 2 if valign == "middle" else 0.0)
    out = []
    for name, block, height, colour in parts:
        width = block.width() if block else w
        out.append(Placed(name, (x + (w - width) / 2, top, width, height), block,
                          "accent" if name == "label" else colour, colour if name == "label" else ""))
        top += height + gap
    return out


def inside(box: Box, area: Box, slack: float = 0.5) -> bool:
    x, y, w, h = box
    ax, ay, aw, ah = area
    return x >= ax - slack and y >= ay - slack and x + w <= ax + aw + slack and y + h <= ay + ah + slack


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
