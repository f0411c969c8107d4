"""Fit a replacement to its sentence, and splice it in.

    start, new = fitted(folded, hit, new, free_from)        # "rings us on <phone>" drops "on" too
    start, end, new = role_fitted(folded, hit, start, new, free_from)
    out, start, end = splice(text, start, end, new)
"""
from __future__ import annotations

import re

from ..model import Replacement
from .hits import Hit
from .phrasing import NEUTRAL, after_determiner, apposed, as_modifier, contact_span, role_span
from .tokens import _starts_sentence
from .wording import repeats_noun


def role_fitted(folded: str, h: Hit, start: int, new: str, free_from: int) -> tuple[int, int, str]:
    """A role replacement swallows an apposition it would repeat (see phrasing.role_span), and is
    capitalised when it now starts the sentence."""
    if h.is_flag or not new:
        return start, h.end, new
    if (said := apposed(folded, h.end, h.kind)) and start >= free_from:
        return start, said, ""  # the apposition says what it is: the name goes, with its comma
    wide_start, end = role_span(folded, start, h.end, new)
    if wide_start < free_from:
        return start, h.end, new
    if wide_start < start and folded[wide_start:wide_start + 1].isupper() and _starts_sentence(folded, wide_start):
        new = new[0].upper() + new[1:]
    return wide_start, end, new


def fitted(folded: str, h: Hit, new: str, free_from: int) -> tuple[int, str]:
    """Where the replacement starts (folded offset) and what it says, fitted to its sentence:
    "rings us on <phone>" drops "on" too; "our <organisation>" drops the replacement's "the"."""
    if not new:
        return h.start, new
    if repeats_noun(folded, h.start, new):
        return h.start, ""  # "my postcode <postcode>" -> "my postcode"
    modifier = as_modifier(folded, h.start, h.end, h.kind, new)
    if modifier is not None:
        return h.start, modifier[:1].upper() + modifier[1:] if new[:1].isupper() else modifier
    if new == NEUTRAL.get(h.kind):
        out = contact_span(folded, h.start, h.end, h.kind) or (h.start, new)
    else:
        out = after_determiner(folded, h.start, new)
    return out if out[0] >= free_from else (h.start, new)


def shifted(at: int, replacements: list[Replacement]) -> int:
    """Where source offset ``at`` lands in the output, given the replacements (in reading order)."""
    return at + sum(len(r.replacement) - (r.end - r.start) for r in replacements if r.end <= at)


def splice(text: str, start: int, end: int, new: str) -> tuple[str, int, int]:
    """Put ``new`` in place of text[start:end]; dropping an identifier also drops one space (not
    a link's address: its words stay where they were)."""
    if not new and not text.startswith("](", start):
        if text[max(0, start - 2):start] == ", " and text[end:end + 1] == ",":
            start -= 2  # an apposition: "drove my van, <plate>, round" -> "drove my van, round"
        elif start > 0 and text[start - 1] == " " and (end >= len(text) or text[end] in " .,;:!?"):
            start -= 1
        elif end < len(text) and text[end] == " ":
            end += 1
    return text[:start] + new + text[end:], start, end


_LINK_TARGET = re.compile(r"\]\((?:mailto:|tel:)?$")
_LINK_END = re.compile(r"[ \t]*(?:\"[^\"\n]*\"[ \t]*)?\)")


def markdown_link(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(where "[" is, where "](" starts, just after ")") when text[start:end] is the address of a
    Markdown link "[words](address)": the link goes and its words stay, never href="a website"."""
    lead = _LINK_TARGET.search(text, max(0, start - 10), start)
    close = _LINK_END.match(text, end)
    if not lead or not close:
        return None
    opening = text.rfind("[", 0, lead.start())
    if opening < 0 or "]" in text[opening + 1:lead.start()] or "\n\n" in text[opening:lead.start()]:
        return None
    return opening, lead.start(), close.end()
