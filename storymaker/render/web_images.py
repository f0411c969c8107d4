"""Responsive images with Pillow: JPEG and WebP at a few widths, posters sized for the player, icons.

Every image is re-encoded (no EXIF, no GPS, no metadata) at widths no larger
than the original, named ``<stem>-<width>.jpg`` / ``.webp``. Pillow's
encoders are deterministic, so the same input gives the same bytes. For speed
(``benchmarks/web.py``): a large JPEG is decoded at a reduced scale by libjpeg
itself (never below the widest rendition), each width is resized from the
smallest copy already made that is at least twice as wide, and WebP is written
at libwebp's effort 2.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageOps

from ..errors import RenderError
from ..model import Problem

WIDTHS = (400, 640, 960, 1280)
POSTER_WIDTH = 1280  # the player is at most 40rem (640 CSS px) wide: 2x for sharp screens
ARTICLE_SIZES = "(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)"
THUMB_WIDTHS = (240, 480)  # index cards: 10rem, twice for sharp screens
THUMB_SIZES = "(min-width: 42.5rem) 10rem, 30vw"
WEBP_METHOD = 2  # libwebp's effort (0-6): 2 is twice as quick as 3 for files about 3% larger
REDUCING_GAP = 1.25  # Pillow's two-step resize: reduce() by whole times first, then Lanczos over at least 1.25x
PAGE = "#fdfcf9"  # the page's background (style.css --paper), under a transparent picture
ICON_SIZES = {"favicon-32.png": 32, "apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}


@dataclass(frozen=True)
class Picture:
    """One image at several widths; URLs are relative to the site root."""

    stem: str  # e.g. media/staff/night-shift-1 (no width, no suffix)
    widths: tuple[int, ...]
    width: int  # intrinsic size of the largest rendition
    height: int
    alt: str = ""
    sizes: str = ARTICLE_SIZES

    @property
    def src(self) -> str:
        return f"{self.stem}-{self.widths[-1]}.jpg"

    def jpeg_srcset(self, root: str = "") -> str:
        return ", ".join(f"{root}{self.stem}-{w}.jpg {w}w" for w in self.widths)

    def webp_srcset(self, root: str = "") -> str:
        return ", ".join(f"{root}{self.stem}-{w}.webp {w}w" for w in self.widths)

    def files(self) -> list[str]:
        return [f"{self.stem}-{w}.{ext}" for w in self.widths for ext in ("jpg", "webp")]


def open_rgb(path: Path, what: str, width: int = 0) -> Image.Image:
    """An image file as RGB pixels the right way up (EXIF orientation applied), transparency laid on the
    page's own colour, 16-bit grey scaled to 8 bits; or a problem naming the file. With ``width``, a JPEG
    at least twice as wide is decoded at 1/2, 1/4 or 1/8 scale (libjpeg's own, much quicker), never narrower."""
    try:
        with Image.open(path) as img:
            if width and img.format == "JPEG" and img.width >= 2 * width:
                img.draft("RGB", (width, max(1, img.height * width // img.width)))
            return bare(flattened(ImageOps.exif_transpose(img)))
    except (OSError, ValueError) as exc:
        raise RenderError(Problem(str(path), 0, f"{what} cannot be read ({exc}): save it again as PNG or JPEG")) from exc


def bare(img: Image.Image) -> Image.Image:
    """The pixels with no metadata at all: Pillow writes ``info``'s JPEG comment (and more) into every copy saved."""
    img.info.clear()
    return img


def flattened(img: Image.Image, ground: str = PAGE) -> Image.Image:
    """RGB pixels of any mode: alpha (or a palette's transparent colour) over ``ground``, 16-bit data scaled."""
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        img = img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info:
        rgba = img.convert("RGBA")
        base = Image.new("RGBA", rgba.size, ground)
        return Image.alpha_composite(base, rgba).convert("RGB")
    return img.convert("RGB")


def planned(width: int, height: int, stem: str, widths: tuple[int, ...] = WIDTHS, alt: str = "",
            sizes: str = ARTICLE_SIZES) -> Picture:
    """The :class:`Picture` :func:`renditions` makes from a ``width`` x ``height`` image (never enlarged)."""
    chosen = tuple(sorted({w for w in widths if w < width} | {min(width, widths[-1])}))
    return Picture(stem, chosen, chosen[-1], round(height * chosen[-1] / width), alt, sizes)


def renditions(img: Image.Image, out_dir: Path, stem: str, widths: tuple[int, ...] = WIDTHS,
               alt: str = "", sizes: str = ARTICLE_SIZES) -> Picture:
    """Save ``img`` as JPEG and WebP at each width up to its own; return the :class:`Picture`."""
    picture = planned(img.width, img.height, stem, widths, alt, sizes)
    dest = out_dir / stem
    dest.parent.mkdir(parents=True, exist_ok=True)
    made: list[Image.Image] = []  # largest first
    for w in sorted(picture.widths, reverse=True):
        small = scaled(img, w, made)
        made.append(small)
        small.save(f"{dest}-{w}.jpg", "JPEG", quality=82, optimize=True, progressive=True)
        small.save(f"{dest}-{w}.webp", "WEBP", quality=80, method=WEBP_METHOD)
    return picture


def scaled(img: Image.Image, width: int, made: list[Image.Image] = ()) -> Image.Image:
    """``img`` at ``width``, resized from the smallest copy already made that is at least twice as wide
    (the 240 px thumbnail from the 480 px one): Lanczos after an integer box reduction where it shrinks
    2.5 times or more, which no one can tell from Lanczos alone at these sizes."""
    if width == img.width:
        return img
    source = min((m for m in made if m.width >= 2 * width), key=lambda m: m.width, default=img)
    return source.resize((width, round(img.height * width / img.width)), Image.LANCZOS, reducing_gap=REDUCING_GAP)


def poster(src: Path, out_dir: Path, stem: str) -> tuple[str, int, int, Picture]:
    """The video's PNG poster as a JPEG (and WebP) no wider than the player needs; URL, size and index-card picture."""
    img = open_rgb(src, "video poster")
    if img.width > POSTER_WIDTH:
        img = scaled(img, POSTER_WIDTH)
    dest = out_dir / f"{stem}-poster.jpg"
    dest.parent.mkdir(parents=True, exist_ok=True)
    img.save(dest, "JPEG", quality=82, optimize=True, progressive=True)
    img.save(dest.with_suffix(".webp"), "WEBP", quality=80, method=WEBP_METHOD)
    thumb = renditions(img, out_dir, f"{stem}-thumb", THUMB_WIDTHS, sizes=THUMB_SIZES)
    return f"{stem}-poster.jpg", img.width, img.height, thumb


def mark_colour(ground: str, accent: str) -> str:
    """``accent`` if it stands out from ``ground`` (contrast 3:1, WCAG's for graphics), else black or white."""
    def luminance(colour: str) -> float:
        channels = [c / 255 for c in ImageColor.getrgb(colour)[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)
    if contrast(ground, accent) >= 3:
        return accent
    return max(("#000000", "#ffffff"), key=lambda c: contrast(ground, c))


def icon(size: int, colour: str, accent: str = "#f2b134", logo: Image.Image | None = None) -> Image.Image:
    """A square icon: the logo on a plain ground, or a quotation mark on the theme colour."""
    img = Image.new("RGB", (size, size), colour if logo is None else "#ffffff")
    if logo is not None:
        mark = logo.copy()
        mark.thumbnail((round(size * 0.8), round(size * 0.8)), Image.LANCZOS)
        img.paste(mark, ((size - mark.width) // 2, (size - mark.height) // 2), mark if mark.mode == "RGBA" else None)
        return img
    draw = ImageDraw.Draw(img)
    accent = mark_colour(colour, accent)
    r = size * 0.12
    for dx in (-0.14, 0.14):  # two bold commas, a closing quotation mark
        cx, cy = size * (0.5 + dx), size * 0.42
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=accent)
        draw.polygon([(cx + r * 0.95, cy), (cx - r * 0.2, cy + r * 2.6), (cx - r * 0.9, cy + r * 0.4)], fill=accent)
    return img


def write_icons(out_dir: Path, colour: str, logo_path: str) -> list[Path]:
    """favicon-32.png, apple-touch-icon.png (180) and the manifest's 192 and 512 px icons."""
    logo = open_logo(Path(logo_path)) if logo_path else None
    written = []
    for name, size in ICON_SIZES.items():
        icon(size, colour, logo=logo).save(out_dir / name, "PNG", optimize=True)
        written.append(out_dir / name)
    return written


def open_logo(path: Path) -> Image.Image:
    """The logo the right way up, keeping its transparency (RGBA) when it has any, else RGB."""
    try:
        with Image.open(path) as img:
            img = ImageOps.exif_transpose(img)
            see_through = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
            return bare(img.convert("RGBA") if see_through else flattened(img))
    except (OSError, ValueError) as exc:
        raise RenderError(Problem(str(path), 0, f"logo cannot be read ({exc}): save it again as PNG or JPEG")) from exc


def write_logo(out_dir: Path, logo_path: str) -> dict[str, object] | None:
    """The project's logo for the header, 48 CSS px high (96 px for sharp screens)."""
    if not logo_path:
        return None
    img = open_logo(Path(logo_path))
    height = min(96, img.height)
    img = img.resize((max(1, round(img.width * height / img.height)), height), Image.LANCZOS)
    dest = out_dir / "media" / "logo.png"
    dest.parent.mkdir(parents=True, exist_ok=True)
    img.save(dest, "PNG", optimize=True)
    return {"url": "media/logo.png", "width": round(img.width / 2), "height": round(height / 2)}
