"""Pull every piece of text a person or a machine could read out of one published file.

Yields ``(where, text)`` pairs: HTML text and each attribute, file names, JSON/CSS/VTT/SRT
and other text files as text, PNG text chunks, JPEG/PNG EXIF and comments, and media
container and stream tags read with ffprobe.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

MEDIA = frozenset({".mp4", ".m4v", ".mov", ".webm", ".mkv", ".mp3", ".m4a", ".wav", ".ogg", ".oga", ".opus",
                   ".flac", ".aac"})
IMAGES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".gif", ".tif", ".tiff"})
BINARY = frozenset({".woff", ".woff2", ".ttf", ".otf", ".ico", ".pdf", ".zip", ".gz"})


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value:
                self.found.append((f"{name} attribute", value))
                if "%" in value:
                    self.found.append((f"{name} attribute", unquote(value)))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.found.append(("text", data))

    def handle_comment(self, data: str) -> None:
        self.found.append(("comment", data))


def html_parts(text: str) -> list[tuple[str, str]]:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    return parser.found + [("source", text)]


def json_strings(value: object) -> Iterator[str]:
    """Every key and string in a JSON document (escapes like \\u0430 decoded)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)


def image_parts(path: Path) -> Iterator[tuple[str, str]]:
    from PIL import Image  # only the publish gate reads images: `storymaker check` never loads Pillow
    with Image.open(path) as im:
        for key, value in (im.info or {}).items():
            if isinstance(value, bytes):
                value = value.decode("utf-8", "replace")
            if isinstance(value, str):
                yield f"{im.format} metadata '{key}'", value
                yield f"{im.format} metadata key", str(key)
        for tag, value in im.getexif().items():
            if isinstance(value, bytes):
                value = value.decode("utf-8", "replace")
            yield f"EXIF tag {tag}", str(value)


def media_parts(path: Path) -> Iterator[tuple[str, str]]:
    ffprobe = shutil.which("ffprobe")
    if not ffprobe:
        yield "ffprobe missing: media metadata", "ffprobe is not installed"
        return
    run = subprocess.run([ffprobe, "-v", "error", "-show_format", "-show_streams", "-show_chapters",
                          "-print_format", "json", str(path)], capture_output=True, text=True, timeout=60)
    info = json.loads(run.stdout or "{}")
    for key, value in info.get("format", {}).get("tags", {}).items():
        yield f"metadata tag '{key}'", str(value)
    for stream in info.get("streams", []):
        for key, value in stream.get("tags", {}).items():
            yield f"stream {stream.get('index')} tag '{key}'", str(value)
    for chapter in info.get("chapters", []):
        for key, value in chapter.get("tags", {}).items():
            yield f"chapter tag '{key}'", str(value)
    for stream in info.get("streams", []):
        if stream.get("codec_type") == "subtitle":
            yield f"subtitle stream {stream.get('index')}", _subtitles(path, stream.get("index"))


def _subtitles(path: Path, index: object) -> str:
    """An embedded subtitle track as SRT text (burned-in captions are pixels: not checked here)."""
    ffmpeg = shutil.which("ffmpeg") or "ffmpeg"
    run = subprocess.run([ffmpeg, "-v", "error", "-i", str(path), "-map", f"0:{index}", "-f", "srt", "-"],
                         capture_output=True, text=True, timeout=60)
    return run.stdout


def file_parts(path: Path) -> Iterator[tuple[str, str]]:
    suffix = path.suffix.lower()
    if suffix in MEDIA:
        yield from media_parts(path)
    elif suffix in IMAGES:
        yield from image_parts(path)
    elif suffix not in BINARY:
        text = path.read_bytes().decode("utf-8", "replace")
        if suffix in (".html", ".htm", ".xhtml", ".svg", ".xml"):
            yield from html_parts(text)
        else:
            yield "text", text
        if suffix in (".json", ".webmanifest", ".geojson"):
            try:
                yield "JSON string", "\n".join(json_strings(json.loads(text)))
            except ValueError:
                pass
