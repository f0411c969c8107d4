"""The site's own pages and files: index, 404, Atom feed, sitemap, robots.txt, manifest, oEmbed."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import web_card, web_site
from ..i18n import language
from .web_meta import absolute
from .web_page import AUDIENCES, audience_label

if TYPE_CHECKING:  # pragma: no cover
    from .web import Renderer
    from .web_story import Site


def write(path: Path, text: str, written: list[Path]) -> None:
    """Write UTF-8 text with ``\\n`` line ends and remember the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    written.append(path)


def in_language(info: dict[str, Any], chosen: list, templates_dir: Path, lang: str) -> dict[str, Any]:
    """The site's shared values with the navigation worded in ``lang``."""
    words = language(templates_dir, lang)
    present = {s.audience for s in chosen}
    return dict(info, sections=[(a, audience_label(a, words)) for a in AUDIENCES if a in present])


def not_found_in(site: "Site", lang: str) -> list[dict[str, str]]:
    """The 404 page's words in each other language the stories are told in (Welsh beside English)."""
    out = []
    for tag in sorted({s.lang for s in site.chosen if s.lang.split("-")[0] != lang.split("-")[0]}):
        words = language(site.templates_dir, tag)
        if words.catalogued and all(o["lang"].split("-")[0] != tag.split("-")[0] for o in out):
            out.append({"lang": tag, "heading": words.gettext("Page not found"), "link": words.gettext("See all the stories"),
                        "text": words.gettext("If you typed the web address, check it is correct. If you followed a "
                                              "link, the story may have moved or been withdrawn.")})
    return out


def index_context(site: "Site", items: list[dict[str, Any]], info: dict[str, Any]) -> dict[str, Any]:
    """The index: stories grouped by audience (staff first), the first cards' images loaded eagerly."""
    words = language(site.templates_dir, info["lang"])
    groups = [{"id": a, "label": audience_label(a, words), "stories": [i for i in items if i["audience"] == a]}
              for a in AUDIENCES]
    groups = [g for g in groups if g["stories"]]
    for n, item in enumerate(i for g in groups for i in g["stories"]):
        item["lazy"] = n >= 2
    page = {"noindex": False, "alternates": [], "address": absolute(info["base_url"], "index.html", "") if info["base_url"] else "",
            "canonical": absolute(info["base_url"], "index.html", "") if info["base_url"] else "",
            "meta": web_site.index_meta(info, "media/site-card.png"), "jsonld": web_site.index_jsonld(info, items)}
    return {"site": info, "root": "", "lang": info["lang"], "groups": groups, "page": page}


def write_site_files(site: "Site", items: list[dict[str, Any]], renderer: "Renderer",
                     fonts: web_card.CardFonts) -> None:
    """Everything besides the story pages, into the same (staged) folder so the publish gate sees it."""
    out, info = site.out_dir, in_language(site.info, site.chosen, site.templates_dir, site.info["lang"])
    card = web_card.draw_card(info["title"], info["description"], "", fonts, quoted=False,
                              kicker=language(site.templates_dir, info["lang"]).gettext("Composite stories"))
    web_card.save_card(card, info["title"], out / "media" / "site-card.png")
    site.written.append(out / "media" / "site-card.png")
    write(out / "index.html", renderer.render("index.html", index_context(site, items, info)), site.written)
    root = info["base_url"] or "/"
    write(out / "404.html", renderer.render("404.html", {"site": info, "root": root, "lang": info["lang"],
                                                         "others": not_found_in(site, info["lang"]),
          "page": {"noindex": True, "alternates": [], "address": "", "canonical": "", "meta": [], "jsonld": ""}}), site.written)
    write(out / "robots.txt", web_site.robots_txt(info), site.written)
    write(out / "site.webmanifest", web_site.manifest(info), site.written)
    if not info["base_url"]:
        return
    dated = [i for i in web_site.listed(items)]
    write(out / "feed.xml", renderer.render("feed.xml", {"site": info, "lang": info["lang"], "entries": web_site.feed_entries(info, items),
                                                        "updated": web_site.newest(dated) or web_site.newest(items)}), site.written)
    write(out / "sitemap.xml", renderer.render("sitemap.xml", {"lang": info["lang"], "urls": sitemap_urls(info, items)}), site.written)
    for item in items:
        if item["video"] and item["embed"]:
            write(out / "oembed" / f"{item['audience']}" / f"{item['slug']}.json", web_site.oembed(info, item, item["embed"]), site.written)


def sitemap_urls(info: dict[str, Any], items: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The index and every listed story page, with its last change."""
    urls = [{"loc": absolute(info["base_url"], "index.html", ""), "lastmod": web_site.newest(web_site.listed(items))}]
    return urls + [{"loc": absolute(info["base_url"], i["url"], ""), "lastmod": i["dates"]["updated_iso"] or i["dates"]["published_iso"]}
                   for i in web_site.listed(items)]
