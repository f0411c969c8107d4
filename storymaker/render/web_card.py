"""The social card: a 1200x630 PNG drawn with Pillow from a title and one short quote.

The card is deterministic (same inputs, same bytes) and carries no metadata
but a ``Title`` text chunk. Text is wrapped by measured pixel width and
shrunk step by step until it fits its box; an over-long quote is cut at a
word with an ellipsis. Glyphs are laid out with FreeType's basic layout (fast; fine for English).
Fonts are Open Sans (Debian ``fonts-open-sans``) or a
folder holding the same file names; DejaVu Sans is the fallback.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from PIL import Image, ImageColor, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from ..errors import RenderError
from ..model import Problem, Story

SIZE = (1200, 630)
MARGIN = 80
BACKGROUND, ACCENT, TITLE, QUOTE, MUTED = "#123b4a", "#f2b134", "#ffffff", "#dcecf1", "#b7d3dc"
OPEN_SANS = Path("/usr/share/fonts/truetype/open-sans")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
STYLES = {
    "bold": ("OpenSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
    "italic": ("OpenSans-Italic.ttf", "DejaVuSans-Oblique.ttf"),
    "semibold": ("OpenSans-Semibold.ttf", "DejaVuSans-Bold.ttf"),
}

FontLoader = Callable[[str, int], ImageFont.FreeTypeFont]


@lru_cache(maxsize=256)
def _font(path: str, size: int, thread: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)


def cached_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Load a TrueType font once per (path, size) and thread (a FreeType face is single-threaded)."""
    return _font(path, size, threading.get_ident())


@dataclass(frozen=True)
class CardFonts:
    """Font files for the card's three styles."""

    bold: str
    italic: str
    semibold: str

    @classmethod
    def find(cls, font_dir: Path | None = None) -> "CardFonts":
        """Fonts from ``font_dir``, else Open Sans, else DejaVu Sans."""
        found = {}
        for style, (open_sans, dejavu) in STYLES.items():
            options = [Path(font_dir) / open_sans] if font_dir else []
            options += [OPEN_SANS / open_sans, DEJAVU / dejavu]
            path = next((p for p in options if p.is_file()), None)
            if path is None:
                raise RenderError(Problem(str(font_dir or OPEN_SANS), 0, f"font {open_sans} not found: "
                                          "install fonts-open-sans (apt) or put it in assets/fonts/"))
            found[style] = str(path)
        return cls(**found)


def split_long(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Cut a word wider than a line into pieces that fit (binary search for each cut)."""
    pieces = []
    while len(word) > 1 and font.getlength(word) > width:
        low, high = 1, len(word) - 1  # the longest prefix that fits lies in [low, high]
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if font.getlength(word[:middle]) <= width else (low, middle - 1)
        pieces.append(word[:low])
        word = word[low:]
    return pieces + [word]


def measured_words(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[tuple[str, float]]:
    """Each word with its width; a word wider than ``width`` is cut into pieces."""
    out = []
    for word in text.split():
        size = font.getlength(word)
        pieces = split_long(word, font, width) if size > width else [word]
        out += [(word, size)] if len(pieces) == 1 else [(p, font.getlength(p)) for p in pieces]
    return out


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by measured width (each word measured once)."""
    space = font.getlength(" ")
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for word, size in measured_words(text, font, width):
        if line and used + space + size > width:
            lines.append(" ".join(line))
            line, used = [], 0.0
        used += (space if line else 0.0) + size
        line.append(word)
    return lines + ([" ".join(line)] if line else [])


def fit(text: str, path: str, sizes: range, width: int, max_lines: int,
        load: FontLoader = cached_font) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size whose wrapped text fits ``max_lines``; else the smallest, cut with '…'."""
    for size in sizes:
        font = load(path, size)
        lines = wrap(text, font, width)
        if len(lines) <= max_lines:
            return font, lines
    lines = lines[:max_lines]
    last = lines[-1]
    while last and font.getlength(last + "…") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = last.rstrip(",;:.—- ") + "…"
    return font, lines


def short_quote(story: Story, most_words: int = 30) -> str:
    """The first quote of 6 to ``most_words`` words, else the shortest, cut to fit."""
    quotes = [" ".join(q.split()) for beat in story.beats for q in beat.quotes if q.strip()]
    if not quotes:
        return ""
    good = [q for q in quotes if 6 <= len(q.split()) <= most_words]
    quote = good[0] if good else min(quotes, key=lambda q: len(q.split()))  # first of the shortest
    words = quote.split()
    return quote if len(words) <= most_words else " ".join(words[:most_words]) + "…"


def layout(title: str, quote: str, site_title: str, fonts: CardFonts, load: FontLoader = cached_font,
           kicker: str = "A composite story", quoted: bool = True) -> list[tuple[str, int, ImageFont.FreeTypeFont, list[str], int]]:
    """The card's text blocks as ``(colour, top, font, lines, line height)``, top to bottom."""
    width = SIZE[0] - 2 * MARGIN
    label = load(fonts.semibold, 24)
    blocks = [(ACCENT, 56, label, [kicker.upper()], 30)]
    font, lines = fit(title, fonts.bold, range(68, 39, -4), width, 3, load)
    blocks.append((TITLE, 100, font, lines, round(font.size * 1.22)))
    y = 100 + len(lines) * blocks[-1][4] + 28
    if quote:
        text, face = (f"“{quote}”", fonts.italic) if quoted else (quote, fonts.semibold)  # italic quotes: the key's sign
        qfont, qlines = fit(text, face, range(38, 25, -2), width, 4 if y < 290 else 3, load)
        blocks.append((QUOTE, y, qfont, qlines, round(qfont.size * 1.35)))
    foot, foot_lines = fit(site_title, fonts.semibold, range(26, 19, -2), width, 1, load)
    blocks.append((MUTED, SIZE[1] - 70, foot, foot_lines, 0))
    return blocks


def palette(colours: list[str]) -> list[int]:
    """16 shades per colour, from the background (0) to the colour itself (15)."""
    bg = ImageColor.getrgb(BACKGROUND)
    out: list[int] = []
    for colour in colours:
        rgb = ImageColor.getrgb(colour)
        for k in range(16):
            out += [round(b + (c - b) * k / 15) for b, c in zip(bg, rgb)]
    return out


def draw_card(title: str, quote: str, site_title: str, fonts: CardFonts,
              load: FontLoader = cached_font, kicker: str = "A composite story", quoted: bool = True) -> Image.Image:
    """Draw the card as a palette image: text coverage is drawn once in greyscale,
    then each block's band is mapped to 16 shades of its colour (fast to write as PNG).
    ``quoted``: the words are an interviewee's (in quotation marks, italic), else plain (the site's description)."""
    blocks = layout(title, quote, site_title, fonts, load, kicker, quoted)
    coverage = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(coverage)
    for _, top, font, lines, step in blocks:
        for n, line in enumerate(lines):
            draw.text((MARGIN, top + n * step), line, font=font, fill=255)
    card = Image.new("P", SIZE, 0)
    card.putpalette(palette([b[0] for b in blocks]))
    tops = [b[1] for b in blocks][1:] + [SIZE[1]]
    for n, bottom in enumerate(tops):
        band = (0, tops[n - 1] if n else 0, SIZE[0], bottom)
        card.paste(coverage.crop(band).point(lambda v, base=16 * n: base + (v + 8) // 17), band[:2])
    ImageDraw.Draw(card).rectangle((0, 0, 15, SIZE[1]), fill=15)  # the accent bar: full label colour
    return card


def save_card(img: Image.Image, title: str, dest: Path) -> None:
    """Write the PNG with only a ``Title`` text chunk as metadata."""
    info = PngInfo()
    info.add_itxt("Title", title)
    dest.parent.mkdir(parents=True, exist_ok=True)
    img.save(dest, "PNG", pnginfo=info, compress_level=3)  # 3: near 6 in size, much quicker
