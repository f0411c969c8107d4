"""Layer 3: organisation patterns ("Riverside Surgery", "oakwood surgery"): see
:mod:`storymaker.anonymise.orgs`."""
from __future__ import annotations

from ..hits import Hit
from ..orgs import org_hits
from .base import Context, Tables


class OrganisationRecognizer:
    name = "organisations"
    priority = 80

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        return list(org_hits(ctx.text, ctx.tokens))
