"""Layer: words in another script (Arabic, Devanagari, Cyrillic, Chinese ...). After folding,
accented Latin letters and look-alikes are plain ASCII, so any letter still outside it belongs
to a script no list here knows: default deny flags it for review (a registered name in that
script is replaced by the register, which runs first)."""
from __future__ import annotations

import re
import unicodedata

from ..hits import Hit
from .base import Context, Tables

_PART = r"(?:[^\W_]|[^\x00-\x7f\s\u2000-\u206f\u00a0-\u00bf])"
RUN = re.compile(rf"{_PART}*[^\x00-\x7f\s\u2000-\u206f\u00a0-\u00bf]{_PART}*(?:['-]{_PART}+)*")
KIND = "word in another script"


def _letters(run: str) -> bool:
    return any(unicodedata.category(c)[0] in "LM" for c in run)


class ScriptRecognizer:
    name = "other scripts"
    priority = 10

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        text = ctx.text
        if text.isascii():
            return []
        out = []
        for m in RUN.finditer(text):
            if not _letters(m.group()) or any(h.start <= m.start() < h.end and not h.is_flag for h in ctx.hits):
                continue
            out.append(Hit(m.start(), m.end(), "unreviewed", "flag", KIND, flag=KIND))
        return out
