"""Pull every piece of text a person or a machine could read out of one published file.

Yields ``(where, text)`` pairs: HTML text and each attribute, file names, JSON/CSS/VTT/SRT
and other text files as text, PNG text chunks, JPEG/PNG EXIF and comments, and media
container and stream tags read with ffprobe.
"""
from __future__ import annotations

import base64
import json
import re
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


# Tags inside a run of words that a browser shows as one word: "<b>N</b>ewquay", "Camb<wbr>orne"
INLINE = frozenset("a abbr b bdi bdo br cite code data del dfn em font i ins kbd mark q s samp small span strong "
                   "sub sup time u var wbr".split()) - {"br"}
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_UNSHOWN = frozenset({"script", "style", "template", "noscript", "head", "title"})
_BASE64 = re.compile(r"[A-Za-z0-9+/]{8,}={0,2}")


def decoded_base64(value: str) -> Iterator[str]:
    """Text hidden as base64: a ``data:`` address or a string in a script (``atob("...")``)."""
    for m in _BASE64.finditer(value):
        chunk = m.group()
        try:
            text = base64.b64decode(chunk + "=" * (-len(chunk) % 4), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            continue
        if text.isprintable() or "<" in text:
            yield text


class _HTMLText(HTMLParser):
    """Every text and attribute, and the page's words as a browser shows them: inline tags and
    comments join what is either side of them, hidden elements show nothing, and an element
    styled ``direction: rtl; unicode-bidi: bidi-override`` shows its text reversed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, hidden, reversed)
        self.shown: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value:
                self.found.append((f"{name} attribute", value))
                if "%" in value:
                    self.found.append((f"{name} attribute", unquote(value)))
                if "base64," in value:
                    self.found.extend(("decoded data address", t) for t in decoded_base64(value.split("base64,", 1)[1]))
        if tag not in INLINE:
            self.shown[-1].append("\n")
        if tag in VOID:
            return
        style = " ".join((dict(attrs).get("style") or "").lower().split()).replace(": ", ":")
        hidden = tag in _UNSHOWN or "hidden" in dict(attrs) or "display:none" in style or "visibility:hidden" in style
        turned = "bidi-override" in style and "rtl" in style
        self.stack.append((tag, hidden, turned))
        if turned:
            self.shown.append([])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and tag in (t for t, _, _ in self.stack):
            top, _, turned = self.stack.pop()
            if turned and len(self.shown) > 1:
                inner = "".join(self.shown.pop())
                self.shown[-1].append(inner[::-1])
            if top == tag:
                break
        if tag not in INLINE:
            self.shown[-1].append("\n")

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.found.append(("text", data))
            if self.stack and self.stack[-1][0] == "script":
                self.found.extend(("decoded script string", t) for t in decoded_base64(data))
        if not any(hidden for _, hidden, _ in self.stack):
            self.shown[-1].append(data)

    def handle_comment(self, data: str) -> None:
        self.found.append(("comment", data))

    def page_text(self) -> str:
        while len(self.shown) > 1:
            inner = "".join(self.shown.pop())
            self.shown[-1].append(inner[::-1])
        return "".join(self.shown[0])


def html_parts(text: str) -> list[tuple[str, str]]:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    return parser.found + [("text as a browser shows it", parser.page_text()), ("source", text)]


_CSS_STRINGS = re.compile(r"""(?:"[^"\n]*"|'[^'\n]*')(?:\s*(?:"[^"\n]*"|'[^'\n]*'))+""")


def css_strings(text: str) -> Iterator[str]:
    """Strings a style sheet shows one after another (``content: "Tre" "neere"``), joined."""
    for m in _CSS_STRINGS.finditer(text):
        yield "".join(part[1:-1] for part in re.findall(r""""[^"\n]*"|'[^'\n]*'""", m.group()))


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
        if suffix in (".css", ".html", ".htm", ".svg"):
            yield from (("style sheet strings shown together", t) for t in css_strings(text))
        if suffix in (".json", ".webmanifest", ".geojson"):
            try:
                yield "JSON string", "\n".join(json_strings(json.loads(text)))
            except ValueError:
                pass
