"""One story page's context: its media copied and sized, its metadata, its links."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from ..model import VIDEO_FORMATS, Story, VideoArtefact
from . import web_links, web_meta
from .web_card import SIZE, short_quote
from ..i18n import Language, language
from .web_images import THUMB_SIZES, THUMB_WIDTHS, WIDTHS, Picture, open_rgb, planned, poster, renditions
from .web_media import copy_video, image_file, pick_video
from .web_page import story_item, transcript_text, video_item
from .web_text import plain_text


@dataclass(frozen=True)
class Site:
    """What every page of one build shares."""

    out_dir: Path
    templates_dir: Path
    info: dict[str, Any]  # title, description, base_url, lang, logo, links... (for templates)
    chosen: list[Story]  # the web stories, in order
    videos: list[VideoArtefact]
    told: dict[str, Story]  # video versions of the stories, by key (for transcripts)
    draw: Callable[[Story, Path, Picture | None], None]  # draws a social card (and its thumbnail) in a thread pool
    written: list[Path] = field(default_factory=list)

    @property
    def base(self) -> str:
        return self.info["base_url"]


def beat_pictures(story: Story, site: Site, lang: Language) -> dict[int, Picture]:
    """Each beat's image at several widths, JPEG and WebP; beat number -> picture."""
    pictures = {}
    for n, beat in enumerate(story.beats, start=1):
        if beat.image:
            img = open_rgb(image_file(beat.image), "beat image", WIDTHS[-1])
            alt = beat.image_alt  # none given: decorative (alt=""), never a made-up description
            pictures[n] = renditions(img, site.out_dir, f"media/{story.audience}/{story.slug}-{n}", alt=alt)
            site.written.extend(site.out_dir / f for f in pictures[n].files())
    return pictures


def media(story: Story, site: Site, lang: Language, urls: dict[str, str]) -> tuple[VideoArtefact | None, dict | None]:
    """Copy the story's video (mp4, captions, chapters, a JPEG poster); the video's page item."""
    artefact = pick_video(story, site.videos)
    if not artefact:
        return None, None
    urls.update(copy_video(artefact, site.out_dir))
    stem = f"media/{story.audience}/{story.slug}-{artefact.format.replace(':', 'x')}"
    urls["poster"], width, height, thumb = poster(Path(artefact.poster), site.out_dir, stem)
    site.written.extend(site.out_dir / f for f in thumb.files())
    urls["embed"] = f"embed/{story.audience}/{story.slug}.html"
    site.written.extend(site.out_dir / urls[k] for k in ("mp4", "vtt", "chapters", "poster") if k in urls)
    site.written.append(site.out_dir / urls["poster"].replace(".jpg", ".webp"))
    video = video_item(story, artefact, urls, lang, site.told.get(story.key))
    video.update(poster_width=width, poster_height=height, thumb=thumb)
    return artefact, video


def page_head(story: Story, site: Site, lang: Language, urls: dict[str, str], artefact, video) -> dict[str, Any]:
    """Title, description, canonical, hreflang, noindex, sharing metadata and JSON-LD."""
    title = web_links.page_title(story, site.chosen, lang)
    page = {"title": title, "alternates": web_links.alternates(story, site.chosen, site.base),
            "description": web_links.page_description(story, site.chosen, web_meta.description(story, lang), lang),
            "canonical": web_meta.absolute(site.base, urls["page"]) if site.base else "",
            "noindex": story.audience == "staff" and site.info["noindex_staff"]}
    page["public"] = site.info["share"] and not page["noindex"]  # an internal story offers no social sharing or embed
    page["oembed"] = web_meta.absolute(site.base, f"oembed/{story.key}.json") if site.base and video and page["public"] else ""
    page["address"] = page["canonical"]
    page["meta"] = web_meta.meta_tags(page, story, site.info["title"], urls, site.base, video)
    video_ld = web_meta.video_object(story, artefact, urls, site.base, transcript_text(video), lang) if video else None
    page["jsonld"] = web_meta.jsonld_script_text(web_meta.article(page, story, site.info, urls, video_ld,
                                                                        lang.gettext("Composite narrative")))
    return page


def story_context(story: Story, site: Site) -> dict[str, Any]:
    """Copy the story's media, draw its card and gather what its page shows."""
    lang = language(site.templates_dir, story.lang)
    urls = {"page": f"{story.key}.html", "card": f"media/{story.key}-card.png"}
    artefact, video = media(story, site, lang, urls)
    pictures = beat_pictures(story, site, lang)
    thumb = index_picture(pictures, video, urls["card"])
    site.draw(story, site.out_dir / urls["card"], None if pictures or video else thumb)
    site.written.extend(site.out_dir / f for f in [urls["card"], *([] if pictures or video else thumb.files())])
    if 1 in pictures:
        urls["lead"] = pictures[1].src
    page = page_head(story, site, lang, urls, artefact, video)
    item = story_item(story, urls, video, pictures, lang)
    item.update(web_links.links(story, site.chosen, lang, site.templates_dir))
    item.update(pull_quote=pull_quote(story), summary_text=plain_text(story.summary) or page["description"],
                share=web_links.share_links(page["title"], page["canonical"], lang, page["public"]) if site.info["share"] else [],
                noindex=page["noindex"],
                embed=web_links.embed_snippet(story, site.base, page["title"], embed_size(artefact)) if video and page["public"] else "",
                thumb=thumb, card_meta=card_meta(story, video, lang))
    return {"story": item, "page": page, "lang": story.lang, "root": "../"}


EMBED_LINK = 48  # px under the player for the link to the story (two lines at 360 px wide)


def pull_quote(story: Story) -> str:
    """The lede's quote: from a later beat where there is one, so it never stands right above itself."""
    later = short_quote(replace(story, beats=story.beats[1:])) if len(story.beats) > 1 else ""
    return later or short_quote(story)


def embed_size(artefact: VideoArtefact | None) -> tuple[int, int]:
    """The embed snippet's frame: the player 640 px wide and the link to the story under it."""
    width, height = VIDEO_FORMATS[artefact.format] if artefact else (16, 9)
    return 640, round(640 * height / width) + EMBED_LINK


def index_picture(pictures: dict[int, Picture], video: dict[str, Any] | None, card: str) -> Picture:
    """The index card's picture: the first beat image, else the video poster, else the social card."""
    if pictures:
        first = pictures[min(pictures)]
        return replace(first, alt="", sizes=THUMB_SIZES)
    if video:
        return video["thumb"]
    return planned(*SIZE, card.removesuffix(".png") + "-thumb", THUMB_WIDTHS, sizes=THUMB_SIZES)


def card_meta(story: Story, video: dict[str, Any] | None, lang: Language) -> str:
    """The index card's line about the story, in the story's language."""
    told = lang.gettext("Told by %(narrator)s, a composite character.", narrator=story.narrator)
    if not video:
        return told
    return told + " " + lang.gettext("Includes a video (%(duration)s) with captions and a transcript.",
                                     duration=video["duration"])
