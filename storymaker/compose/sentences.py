"""Sentences and words: how storymaker cuts text into sentences and counts words.

One splitter serves trimming, provenance and the member-check packs, so a
sentence is the same unit everywhere. It is deliberately simple: a sentence
ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes or brackets)
followed by white space, except after a few common abbreviations.
"""
from __future__ import annotations

import re

_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+|$)""")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st e.g i.e etc vs approx no dept mon tue wed thu fri sat sun".split()
)


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the full stop ending at *end* closes a known abbreviation."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].rstrip(".!?…\"'”’)]").lower()
    return word in _ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in *text*, white space excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if match.group().startswith(".") and _is_abbreviation(text, match.end()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return _merge_wordless([_strip(text, s, e) for s, e in spans if text[s:e].strip()], text)


def _merge_wordless(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join a span with no words in it (a lone "…") onto the sentence before it."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and not any(ch.isalnum() for ch in text[start:end]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str) -> list[str]:
    """The sentences of *text*, in order."""
    return [text[s:e] for s, e in sentence_spans(text)]


_WORDISH = re.compile(r"\S*\w\S*")


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of non-space characters with a letter or digit."""
    return len(_WORDISH.findall(text))


def normalise_space(text: str) -> str:
    """Collapse every run of white space to one space (for verbatim checks)."""
    return " ".join(text.split())
