"""Participant attributes from a source (REFI variables, spreadsheet columns) to excerpt fields.

Only the project's own field names are read (``role``, ``sector``, ``stage``, ``audience``,
``consent``, ``sensitive``; case-insensitive, a ``Cases:`` style prefix ignored), and a
``participant`` (or ``participant id``, ``pseudonym``) variable naming the participant id.
Audience and consent are never guessed: a value that is not one the project knows is
left empty and reported, so nothing is published until a person fills it in.
"""
from __future__ import annotations

import re

from ..model import CHANNELS, EXCERPT_AUDIENCES
from .report import ImportReport

FIELDS = ("role", "sector", "stage", "audience", "consent", "sensitive")
PARTICIPANT = {"participant", "participant id", "participant_id", "pseudonym"}
TRUE = {"true", "yes", "y", "1"}
FALSE = {"false", "no", "n", "0"}


def field_name(variable: str) -> str:
    """``"Cases:Role" -> "role"``; '' when it is not a field the project records."""
    name = " ".join(str(variable).rsplit(":", 1)[-1].split()).lower()
    return "participant" if name in PARTICIPANT else name if name in FIELDS else ""


def clean(attrs: dict[str, str], where: str, report: ImportReport) -> dict[str, str]:
    """Normalise known fields; drop (and report) values the project cannot accept."""
    out = {k: " ".join(str(v).split()) for k, v in attrs.items() if k in FIELDS and v is not None}
    if out.get("audience"):
        value = out["audience"].lower()
        out["audience"] = value if value in EXCERPT_AUDIENCES else ""
        if not out["audience"]:
            report.note(f"{where}: audience value is not one of {', '.join(EXCERPT_AUDIENCES)}; left empty for a person to fill in")
    if out.get("consent"):
        parts = [p.lower() for p in re.split(r"[;,\s]+", out["consent"]) if p]
        if all(p in CHANNELS for p in parts):
            out["consent"] = ";".join(c for c in CHANNELS if c in parts)
        else:
            out["consent"] = ""
            report.note(f"{where}: consent value is not made of {', '.join(CHANNELS)}; left empty for a person to fill in")
    if out.get("sensitive"):
        value = out["sensitive"].lower()
        out["sensitive"] = "true" if value in TRUE else "false" if value in FALSE else "true"
    return out
