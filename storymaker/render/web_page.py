"""What a story page shows, as plain dicts for the templates.

All story text stays plain here (Jinja2 escapes it); only authored text goes
through :func:`~storymaker.render.web_text.authored_html`. URLs are relative
to the site root; templates prefix them with ``root`` (``""`` or ``"../"``).
Every word of furniture comes through ``lang`` (the story's message catalogue).
"""
from __future__ import annotations

from typing import Any

from ..model import VIDEO_FORMATS, Story, VideoArtefact
from ..i18n import Language
from .web_images import Picture
from .web_text import authored_html, plain_paragraphs
from .web_transcript import clock, transcript

AUDIENCES = ("staff", "community")


def audience_label(audience: str, lang: Language) -> str:
    """The index section's name: "Staff stories" / "Community stories"."""
    return lang.gettext("Staff stories") if audience == "staff" else lang.gettext("Community stories")


def kicker(audience: str, lang: Language) -> str:
    return lang.gettext("Staff story") if audience == "staff" else lang.gettext("Community story")


def spoken_duration(seconds: float, lang: Language) -> str:
    """``92.4`` -> ``"1 minute 32 seconds"`` for captions a screen reader speaks well."""
    minutes, secs = divmod(int(round(seconds)), 60)
    parts = [lang.ngettext("%(num)d minute", "%(num)d minutes", minutes)] if minutes else []
    if secs or not minutes:
        parts.append(lang.ngettext("%(num)d second", "%(num)d seconds", secs))
    return " ".join(parts)


def beat_items(story: Story, images: dict[int, Picture], lang: Language) -> list[dict[str, Any]]:
    """The beats: heading, authored intro/outro (HTML) and verbatim quotes (plain)."""
    items = []
    for n, beat in enumerate(story.beats, start=1):
        items.append({
            "id": f"part-{n}",
            "heading": beat.heading,
            "intro": authored_html(beat.intro),
            "quotes": [plain_paragraphs(q) for q in beat.quotes if q.strip()],
            "quote_langs": [lang for q, lang in zip(beat.quotes, beat.quote_langs or ("",) * len(beat.quotes)) if q.strip()],
            "outro": authored_html(beat.outro),
            "image": images.get(n),
        })
    return items


def video_item(story: Story, video: VideoArtefact, urls: dict[str, str], lang: Language,
               told: Story | None) -> dict[str, Any]:
    """Everything the video figure, its chapters and its transcript need.

    ``told`` is the video version of the story (its own selection of quotes,
    by consent); without it the web story stands in for the transcript.
    """
    width, height = VIDEO_FORMATS[video.format]
    said = told or story
    return {
        "mp4": urls["mp4"], "vtt": urls["vtt"], "poster": urls["poster"], "chapters_vtt": urls.get("chapters"),
        "width": width, "height": height, "srclang": story.lang, "label": lang.name,
        "duration": spoken_duration(video.duration, lang),
        "chapters": [{"title": c.title, "start": clock(c.start), "t": f"{c.start:g}"} for c in video.chapters],
        "transcript": transcript(said, video.cues, video.chapters, [b.heading for b in said.beats]),
        "voice_credit": lang.gettext(said.voice_credit) if said.voice_credit else "",
        "seconds": video.duration,
    }


def transcript_text(video: dict[str, Any]) -> str:
    """The transcript as one plain string (for JSON-LD)."""
    return "\n".join(p["text"] for group in video["transcript"] for p in group["paragraphs"])


def discussion(story: Story) -> list[dict[str, Any]]:
    """The beats' discussion prompts, for the handout's last page."""
    return [{"heading": b.heading, "prompts": list(b.discuss)} for b in story.beats if b.discuss]


def story_item(story: Story, urls: dict[str, str], video: dict[str, Any] | None,
               images: dict[int, Picture], lang: Language) -> dict[str, Any]:
    """The page's story: title, narrator, dates, beats, disclosure, video."""
    lead = images.get(1)
    return {
        "slug": story.slug, "audience": story.audience, "lang": story.lang,
        "audience_label": audience_label(story.audience, lang), "kicker": kicker(story.audience, lang),
        "title": story.title, "narrator": story.narrator,
        "summary": authored_html(story.summary),
        "dates": {"published": lang.date(story.published), "published_iso": story.published,
                  "updated": lang.date(story.updated) if story.updated > story.published else "",  # shown only if later
                  "updated_iso": story.updated},
        "lead_image": lead,
        "beats": beat_items(story, {k: v for k, v in images.items() if k != 1}, lang),
        "disclosure": authored_html(story.disclosure),
        "disclosure_lang": "" if lang.catalogued or story.lang.split("-")[0] == "en" else "en-GB",  # as compose wrote it
        "discuss": discussion(story),
        "contributors": story.contributors,
        "video": video, "url": urls["page"], "card": urls["card"],
    }
