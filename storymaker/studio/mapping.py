"""What the Import screen shows about an uploaded table, and the map it builds from the choices.

    guess_columns(header)              -> {field: column} the form starts from
    distinct(path, column, sep=None)   -> the source's own values, most frequent first
    guess_consent(value) / guess_audience(value) / guess_theme(code, codebook)
    settings(form)                     -> the map file's content (columns, separator, codes, consent, audience)
"""
from __future__ import annotations

import difflib
import re
from collections import Counter

from ..importers import api
from ..importers.tags import slug

FIELDS = ("participant", "text", "themes", "audience", "consent", "id", "role", "sector", "stage", "sensitive")
REQUIRED = ("participant", "text", "themes")
HINTS = {"participant": ("participant", "speaker", "interviewee", "respondent", "person", "pid"),
         "text": ("text", "quote", "excerpt", "content", "segment", "passage"),
         "themes": ("themes", "theme", "codes", "code", "tags", "tag"),
         "audience": ("audience", "for"), "consent": ("consent", "permission"), "id": ("id", "ref"),
         "role": ("role", "job"), "sector": ("sector",), "stage": ("stage",), "sensitive": ("sensitive",)}
CONSENT_CHOICES = (("web;video", "web and video"), ("web", "web only"), ("video", "video only"), ("", "none: publish nowhere"))
AUDIENCE_CHOICES = ("staff", "community", "both")
PARTICIPANT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,19}")  # as the importer accepts them


def guess_columns(header: tuple[str, ...]) -> dict[str, str]:
    out, taken = {}, set()
    for field in FIELDS:
        for column in header:
            words = set(re.findall(r"[a-z]+", column.lower()))
            if column not in taken and (column.strip().lower() == field or words & set(HINTS[field])):
                out[field] = column
                taken.add(column)
                break
    return out


def distinct(path, column: str, separator: str | None = None, limit: int = 40) -> list[str]:
    """The column's own values (each code on its own when ``separator`` splits a cell)."""
    counts: Counter = Counter()
    for cell, n in api.distinct_values(path, column):
        for value in (cell.split(separator) if separator else [cell]):
            if value.strip():
                counts[value.strip()] += n
    return [v for v, _ in counts.most_common(limit)]


def guess_consent(value: str) -> str | None:
    v = value.lower()
    web = bool(re.search(r"web|online|internet|site|page", v))
    video = bool(re.search(r"video|film|youtube|social", v))
    if re.match(r"\s*(no|none|not|never|withdrawn)\b", v):
        return ""
    if web or video:
        return ";".join(c for c, on in (("web", web), ("video", video)) if on)
    return "web;video" if re.match(r"\s*(yes|all|both|full)\b", v) else None


def guess_audience(value: str) -> str | None:
    v = value.lower()
    if re.search(r"both|all|everyone|anyone", v):
        return "both"
    if re.search(r"staff|internal|colleague|employee|work", v):
        return "staff"
    return "community" if re.search(r"public|community|resident|service user|external|client", v) else None


def guess_theme(code: str, codebook: dict[str, str]) -> str:
    """The codebook theme a code most likely means: by its tag or description, the whole
    path first ("Staff care > Manager"), then its last part ("Manager")."""
    by_words = {slug(d): t for t, d in codebook.items()}
    for tag in dict.fromkeys((slug(code), slug(code.rsplit(">", 1)[-1]))):
        if tag in codebook:
            return tag
        close = difflib.get_close_matches(tag, list(codebook) + list(by_words), n=1, cutoff=0.75)
        if close:
            return by_words.get(close[0], close[0])
    return ""


def _codes(form: dict) -> dict:
    """code -> theme; "~" means "leave this code out" (``None`` in the map file)."""
    return {k: (v if v != "~" else None) for k, v in (form.get("codes") or {}).items() if v}


def _consent(form: dict) -> dict:
    """the source's consent value -> channels; "?" (not chosen yet) is left out."""
    chosen = {k: v for k, v in (form.get("consent") or {}).items() if v is not None and v != "?"}
    return {k: [c for c in v.split(";") if c] for k, v in chosen.items()}


def participants(form: dict) -> dict[str, str]:
    """document or case name -> the participant id typed for it (ids of letters, digits, - and _)."""
    given = {k: str(v).strip() for k, v in (form.get("participants") or {}).items() if str(v or "").strip()}
    return {k: v for k, v in given.items() if PARTICIPANT_ID.fullmatch(v)}


def _audience(form: dict) -> dict:
    return {k: v for k, v in (form.get("audience") or {}).items() if v in AUDIENCE_CHOICES}


def settings(form: dict) -> dict:
    """The map file's content from the form (the shape ``storymaker import --map`` reads)."""
    columns = {f: c for f, c in (form.get("columns") or {}).items() if f in FIELDS and c}
    out: dict = {"columns": columns, "separator": form.get("separator") or ";"} if columns else {}
    default = form.get("default_audience")
    defaults = {"audience": default} if default in AUDIENCE_CHOICES else {}
    for key, values in (("codes", _codes(form)), ("consent", _consent(form)), ("audience", _audience(form)),
                        ("defaults", defaults)):
        if values:
            out[key] = values
    return out
