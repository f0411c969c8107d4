"""Layer 2: structured identifiers (email, phone, NHS and NI numbers, postcodes, addresses,
precise dates and times, ages): see :mod:`storymaker.anonymise.structured`."""
from __future__ import annotations

from ..hits import Hit
from ..structured import structured_hits
from .base import Context, Tables


class StructuredRecognizer:
    name = "structured"
    priority = 90

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        return structured_hits(ctx.text, ctx.tokens, ctx.keyset)
