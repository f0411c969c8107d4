"""The web renderer: composed stories in, a self-contained static site out.

    render_site(stories, videos, out_dir, templates_dir=..., site_title=..., base_url=..., web=WebSettings())

writes ``index.html`` (stories by audience), one ``<audience>/<slug>.html``
per story, an iframe-able player page per video (``embed/``), ``404.html``,
the CSS and icons, ``robots.txt`` and ``site.webmanifest``; with a
``base_url`` also ``feed.xml`` (Atom), ``sitemap.xml`` and oEmbed JSON
(``oembed/``). Media (social cards, responsive images, video, captions,
chapters, posters) go under ``media/``. Links between pages are relative, so
the folder works from any path or ``file://``. Output is byte-identical for
identical inputs: no clock (dates come from the stories), sorted order,
deterministic images. Jinja2 runs with autoescape, ``StrictUndefined`` and
the i18n extension (catalogues: :mod:`storymaker.i18n`); no page uses JavaScript.
"""
from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Sequence

import jinja2

from ..errors import InputError
from ..model import Problem, Story, VideoArtefact, WebSettings
from . import web_card
from .web_files import in_language, write, write_site_files
from ..i18n import language
from .web_links import card_kicker
from .web_images import write_icons, write_logo
from .web_media import check_story_name, check_video
from .web_page import AUDIENCES
from .web_images import Picture, renditions
from .web_story import Site, story_context

TEMPLATES = ("base.html", "index.html", "story.html", "macros.html", "video.html", "embed.html", "404.html",
             "feed.xml", "sitemap.xml")


def make_environment(templates_dir: Path, lang: str = "en-GB") -> jinja2.Environment:
    """A Jinja2 environment over the project's ``templates/web/``, strict, escaping, in ``lang``."""
    missing = [name for name in (*TEMPLATES, "style.css") if not (Path(templates_dir) / name).is_file()]
    if missing:
        raise InputError(Problem(str(Path(templates_dir) / missing[0]), 0,
                                 "web template is missing: restore it from storymaker's default "
                                 "templates/web/ (storymaker init puts them there)"))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)), autoescape=True, extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.install_gettext_translations(language(templates_dir, lang).t, newstyle=True)
    return env


class Renderer:
    """Templates by language, each environment made once."""

    def __init__(self, templates_dir: Path):
        self.templates_dir, self.envs = Path(templates_dir), {}

    def render(self, name: str, context: dict[str, Any]) -> str:
        lang = context["lang"]
        if lang not in self.envs:
            self.envs[lang] = make_environment(self.templates_dir, lang)
        try:
            return self.envs[lang].get_template(name).render(context)
        except jinja2.TemplateSyntaxError as exc:
            raise InputError(Problem(exc.filename or name, exc.lineno, f"template error: {exc.message}")) from exc
        except jinja2.UndefinedError as exc:
            raise InputError(Problem(name, 0, f"template uses an unknown value ({exc.message}): "
                                     "check the names against the default templates")) from exc


def web_stories(stories: Sequence[Story]) -> list[Story]:
    """The web stories, checked (safe slugs, no duplicates) and in a stable order."""
    chosen = [s for s in stories if s.channel == "web"]
    seen: set[str] = set()
    for story in chosen:
        check_story_name(story.slug, story.audience)
        if story.key in seen:
            raise InputError(Problem("stories", 0, f"two {story.audience} web stories have the slug "
                                     f"{story.slug!r}: give each story its own slug"))
        seen.add(story.key)
    return sorted(chosen, key=lambda s: (AUDIENCES.index(s.audience), s.title.casefold(), s.slug))


def copy_static(templates_dir: Path, out_dir: Path, written: list[Path]) -> None:
    """Copy the stylesheet and any other non-template file at the top of ``templates/web/``."""
    for src in sorted(Path(templates_dir).iterdir()):
        if src.is_file() and src.suffix != ".html" and src.name not in TEMPLATES and not src.name.startswith("."):
            shutil.copyfile(src, out_dir / src.name)
            written.append(out_dir / src.name)


def tint_svg_icon(path: Path, colour: str) -> None:
    """The default ``favicon.svg`` on the theme colour, as the PNG icons are (a project's own SVG is left alone)."""
    default = 'fill="' + WebSettings().theme_color + '"'
    if path.is_file() and colour != WebSettings().theme_color and default in (text := path.read_text(encoding="utf-8")):
        path.write_text(text.replace(default, f'fill="{colour}"', 1), encoding="utf-8")


def render_pages(site: Site, renderer: Renderer, fonts: web_card.CardFonts) -> list[dict[str, Any]]:
    """Write every story page and its player page; social cards are drawn in a thread pool meanwhile."""
    items = []
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        jobs = []
        title = site.info["title"]
        draw = lambda story, dest, thumb: jobs.append(pool.submit(card_job, story, title, fonts, dest, thumb, card_kicker(
            story, site.chosen, language(site.templates_dir, story.lang))))
        site = Site(site.out_dir, site.templates_dir, site.info, site.chosen, site.videos, site.told, draw, site.written)
        for story in site.chosen:
            context = story_context(story, site)
            context["site"] = in_language(site.info, site.chosen, site.templates_dir, story.lang)
            write(site.out_dir / context["story"]["url"], renderer.render("story.html", context), site.written)
            if context["story"]["video"] and context["page"]["public"]:  # an internal story has no player to embed
                write(site.out_dir / "embed" / f"{story.key}.html", renderer.render("embed.html", context), site.written)
            items.append(context["story"])
        for job in jobs:
            job.result()  # re-raise the first failure, if any
    return items


def card_job(story: Story, site_title: str, fonts: web_card.CardFonts, dest: Path, thumb: Picture | None,
             kicker: str) -> None:
    """Draw and save one story's social card (and, for the index, its thumbnail)."""
    card = web_card.draw_card(story.title, web_card.short_quote(story), site_title, fonts, kicker=kicker)
    web_card.save_card(card, story.title, dest)
    if thumb:
        renditions(card.convert("RGB"), dest.parents[2], thumb.stem, thumb.widths, sizes=thumb.sizes)


def site_info(site_title: str, site_description: str, base_url: str, web: WebSettings) -> dict[str, Any]:
    base = base_url.rstrip("/") + "/" if base_url else ""
    return {"title": site_title, "description": site_description, "base_url": base, "lang": web.lang,
            "contact_url": web.contact_url, "accessibility_url": web.accessibility_url, "logo": None,
            "noindex_staff": web.noindex_staff, "theme_color": web.theme_color, "share": web.share,
            "feed": base + "feed.xml" if base else ""}


def render_site(stories: Sequence[Story], videos: Sequence[VideoArtefact], out_dir: Path, *,
                templates_dir: Path, site_title: str, site_description: str = "", base_url: str = "",
                font_dir: Path | None = None, web: WebSettings = WebSettings()) -> list[Path]:
    """Write the static site into ``out_dir``; return every file written, sorted."""
    out_dir, templates_dir = Path(out_dir), Path(templates_dir)
    renderer = Renderer(templates_dir)
    make_environment(templates_dir, web.lang)  # missing templates or a broken catalogue: stop before writing
    fonts = web_card.CardFonts.find(font_dir)
    for video in videos:
        check_video(video)
    info = site_info(site_title, site_description, base_url, web)
    told = {s.key: s for s in stories if s.channel == "video"}
    site = Site(out_dir, templates_dir, info, web_stories(stories), list(videos), told, lambda s, d, t: None)
    out_dir.mkdir(parents=True, exist_ok=True)
    info["logo"] = write_logo(out_dir, web.logo)
    site.written.extend([out_dir / "media" / "logo.png"] if info["logo"] else [])
    copy_static(templates_dir, out_dir, site.written)
    tint_svg_icon(out_dir / "favicon.svg", web.theme_color)
    site.written.extend(write_icons(out_dir, web.theme_color, web.logo))
    items = render_pages(site, renderer, fonts)
    write_site_files(site, items, renderer, fonts)
    return sorted(set(site.written))
