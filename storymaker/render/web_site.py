"""The site around the stories: index metadata, Atom feed, sitemap, robots.txt, manifest, oEmbed.

Feeds, the sitemap and oEmbed need absolute addresses, so they are written
only when ``base_url`` is set (``check`` and ``build`` warn when it is not).
Staff stories marked ``noindex_staff`` are left out of the feed, the sitemap
and the index's ItemList, and their pages carry ``<meta name="robots" content="noindex">``.
Dates come from the stories (``published``/``updated``), never the clock.
"""
from __future__ import annotations

import json
from typing import Any

from ..i18n import og_locale
from .web_card import SIZE
from .web_meta import absolute, jsonld_script_text


def listed(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The stories search engines and feeds may see."""
    return [i for i in items if not i["noindex"]]


def newest(items: list[dict[str, Any]]) -> str:
    """The latest published or updated date among the stories (``""`` for none)."""
    return max((i["dates"]["updated_iso"] or i["dates"]["published_iso"] for i in items), default="")


def index_meta(site: dict[str, Any], card: str) -> list[tuple[str, str, str]]:
    """Open Graph and Twitter tags for the index page."""
    base, description = site["base_url"], site["description"] or site["title"]
    image = absolute(base, card, "")
    tags = [("property", "og:type", "website"), ("property", "og:title", site["title"]),
            ("property", "og:description", description), ("property", "og:site_name", site["title"]),
            ("property", "og:locale", og_locale(site["lang"])), ("property", "og:image", image),
            ("property", "og:image:type", "image/png"), ("property", "og:image:width", str(SIZE[0])),
            ("property", "og:image:height", str(SIZE[1])), ("property", "og:image:alt", site["title"])]
    tags += [("property", "og:url", absolute(base, "index.html", ""))] if base else []
    return tags + [("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", site["title"]),
                   ("name", "twitter:description", description), ("name", "twitter:image", image),
                   ("name", "twitter:image:alt", site["title"])]


def index_jsonld(site: dict[str, Any], items: list[dict[str, Any]]) -> str:
    """schema.org ``WebSite`` with an ``ItemList`` of the listed stories."""
    base = site["base_url"]
    elements = [{"@type": "ListItem", "position": n, "url": absolute(base, i["url"], ""), "name": i["title"]}
                for n, i in enumerate(listed(items), start=1)]
    website: dict[str, Any] = {"@type": "WebSite", "name": site["title"], "inLanguage": site["lang"]}
    if site["description"]:
        website["description"] = site["description"]
    if base:
        website["url"] = base
    return jsonld_script_text({"@context": "https://schema.org", "@graph": [
        website, {"@type": "ItemList", "name": site["title"], "numberOfItems": len(elements), "itemListElement": elements}]})


def feed_entries(site: dict[str, Any], items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Atom entries, newest first."""
    base = site["base_url"]
    entries = [{"title": i["title"], "url": absolute(base, i["url"], ""), "lang": i["lang"],
                "published": i["dates"]["published_iso"], "updated": i["dates"]["updated_iso"] or i["dates"]["published_iso"],
                "summary": i["summary_text"], "image": absolute(base, i["card"], "")} for i in listed(items)]
    return sorted(entries, key=lambda e: (e["updated"], e["url"]), reverse=True)


def robots_txt(site: dict[str, Any]) -> str:
    """Everything may be crawled (noindex pages must be fetched to be seen); the sitemap's address."""
    lines = ["User-agent: *", "Allow: /"]
    if site["base_url"]:
        lines.append(f"Sitemap: {absolute(site['base_url'], 'sitemap.xml', '')}")
    return "\n".join(lines) + "\n"


def short_name(title: str, most: int = 12) -> str:
    """The title's first words that fit in ``most`` characters (a home-screen label), never a cut word."""
    words, out = title.split(), ""
    for word in words:
        if len(f"{out} {word}".strip()) > most:
            break
        out = f"{out} {word}".strip()
    return out or title[:most]


def manifest(site: dict[str, Any]) -> str:
    """``site.webmanifest``: the name, theme colour and the 192/512 px icons."""
    data = {"name": site["title"], "short_name": short_name(site["title"]), "lang": site["lang"],
            "start_url": "index.html", "display": "browser", "theme_color": site["theme_color"],
            "background_color": "#fdfcf9",
            "icons": [{"src": f"icon-{n}.png", "sizes": f"{n}x{n}", "type": "image/png"} for n in (192, 512)]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def oembed(site: dict[str, Any], item: dict[str, Any], snippet: str) -> str:
    """oEmbed 1.0 ``video`` response for one story's player page."""
    video = item["video"]
    width, height = 640, round(640 * video["height"] / video["width"]) + 48  # the player and the link under it (as the snippet)
    data = {"version": "1.0", "type": "video", "title": item["title"], "provider_name": site["title"],
            "provider_url": site["base_url"], "width": width, "height": height, "html": snippet,
            "thumbnail_url": absolute(site["base_url"], video["poster"], ""),
            "thumbnail_width": video["poster_width"], "thumbnail_height": video["poster_height"]}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
