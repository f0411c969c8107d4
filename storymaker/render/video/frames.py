"""Single frames: a slide's still picture, its Ken Burns image panel and its burned-in caption.

Any frame of a video can be drawn on its own with :func:`frame_at` (used for crossfades,
moving slides and previews). The Ken Burns move is a smooth zoom towards a point off
centre, computed in floating point and sampled with Pillow's ``resize(box=...)``, which
takes a fractional source box: sub-pixel accurate, so the picture glides without jitter.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ...errors import RenderError
from ...model import Problem
from .plan import TimedSlide

FOCI = ((0.7, -0.4), (-0.6, 0.35), (0.5, 0.6), (-0.7, -0.5))  # where each move zooms towards


@dataclass(frozen=True)
class Overlay:
    """A burned-in caption from frame ``start`` (inclusive) to ``end`` (exclusive)."""

    start: int
    end: int
    text: str
    rgba: np.ndarray
    x: int
    y: int


@dataclass(frozen=True)
class Art:
    """Everything needed to draw any frame of one slide in one format."""

    ts: TimedSlide
    still: np.ndarray | Path  # the still picture (H x W x 3), or the cached PNG to read it from when first needed
    panel: tuple[int, int, int, int] | None  # x, y, w, h of the moving image, or None
    zoom: float
    margin: int  # frames the move extends beyond the slide on each side (crossfades)
    front: tuple[Overlay, ...] = ()  # drawn over the moving picture (the logo)

    @property
    def moving(self) -> bool:
        return self.panel is not None

    @property
    def base(self) -> np.ndarray:
        """The still picture (read on first use: a rebuild never reads the slides it reuses)."""
        return self.still if isinstance(self.still, np.ndarray) else _read_still(self.still)


@lru_cache(maxsize=16)
def _read_still(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"))


def load_picture(path: str, size: tuple[int, int], story_key: str) -> Image.Image:
    """The beat's image cropped to fill ``size`` (the panel grown by the zoom)."""
    return _readable(path, story_key, lambda: _picture(path, size))


def check_picture(path: str, story_key: str) -> None:
    """Fail early, naming the file, if the beat's image is missing or cannot be decoded
    (decoded at an eighth of its size where the format allows: a few milliseconds)."""
    def decode() -> None:
        with Image.open(path) as im:
            im.draft("RGB", (max(1, im.width // 8), max(1, im.height // 8)))
            im.load()
    _readable(path, story_key, decode)


def _readable(path: str, story_key: str, read):
    if not Path(path).is_file():
        raise RenderError(Problem(path, 0, f"story {story_key}: image not found; fix the beat's image: path or add the file"))
    try:
        return read()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise RenderError(Problem(path, 0, f"story {story_key}: cannot read this image ({exc.__class__.__name__}); "
                                  "replace it with a valid JPEG or PNG")) from None


@lru_cache(maxsize=16)  # read by each segment showing it: room for four images in four formats
def _picture(path: str, size: tuple[int, int]) -> Image.Image:
    with Image.open(path) as im:
        im.load()
        return ImageOps.fit(ImageOps.exif_transpose(im).convert("RGB"), size, Image.LANCZOS)


def source_size(art: Art) -> tuple[int, int]:
    _, _, w, h = art.panel  # type: ignore[misc]
    return round(w * (1 + art.zoom)), round(h * (1 + art.zoom))


def ken_burns_box(art: Art, frame: int) -> tuple[float, float, float, float]:
    """The fractional source box shown at absolute ``frame``."""
    ts = art.ts
    u = min(1.0, max(0.0, (frame - ts.start + art.margin + 0.5) / (ts.frames + 2 * art.margin)))
    sw, sh = source_size(art)
    grow = (1 + art.zoom) ** -(u if ts.slide.motion % 2 == 0 else 1 - u)
    w, h = sw * grow, sh * grow
    fx, fy = FOCI[ts.slide.motion % len(FOCI)]
    cx, cy = sw / 2 + fx * (sw - w) / 2, sh / 2 + fy * (sh - h) / 2
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def frame_at(art: Art, frame: int, overlays: tuple[Overlay, ...], picture: Image.Image | None) -> np.ndarray:
    """The RGB frame (H x W x 3 uint8) at absolute ``frame`` of the video."""
    out = art.base.copy() if (art.moving or overlays) else art.base
    if art.moving and picture is not None:
        x, y, w, h = art.panel  # type: ignore[misc]
        out[y:y + h, x:x + w] = np.asarray(picture.resize((w, h), Image.BILINEAR, box=ken_burns_box(art, frame)))
        for o in art.front:
            _blend(out, o)
    for o in overlays:
        if o.start <= frame < o.end:
            _blend(out, o)
    return out


def _blend(frame: np.ndarray, o: Overlay) -> None:
    h, w = o.rgba.shape[:2]
    region = frame[o.y:o.y + h, o.x:o.x + w].astype(np.float32)
    alpha = o.rgba[..., 3:4].astype(np.float32) / 255.0
    frame[o.y:o.y + h, o.x:o.x + w] = (region * (1 - alpha) + o.rgba[..., :3] * alpha + 0.5).astype(np.uint8)


def crossfade(a: np.ndarray, b: np.ndarray, step: int, steps: int) -> np.ndarray:
    """Frame ``step`` of ``steps`` of a linear crossfade from ``a`` to ``b`` (Pillow's blend, in C)."""
    return np.asarray(Image.blend(Image.fromarray(a), Image.fromarray(b), (step + 0.5) / steps))
