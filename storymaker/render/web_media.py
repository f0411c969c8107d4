"""Confined file handling for the web output: safe names, media copies, images.

Only files named by a :class:`VideoArtefact` or a :class:`StoryBeat` image
are ever read, and every file written gets a name built from a checked slug,
audience and format, so hostile slugs such as ``../../etc/passwd`` can never
steer a write outside ``out_dir``. Beat images are re-encoded by
:mod:`web_images`, which drops EXIF (camera, GPS location) and any other metadata.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ..errors import InputError, RenderError
from ..model import AUDIENCES, VIDEO_FORMATS, Problem, Story, VideoArtefact

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif"}


def shown(value: str, limit: int = 40) -> str:
    """A short, printable rendering of a hostile value for an error message."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)


def check_story_name(slug: str, audience: str, where: str = "story") -> None:
    """Refuse slugs that are not ``[a-z0-9-]+`` and unknown audiences."""
    if not SLUG_RE.fullmatch(slug):
        raise InputError(Problem(where, 0, f"slug {shown(slug)} is not allowed in a file name: "
                                 "use lower-case letters, digits and hyphens only, e.g. 'night-shift'"))
    if audience not in AUDIENCES:
        raise InputError(Problem(where, 0, f"audience {shown(audience)} of {slug!r} is unknown: "
                                 f"use one of {', '.join(AUDIENCES)}"))


def format_token(fmt: str) -> str:
    """``"16:9"`` -> ``"16x9"``; refuses formats storymaker does not make."""
    if fmt not in VIDEO_FORMATS:
        raise InputError(Problem("video", 0, f"video format {shown(fmt)} is unknown: "
                                 f"use one of {', '.join(VIDEO_FORMATS)}"))
    return fmt.replace(":", "x")


def pick_video(story: Story, videos: list[VideoArtefact]) -> VideoArtefact | None:
    """The story's video: same slug and audience, 16:9 preferred, then format order."""
    mine = [v for v in videos if v.slug == story.slug and v.audience == story.audience]
    order = list(VIDEO_FORMATS)
    mine.sort(key=lambda v: order.index(v.format) if v.format in order else len(order))
    return mine[0] if mine else None


def link_or_copy(src: Path, dest: Path) -> None:
    """Hard-link ``src`` to ``dest``; copy when linking is not possible."""
    if not src.is_file():
        raise RenderError(Problem(str(src), 0, "video file is missing: render the video again "
                                  "(storymaker build --video) or build without --video"))
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists() or dest.is_symlink():
        dest.unlink()
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def check_video(video: VideoArtefact) -> None:
    """Refuse a video with a hostile slug, an unknown format or files of the wrong kind."""
    check_story_name(video.slug, video.audience, where="video")
    format_token(video.format)
    for path, suffix in ((video.mp4, ".mp4"), (video.vtt, ".vtt"), (video.poster, ".png")):
        if Path(path).suffix.lower() != suffix:
            raise InputError(Problem("video", 0, f"video file for {video.slug!r} should end in {suffix}: "
                                     "render the video again with storymaker build --video"))


def chapters_file(video: VideoArtefact) -> Path | None:
    """The chapters track the video build writes beside the captions (``<stem>.chapters.vtt``)."""
    path = Path(video.vtt).with_suffix(".chapters.vtt")
    return path if path.is_file() else None


def copy_video(video: VideoArtefact, out_dir: Path) -> dict[str, str]:
    """Copy a video's mp4, captions and chapters track into ``media/``; return relative URLs."""
    check_video(video)
    stem = f"{video.slug}-{format_token(video.format)}"
    sources = {"mp4": Path(video.mp4), "vtt": Path(video.vtt)}
    if chapters := chapters_file(video):
        sources["chapters"] = chapters
    names = {"mp4": f"{stem}.mp4", "vtt": f"{stem}.vtt", "chapters": f"{stem}.chapters.vtt"}
    urls: dict[str, str] = {}
    for key, src in sources.items():
        link_or_copy(src, out_dir / "media" / video.audience / names[key])
        urls[key] = f"media/{video.audience}/{names[key]}"
    return urls


def image_file(src: str) -> Path:
    """A beat image path, checked: absolute (resolved by prepare), an image suffix, a file."""
    path = Path(src)
    if not path.is_absolute() or path.suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
        raise RenderError(Problem(src, 0, "beat image is not a PNG, JPEG, WebP or GIF file "
                                  "inside the project: fix the image: path in the story file"))
    return path
