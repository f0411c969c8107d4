"""Story -> slide plan -> timeline (editly's spec -> clips step).

A :class:`Slide` says what is on screen and what the voice says; once the narration is
known, :func:`timeline` gives each slide its frames, so any single frame can be drawn
on its own (see ``frames.frame_at``) for a preview.
"""
from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, replace

import markdown
import nh3

from ...assets.labels import card_labels, interviews, reader, told_in
from ...assets.settings import Labels, Timing
from ...i18n import Language
from ...model import Story


@dataclass(frozen=True)
class Slide:
    kind: str  # title | linking | quote | end
    text: str  # main words on screen
    narration: str  # what the voice says ("" for a silent slide)
    heading: str = ""  # the beat's heading, shown small (the title card: the 'composite' label)
    subtitle: str = ""  # persona line (title card), credits (end card)
    image: str = ""  # absolute path of the beat's image, or ""
    beat: int = -1  # beat index; -1 for the title and end cards
    unit: str = ""  # name used to find recorded narration: 00-title, 01-1, 99-end
    motion: int = 0  # which Ken Burns move (alternates so beats differ)


@dataclass(frozen=True)
class Clip:
    """One piece of narration audio placed inside a slide."""

    wav: str  # path of a 48 kHz stereo WAV in the cache
    offset: float  # seconds after the slide's voice starts
    duration: float
    text: str
    words: tuple[tuple[float, float], ...] = ()  # (start, end) seconds of each word, within the clip


@dataclass(frozen=True)
class TimedSlide:
    slide: Slide
    index: int
    start: int  # first frame
    frames: int
    voice_start: float  # absolute seconds where the narration starts
    clips: tuple[Clip, ...]

    @property
    def end(self) -> int:
        return self.start + self.frames


def plain(text: str) -> str:
    """Text as a viewer should see and hear it: Markdown emphasis and links reduced to their words."""
    rendered = markdown.markdown(text or "")
    return " ".join(html.unescape(nh3.clean(rendered, tags=set())).split())


def plan_slides(story: Story, credits: tuple[str, ...], labels: Labels = Labels(), voice: str = "",
                words: Language | None = None) -> tuple[Slide, ...]:
    """The slides, the cards' words in the story's language (``words``; storymaker's own catalogue
    without); the end card says the short disclosure (the full one goes in the description and on the page)."""
    words = told_in(story.lang, words)
    labels = card_labels(labels, words)
    title = plain(story.title)
    told_by = labels.told_by.format(narrator=plain(story.narrator))
    slides = [Slide("title", title, f"{title}. {told_by}.", heading=labels.composite, subtitle=told_by, unit="00-title")]
    for b, beat in enumerate(story.beats):
        slides += _beat_slides(b, beat)
    short, n, said = labels.short_disclosure, interviews(words, story.contributors), words.gettext(voice) if voice else ""
    disclosure = " ".join(short.format(n=n, voice=said, reader=reader(words, voice)).split()) if short else plain(story.disclosure)
    slides.append(Slide("end", disclosure, disclosure, heading=labels.end_heading,
                        subtitle="\n".join(c for c in credits if c), unit="99-end"))
    return tuple(slides)


def _beat_slides(b: int, beat) -> list[Slide]:
    n = f"{b + 1:02d}"
    out: list[Slide] = []
    heading, intro, outro = plain(beat.heading), plain(beat.intro), plain(beat.outro)
    if intro or beat.image:
        words = intro or heading
        out.append(Slide("linking", words, words, heading=heading, image=beat.image, beat=b, motion=b))
    out += [Slide("quote", plain(q), plain(q), heading=heading, beat=b) for q in beat.quotes]
    if outro:
        out.append(Slide("linking", outro, outro, heading=heading, beat=b))
    return [_named(s, f"{n}-{i + 1}") for i, s in enumerate(out)]


def _named(slide: Slide, unit: str) -> Slide:
    return replace(slide, unit=unit)


def timeline(slides: tuple[Slide, ...], clips: list[tuple[Clip, ...]], fps: int, timing: Timing = Timing(),
             max_wpm: float = 180) -> tuple[TimedSlide, ...]:
    """Each slide lasts lead-in + its narration + a pause, rounded up to whole frames."""
    lead, pause, silent, wpm = timing.lead_in, timing.pause, timing.silent_slide, float(max_wpm)
    out, start = [], 0
    for i, (slide, own) in enumerate(zip(slides, clips)):
        spoken = max((c.offset + c.duration for c in own), default=0.0)
        reading = len(own[-1].text.split()) * 60 / wpm - own[-1].duration + 0.45 - lead if own else 0.0
        seconds = lead + spoken + max(pause, reading) if own else silent  # time to read the last caption
        frames = max(1, math.ceil(seconds * fps - 1e-6))
        out.append(TimedSlide(slide, i, start, frames, start / fps + lead, own))
        start += frames
    return tuple(out)


def total_frames(timed: tuple[TimedSlide, ...]) -> int:
    return timed[-1].end if timed else 0


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def spoken_on_screen(slide: Slide) -> bool:
    """Whether every word the voice says is already written on the slide."""
    shown = " ".join(words(" ".join((slide.heading, slide.text, slide.subtitle))))
    said = " ".join(words(slide.narration))
    return not said or said in shown or set(words(slide.narration)) <= set(shown.split())
