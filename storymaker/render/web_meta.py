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
from ..i18n import Language, og_locale
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


def absolute(base_url: str, url: str, root: str = "../") -> str:
    """A site-root-relative ``url`` made absolute against ``base_url`` (the site's folder URL).

    Without a base URL it is made relative to the page (``root`` is ``"../"``
    on a story page): browsers resolve it, though link-preview crawlers want
    absolute URLs (``check`` and ``build`` warn about that).
    """
    if not base_url:
        return root + url
    return urljoin(base_url.rstrip("/") + "/", url)


def description(story: Story, lang: Language) -> str:
    """One plain line describing the story, for search results and link previews."""
    summary = plain_text(story.summary)
    return summary or lang.gettext("A composite story told by %(narrator)s, drawn from %(n)s interviews.",
                                   narrator=story.narrator, n=story.contributors)


def meta_tags(page: dict[str, Any], story: Story, site_title: str, urls: dict[str, str], base_url: str,
              video: dict[str, Any] | None) -> list[tuple[str, str, str]]:
    """``(attribute, name, content)`` triples for ``<meta>``: Open Graph, then Twitter."""
    card = absolute(base_url, urls["card"])
    tags = [("property", "og:type", "article"), ("property", "og:title", page["title"]),
            ("property", "og:description", page["description"]), ("property", "og:site_name", site_title),
            ("property", "og:locale", og_locale(story.lang)), ("property", "og:image", card),
            ("property", "og:image:type", "image/png"), ("property", "og:image:width", str(SIZE[0])),
            ("property", "og:image:height", str(SIZE[1])), ("property", "og:image:alt", page["title"])]
    tags += [("property", "og:locale:alternate", og_locale(tag)) for tag, _ in page["alternates"]
             if tag not in (story.lang, "x-default")]
    if base_url:
        tags.append(("property", "og:url", absolute(base_url, urls["page"])))
    tags += [("property", "article:published_time", story.published)] if story.published else []
    tags += [("property", "article:modified_time", story.updated)] if story.updated else []
    if video and base_url:
        tags += [("property", "og:video", absolute(base_url, urls["mp4"])), ("property", "og:video:type", "video/mp4"),
                 ("property", "og:video:width", str(video["width"])), ("property", "og:video:height", str(video["height"]))]
    tags += [("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", page["title"]),
             ("name", "twitter:description", page["description"]), ("name", "twitter:image", card),
             ("name", "twitter:image:alt", page["title"])]
    return tags


def clips(video: VideoArtefact, base_url: str, urls: dict[str, str]) -> list[dict[str, Any]]:
    """The chapters as schema.org ``Clip`` key moments (``hasPart``)."""
    mp4 = absolute(base_url, urls["mp4"])
    return [{"@type": "Clip", "name": c.title, "startOffset": round(c.start, 3), "endOffset": round(c.end, 3),
             "url": f"{mp4}#t={c.start:g}"}  # a media fragment: the browser's player starts there
            for c in video.chapters]


def video_object(story: Story, video: VideoArtefact, urls: dict[str, str], base_url: str,
                 transcript: str, lang: Language) -> dict[str, Any]:
    """schema.org ``VideoObject``: Google's required (name, thumbnailUrl, uploadDate) and recommended properties."""
    data: dict[str, Any] = {
        "@type": "VideoObject",
        "name": story.title,
        "description": description(story, lang),
        "thumbnailUrl": [absolute(base_url, urls["poster"]), absolute(base_url, urls["card"])],
        "uploadDate": story.published,  # the load stage always gives one (see load/story_dates.py)
        "duration": iso_duration(video.duration),
        "contentUrl": absolute(base_url, urls["mp4"]),
        "encodingFormat": "video/mp4",
        "inLanguage": story.lang,
        "transcript": transcript,
    }
    if base_url and "embed" in urls:
        data["embedUrl"] = absolute(base_url, urls["embed"])
    if video.chapters:
        data["hasPart"] = clips(video, base_url, urls)
    return data


def organisation(site: dict[str, Any]) -> dict[str, Any]:
    """The publisher: the site's name, address and logo (when they are set)."""
    org: dict[str, Any] = {"@type": "Organization", "name": site["title"]}
    if site["base_url"]:
        org["url"] = site["base_url"]
        if site.get("logo"):
            org["logo"] = absolute(site["base_url"], site["logo"]["url"])
    return org


def article(page: dict[str, Any], story: Story, site: dict[str, Any], urls: dict[str, str],
            video: dict[str, Any] | None, genre: str = "Composite narrative") -> dict[str, Any]:
    """schema.org ``Article`` (with its ``VideoObject`` when there is a video)."""
    base = site["base_url"]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page["title"],
        "description": page["description"],
        "inLanguage": story.lang,
        "image": [absolute(base, urls["card"])] + ([absolute(base, urls["lead"])] if "lead" in urls else []),
        "author": organisation(site),
        "publisher": organisation(site),
        "isAccessibleForFree": True,
        "genre": genre,
    }
    if story.published:
        data.update(datePublished=story.published, dateModified=story.updated or story.published)
    if base:
        data["url"] = data["mainEntityOfPage"] = absolute(base, urls["page"])
        data["isPartOf"] = {"@type": "WebSite", "name": site["title"], "url": base}
    if video:
        data["video"] = video
    return data
