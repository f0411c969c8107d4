"""Before any video renders: will every slide's text fit, and how long would the video run?

``check`` and ``build`` both ask, so a 20,000-word quote is one line at ``path:line`` in
a second, not minutes of rendering. The fit is decided by the renderer's own layout
(:func:`storymaker.render.video.slides.draw_slide`): a quick estimate of each slide's
room at the smallest text size settles the clear cases either way, and only text near
the limit is laid out for real.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bundled import templates_dir
from .errors import StorymakerError
from .model import VIDEO_FORMATS, Problem, StorySpec

MAX_MINUTES = 20  # longer than any composite story should run; a sign of a runaway excerpt
SAMPLE = "the quick brown fox jumps over the lazy dog "
ROLES = {"quote": "quote", "linking": "linking", "end": "linking", "title": "title"}


@dataclass(frozen=True)
class Where:
    spec: StorySpec
    key: str  # audience/slug
    quotes: dict[tuple[int, int], tuple[str, str, int]]  # (beat, index) -> excerpt id, source, line


def _room(canvas, role: str) -> float:
    """Roughly how many characters the slide's text area holds at the role's smallest size."""
    x, y, w, h = canvas.text_area()
    size = canvas.font_px(role, 1)
    font = canvas.theme.font(role, size)
    per_char = font.getlength(SAMPLE) / len(SAMPLE)
    spacing = float(canvas.theme.get("sizes", "line_spacing", default=1.28))
    return (w / per_char) * (h / (size * spacing))


def _fits(slide, canvas, room: float) -> bool:
    from .render.video.slides import draw_slide
    if len(slide.text) <= room * 0.4:
        return True
    if len(slide.text) > room * 2:
        return False
    try:
        draw_slide(slide, canvas)
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


def _minutes(slides, theme) -> float:
    words = sum(len(s.narration.split()) for s in slides)
    rate = float(theme.get("narration", "espeak_rate", default=160))
    timing = theme.get("timing", default={}) or {}
    per_slide = float(timing.get("lead_in", 0.35)) + float(timing.get("pause", 0.7))
    return words / rate + len(slides) * per_slide / 60


def story_problems(story, where: Where, root: Path) -> list[Problem]:
    """The slides that cannot fit, and a video that would run too long, for one video story."""
    from .render.video.plan import plan_slides
    from .render.video.slides import Canvas
    from .render.video.theme import load_theme
    try:
        theme = load_theme(templates_dir(root, "video"), story.video.theme, root)
    except StorymakerError as exc:
        return list(exc.problems)
    slides = plan_slides(story, ("", ""), theme.get("labels", default={}))
    problems = []
    minutes = _minutes(slides, theme)
    if minutes > MAX_MINUTES:
        problems.append(Problem(where.spec.source, where.spec.line, f"the {where.key} video would run about {minutes:.0f} "
                                f"minutes; the limit is {MAX_MINUTES}: set target_words or fewer excerpts per beat"))
    for fmt in (f for f in story.video.formats if f in VIDEO_FORMATS):
        canvas = Canvas(theme, fmt, story.key)
        rooms = {role: _room(canvas, role) for role in set(ROLES.values())}
        seen: dict[int, int] = {}  # quotes met so far in each beat: a quote slide's index in its beat
        for slide in slides:
            index = seen.get(slide.beat, 0)
            seen[slide.beat] = index + (slide.kind == "quote")
            if not _fits(slide, canvas, rooms[ROLES.get(slide.kind, "linking")]):
                problems.append(_too_long(slide, where, fmt, index))
    return problems


def video_problems(compositions, specs: dict[str, StorySpec], root: Path) -> list[Problem]:
    """Every video composition's slide-fit and length problems, before anything renders."""
    problems: list[Problem] = []
    for comp in compositions:
        story = comp.story
        if story.channel != "video" or story.slug not in specs:
            continue
        quotes = {(q.beat, q.index): (q.excerpt, q.source or specs[story.slug].source, q.line)
                  for q in comp.provenance.quotes}
        problems += story_problems(story, Where(specs[story.slug], story.key, quotes), root)
    return list(dict.fromkeys(problems))
