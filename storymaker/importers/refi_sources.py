"""REFI-QDA sources to coded segments: text, PDF text, and transcripts of recordings.

Text comes from a ``TextSource``, a ``PDFSource``'s text ``Representation`` and every
``Transcript`` of an ``AudioSource``/``VideoSource`` (its ``TranscriptSelection``s are placed
through their ``SyncPoint`` positions). What holds no words is reported, never silently
dropped: picture regions, coordinate-only PDF areas, time-only recording selections and
codings of a whole source. A selection exported twice (ATLAS.ti repeats PDF quotations) is
imported once. See :mod:`.offsets` for how offsets are reconciled with the text.
"""
from __future__ import annotations

import hashlib
import posixpath
from collections import Counter
from xml.etree.ElementTree import Element

from ..errors import NoParticipant, SkippedSource
from .rows import CodedSegment
from .offsets import best_reading, cut
from .report import mask
from .safety import fail, local
from .tags import nfc

MEDIA = {"AudioSource": "AudioSelection", "VideoSource": "VideoSelection"}


def source_segments(source: Element, ctx) -> list[CodedSegment]:
    where = f"source {mask(nfc(source.get('name', '')))}"
    parts = _text_parts(source)
    _report_wordless(source, where, bool(parts), ctx)
    if not parts:
        return []
    ctx.report.counts["sources"] += 1
    out: list[CodedSegment] = []
    for part in parts:
        try:
            out += _part_segments(part, source, where, ctx)
        except SkippedSource as why:
            ctx.report.skip(where, why.reason)
    return out


def _text_parts(source: Element) -> list[Element]:
    kind = local(source.tag)
    if kind == "TextSource":
        return [source]
    wanted = "Transcript" if kind in MEDIA else "Representation"
    return [c for c in source if local(c.tag) == wanted]


def _report_wordless(source: Element, where: str, has_text: bool, ctx) -> None:
    kind = local(source.tag)
    whole = sum(1 for c in source if local(c.tag) == "Coding")
    if whole:
        ctx.report.skip(where, f"{whole} coding(s) of the whole source: a whole interview is not an excerpt; code its passages")
    coded = lambda tag: [s for s in source if local(s.tag) == tag and _refs(s)]
    if kind == "PictureSource":
        ctx.report.skip(where, f"a picture ({len(coded('PictureSelection'))} coded region(s)): it holds no words to quote")
    elif kind in MEDIA:
        times = coded(MEDIA[kind])
        if times:
            ctx.report.skip(where, f"{len(times)} coded stretch(es) of the recording by time only: code the words of its transcript instead")
        elif not has_text:
            ctx.report.skip(where, f"{kind} without a transcript: add and code a transcript to import its words")
    elif kind == "PDFSource":
        _pdf_areas(source, where, ctx)


def _pdf_areas(source: Element, where: str, ctx) -> None:
    text_guids = {s.get("guid", "").upper() for r in source if local(r.tag) == "Representation"
                  for s in r if local(s.tag) == "PlainTextSelection"}
    areas = [s for s in source if local(s.tag) == "PDFSelection" and _refs(s) and s.get("guid", "").upper() not in text_guids]
    texts = [a for a in areas if _area_text(a)]
    for area in texts:
        ctx.loose.append((area, source, _area_text(area)))
    if len(areas) > len(texts):
        ctx.report.skip(where, f"{len(areas) - len(texts)} coded PDF area(s) with coordinates only and no text: "
                        "code the PDF's text instead (or export it with its text representation)")


def _area_text(area: Element) -> str:
    return next((c.text or "" for r in area if local(r.tag) == "Representation" for c in r
                 if local(c.tag) == "PlainTextContent"), "")


def _refs(selection: Element) -> list[str]:
    return [r.get("targetGUID", "").upper() for c in selection if local(c.tag) == "Coding"
            for r in c if local(r.tag) == "CodeRef"]


def _part_segments(part: Element, owner: Element, where: str, ctx) -> list[CodedSegment]:
    spans = _spans(part, where, ctx)
    if not spans:
        return []
    text, had_bom = _text(part, ctx)
    reading = best_reading(text, had_bom, [(s, e) for s, e, _ in spans], [sel.get("name", "") for _, _, sel in spans])
    if reading.label:
        ctx.report.note(f"{where}: {reading.label}")
    groups: dict[tuple[int, int], list[Element]] = {}
    for start, end, sel in spans:
        groups.setdefault((start, end), []).append(sel)
    out, nobody = [], Counter()
    for (start, end), sels in groups.items():
        words = cut(reading, start, end)
        if words is None:
            ctx.report.skip(f"{where} selection {_short(sels[0])}", f"its positions {start}-{end} fall outside the text ({len(reading.text)} characters)")
            continue
        seg = selection_segment(sels, words, owner, f"{owner.get('name', '')}:{start}:{end}", where, ctx, nobody)
        out += [seg] if seg else []
    for why, n in nobody.items():
        ctx.report.skip(f"{where} ({n} selection{'s' if n != 1 else ''})", why)
    return out


def selection_segment(sels: list[Element], words: str, owner: Element, basis: str, where: str, ctx,
                      nobody: Counter) -> CodedSegment | None:
    here = f"{where} selection {_short(sels[0])}"
    fresh = [s for s in sels if s.get("guid", "").upper() not in ctx.seen]
    ctx.seen.update(s.get("guid", "").upper() for s in sels)
    if not fresh:
        return None
    refs = [r for s in fresh for r in _refs(s)]
    codes = tuple(dict.fromkeys(ctx.codes[r] for r in refs if r in ctx.codes))
    if len(codes) < len(set(refs)):
        ctx.report.skip(here, f"{len(set(refs)) - len(codes)} coding(s) refer to codes missing from the codebook")
    if not codes:
        ctx.report.skip(here, "it has no coding (a description or note alone is not a code)")
        return None
    try:
        participant, attrs = ctx.index.resolve(owner, fresh[0].get("guid", ""), ctx.source_values(owner), ctx.participants)
    except NoParticipant as why:
        nobody[why.reason] += 1
        return None
    ctx.report.counts["segments"] += 1
    key = hashlib.sha1(nfc(basis).encode("utf-8")).hexdigest()[:8]
    return CodedSegment(participant, words, codes, key=key, where=here, attrs=attrs)


def _spans(part: Element, where: str, ctx) -> list[tuple[int, int, Element]]:
    sync = {p.get("guid", "").upper(): p.get("position", "") for p in part if local(p.tag) == "SyncPoint"}
    out = []
    for sel in part:
        tag = local(sel.tag)
        if tag == "PlainTextSelection":
            ends = (sel.get("startPosition", ""), sel.get("endPosition", ""))
        elif tag == "TranscriptSelection":
            ends = (sync.get(sel.get("fromSyncPoint", "").upper(), ""), sync.get(sel.get("toSyncPoint", "").upper(), ""))
        else:
            continue
        try:
            out.append((int(ends[0]), int(ends[1]), sel))
        except ValueError:
            ctx.report.skip(f"{where} selection {_short(sel)}", "its positions (or sync points) are missing or not whole numbers")
    return out


def _text(element: Element, ctx) -> tuple[str, bool]:
    inline = next((c for c in element if local(c.tag) == "PlainTextContent"), None)
    if inline is not None:
        return inline.text or "", False
    path = element.get("plainTextPath", "")
    if not path.lower().startswith("internal://"):
        raise SkippedSource("its text is outside the archive (not internal://); export the project with sources included")
    wanted = posixpath.basename(path[len("internal://"):].replace("\\", "/")).lower()
    names = [n for n in (ctx.archive.names() if ctx.archive else []) if posixpath.basename(n).lower() == wanted]
    if not names:
        raise SkippedSource("its text file is missing from the archive's sources/ folder")
    return _decode(ctx.archive.read(names[0]), f"{ctx.archive.label}[{names[0]}]")


def _decode(data: bytes, label: str) -> tuple[str, bool]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), True
    try:
        return data.decode("utf-8-sig"), data.startswith(b"\xef\xbb\xbf")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(label, line, f"byte {exc.start} is not UTF-8; export the project again with UTF-8 text") from None


def _short(selection: Element) -> str:
    guid = selection.get("guid", "").strip("{}").replace("-", "")
    return guid[:8] or f"at{selection.get('startPosition', '')}"
