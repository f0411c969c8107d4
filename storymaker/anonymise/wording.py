"""Replacements that fit the words around them: a hashtag replaced whole ("#HopeWilliams" ->
"a hashtag", never "#Ainsley Ashdown"), and no noun said twice ("my postcode NE63 9XL" -> "my
postcode", not "my postcode a postcode")."""
from __future__ import annotations

import re
from dataclasses import replace

from .hits import Hit

_HASHTAG_REST = re.compile(r"[^\W]*")
_ARTICLES = frozenset("a an the".split())
_DETERMINERS = _ARTICLES | frozenset("my our your his her their its this that".split())


def hashtags(text: str, hits: list[Hit]) -> list[Hit]:
    """A hit right after "#" covers the whole hashtag: a replacement becomes "a hashtag" (kind
    handle), a flag flags the hashtag."""
    out = []
    for h in hits:
        if h.start and text[h.start - 1] == "#" and (h.start == 1 or not text[h.start - 2].isalnum()):
            end = _HASHTAG_REST.match(text, h.end).end()
            h = replace(h, start=h.start - 1, end=end) if h.is_flag else replace(
                h, start=h.start - 1, end=end, kind="handle", source="structured", replacement="a hashtag",
                key=f"hashtag:{text[h.start - 1:end].lower()}")
        out.append(h)
    return out


def repeats_noun(text: str, start: int, new: str) -> bool:
    """The word just before says what the replacement would say again: "postcode" + "a postcode",
    "number" + "a phone number", "website" + "a website"."""
    if " " not in new:
        return False
    words = set(new.lower().split()) - _DETERMINERS  # "our" + "our surgery" is a determiner, not a noun said twice
    before = text[max(0, start - 16):start].rstrip(" \t:").split()
    return bool(words and before and before[-1].lower() in words and len(new.split()) > 1)


# vowel letters said with a consonant ("a user", "a one-off") and an h not said ("an hour")
_YOU_SOUND = re.compile(r"u(?:s[eua]|ni(?![nmd])|r[aeiou]|t[aeiou]|k|biq)|eu|ew|one\b|once\b", re.I)
_SILENT_H = re.compile(r"hour|honest|honou?r|heir", re.I)


def a_or_an(word: str) -> str:
    """The indefinite article for ``word`` as it is said: "an officer", "a user", "an hour"."""
    if _SILENT_H.match(word):
        return "an"
    return "an" if word[:1].lower() in "aeiou" and not _YOU_SOUND.match(word) else "a"
