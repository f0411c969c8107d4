"""Sharing metadata for a story page: Open Graph, Twitter card and schema.org JSON-LD.

JSON-LD is written inside ``<script type="application/ld+json">``, where HTML
escaping does not apply; :func:`jsonld_script_text` escapes ``<``, ``>``, ``&``
and the two JavaScript line separators as ``\\uXXXX`` so no value can close
the script element (``</script>``) or open a comment.
"""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from ..model import Story, VideoArtefact
from .web_card import SIZE
from .web_text import plain_text

JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def iso_duration(seconds: float) -> str:
    """``92.5`` -> ``"PT1M32.5S"`` (ISO 8601, as schema.org wants)."""
    total = round(max(seconds, 0.0), 3)
    minutes, secs = divmod(total, 60)
    hours, minutes = divmod(int(minutes), 60)
    text = f"{secs:.3f}".rstrip("0").rstrip(".")
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{text}S"


def jsonld_script_text(data: dict[str, Any]) -> Markup:
    """JSON safe to place verbatim between ``<script>`` tags."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    for char, escape in JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return Markup(text)


def absolute(base_url: str, url: str) -> str:
    """A site-root-relative ``url`` made absolute against ``base_url`` (the site's folder URL).

    Without a base URL it is made relative to a story page (``../media/...``):
    browsers resolve it, though most link-preview crawlers want absolute URLs.
    """
    if not base_url:
        return "../" + url
    return urljoin(base_url.rstrip("/") + "/", url)


def description(story: Story) -> str:
    """One plain line describing the story, for search results and link previews."""
    summary = plain_text(story.summary)
    return summary or f"A composite story told by {story.narrator}, drawn from {story.contributors} interviews."


def meta_tags(story: Story, site_title: str, urls: dict[str, str], base_url: str) -> list[tuple[str, str, str]]:
    """``(attribute, name, content)`` triples for ``<meta>``: Open Graph, then Twitter."""
    card = absolute(base_url, urls["card"])
    tags = [("property", "og:type", "article"), ("property", "og:title", story.title),
            ("property", "og:description", description(story)), ("property", "og:site_name", site_title),
            ("property", "og:locale", story.lang.replace("-", "_")), ("property", "og:image", card),
            ("property", "og:image:type", "image/png"), ("property", "og:image:width", str(SIZE[0])),
            ("property", "og:image:height", str(SIZE[1])), ("property", "og:image:alt", story.title)]
    if base_url:
        tags.append(("property", "og:url", absolute(base_url, urls["page"])))
    tags += [("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", story.title),
             ("name", "twitter:description", description(story)), ("name", "twitter:image", card),
             ("name", "twitter:image:alt", story.title)]
    return tags


def video_object(story: Story, video: VideoArtefact, urls: dict[str, str], base_url: str,
                 transcript: str) -> dict[str, Any]:
    """schema.org ``VideoObject`` for the story's video."""
    return {
        "@type": "VideoObject",
        "name": story.title,
        "description": description(story),
        "duration": iso_duration(video.duration),
        "thumbnailUrl": absolute(base_url, urls["poster"]),
        "contentUrl": absolute(base_url, urls["mp4"]),
        "encodingFormat": "video/mp4",
        "inLanguage": story.lang,
        "transcript": transcript,
    }


def article(story: Story, site_title: str, urls: dict[str, str], base_url: str,
            video: dict[str, Any] | None) -> dict[str, Any]:
    """schema.org ``Article`` (with its ``VideoObject`` when there is a video)."""
    publisher = {"@type": "Organization", "name": site_title}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title,
        "description": description(story),
        "inLanguage": story.lang,
        "image": absolute(base_url, urls["card"]),
        "author": publisher,
        "publisher": publisher,
        "isAccessibleForFree": True,
        "genre": "Composite narrative",
    }
    if base_url:
        data["url"] = data["mainEntityOfPage"] = absolute(base_url, urls["page"])
    if video:
        data["video"] = video
    return data
