"""The source's own consent and audience wording to the project's values (the map file).

    consent:  {"yes - web and video": [web, video], "web only": [web], "no": []}
    audience: {"Public": community, "Staff only": staff}
    defaults: {audience: both}        # for rows whose source gives no audience at all

Values already in the project's form (``web;video``, ``staff``) need no entry. Keys are
matched Unicode-normalised, ignoring case and spacing. A value that is neither mapped nor
in the project's form is left empty and reported with the value and the accepted forms, so
nothing is published until a person decides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import CHANNELS, EXCERPT_AUDIENCES
from .report import ImportReport
from .positions import key_line
from .safety import fail
from .tags import nfc

NO_CONSENT = {"none", "no", "nowhere", "-"}
CONSENT_FORMS = "web, video, web;video or none"


def _key(value: object) -> str:
    return nfc(value).casefold()


@dataclass(frozen=True)
class ValueMaps:
    consent: dict[str, tuple[str, ...]] = field(default_factory=dict)
    audience: dict[str, str] = field(default_factory=dict)
    default_audience: str = ""

    def consent_of(self, raw: str, where: str, report: ImportReport) -> str | None:
        """``"web;video"``, ``""`` (no consent) or None when the value is not understood."""
        key = _key(raw)
        if key in self.consent:
            return ";".join(self.consent[key])
        parts = [p for p in re.split(r"[;,\s]+", key) if p]
        if parts and all(p in CHANNELS for p in parts):
            return ";".join(c for c in CHANNELS if c in parts)
        if key in NO_CONSENT:
            return ""
        report.note(f"{where}: consent value {nfc(raw)!r} is not recognised; accepted: {CONSENT_FORMS}, or map it in the "
                    f"map file as the consent it means, e.g. 'consent: {{\"{nfc(raw)}\": []}}' (none), [web] or [web, video]; left empty (published nowhere) for a person to fill in")
        return None

    def audience_of(self, raw: str, where: str, report: ImportReport) -> str:
        key = _key(raw)
        if not key:
            return self.default_audience
        value = self.audience.get(key, key)
        if value in EXCERPT_AUDIENCES:
            return value
        report.note(f"{where}: audience value {nfc(raw)!r} is not recognised; accepted: {', '.join(EXCERPT_AUDIENCES)}, "
                    f"or map it in the map file, e.g. 'audience: {{\"{nfc(raw)}\": community}}'; left empty for a person to fill in")
        return ""


def value_maps(data: dict, label: str) -> ValueMaps:
    section = _section(data, "consent", label)
    consent = {_key(k): _channels(v, k, label, key_line(section, k)) for k, v in section.items()}
    audience, section = {}, _section(data, "audience", label)
    for key, value in section.items():
        if str(value).strip().lower() not in EXCERPT_AUDIENCES:
            raise fail(label, key_line(section, key), f"audience: {str(key)!r} maps to {str(value)!r}; use one of {', '.join(EXCERPT_AUDIENCES)}")
        audience[_key(key)] = str(value).strip().lower()
    section = _section(data, "defaults", label)
    default = str(section.get("audience") or "").strip().lower()
    if default and default not in EXCERPT_AUDIENCES:
        raise fail(label, key_line(section, "audience"), f"defaults: audience {default!r} is not one of {', '.join(EXCERPT_AUDIENCES)}")
    return ValueMaps(consent, audience, default)


def _section(data: dict, name: str, label: str) -> dict:
    section = data.get(name) or {}
    if not isinstance(section, dict):
        raise fail(label, key_line(data, name), f"'{name}:' must map your values to the project's, e.g. {name}: {{\"yes - web\": [web]}}")
    return section


def _channels(value: object, key: object, label: str, line: int) -> tuple[str, ...]:
    items = value if isinstance(value, (list, tuple)) else [] if value is None else re.split(r"[;,\s]+", str(value))
    channels = [str(v).strip().lower() for v in items if str(v).strip() and str(v).strip().lower() not in NO_CONSENT]
    bad = [c for c in channels if c not in CHANNELS]
    if bad:
        raise fail(label, line, f"consent: {str(key)!r} maps to {', '.join(bad)}; use a list of {', '.join(CHANNELS)}, e.g. [web, video], or [] for none")
    return tuple(c for c in CHANNELS if c in channels)
