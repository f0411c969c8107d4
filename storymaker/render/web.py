"""The web renderer: composed stories in, a self-contained static site out.

    render_site(stories, videos, out_dir, templates_dir=..., site_title=...)

writes ``index.html`` (stories by audience), one ``<audience>/<slug>.html``
per story, the shared CSS from ``templates_dir``, each story's social card
and its video (mp4, captions, poster) under ``media/``. Every link is
relative, so the folder works from any path, a plain HTTP server or
``file://``. Output is byte-identical for identical inputs: no timestamps,
sorted order, deterministic PNGs. Jinja2 runs with autoescape on and
``StrictUndefined``; no page uses JavaScript.
"""
from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Sequence

import jinja2

from ..errors import InputError
from ..model import Problem, Story, VideoArtefact
from . import web_card, web_meta
from .web_media import check_story_name, check_video, copy_image, copy_video, pick_video
from .web_page import AUDIENCE_LABELS, story_item, transcript_text, video_item

TEMPLATES = ("base.html", "index.html", "story.html")


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """A Jinja2 environment over the project's ``templates/web/``, strict and escaping."""
    missing = [name for name in (*TEMPLATES, "style.css") if not (Path(templates_dir) / name).is_file()]
    if missing:
        raise InputError(Problem(str(Path(templates_dir) / missing[0]), 0,
                                 "web template is missing: restore it from storymaker's default "
                                 "templates/web/ (storymaker init puts them there)"))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render one template; template mistakes become one-line problems."""
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(Problem(exc.filename or name, exc.lineno, f"template error: {exc.message}")) from exc
    except jinja2.UndefinedError as exc:
        raise InputError(Problem(name, 0, f"template uses an unknown value ({exc.message}): "
                                 "check the names against the default templates")) from exc


def write(path: Path, text: str, written: list[Path]) -> None:
    """Write UTF-8 text with ``\\n`` line ends and remember the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    written.append(path)


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
    return sorted(chosen, key=lambda s: (list(AUDIENCE_LABELS).index(s.audience), s.title.casefold(), s.slug))


def copy_static(templates_dir: Path, out_dir: Path, written: list[Path]) -> None:
    """Copy the stylesheet and any other non-template file at the top of ``templates/web/``."""
    for src in sorted(Path(templates_dir).iterdir()):
        if src.is_file() and src.suffix != ".html" and not src.name.startswith("."):
            shutil.copyfile(src, out_dir / src.name)
            written.append(out_dir / src.name)


def beat_images(story: Story, out_dir: Path, written: list[Path]) -> dict[int, str]:
    """Re-encode each beat's image into ``media/``; beat number -> URL."""
    urls = {}
    for n, beat in enumerate(story.beats, start=1):
        if beat.image:
            urls[n] = copy_image(beat.image, out_dir, story.audience, f"{story.slug}-{n}")
            written.append(out_dir / urls[n])
    return urls


def card_job(story: Story, site_title: str, fonts: web_card.CardFonts, dest: Path) -> None:
    """Draw and save one story's social card."""
    card = web_card.draw_card(story.title, web_card.short_quote(story), site_title, fonts)
    web_card.save_card(card, story.title, dest)


def page_context(story: Story, videos: list[VideoArtefact], out_dir: Path, site: dict[str, str],
                 draw: Callable[[Story, Path], None], written: list[Path]) -> dict[str, Any]:
    """Copy the story's media, draw its card and gather what its page shows."""
    urls = {"page": f"{story.audience}/{story.slug}.html", "card": f"media/{story.audience}/{story.slug}-card.png"}
    artefact = pick_video(story, videos)
    video = None
    if artefact:
        urls.update(copy_video(artefact, out_dir))
        written.extend(out_dir / urls[k] for k in ("mp4", "vtt", "poster"))
        video = video_item(story, artefact, urls)
    draw(story, out_dir / urls["card"])
    written.append(out_dir / urls["card"])
    base = site["base_url"]
    video_ld = web_meta.video_object(story, artefact, urls, base, transcript_text(video)) if artefact else None
    return {
        "story": story_item(story, urls, video, beat_images(story, out_dir, written)),
        "meta": web_meta.meta_tags(story, site["title"], urls, base),
        "jsonld": web_meta.jsonld_script_text(web_meta.article(story, site["title"], urls, base, video_ld)),
        "canonical": web_meta.absolute(base, urls["page"]) if base else "",
        "description": web_meta.description(story),
    }


def render_pages(chosen: list[Story], videos: list[VideoArtefact], out_dir: Path, env: jinja2.Environment,
                 site: dict[str, Any], fonts: web_card.CardFonts, written: list[Path]) -> list[dict[str, Any]]:
    """Write every story page; social cards are drawn in a thread pool meanwhile."""
    items = []
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        jobs = []
        draw = lambda story, dest: jobs.append(pool.submit(card_job, story, site["title"], fonts, dest))
        for story in chosen:
            context = page_context(story, videos, out_dir, site, draw, written)
            context.update(site=site, root="../", lang=story.lang)
            write(out_dir / context["story"]["url"], render_template(env, "story.html", context), written)
            items.append(context["story"])
        for job in jobs:
            job.result()  # re-raise the first failure, if any
    return items


def write_index(items: list[dict[str, Any]], out_dir: Path, env: jinja2.Environment,
                site: dict[str, Any], written: list[Path]) -> None:
    """The index: stories grouped by audience (staff first), then the note on composites."""
    groups = [{"id": a, "label": label, "stories": [i for i in items if i["audience"] == a]}
              for a, label in AUDIENCE_LABELS.items()]
    index = {"site": site, "root": "", "lang": items[0]["lang"] if items else "en-GB",
             "groups": [g for g in groups if g["stories"]]}
    write(out_dir / "index.html", render_template(env, "index.html", index), written)


def render_site(stories: Sequence[Story], videos: Sequence[VideoArtefact], out_dir: Path, *,
                templates_dir: Path, site_title: str, site_description: str = "", base_url: str = "",
                font_dir: Path | None = None) -> list[Path]:
    """Write the static site into ``out_dir``; return every file written, sorted."""
    out_dir = Path(out_dir)
    env = make_environment(Path(templates_dir))
    fonts = web_card.CardFonts.find(font_dir)
    chosen = web_stories(stories)
    for video in videos:
        check_video(video)
    present = {s.audience for s in chosen}
    site = {"title": site_title, "description": site_description, "base_url": base_url,
            "sections": [(a, label) for a, label in AUDIENCE_LABELS.items() if a in present]}
    written: list[Path] = []
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_static(Path(templates_dir), out_dir, written)
    items = render_pages(chosen, list(videos), out_dir, env, site, fonts, written)
    write_index(items, out_dir, env, site, written)
    return sorted(set(written))
