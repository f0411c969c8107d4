"""The story editor's form, applied to a story spec's round-trip YAML document.

    apply_form(doc, form)   edits only the keys whose value changed, in place
    new_spec(title)         a minimal, valid spec document for a new story

A value that did not change is left untouched (its quoting and comments too), so saving a
story after changing one heading changes that one line of the file.
"""
from __future__ import annotations

import re

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from ..load.yamllists import append_item, styled

TEXT_KEYS = ("title", "narrator", "summary")
BEAT_TEXT = ("heading", "intro", "outro")
BEAT_LISTS = ("themes", "pin", "exclude")
BEAT_IMAGE = ("image", "image_alt")  # like the story-level keys below: changed only when the form sends them
VIDEO_TEXT = ("music", "music_licence")


def _styled(old, new: str):
    """``new`` in the quoting style ``old`` was written in."""
    if isinstance(old, (DoubleQuotedScalarString, SingleQuotedScalarString)):
        return type(old)(new)
    return new


def _flow(values: list[str]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _set_text(mapping, key: str, value: str) -> None:
    value = (value or "").strip()
    old = mapping.get(key)
    if value == str(old if old is not None else "").strip():
        return
    if not value:
        mapping.pop(key, None)
    else:
        mapping[key] = _styled(old, value)


def _set_list(mapping, key: str, values: list[str], keep_empty: bool = False, flow: bool = True, quote=None) -> None:
    """``quote``: a scalar string type every new item is written as (``"16:9"`` must be quoted)."""
    values = [str(v).strip() for v in values or [] if str(v).strip()]
    old = mapping.get(key)
    old_values = [str(v) for v in old] if isinstance(old, list) else ([str(old)] if old else [])
    if values == old_values:
        return
    values = [quote(v) for v in values] if quote else values
    if not values and not keep_empty:
        mapping.pop(key, None)
    elif isinstance(old, CommentedSeq) and values[:len(old_values)] == old_values:
        for value in values[len(old_values):]:  # only added: the items there keep their quoting and comments
            append_item(old, value)
    elif isinstance(old, CommentedSeq):
        old[:] = [old[i] if i < len(old) and str(old[i]) == v else styled(old, v) for i, v in enumerate(values)]
    else:
        mapping[key] = _flow(values) if flow else CommentedSeq(values)


def _set_audiences(doc, audiences: list[str]) -> None:
    current = doc.get("audiences", doc.get("audience"))
    current = [str(a) for a in current] if isinstance(current, list) else [str(current)] if current else []
    if audiences == current or not audiences:
        return
    if len(audiences) == 1:
        doc.pop("audiences", None)
        doc["audience"] = audiences[0]
    else:
        doc.pop("audience", None)
        doc["audiences"] = _flow(audiences)


def _set_beat(beat, form: dict) -> None:
    for key in BEAT_TEXT:
        _set_text(beat, key, form.get(key, ""))
    for key in BEAT_IMAGE:
        if key in form:
            _set_text(beat, key, form[key])
    for key in BEAT_LISTS:
        _set_list(beat, key, form.get(key) or [], keep_empty=key == "themes")
    count = int(form.get("excerpts") or 2)
    if count != int(beat.get("excerpts", 2)):
        if count == 2:
            beat.pop("excerpts", None)
        else:
            beat["excerpts"] = count


def _set_editorial(doc, form: dict) -> None:
    """order, persona and the story's exclude list, each only when the form sends it."""
    if "order" in form:
        if form["order"] == "fixed":
            _set_text(doc, "order", "fixed")
        else:
            doc.pop("order", None)  # auto is the default
    if "persona" in form:
        _set_list(doc, "persona", str(form["persona"] or "").splitlines(), flow=False)
    if "exclude" in form:
        _set_list(doc, "exclude", re.split(r"[\s,;]+", str(form["exclude"] or "")))


def _set_video(doc, wanted: dict) -> None:
    video = doc.get("video")
    if not isinstance(video, dict):
        if not any(wanted.values()):
            return
        video = doc["video"] = CommentedMap()
    if "formats" in wanted:
        _set_list(video, "formats", wanted["formats"], quote=DoubleQuotedScalarString)
    for key in VIDEO_TEXT:
        if key in wanted:
            _set_text(video, key, wanted[key])


def _set_beats(doc, wanted: list[dict]) -> None:
    beats = doc.get("beats")
    if not isinstance(beats, list):
        beats = doc["beats"] = CommentedSeq()
    del beats[len(wanted):]
    for i, item in enumerate(wanted):
        if i >= len(beats):
            beats.append(CommentedMap(heading="", themes=_flow([])))
        _set_beat(beats[i], item)


def apply_form(doc, form: dict) -> None:
    for key in TEXT_KEYS:
        _set_text(doc, key, form.get(key, ""))
    _set_audiences(doc, [a for a in form.get("audiences") or [] if a])
    outputs = [o for o in form.get("outputs") or [] if o]
    if outputs and outputs != [str(o) for o in doc.get("outputs") or ["web", "video"]]:
        doc["outputs"] = _flow(outputs)
    _set_editorial(doc, form)
    if isinstance(form.get("video"), dict):
        _set_video(doc, form["video"])
    _set_beats(doc, form.get("beats") or [])


def new_spec(title: str, audience: str, theme: str) -> CommentedMap:
    doc = CommentedMap()
    doc["title"] = title
    doc["audience"] = audience
    doc["narrator"] = "Alex, who tells this story"
    doc["outputs"] = _flow(["web", "video"])
    first = CommentedMap(heading="The beginning", themes=_flow([theme] if theme else []))
    first["excerpts"] = 4 if audience == "staff" else 3  # enough voices for the audience's minimum
    doc["beats"] = CommentedSeq([first])
    video = CommentedMap()
    video["formats"] = _flow([DoubleQuotedScalarString("16:9")])  # unquoted, YAML 1.1 reads 16:9 as a number
    video["voice"] = CommentedMap(engine="espeak", name="en-gb")
    video["voice"].fa.set_flow_style()
    doc["video"] = video
    return doc
