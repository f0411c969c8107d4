"""Slide pictures drawn with Pillow: title card, linking text, quotes, end card, captions.

Every size, colour, font and box comes from the theme. Text is fitted with
:mod:`layout` (balanced lines, largest size that fits, never below the theme's minimum);
text that will not fit even at the minimum raises :class:`RenderError` naming the slide.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageColor, ImageDraw, ImageFont

from ...assets.frame import SOCIAL, Box, Frame
from ...errors import RenderError
from ...model import Problem
from .fonts import load_font
from .layout import TextBlock, draw_block, fit_text
from .placement import Placed, stack
from .plan import Slide, spoken_on_screen

__all__ = ["SOCIAL", "Canvas", "draw_caption", "draw_slide", "logo_layer", "panel_box", "place"]


@dataclass(frozen=True)
class Canvas(Frame):
    """The theme in one format for one story, with the means to draw: colours, fonts, fitted text."""

    story_key: str

    def colour(self, name: str) -> tuple[int, ...]:
        return ImageColor.getcolor(getattr(self.theme.settings.colours, name), "RGBA")

    def font(self, role: str, size: float) -> ImageFont.FreeTypeFont:
        return load_font(str(self.theme.fonts[role]), max(8, int(size)))

    def text_area(self, slide: Slide | None = None) -> Box:
        """The safe area, less the logo's band and, where a caption is burned in, the caption band."""
        return self.area(slide is not None and not spoken_on_screen(slide))

    def fit(self, slide: Slide, text: str, role: str, room: tuple[float, float], max_lines: int = 99) -> TextBlock:
        spacing = self.theme.settings.sizes.line_spacing
        sizes = (self.font_px(role, 0), self.font_px(role, 1))
        block = fit_text(text, lambda s: self.font(role, s), room, sizes, spacing, max_lines)
        if block is None:
            raise RenderError(Problem(f"story {self.story_key}", 0, f"{slide.kind} slide {slide.unit or ''} is too long "
                                      f"for the {self.fmt} frame even at the smallest text size; split or shorten it "
                                      f"(it starts: {text[:40]!r})"))
        return block


def draw_slide(slide: Slide, canvas: Canvas) -> Image.Image:
    """The slide's still picture (the image panel, if any, is filled in per frame)."""
    im = _background(canvas.size, canvas.colour("background"), canvas.colour("background_end")).copy()
    draw = ImageDraw.Draw(im)
    for item in place(slide, canvas):
        _draw(draw, item, canvas)
    _logo(im, canvas)
    return im.convert("RGB")


def place(slide: Slide, canvas: Canvas) -> list[Placed]:
    """Every element of the slide in its own box (see ``placement.py``)."""
    items = {"title": _title, "linking": _linking, "quote": _quote, "end": _end}[slide.kind](slide, canvas)
    logo = logo_layer(canvas)
    if logo:
        items.append(Placed("logo", (*logo[1], logo[0].width, logo[0].height)))
    if canvas.fmt in SOCIAL and not spoken_on_screen(slide):
        items.append(Placed("caption", canvas.px("caption_box")))
    return items


def panel_box(slide: Slide, canvas: Canvas) -> tuple[int, int, int, int] | None:
    if not slide.image:
        return None
    x, y, w, h = canvas.px("image_box")
    return round(x), round(y), round(w), round(h)


@lru_cache(maxsize=32)
def _background(size: tuple[int, int], top: tuple[int, ...], bottom: tuple[int, ...]) -> Image.Image:
    gradient = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGBA", size, bottom), Image.new("RGBA", size, top), gradient)


def _draw(draw: ImageDraw.ImageDraw, item: Placed, c: Canvas) -> None:
    x, y, w, h = item.box
    if item.block is not None:
        draw_block(draw, item.block, item.box, c.colour(item.colour))
    elif item.name == "rule":
        draw.line((x, y + h / 2, x + w, y + h / 2), fill=c.colour("accent"), width=max(3, round(h)))
    elif item.name == "quote_mark":
        font = c.font("title", c.font_px("quote_mark"))
        x0, y0, _, _ = font.getbbox("\u201c", anchor="ls")
        draw.text((x - x0, y - y0), "\u201c", font=font, fill=c.colour("quote_mark"), anchor="ls")
    elif item.name == "label":
        font = c.font("heading", c.font_px("heading"))
        x0, y0, _, _ = font.getbbox(item.text, anchor="ls")
        draw.text((x - x0, y - y0), item.text, font=font, fill=c.colour("accent"), anchor="ls")


def _title(slide: Slide, c: Canvas) -> list[Placed]:
    x, y, w, h = area = c.text_area(slide)
    head = c.font_px("heading")
    label = slide.heading.upper()  # the theme's 'composite' label, in the story's language
    title = c.fit(slide, slide.text, "title", (w, h * 0.55), max_lines=4)
    persona = c.fit(slide, slide.subtitle, "persona", (w, h * 0.25)) if slide.subtitle else None
    parts: list[tuple[str, TextBlock | None, float, str]] = []
    if label:
        parts.append(("label", None, _ink(c, label)[1], label))
    parts += [("title", title, title.height, "text"), ("rule", None, max(3, head // 8), "accent")]
    if persona:
        parts.append(("persona", persona, persona.height, "linking"))
    placed = stack(parts, area, head * 0.8)
    return [_narrow(p, c) for p in placed]


def _ink(c: Canvas, label: str) -> tuple[float, float]:
    x0, y0, x1, y1 = c.font("heading", c.font_px("heading")).getbbox(label, anchor="ls")
    return x1 - x0, y1 - y0


def _narrow(p: Placed, c: Canvas) -> Placed:
    """The label and the rule are as wide as their ink, not the whole area."""
    x, y, w, h = p.box
    if p.name == "label":
        width = _ink(c, p.text)[0]
    elif p.name == "rule":
        width = c.px("safe")[2] * 0.16
    else:
        return p
    return Placed(p.name, (x + (w - width) / 2, y, width, h), p.block, p.colour, p.text)


def _heading_block(slide: Slide, c: Canvas, width: float) -> TextBlock | None:
    if not slide.heading:
        return None
    return c.fit(slide, slide.heading.upper(), "heading", (width, c.font_px("heading") * 2.6), max_lines=2)


def _heading_part(heading: TextBlock | None) -> list[tuple[str, TextBlock | None, float, str]]:
    return [("heading", heading, heading.height, "accent")] if heading else []


def _linking(slide: Slide, c: Canvas) -> list[Placed]:
    area = c.text_area(slide)
    if slide.image:  # beside or under the picture, and still above any caption band
        x, y, w, h = c.px("image_text_box")
        area = (x, y, w, min(y + h, area[1] + area[3]) - y)
    heading = _heading_block(slide, c, area[2])
    gap = c.font_px("heading") * 0.9
    body = c.fit(slide, slide.text, "linking", (area[2], area[3] - (heading.height + gap if heading else 0)))
    return stack(_heading_part(heading) + [("text", body, body.height, "linking")], area, gap)


def _mark_box(c: Canvas) -> tuple[float, float]:
    x0, y0, x1, y1 = c.font("title", c.font_px("quote_mark")).getbbox("\u201c", anchor="ls")
    return x1 - x0, y1 - y0


def _quote(slide: Slide, c: Canvas) -> list[Placed]:
    area = c.text_area(slide)
    heading = _heading_block(slide, c, area[2])
    gap = c.font_px("heading") * 0.7
    mark_w, mark_h = _mark_box(c)
    room = area[3] - (heading.height + gap if heading else 0) - mark_h - gap
    block = c.fit(slide, slide.text, "quote", (area[2], room))
    placed = stack(_heading_part(heading) + [("quote_mark", None, mark_h, "quote_mark"), ("quote", block, block.height, "text")],
                   area, gap)
    return [Placed(p.name, (p.box[0] + (p.box[2] - mark_w) / 2, p.box[1], mark_w, p.box[3])) if p.name == "quote_mark" else p
            for p in placed]


def _end(slide: Slide, c: Canvas) -> list[Placed]:
    area = x, y, w, h = c.text_area(slide)
    heading = _heading_block(slide, c, w)
    credits = [c.fit(slide, line, "credits", (w, h * 0.2)) for line in slide.subtitle.splitlines() if line]
    gap = c.font_px("heading") * 0.7
    used = (heading.height + gap if heading else 0) + sum(b.height + gap for b in credits)
    body = c.fit(slide, slide.text, "linking", (w, h - used))
    parts = _heading_part(heading) + [("text", body, body.height, "text")]
    parts += [(f"credits {n}", b, b.height, "linking") for n, b in enumerate(credits)]
    return stack(parts, area, gap)


def _logo(im: Image.Image, c: Canvas) -> None:
    layer = logo_layer(c)
    if layer:
        im.alpha_composite(layer[0], layer[1])


def logo_layer(c: Canvas) -> tuple[Image.Image, tuple[int, int]] | None:
    """The theme's logo and where it sits (also drawn over moving pictures)."""
    if not c.theme.logo:
        return None
    logo = _logo_image(str(c.theme.logo), c.logo_height(), c.theme.settings.logo.opacity)
    x, y, w, h = c.px("safe")
    corner = c.theme.settings.logo.corner
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
    font = canvas.font("caption", size)
    while size > 12 and max(font.getlength(line) for line in lines) > w * 0.94:
        size -= 2
        font = canvas.font("caption", size)
    line_h, pad = size * 1.3, size * 0.35
    width = max(font.getlength(line) for line in lines) + 2 * pad
    height = line_h * len(lines) + 2 * pad * 0.6
    im = Image.new("RGBA", (round(width), round(height)), (0, 0, 0, 0))
    draw = ImageDraw.Draw(im)
    draw.rounded_rectangle((0, 0, im.width - 1, im.height - 1), radius=round(pad), fill=canvas.colour("caption_box"))
    for i, line in enumerate(lines):
        draw.text((im.width / 2, pad * 0.6 + (i + 0.5) * line_h), line, font=font, fill=canvas.colour("caption_text"), anchor="mm")
    return im, (round(x + (w - im.width) / 2), round(y + h - im.height))
