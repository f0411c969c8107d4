"""One name written in several words is one flag, and one replacement.

"Sgoil Chnoc Bhig", "MV Eilean Dubh", "Sràid na h-Eaglaise": each capitalised word is flagged
by itself, so a reviewer registering each as the messages say would get "one more
organisation one more organisation ...". Word flags next to each other (with only spaces and
a joining particle between: na, nan, an, of, de, van, h-, t-) become one flag, registered as
one name; replacements of one kind next to each other become one phrase.

    hits = join_flags(text, hits)
    joined(text, end_of_previous, start_of_this)   # True: the two read as one name
"""
from __future__ import annotations

import re
from dataclasses import replace

from .hits import Hit
from .recognizers.base import FLAG_KINDS

_GAP = re.compile(r"[ \t]+(?:(?:na|nan|an|of|de|du|la|le|van|von|der|den|y|ap|bin|ibn|al|el|da|di|dos|mac)[ \t]+)?"
                  r"(?:[a-z]{1,2}-)?")
WORD_FLAGS = frozenset({FLAG_KINDS["capitalised"], FLAG_KINDS["name"], FLAG_KINDS["place"]})
JOINED_KINDS = frozenset({"place", "organisation", "other"})  # two people side by side stay two people


def joined(text: str, end: int, start: int) -> bool:
    return end < start and _GAP.fullmatch(text, end, start) is not None


def join_flags(text: str, hits: list[Hit]) -> list[Hit]:
    """Neighbouring word flags merged into one flag over the whole name."""
    out: list[Hit] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev and h.flag in WORD_FLAGS and prev.flag in WORD_FLAGS and joined(text, prev.end, h.start):
            kind = prev.flag if prev.flag == h.flag else FLAG_KINDS["capitalised"]
            out[-1] = replace(prev, end=h.end, reason=kind, flag=kind)
        else:
            out.append(h)
    return out
