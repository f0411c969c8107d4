"""Storymaker's own page furniture: the phrases of the bundled templates and their translation
catalogues ("Skip to the content", "More stories"). A registered name that is an ordinary word
("Skip", "More", "Story") is found by the publish gate only capitalised; where it is one word
of a whole furniture phrase, standing alone in its element or string as storymaker wrote it,
it is the furniture, not the person (anon-attack BLOCKED 2). Nothing else is excused."""
from __future__ import annotations

import re
from functools import lru_cache

from ..bundled import default_templates

_PO_STRING = re.compile(r'^(?:msgid|msgstr|msgid_plural|msgstr\[\d\])\s+"(.*)"\s*$|^"(.*)"\s*$')
_TEXT = re.compile(r">([^<>{}]+)<")
_GETTEXT = re.compile(r"""_\(\s*(?:"([^"]+)"|'([^']+)')""")


def phrase_key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)*", text.lower()))


def _catalogue(text: str) -> set[str]:
    out, current = set(), []
    for line in text.splitlines() + [""]:
        m = _PO_STRING.match(line.strip())
        if m and m.group(1) is None:
            current.append(m.group(2))
            continue
        if current:
            out.add("".join(current))
        current = [m.group(1)] if m else []
    return out


@lru_cache(maxsize=1)
def furniture() -> frozenset[str]:
    """Every phrase of the bundled templates and catalogues, as compared (lower case, words only)."""
    phrases: set[str] = set()
    for kind in ("web", "video"):
        folder = default_templates(kind)
        for path in folder.rglob("*") if folder.is_dir() else ():
            if not path.is_file():
                continue
            text = path.read_text("utf-8", "replace")
            if path.suffix in (".po", ".pot"):
                phrases |= _catalogue(text)
            else:
                phrases |= {m.group(1) for m in _TEXT.finditer(text)}
                phrases |= {m.group(1) or m.group(2) for m in _GETTEXT.finditer(text)}
    return frozenset(k for k in map(phrase_key, phrases) if k)


def in_furniture(text: str, start: int, end: int, phrases: frozenset[str]) -> bool:
    """Whether text[start:end] lies in a whole furniture phrase: everything between the nearest
    tag, quote or line break either side of it is one phrase of ``phrases``."""
    left = max(text.rfind(c, 0, start) for c in '>"\n') + 1
    rights = [i for i in (text.find(c, end) for c in '<"\n') if i >= 0]
    return phrase_key(text[left:min(rights, default=len(text))]) in phrases
