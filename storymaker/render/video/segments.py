"""One format of one story as a list of segments, each cached by a hash of what it shows.

    hold    a run of frames that do not change (a still slide between caption changes):
            one picture, held by FFmpeg
    moving  a slide with a Ken Burns image, drawn frame by frame
    fade    the crossfade from one slide into the next

A one-word change redraws one slide, so only its segments and the two short fades beside
it are encoded again; everything else is reused from the cache.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from ...model import Cue
from . import cache
from .cache import Cache
from .encode import encode_frames, encode_hold, encoder_args
from .frames import Art, Overlay, check_picture, crossfade, frame_at, load_picture, source_size
from .plan import Slide, TimedSlide, spoken_on_screen
from .slides import SOCIAL, Canvas, draw_caption, draw_slide, logo_layer, panel_box


@dataclass(frozen=True)
class Segment:
    kind: str  # still | moving | fade
    start: int
    end: int
    slides: tuple[int, ...]
    key: str


@dataclass(frozen=True)
class Format:
    """Everything drawn for one format: the slides' art, captions and the segment plan."""

    canvas: Canvas
    fps: int
    arts: tuple[Art, ...]
    art_keys: tuple[str, ...]
    overlays: tuple[Overlay, ...]
    segments: tuple[Segment, ...]
    hold: int  # frames between repeats of a held picture (1: constant frame rate)


def base_picture(slide: Slide, canvas: Canvas, store: Cache) -> tuple[Path, str]:
    """The slide's still picture (drawn once, cached as PNG) and its key; checks its image can be read."""
    key = cache.key("slide", slide.__dict__ | {"image": bool(slide.image)}, canvas.fmt, canvas.theme.digest)
    png = store.file(store.folder / "slides" / f"{key}.png",
                     lambda tmp: draw_slide(slide, canvas).save(tmp, format="PNG", compress_level=1), "slide")
    if slide.image:  # report a bad file now; it is read in full only if a segment showing it is encoded
        check_picture(slide.image, canvas.story_key)
    return png, key


def draw_art(ts: TimedSlide, base: tuple[Path, str], canvas: Canvas, margin: int) -> tuple[Art, str]:
    slide = ts.slide
    art = Art(ts, base[0], panel_box(slide, canvas), _zoom(canvas), margin,
              _front(canvas) if slide.image else ())
    image = cache.file_digest(Path(slide.image)) if slide.image else ""
    return art, cache.key(base[1], art.panel, art.zoom, margin, ts.frames, image, slide.motion)


def _zoom(canvas: Canvas) -> float:
    return canvas.theme.settings.ken_burns.zoom


def _front(canvas: Canvas) -> tuple[Overlay, ...]:
    layer = logo_layer(canvas)
    if layer is None:
        return ()
    return (Overlay(0, 1 << 40, "logo", np.asarray(layer[0]), *layer[1]),)


def overlays_for(cues: tuple[Cue, ...], canvas: Canvas, fps: int, timed: tuple[TimedSlide, ...] = ()) -> tuple[Overlay, ...]:
    """Burned-in captions for the social formats, only where the spoken words are not already on screen."""
    if canvas.fmt not in SOCIAL:
        return ()
    shown = [ts for ts in timed if spoken_on_screen(ts.slide)]
    def needed(c: Cue) -> bool:
        frame = round(c.start * fps)
        return not any(ts.start <= frame < ts.end for ts in shown)
    return tuple(_overlay(c.text, round(c.start * fps), round(c.end * fps), canvas) for c in cues if needed(c))


def _overlay(text: str, start: int, end: int, canvas: Canvas) -> Overlay:
    rgba, (x, y) = _caption_picture(text, canvas)
    return Overlay(start, end, text, rgba, x, y)


@lru_cache(maxsize=512)
def _caption_picture(text: str, canvas: Canvas) -> tuple[np.ndarray, tuple[int, int]]:
    im, pos = draw_caption(tuple(text.split("\n")), canvas)
    return np.asarray(im), pos


def plan_segments(timed: tuple[TimedSlide, ...], arts: tuple[Art, ...], keys: tuple[str, ...],
                  overlays: tuple[Overlay, ...], canvas: Canvas, fps: int, fade: int, hold: int) -> tuple[Segment, ...]:
    h1, h2 = fade // 2, fade - fade // 2
    style = (canvas.fmt, fps, canvas.theme.digest, encoder_args(fps), hold)
    out: list[Segment] = []
    for i, (ts, art) in enumerate(zip(timed, arts)):
        a = ts.start + (h2 if i and fade else 0)
        b = ts.end - (h1 if i < len(timed) - 1 and fade else 0)
        if art.moving:
            out.append(Segment("moving", a, b, (i,), cache.key("moving", style, keys[i], a - ts.start, b - ts.start,
                                                               _caps(overlays, a, b))))
        else:
            cuts = sorted({a, b} | {t for o in overlays for t in (o.start, o.end) if a < t < b})
            out += [Segment("hold", p, q, (i,), cache.key("hold", style, keys[i], q - p, _caps(overlays, p, p + 1)))
                    for p, q in zip(cuts, cuts[1:])]
        if i < len(timed) - 1 and fade:
            a2, b2 = ts.end - h1, ts.end + h2
            out.append(Segment("fade", a2, b2, (i, i + 1),
                               cache.key("fade", style, keys[i], keys[i + 1], a2 - ts.start, _caps(overlays, a2, b2))))
    return tuple(out)


def _caps(overlays: tuple[Overlay, ...], a: int, b: int) -> list:
    return [(max(o.start, a) - a, min(o.end, b) - a, o.text) for o in overlays if o.start < b and o.end > a]


def encode_segment(seg: Segment, fmt: Format, store: Cache, tick=lambda n=1: None) -> Path:
    path = store.file(store.folder / "segments" / f"{seg.key}.mp4", lambda tmp: _encode(seg, fmt, tmp),
                      "segment", f"segment.{seg.kind}")
    tick(seg.end - seg.start)
    return path


def _encode(seg: Segment, fmt: Format, out: Path) -> None:
    if seg.kind == "hold":
        picture = frame_at(fmt.arts[seg.slides[0]], seg.start, fmt.overlays, None)
        encode_hold(picture, seg.end - seg.start, fmt.fps, fmt.hold, out)
    else:
        encode_frames(_moving(seg, fmt), fmt.canvas.size, seg.end - seg.start, fmt.fps, out)


def _picture(fmt: Format, i: int) -> Image.Image | None:
    """The image a moving slide zooms into (read when a segment showing it is encoded)."""
    art = fmt.arts[i]
    return load_picture(art.ts.slide.image, source_size(art), fmt.canvas.story_key) if art.moving else None


def _moving(seg: Segment, fmt: Format):
    if seg.kind == "moving":
        i = seg.slides[0]
        picture = _picture(fmt, i)
        for f in range(seg.start, seg.end):
            yield frame_at(fmt.arts[i], f, fmt.overlays, picture)
        return
    i, j = seg.slides
    first, second = _picture(fmt, i), _picture(fmt, j)
    for step, f in enumerate(range(seg.start, seg.end)):
        a = frame_at(fmt.arts[i], f, fmt.overlays, first)
        b = frame_at(fmt.arts[j], f, fmt.overlays, second)
        yield crossfade(a, b, step, seg.end - seg.start)
