"""Small Markdown helpers shared by the scripts, provenance and member-check writers."""
from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def escape(text: str) -> str:
    """Text that Markdown shows exactly as written."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def authored(text: str) -> str:
    """Authored linking text, marked for the reader: italics plus "(linking text)"."""
    return f"*{escape(text)}* (linking text)" if text.strip() else ""


def blockquote(text: str) -> str:
    return f"> {text}"


def safe_name(value: str) -> str:
    """A file name made from an id: letters, digits, dot, dash and underscore only."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", value) or "_"


def write(path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8", newline="\n")
