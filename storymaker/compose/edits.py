"""The verbatim lock: the only edits storymaker makes to a participant's words.

A published quote is the anonymiser's safe text of one excerpt, changed only by

* ``trim``: sentences dropped from the end when the excerpt is too long for the
  story's target length (cut at a sentence boundary),
* ``ellipsis``: the `` …`` that marks such a cut,
* ``harmonise``: a conservative fix for a single first-person voice
  (see :data:`PERSON_RULES`),

each recorded as an :class:`Edit`. The anonymiser's own replacements are
recorded too (kind ``anonymise``), with the original masked. :func:`undo`
reverses the compose edits, and :func:`is_verbatim` is the guard: a quote is
publishable only if undoing its edits gives back a passage of the safe text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Redaction
from ..anonymise.mask import mask
from .sentences import normalise_space, sentence_spans, word_count

ELLIPSIS = " …"
UNDOABLE = frozenset({"trim", "ellipsis", "harmonise"})
TRIM_SLACK = 1.25  # a quote is trimmed only when longer than budget x this


@dataclass(frozen=True)
class Edit:
    """One change to a participant's words.

    ``start`` is the offset, in the text this edit produced, where ``after``
    begins. For ``anonymise`` edits ``before`` is masked, never the original.
    """

    kind: str  # trim | ellipsis | harmonise | anonymise | glossary
    before: str
    after: str
    start: int
    reason: str = ""


@dataclass(frozen=True)
class PersonRule:
    pattern: re.Pattern[str]
    replacement: str
    reason: str


# Only changes that are clearly needed for one first-person voice. "we" stays
# "we"; reported speech ("he said to me") stays as it was said.
PERSON_RULES: tuple[PersonRule, ...] = (
    PersonRule(re.compile(r"(?<![\w'’.-])i(?![\w.-])"), "I", "first-person pronoun written in lower case"),
)


@dataclass(frozen=True)
class Quote:
    """An excerpt's safe text made ready to quote."""

    text: str
    edits: tuple[Edit, ...]
    words: int
    trimmed: bool


def make_quote(redaction: Redaction, budget: int | None, rules: tuple[PersonRule, ...] = PERSON_RULES) -> Quote:
    """Trim a safe text to about *budget* words at a sentence boundary, then harmonise it.

    White space is collapsed first (line breaks in a transcript are not words).
    """
    text = normalise_space(redaction.text)
    text, edits = trim(text, budget)
    kept = len(text) - (len(ELLIPSIS) if edits else 0)
    found = list(anonymiser_edits(redaction, kept))
    text, more = harmonise(text, rules)
    edits = found + edits + more
    return Quote(text, tuple(edits), word_count(text), any(e.kind == "trim" for e in edits))


def trim(text: str, budget: int | None, slack: float = TRIM_SLACK) -> tuple[str, list[Edit]]:
    """Keep the leading sentences whose length is closest to *budget* words (at least one)."""
    if budget is None or word_count(text) <= budget * slack:
        return text, []
    ends, total = [], 0
    for _start, end in sentence_spans(text):
        total += word_count(text[_start:end])
        ends.append((abs(total - budget), end))
    keep_end = min(ends[:-1] or ends, key=lambda pair: pair[0])[1]
    if keep_end >= len(text.rstrip()):
        return text, []
    cut = Edit("trim", text[keep_end:], "", keep_end, "too long for the story's target length")
    dots = Edit("ellipsis", "", ELLIPSIS, keep_end, "marks the trimmed sentences")
    return text[:keep_end] + ELLIPSIS, [cut, dots]


def harmonise(text: str, rules: tuple[PersonRule, ...] = PERSON_RULES) -> tuple[str, list[Edit]]:
    """Apply each person rule in turn, recording every change where it lands."""
    edits: list[Edit] = []
    for rule in rules:
        out: list[str] = []
        last = 0
        for match in rule.pattern.finditer(text):
            out.append(text[last:match.start()])
            start = sum(len(part) for part in out)
            out.append(rule.replacement)
            edits.append(Edit("harmonise", match.group(), rule.replacement, start, rule.reason))
            last = match.end()
        text = "".join(out) + text[last:]
    return text, edits


def undo(text: str, edits: tuple[Edit, ...]) -> str:
    """Reverse the compose edits (latest first), giving back the safe text passage."""
    for edit in reversed([e for e in edits if e.kind in UNDOABLE]):
        end = edit.start + len(edit.after)
        if text[edit.start:end] != edit.after:
            return "\x00not-undoable"
        text = text[:edit.start] + edit.before + text[end:]
    return text


def is_verbatim(quote: str, edits: tuple[Edit, ...], safe_text: str) -> bool:
    """The guard: *quote* minus its recorded edits is a passage of *safe_text*."""
    original = normalise_space(undo(quote, edits))
    return bool(original) and original in normalise_space(safe_text)


def anonymiser_edits(redaction: Redaction, quote_end: int) -> tuple[Edit, ...]:
    """The anonymiser's replacements landing in the first *quote_end* characters of the
    (white-space-collapsed) safe text; offsets are in that collapsed text."""
    edits: list[Edit] = []
    shift = 0
    for rep in sorted(redaction.replacements, key=lambda r: r.start):
        start = _collapsed_offset(redaction.text, rep.start + shift)
        shift += len(rep.replacement) - (rep.end - rep.start)
        if start < quote_end:
            reason = f"{rep.kind}: {rep.reason}" if rep.reason else rep.kind
            edits.append(Edit("anonymise", mask(rep.original), rep.replacement, start, reason))
    return tuple(edits)


def _collapsed_offset(text: str, pos: int) -> int:
    """Where offset *pos* of *text* lands once white space is collapsed."""
    prefix = text[:pos]
    collapsed = normalise_space(prefix)
    gap = 1 if collapsed and prefix[-1:].isspace() else 0
    return len(collapsed) + gap
