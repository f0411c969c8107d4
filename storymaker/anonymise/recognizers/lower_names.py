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


class LowerNameRecognizer:
    name = "unknown names in lower case"
    priority = 28

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        out: list[Hit] = []
        tokens = ctx.tokens
        for i in ctx.candidates:
            key = tokens.keys[i]
            if tokens.words[i] != key or not key.isalpha() or len(key) < 2 or ctx.covered(i) or self._known(key) or (
                    ctx.welsh and is_welsh_word(key)):
                continue
            if i and tokens.keys[i - 1] in WORD_BEFORE:
                continue  # "the weans went": after an article or a possessive, a noun
            if lower_name(tokens, i) or (i and tokens.keys[i - 1] == "with" and i + 1 < len(tokens)
                                         and tokens.keys[i + 1] in _WITH_AFTER):
                start, end = tokens.spans[i]
                out.append(Hit(start, end, "unreviewed", "flag", FLAG_KINDS["name"], flag=FLAG_KINDS["name"]))
        return out

    def _known(self, key: str) -> bool:
        """An English word, a safe word, allowed, or one of our own pseudonyms."""
        return is_common(key) or key in SAFE or key in self.t.allow_words or key in self.t.produced
