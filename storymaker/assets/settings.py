"""Every key of a video theme (``templates/video/<theme>/theme.yaml``): its type, its default
and a one-line meaning, in one place. :mod:`storymaker.assets.parse` reads a theme into these
frozen values (reporting ``path:line`` for anything wrong); the README's table of theme keys is
:func:`storymaker.assets.table.theme_table` of them, and a test keeps the two the same.

A key a theme leaves out takes the default given here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NUMBER, WHOLE, TEXT, FLAG, SIZE, BOX, COLOUR, CORNER, FILE = (
    "number", "whole number", "text", "true or false", "fraction or [largest, smallest]",
    "[x, y, width, height]", "colour", "corner", "file name")
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")

Box = tuple[float, float, float, float]


def key(default: Any, kind: str, doc: str) -> Any:
    """A theme key: its default, what kind of value it takes, and what it does (one line)."""
    return field(default=default, metadata={"kind": kind, "doc": doc})


@dataclass(frozen=True)
class Fonts:
    title: str = key("", FILE, "the title card's title")
    persona: str = key("", FILE, "the narrator line under the title")
    heading: str = key("", FILE, "beat headings and the 'composite' label")
    quote: str = key("", FILE, "quotes")
    linking: str = key("", FILE, "linking text (the authored words between quotes)")
    caption: str = key("", FILE, "captions burned into the social formats")
    credits: str = key("", FILE, "the end card's credits")


@dataclass(frozen=True)
class Colours:
    background: str = key("#ffffff", COLOUR, "the background at the top")
    background_end: str = key("#ffffff", COLOUR, "the background at the bottom (a gradient)")
    text: str = key("#ffffff", COLOUR, "titles, quotes and the end card's text")
    linking: str = key("#ffffff", COLOUR, "linking text, the narrator line and credits")
    accent: str = key("#ffffff", COLOUR, "headings, labels and the rule under the title")
    quote_mark: str = key("#ffffff", COLOUR, "the large opening quotation mark")
    caption_text: str = key("#ffffff", COLOUR, "burned-in caption text")
    caption_box: str = key("#ffffff", COLOUR, "the box behind burned-in captions (#rrggbbaa for see-through)")
    image_frame: str = key("#ffffff", COLOUR, "reserved for a frame around pictures (not drawn yet)")


@dataclass(frozen=True)
class Sizes:
    title: tuple[float, float] = key((0.04, 0.04), SIZE, "the title, as a fraction of the frame's shorter side")
    persona: tuple[float, float] = key((0.04, 0.04), SIZE, "the narrator line")
    heading: tuple[float, float] = key((0.04, 0.04), SIZE, "headings and labels")
    quote: tuple[float, float] = key((0.04, 0.04), SIZE, "quotes: the largest size that fits, never under the smallest")
    linking: tuple[float, float] = key((0.04, 0.04), SIZE, "linking text")
    caption: tuple[float, float] = key((0.04, 0.04), SIZE, "burned-in captions")
    credits: tuple[float, float] = key((0.04, 0.04), SIZE, "the end card's credits")
    quote_mark: tuple[float, float] = key((0.04, 0.04), SIZE, "the large quotation mark")
    line_spacing: float = key(1.28, NUMBER, "line height as a multiple of the font size")

    def of(self, role: str, which: int = 0) -> float:
        return getattr(self, role)[which]


@dataclass(frozen=True)
class Logo:
    file: str = key("", FILE, "your organisation's logo, beside theme.yaml or in assets/images/ (none if empty)")
    height: float = key(0.06, NUMBER, "the logo's height, as a fraction of the shorter side")
    corner: str = key("top-right", CORNER, "where it sits: top-left, top-right, bottom-left or bottom-right")
    opacity: float = key(1.0, NUMBER, "0 (invisible) to 1 (solid)")


@dataclass(frozen=True)
class Labels:
    told_by: str = key("Told by {narrator}", TEXT, "under the title; {narrator} is the spec's narrator")
    composite: str = key("", TEXT, "the label above the title (shown in capitals; none if empty)")
    end_heading: str = key("", TEXT, "the end card's heading")
    short_disclosure: str = key("", TEXT, "the end card's words: {n} interviews, {reader}, {voice} (the full note if empty)")
    voice: str = key("{voice}", TEXT, "the end card's voice credit when the disclosure does not name the voice")
    music: str = key("Music: {licence}", TEXT, "the music credit; {licence} is the spec's music_licence")
    lang: str = key("en", TEXT, "the labels' language: a story in another takes them from templates/web/locale/ catalogues")


@dataclass(frozen=True)
class Boxes:
    safe: Box | None = key(None, BOX, "where text and the logo may go, as fractions of the frame")
    image_box: Box | None = key(None, BOX, "the picture on a linking slide with an image")
    image_text_box: Box | None = key(None, BOX, "the text beside or under that picture")
    caption_box: Box | None = key(None, BOX, "the band for burned-in captions (social formats)")


@dataclass(frozen=True)
class Timing:
    lead_in: float = key(0.35, NUMBER, "seconds of silence before the narration on each slide")
    sentence_gap: float = key(0.3, NUMBER, "seconds between sentences (longer when a caption needs reading)")
    pause: float = key(0.7, NUMBER, "seconds of silence after the narration on each slide")
    crossfade: float = key(0.5, NUMBER, "seconds of crossfade between slides")
    silent_slide: float = key(3.0, NUMBER, "seconds for a slide with nothing to narrate")


@dataclass(frozen=True)
class KenBurns:
    zoom: float = key(0.1, NUMBER, "how far a beat's image zooms over its slide")


@dataclass(frozen=True)
class Narration:
    espeak_voice: str = key("en-gb", TEXT, "espeak-ng's voice when a story names none")
    espeak_rate: int = key(160, WHOLE, "espeak-ng's words a minute (also the video-length estimate)")
    hibari_speed: float = key(1.0, NUMBER, "hibari's pace: 1.0 is the voice's own, lower is slower")


@dataclass(frozen=True)
class Captions:
    max_chars: int = key(37, WHOLE, "characters a caption line (20 to 42)")
    max_lines: int = key(2, WHOLE, "lines a caption (1 or 2)")
    max_wpm: float = key(180, NUMBER, "the reading rate captions are split and paced for, in words a minute")
    min_seconds: float = key(1.0, NUMBER, "the shortest time a caption stays on screen")
    gap_frames: int = key(2, WHOLE, "frames between captions")
    close_below: float = key(0.5, NUMBER, "seconds: a shorter gap between captions is closed to gap_frames")
    linger: float = key(0.8, NUMBER, "seconds the last caption of a sentence may stay after its last word")


@dataclass(frozen=True)
class Audio:
    music_under_voice_db: float = key(-21, NUMBER, "the music bed while the voice speaks, in LU against the voice")
    duck_db: float = key(-12, NUMBER, "how much quieter the music is under the voice than in the pauses")
    duck_ramp: float = key(0.35, NUMBER, "seconds to fade the music down or up")
    loudness_lufs: float = key(-16, NUMBER, "the mix's integrated loudness (LUFS)")
    true_peak_db: float = key(-1.5, NUMBER, "the limiter's true-peak ceiling (dBTP); under -1 leaves room for AAC")


@dataclass(frozen=True)
class Encoding:
    hold_stills: bool = key(True, FLAG, "true: still slides are encoded once a second and held; false: every frame")


@dataclass(frozen=True)
class ThemeSettings:
    """One video theme, typed; ``formats`` maps each format (``16:9``...) to its boxes."""

    name: str = key("", TEXT, "the theme's own name (for you; the folder name is what stories use)")
    fonts: Fonts = Fonts()
    colours: Colours = Colours()
    sizes: Sizes = Sizes()
    logo: Logo = Logo()
    labels: Labels = Labels()
    formats: tuple[tuple[str, Boxes], ...] = ()
    timing: Timing = Timing()
    ken_burns: KenBurns = KenBurns()
    narration: Narration = Narration()
    captions: Captions = Captions()
    audio: Audio = Audio()
    encoding: Encoding = Encoding()

    def boxes(self, fmt: str) -> Boxes:
        return dict(self.formats).get(fmt, Boxes())


SECTIONS: dict[str, type] = {"fonts": Fonts, "colours": Colours, "sizes": Sizes, "logo": Logo, "labels": Labels,
                             "formats": Boxes, "timing": Timing, "ken_burns": KenBurns, "narration": Narration,
                             "captions": Captions, "audio": Audio, "encoding": Encoding}
