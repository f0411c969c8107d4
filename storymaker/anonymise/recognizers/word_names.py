"""Layer: months, seasons and other always-safe words used as names mid-sentence ("I asked June
about it", "Autumn said", "me and Winter"): flagged for review. "in June", "last Winter" stay.
(Every other capitalised ordinary word mid-sentence is flagged by default deny anyway.)"""
from __future__ import annotations

import re

from ..hits import Hit
from .base import FLAG_KINDS, Context, Tables
from .names_context import VERBS, mid_sentence_name

NAMES = re.compile(r"\b(?:January|April|May|June|July|August|Summer|Autumn|Winter|Spring|Christian|Miss|Pip|Eid)\b")


_KEYS = frozenset(w.lower() for w in NAMES.pattern[5:-3].split("|"))


class WordNameRecognizer:
    name = "months and seasons as names"
    priority = 30

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        out: list[Hit] = []
        if ctx.keyset.isdisjoint(_KEYS):
            return out
        for m in NAMES.finditer(ctx.text):
            for i in ctx.token_range(m.start(), m.end()):
                tok = ctx.tokens[i]
                if tok.key in self.t.allow_words or ctx.covered(i) or ctx.title:
                    continue
                if mid_sentence_name(ctx.tokens, i) if not tok.sentence_start else (
                        i + 1 < len(ctx.tokens) and ctx.tokens.keys[i + 1] in VERBS):
                    out.append(Hit(tok.start, tok.end, "unreviewed", "flag", FLAG_KINDS["name"], flag=FLAG_KINDS["name"]))
        return out
