"""Before any video renders: will every slide's text fit, and how long would the video run?

``check`` and ``build`` both ask, so a 20,000-word quote is one line at ``path:line`` in
a second, not minutes of rendering. The fit is decided by the renderer's own layout
(:func:`storymaker.render.video.slides.draw_slide`), but only for text near the limit: a
font-free estimate of each slide's room at the smallest text size settles the clear cases
either way, with characters anywhere from ``NARROWEST`` to ``WIDEST`` of the font size on
average (Open Sans and DejaVu measure 0.29-0.60), so a story whose slides are all clearly
short or clearly too long is checked without loading Pillow, and ``check`` stays light.
"""
from __future__ import annotations

from dataclasses import dataclass

from .assets.frame import Frame
from .assets.theme import Theme
from .errors import StorymakerError
from .model import VIDEO_FORMATS, Problem, StorySpec

MAX_MINUTES = 20  # longer than any composite story should run; a sign of a runaway excerpt
NARROWEST, WIDEST = 0.25, 0.75  # a font's average character width, as a fraction of its size
ROLES = {"quote": "quote", "linking": "linking", "end": "linking", "title": "title"}


@dataclass(frozen=True)
class Where:
    spec: StorySpec
    key: str  # audience/slug
    quotes: dict[tuple[int, int], tuple[str, str, int]]  # (beat, index) -> excerpt id, source, line


def _room(frame: Frame, role: str, per_char: float) -> float:
    """Roughly how many characters the slide's text area holds at the role's smallest size."""
    x, y, w, h = frame.area()
    size = frame.font_px(role, 1)
    return (w / (per_char * size)) * (h / (size * frame.theme.settings.sizes.line_spacing))


def _fits(slide, frame: Frame, story_key: str, role: str) -> bool:
    if len(slide.text) <= _room(frame, role, WIDEST) * 0.4:
        return True
    if len(slide.text) > _room(frame, role, NARROWEST) * 2:
        return False
    from .render.video.slides import Canvas, draw_slide  # near the limit: lay it out for real
    try:
        draw_slide(slide, Canvas(frame.theme, frame.fmt, story_key))
    except StorymakerError:
        return False
    return True


def _too_long(slide, where: Where, fmt: str, index: int) -> Problem:
    fix = "split it into shorter excerpts, or set target_words in the spec so long quotes are trimmed"
    if slide.kind == "quote":
        excerpt, source, line = where.quotes.get((slide.beat, index), ("?", where.spec.source, 0))
        return Problem(source, line, f"excerpt {excerpt} is too long for a video slide even at the smallest text size "
                                     f"({where.key}, {fmt}, {len(slide.text)} characters): {fix}")
    beat = where.spec.beats[slide.beat] if 0 <= slide.beat < len(where.spec.beats) else None
    return Problem(where.spec.source, beat.line if beat else where.spec.line,
                   f"the {slide.kind} text{f' of beat {beat.heading!r}' if beat else ''} is too long for a video slide even "
                   f"at the smallest text size ({where.key}, {fmt}, {len(slide.text)} characters): shorten it")


def _minutes(slides, theme: Theme) -> float:
    words = sum(len(s.narration.split()) for s in slides)
    timing = theme.settings.timing
    return words / theme.settings.narration.espeak_rate + len(slides) * (timing.lead_in + timing.pause) / 60


def story_problems(story, where: Where, theme: Theme) -> list[Problem]:
    """The slides that cannot fit, and a video that would run too long, for one video story."""
    from .render.video.plan import plan_slides  # the slide plan only: no drawing, no audio
    slides = plan_slides(story, ("", ""), theme.settings.labels)
    problems = []
    minutes = _minutes(slides, theme)
    if minutes > MAX_MINUTES:
        problems.append(Problem(where.spec.source, where.spec.line, f"the {where.key} video would run about {minutes:.0f} "
                                f"minutes; the limit is {MAX_MINUTES}: set target_words or fewer excerpts per beat"))
    for fmt in (f for f in story.video.formats if f in VIDEO_FORMATS):
        frame = Frame(theme, fmt)
        seen: dict[int, int] = {}  # quotes met so far in each beat: a quote slide's index in its beat
        for slide in slides:
            index = seen.get(slide.beat, 0)
            seen[slide.beat] = index + (slide.kind == "quote")
            if not _fits(slide, frame, story.key, ROLES.get(slide.kind, "linking")):
                problems.append(_too_long(slide, where, fmt, index))
    return problems


def video_problems(compositions, specs: dict[str, StorySpec], themes: dict[str, Theme | list[Problem]]) -> list[Problem]:
    """Every video composition's slide-fit and length problems, before anything renders;
    ``themes`` holds each story's theme by slug, or the problems that kept it from loading."""
    problems: list[Problem] = []
    for comp in compositions:
        story = comp.story
        if story.channel != "video" or story.slug not in specs or story.slug not in themes:
            continue
        theme = themes[story.slug]
        if isinstance(theme, list):
            problems += theme
            continue
        quotes = {(q.beat, q.index): (q.excerpt, q.source or specs[story.slug].source, q.line)
                  for q in comp.provenance.quotes}
        problems += story_problems(story, Where(specs[story.slug], story.key, quotes), theme)
    return list(dict.fromkeys(problems))
