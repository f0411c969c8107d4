"""The social card: a 1200x630 PNG drawn with Pillow from a title and one short quote.

The card is deterministic (same inputs, same bytes) and carries no metadata
but a ``Title`` text chunk. Text is wrapped by measured pixel width and
shrunk step by step until it fits its box; an over-long quote is cut at a
word with an ellipsis. Fonts are Open Sans (Debian ``fonts-open-sans``) or a
folder holding the same file names; DejaVu Sans is the fallback.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from PIL import Image, ImageDraw, ImageFont
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


@lru_cache(maxsize=64)
def cached_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Load a TrueType font once per (path, size)."""
    return ImageFont.truetype(path, size)


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


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by measured width; words wider than a line are split."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while font.getlength(word) > width and len(word) > 1:
            cut = max(1, next(i for i in range(len(word), 0, -1) if font.getlength(word[:i]) <= width))
            lines, line = lines + ([line] if line else []) + [word[:cut]], ""
            word = word[cut:]
        trial = f"{line} {word}".strip()
        if line and font.getlength(trial) > width:
            lines.append(line)
            trial = word
        line = trial
    return lines + ([line] if line else [])


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
    quote = good[0] if good else min(quotes, key=lambda q: (len(q.split()), q))
    words = quote.split()
    return quote if len(words) <= most_words else " ".join(words[:most_words]) + "…"


def draw_card(title: str, quote: str, site_title: str, fonts: CardFonts,
              load: FontLoader = cached_font) -> Image.Image:
    """Draw the card: label, title, quote and site name on a plain background."""
    img = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(img)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, 16, SIZE[1]), fill=ACCENT)
    draw.text((MARGIN, 56), "A COMPOSITE STORY", font=load(fonts.semibold, 24), fill=ACCENT)
    y = 100
    font, lines = fit(title, fonts.bold, range(68, 39, -4), width, 3, load)
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=TITLE)
        y += round(font.size * 1.22)
    if quote:
        qfont, qlines = fit(f"“{quote}”", fonts.italic, range(38, 25, -2), width, 4 if y < 260 else 3, load)
        y += 28
        for line in qlines:
            draw.text((MARGIN, y), line, font=qfont, fill=QUOTE)
            y += round(qfont.size * 1.35)
    foot, foot_lines = fit(site_title, fonts.semibold, range(26, 19, -2), width, 1, load)
    draw.text((MARGIN, SIZE[1] - 70), foot_lines[0] if foot_lines else "", font=foot, fill=MUTED)
    return img


def save_card(img: Image.Image, title: str, dest: Path) -> None:
    """Write the PNG with only a ``Title`` text chunk as metadata."""
    info = PngInfo()
    info.add_itxt("Title", title)
    dest.parent.mkdir(parents=True, exist_ok=True)
    img.save(dest, "PNG", pnginfo=info, compress_level=6)
