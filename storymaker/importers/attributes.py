"""Participant attributes from a source (REFI variables, spreadsheet columns) to excerpt fields.

Only the project's own field names are read (``role``, ``sector``, ``stage``, ``audience``,
``consent``, ``sensitive``; case-insensitive, a ``Cases:`` style prefix ignored), and a
``participant`` (or ``participant id``, ``pseudonym``) variable naming the participant id.
Audience and consent go through the map file's value maps (:mod:`.values`); a value that is
not understood is left empty and reported, so nothing is published until a person decides.
"""
from __future__ import annotations

from .report import ImportReport
from .tags import nfc
from .values import ValueMaps

FIELDS = ("role", "sector", "stage", "audience", "consent", "sensitive")
PARTICIPANT = {"participant", "participant id", "participant_id", "pseudonym"}
TRUE = {"true", "yes", "y", "1"}
FALSE = {"false", "no", "n", "0"}


def field_name(variable: str) -> str:
    """``"Cases:Role" -> "role"``; '' when it is not a field the project records."""
    name = nfc(str(variable).rsplit(":", 1)[-1]).lower()
    return "participant" if name in PARTICIPANT else name if name in FIELDS else ""


def clean(attrs: dict[str, str], where: str, report: ImportReport, values: ValueMaps) -> dict[str, str]:
    """Normalise known fields. ``given`` (';'-joined) lists the fields the source really set."""
    out = {k: nfc(v) for k, v in attrs.items() if k in FIELDS and v is not None and nfc(v)}
    given = set(out)
    if "consent" in out:
        consent = values.consent_of(out["consent"], where, report)
        out["consent"] = consent or ""
        if consent is None:
            given.discard("consent")
    audience = values.audience_of(out.get("audience", ""), where, report)
    if audience:
        out["audience"] = audience
    else:
        out.pop("audience", None)
        given.discard("audience")
    if "sensitive" in out:
        value = out["sensitive"].lower()
        out["sensitive"] = "true" if value in TRUE else "false" if value in FALSE else "true"
    out["given"] = ";".join(sorted(given))
    return out
