"""Layer: a lower-case word that is no English word, where the words around it make it a
person ("me and kezia went", "I told morven about it", "with tiggy from the office"): flagged
for review, never kept silently. The gazetteer replaces the names it knows in any case; this
catches the ones it does not, only in those contexts, so slang and typos elsewhere are not flagged."""
from __future__ import annotations

from ..hits import Hit
from ..lexicon import SAFE, is_common
from .base import FLAG_KINDS, Context, Tables
from .names_context import WORD_BEFORE, lower_name
from .welsh import is_welsh_word

_WITH_AFTER = frozenset("from at in on".split())  # "with jo from the office"
# "we lived out in drumsurn", "grew up in ballinderry", "his name was oisin": a place or a name
_PLACE_VERBS = frozenset("lived live lives living grew born moved raised settled stayed brought out up down over back "
                         "went came".split())
_PLACE_BEFORE = frozenset("in near outside to".split())
_NAMED = frozenset("called named".split())
PARTICLES = frozenset("o mac mc nic ni ua de ap ab van von".split())  # "oisín ó dónaill": a surname goes with it


def _place_or_name(ctx: Context, i: int, ends: set[int]) -> bool:
    """A lower-case unknown word where only a name or a place fits, or beside a name found already."""
    keys = ctx.tokens.keys
    prev, prev2 = (keys[i - 1] if i else ""), (keys[i - 2] if i > 1 else "")
    if prev == "from" or (prev in _PLACE_BEFORE and prev2 in _PLACE_VERBS) or prev in _NAMED or (
            prev == "was" and prev2 == "name") or (prev == "so" and i + 2 < len(keys) and keys[i + 1] == "was"
                                                   and keys[i + 2] == "where"):
        return True
    j = i - 1 if i and prev in PARTICLES else i
    return j > 0 and ctx.tokens.spans[j - 1][1] in ends and ctx.text[ctx.tokens.spans[j - 1][1]:ctx.tokens.spans[j][0]] == " "


class LowerNameRecognizer:
    name = "unknown names in lower case"
    priority = 28

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        out: list[Hit] = []
        tokens = ctx.tokens
        ends = {h.end for h in ctx.hits if h.kind in ("person", "place") and not h.is_flag}
        for i in ctx.candidates:
            if not self._unknown(ctx, i) or (i and tokens.keys[i - 1] in WORD_BEFORE):
                continue  # "the weans went": after an article or a possessive, a noun
            if lower_name(tokens, i) or (i and tokens.keys[i - 1] == "with" and i + 1 < len(tokens)
                                         and tokens.keys[i + 1] in _WITH_AFTER) or _place_or_name(ctx, i, ends):
                start, end = tokens.spans[i]
                if i and tokens.keys[i - 1] in PARTICLES and not ctx.covered(i - 1):
                    start = tokens.spans[i - 1][0]  # "ó dónaill": one flag
                out.append(Hit(start, end, "unreviewed", "flag", FLAG_KINDS["name"], flag=FLAG_KINDS["name"]))
        return out

    def _unknown(self, ctx: Context, i: int) -> bool:
        """A word in lower case, of letters, that no word list knows and no layer above explained."""
        key = ctx.tokens.keys[i]
        return (ctx.tokens.words[i] == key and key.isalpha() and len(key) >= 2 and not ctx.covered(i)
                and not self._known(key) and not (ctx.welsh and is_welsh_word(key)))

    def _known(self, key: str) -> bool:
        """An English word, a safe word, allowed, or one of our own pseudonyms."""
        return is_common(key) or key in SAFE or key in self.t.allow_words or key in self.t.produced
