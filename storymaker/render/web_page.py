"""What a story page shows, as plain dicts for the templates.

All story text stays plain here (Jinja2 escapes it); only authored text goes
through :func:`~storymaker.render.web_text.authored_html`. URLs are relative
to the site root; templates prefix them with ``root`` (``""`` or ``"../"``).
"""
from __future__ import annotations

import re
from typing import Any

from ..model import VIDEO_FORMATS, Chapter, Cue, Story, VideoArtefact
from .web_text import authored_html, plain_paragraphs, plain_text

VTT_TAG = re.compile(r"<[^>]*>")
AUDIENCE_LABELS = {"staff": "Staff stories", "community": "Community stories"}


def clock(seconds: float) -> str:
    """``92.4`` -> ``"1:32"``."""
    whole = int(max(seconds, 0))
    hours, rest = divmod(whole, 3600)
    return (f"{hours}:" if hours else "") + f"{rest // 60:0{2 if hours else 1}d}:{rest % 60:02d}"


def spoken_duration(seconds: float) -> str:
    """``92.4`` -> ``"1 minute 32 seconds"`` for captions a screen reader speaks well."""
    minutes, secs = divmod(int(round(seconds)), 60)
    parts = [f"{minutes} minute{'s' if minutes != 1 else ''}"] if minutes else []
    if secs or not minutes:
        parts.append(f"{secs} second{'s' if secs != 1 else ''}")
    return " ".join(parts)


def beat_items(story: Story, images: dict[int, str]) -> list[dict[str, Any]]:
    """The beats: heading, authored intro/outro (HTML) and verbatim quotes (plain)."""
    items = []
    for n, beat in enumerate(story.beats, start=1):
        items.append({
            "id": f"part-{n}",
            "heading": beat.heading,
            "intro": authored_html(beat.intro),
            "quotes": [plain_paragraphs(q) for q in beat.quotes if q.strip()],
            "outro": authored_html(beat.outro),
            "image": {"url": images[n], "alt": beat.image_alt or f"Illustration for the part “{beat.heading}”"} if n in images else None,
        })
    return items


def cue_text(cue: Cue) -> str:
    """A cue's words without WebVTT markup such as ``<v Narrator>``."""
    return " ".join(VTT_TAG.sub("", cue.text).split())


def transcript_from_cues(cues: tuple[Cue, ...], chapters: tuple[Chapter, ...]) -> list[dict[str, Any]]:
    """Cues grouped under their chapters (one untitled group when there are none)."""
    groups = [{"title": c.title, "start": clock(c.start), "begin": c.start, "paragraphs": []} for c in chapters]
    if not groups or cues and cues[0].start < groups[0]["begin"]:
        groups.insert(0, {"title": "", "start": "", "begin": float("-inf"), "paragraphs": []})
    for cue in cues:
        group = [g for g in groups if g["begin"] <= cue.start + 1e-6][-1]
        if text := cue_text(cue):
            group["paragraphs"].append(text)
    return [g for g in groups if g["paragraphs"]]


def transcript_from_story(story: Story) -> list[dict[str, Any]]:
    """The narration as the story text gives it, one group per beat."""
    groups = []
    for beat in story.beats:
        quotes = [p for q in beat.quotes for p in plain_paragraphs(q)]
        paragraphs = [p for p in (plain_text(beat.intro), *quotes, plain_text(beat.outro)) if p]
        groups.append({"title": beat.heading, "start": "", "begin": 0.0, "paragraphs": paragraphs})
    return [g for g in groups if g["paragraphs"]]


def video_item(story: Story, video: VideoArtefact, urls: dict[str, str]) -> dict[str, Any]:
    """Everything the video figure and its transcript need."""
    width, height = VIDEO_FORMATS[video.format]
    transcript = transcript_from_cues(video.cues, video.chapters) if video.cues else transcript_from_story(story)
    return {
        "mp4": urls["mp4"], "vtt": urls["vtt"], "poster": urls["poster"],
        "width": width, "height": height,
        "duration": spoken_duration(video.duration),
        "chapters": [{"title": c.title, "start": clock(c.start)} for c in video.chapters],
        "transcript": transcript,
        "voice_credit": story.voice_credit,
    }


def transcript_text(video: dict[str, Any]) -> str:
    """The transcript as one plain string (for JSON-LD)."""
    return "\n".join(p for group in video["transcript"] for p in group["paragraphs"])


def story_item(story: Story, urls: dict[str, str], video: dict[str, Any] | None,
               images: dict[int, str]) -> dict[str, Any]:
    """The page's story: title, narrator, beats, disclosure, video."""
    return {
        "slug": story.slug, "audience": story.audience, "lang": story.lang,
        "audience_label": AUDIENCE_LABELS[story.audience],
        "title": story.title, "narrator": story.narrator,
        "summary": authored_html(story.summary),
        "beats": beat_items(story, images),
        "disclosure": authored_html(story.disclosure),
        "contributors": story.contributors,
        "video": video, "url": urls["page"], "card": urls["card"],
    }
