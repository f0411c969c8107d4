"""Slide pictures drawn with Pillow: title card, linking text, quotes, end card, captions.

Every size, colour, font and box comes from the theme. Text is fitted with
:mod:`layout` (balanced lines, largest size that fits, never below the theme's minimum);
text that will not fit even at the minimum raises :class:`RenderError` naming the slide.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageColor, ImageDraw

from ...errors import RenderError
from ...model import VIDEO_FORMATS, Problem
from .layout import TextBlock, draw_block, fit_text
from .plan import Slide
from .theme import Theme

SOCIAL = ("1:1", "4:5", "9:16")  # formats with captions burned into the picture

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Canvas:
    theme: Theme
    fmt: str
    story_key: str

    @property
    def size(self) -> tuple[int, int]:
        return VIDEO_FORMATS[self.fmt]

    def px(self, name: str) -> Box:
        w, h = self.size
        x, y, bw, bh = self.theme.box(self.fmt, name)
        return x * w, y * h, bw * w, bh * h

    def font_px(self, role: str, which: int = 0) -> int:
        value = self.theme.get("sizes", role, default=0.04)
        value = value[which] if isinstance(value, list) else value
        return round(float(value) * min(self.size))

    def colour(self, name: str) -> tuple[int, ...]:
        return ImageColor.getcolor(str(self.theme.get("colours", name, default="#ffffff")), "RGBA")

    def text_area(self) -> Box:
        """The safe area, less the caption band in formats that burn captions in."""
        x, y, w, h = self.px("safe")
        if self.fmt in SOCIAL:
            h = min(h, self.px("caption_box")[1] - y - 0.02 * self.size[1])
        return x, y, w, h

    def fit(self, slide: Slide, text: str, role: str, room: tuple[float, float], max_lines: int = 99) -> TextBlock:
        spacing = float(self.theme.get("sizes", "line_spacing", default=1.28))
        sizes = (self.font_px(role, 0), self.font_px(role, 1))
        block = fit_text(text, lambda s: self.theme.font(role, s), room, sizes, spacing, max_lines)
        if block is None:
            raise RenderError(Problem(f"story {self.story_key}", 0, f"{slide.kind} slide {slide.unit or ''} is too long "
                                      f"for the {self.fmt} frame even at the smallest text size; split or shorten it "
                                      f"(it starts: {text[:40]!r})"))
        return block


def draw_slide(slide: Slide, canvas: Canvas) -> Image.Image:
    """The slide's still picture (the image panel, if any, is filled in per frame)."""
    im = _background(canvas.size, canvas.colour("background"), canvas.colour("background_end")).copy()
    draw = ImageDraw.Draw(im)
    {"title": _title, "linking": _linking, "quote": _quote, "end": _end}[slide.kind](slide, canvas, draw)
    _logo(im, canvas)
    return im.convert("RGB")


def panel_box(slide: Slide, canvas: Canvas) -> tuple[int, int, int, int] | None:
    if not slide.image:
        return None
    x, y, w, h = canvas.px("image_box")
    return round(x), round(y), round(w), round(h)


@lru_cache(maxsize=32)
def _background(size: tuple[int, int], top: tuple[int, ...], bottom: tuple[int, ...]) -> Image.Image:
    gradient = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGBA", size, bottom), Image.new("RGBA", size, top), gradient)


def _title(slide: Slide, c: Canvas, draw: ImageDraw.ImageDraw) -> None:
    x, y, w, h = c.text_area()
    head = c.font_px("heading")
    label = str(c.theme.get("labels", "composite", default="")).upper()
    title = c.fit(slide, slide.text, "title", (w, h * 0.5), max_lines=4)
    persona = c.fit(slide, slide.subtitle, "persona", (w, h * 0.2)) if slide.subtitle else None
    label_h = head * 2.2 if label else 0
    total = label_h + title.height + head * 1.6 + (persona.height if persona else 0)
    top = y + (h - total) / 2
    if label:
        draw.text((x + w / 2, top + head), label, font=c.theme.font("heading", head), fill=c.colour("accent"), anchor="ms")
    bottom = draw_block(draw, title, (x, top + label_h, w, title.height), c.colour("text"))
    rule = bottom + head * 0.6
    draw.line((x + w / 2 - w * 0.08, rule, x + w / 2 + w * 0.08, rule), fill=c.colour("accent"), width=max(3, head // 8))
    if persona:
        draw_block(draw, persona, (x, rule + head, w, persona.height), c.colour("linking"))


def _heading_block(slide: Slide, c: Canvas, width: float) -> TextBlock | None:
    if not slide.heading:
        return None
    return c.fit(slide, slide.heading.upper(), "heading", (width, c.font_px("heading") * 2.6), max_lines=2)


def _stack(draw: ImageDraw.ImageDraw, c: Canvas, box: Box, heading: TextBlock | None, body: TextBlock, colour: str) -> None:
    """Heading and text as one group, centred in ``box``."""
    x, y, w, h = box
    gap = c.font_px("heading") * 0.9 if heading else 0
    top = y + (h - (heading.height if heading else 0) - gap - body.height) / 2
    if heading:
        top = draw_block(draw, heading, (x, top, w, heading.height), c.colour("accent")) + gap
    draw_block(draw, body, (x, top, w, body.height), c.colour(colour))


def _room(heading: TextBlock | None, c: Canvas) -> float:
    return heading.height + c.font_px("heading") * 0.9 if heading else 0.0


def _linking(slide: Slide, c: Canvas, draw: ImageDraw.ImageDraw) -> None:
    box = c.px("image_text_box") if slide.image else c.text_area()
    heading = _heading_block(slide, c, box[2])
    body = c.fit(slide, slide.text, "linking", (box[2], box[3] - _room(heading, c)))
    _stack(draw, c, box, heading, body, "linking")


def _heading(slide: Slide, c: Canvas, draw: ImageDraw.ImageDraw, box: Box) -> float:
    """Small accent heading at the top of ``box``; returns the space it took."""
    block = _heading_block(slide, c, box[2])
    if block is None:
        return 0.0
    draw_block(draw, block, (box[0], box[1], box[2], block.height), c.colour("accent"), valign="top")
    return _room(block, c)


def _quote(slide: Slide, c: Canvas, draw: ImageDraw.ImageDraw) -> None:
    x, y, w, h = c.text_area()
    used = _heading(slide, c, draw, (x, y, w, h))
    mark = c.font_px("quote_mark")
    area = (x, y + used + mark * 0.45, w, h - used - mark * 0.45)
    block = c.fit(slide, slide.text, "quote", area[2:])
    top = area[1] + (area[3] - block.height) / 2
    draw.text((x + w / 2, top - mark * 0.05), "\u201c", font=c.theme.font("title", mark), fill=c.colour("quote_mark"), anchor="ms")
    draw_block(draw, block, area, c.colour("text"))


def _end(slide: Slide, c: Canvas, draw: ImageDraw.ImageDraw) -> None:
    x, y, w, h = c.text_area()
    used = _heading(slide, c, draw, (x, y, w, h))
    credits = [line for line in slide.subtitle.splitlines() if line]
    credit_blocks = [c.fit(slide, line, "credits", (w, h * 0.2)) for line in credits]
    credit_h = sum(b.height for b in credit_blocks)
    area = (x, y + used, w, h - used - credit_h - c.font_px("credits", 0))
    draw_block(draw, c.fit(slide, slide.text, "linking", area[2:]), area, c.colour("text"))
    top = y + h - credit_h
    for block in credit_blocks:
        top = draw_block(draw, block, (x, top, w, block.height), c.colour("linking"))


def _logo(im: Image.Image, c: Canvas) -> None:
    layer = logo_layer(c)
    if layer:
        im.alpha_composite(layer[0], layer[1])


def logo_layer(c: Canvas) -> tuple[Image.Image, tuple[int, int]] | None:
    """The theme's logo and where it sits (also drawn over moving pictures)."""
    if not c.theme.logo:
        return None
    logo = _logo_image(str(c.theme.logo), round(float(c.theme.get("logo", "height", default=0.06)) * min(c.size)),
                       float(c.theme.get("logo", "opacity", default=1.0)))
    x, y, w, h = c.px("safe")
    corner = str(c.theme.get("logo", "corner", default="top-right"))
    left = round(x + w - logo.width) if corner.endswith("right") else round(x)
    top = round(y + h - logo.height) if corner.startswith("bottom") else round(y)
    return logo, (left, top)


@lru_cache(maxsize=8)
def _logo_image(path: str, height: int, opacity: float) -> Image.Image:
    try:
        logo = Image.open(path).convert("RGBA")
    except OSError:
        raise RenderError(Problem(path, 0, "the theme's logo is not a readable image; replace it or remove logo: file")) from None
    logo = logo.resize((max(1, round(logo.width * height / logo.height)), height), Image.LANCZOS)
    alpha = logo.getchannel("A").point(lambda a: round(a * opacity))
    logo.putalpha(alpha)
    return logo


def draw_caption(lines: tuple[str, ...], canvas: Canvas) -> tuple[Image.Image, tuple[int, int]]:
    """A burned-in caption: its RGBA picture (cropped) and where it goes."""
    x, y, w, h = canvas.px("caption_box")
    size = canvas.font_px("caption")
    font = canvas.theme.font("caption", size)
    while size > 12 and max(font.getlength(line) for line in lines) > w * 0.94:
        size -= 2
        font = canvas.theme.font("caption", size)
    line_h, pad = size * 1.3, size * 0.35
    width = max(font.getlength(line) for line in lines) + 2 * pad
    height = line_h * len(lines) + 2 * pad * 0.6
    im = Image.new("RGBA", (round(width), round(height)), (0, 0, 0, 0))
    draw = ImageDraw.Draw(im)
    draw.rounded_rectangle((0, 0, im.width - 1, im.height - 1), radius=round(pad), fill=canvas.colour("caption_box"))
    for i, line in enumerate(lines):
        draw.text((im.width / 2, pad * 0.6 + (i + 0.5) * line_h), line, font=font, fill=canvas.colour("caption_text"), anchor="mm")
    return im, (round(x + (w - im.width) / 2), round(y + h - im.height))
