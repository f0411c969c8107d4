"""Character offsets from QDA tools, and the ways tools disagree about them.

REFI-QDA counts ``startPosition``/``endPosition`` in characters of the plain text. In
practice tools differ in four ways, so each source's selections are tried against a few
readings of its text and the reading that fits best is kept (first wins a tie):

1. as stored (offsets in Unicode characters, the standard);
2. CRLF counted as one character (text normalised CRLF -> LF), or, for inline
   ``PlainTextContent`` whose CRLF the XML parser already turned into LF, counted as two
   (LF -> CRLF);
3. the UTF-8 byte order mark counted as a character (only when the file has one);
4. characters beyond U+FFFF counted as two (UTF-16 code units, as NVivo does).

"Fits" means every selection lies inside the text, then as many as possible cut out the
words the tool itself wrote in the selection's ``name`` (ATLAS.ti and QualCoder put the
quoted text there; a name ending in "…" is a prefix), then as few as possible of their edges
split a word (a letter or digit on both sides). Which reading was used is reported.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product

PAD = "\ue000"  # private-use filler standing in for a second UTF-16 unit


@dataclass(frozen=True)
class Reading:
    label: str  # '' for the standard reading
    text: str  # the text as the tool indexed it (may hold BOM / PAD characters)


def readings(text: str, had_bom: bool) -> list[Reading]:
    endings = [("", text)]
    if "\r\n" in text:
        endings.append(("CRLF line endings counted as one character (normalised CRLF to LF)", text.replace("\r\n", "\n")))
    elif "\n" in text:
        endings.append(("line endings counted as CRLF (two characters)", text.replace("\n", "\r\n")))
    boms = [("", "")] + ([("byte order mark counted as a character", "\ufeff")] if had_bom else [])
    wides = [("", False)] + ([("characters beyond U+FFFF counted as two", True)] if any(ord(c) > 0xFFFF for c in text) else [])
    out = []
    for (l1, body), (l2, bom), (l3, wide) in product(endings, boms, wides):
        full = bom + body
        if wide:
            full = "".join(c + PAD if ord(c) > 0xFFFF else c for c in full)
        out.append(Reading("; ".join(x for x in (l1, l2, l3) if x), full))
    return out


def _splits(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _quotes(reading: Reading, start: int, end: int, name: str) -> bool:
    words = cut(reading, start, end)
    if not name or words is None:
        return False
    words, name = " ".join(words.split()), " ".join(name.split())
    if name.endswith(("…", "...")):
        return words.startswith(name.rstrip("….").rstrip())
    return words == name


def score(reading: Reading, spans: list[tuple[int, int]], names: list[str] | None = None) -> tuple[int, int, int]:
    size = len(reading.text)
    outside = sum(1 for s, e in spans if not 0 <= s <= e <= size)
    quoted = sum(_quotes(reading, s, e, n) for (s, e), n in zip(spans, names or []))
    splits = sum(_splits(reading.text, s) + _splits(reading.text, e) for s, e in spans)
    return outside, -quoted, splits


def best_reading(text: str, had_bom: bool, spans: list[tuple[int, int]], names: list[str] | None = None) -> Reading:
    options = readings(text, had_bom)
    return min(options, key=lambda r: score(r, spans, names))  # min keeps the first of equals


def cut(reading: Reading, start: int, end: int) -> str | None:
    """The selected words, or None when the span falls outside the text."""
    if not 0 <= start <= end <= len(reading.text):
        return None
    return reading.text[start:end].replace(PAD, "").replace("\ufeff", "").replace("\r\n", "\n")
