"""Dangling references: a quote whose first sentence leans on someone or something the story
has not mentioned ("She asked about his brother too" with no "she" before it).

* "he"/"she" and their forms anywhere in the quote need a referent earlier in the same beat
  (its linking text, the quotes before) or earlier in the quote: a word of the same gender
  ("my mum", "a man"), a person named by role ("the doctor", "my manager") or a name. A
  heading starts a new section: a reader does not carry "she" back across it.
* "they", "it" and the pronoun "this/that/these/those" opening a quote need something just
  before them in the same beat (its linking text or the quote before): across a heading,
  nothing is there for them to point at.
"""
from __future__ import annotations

import re

from ...anonymise.lexicon import is_common
from ..sentences import sentence_spans
from .reading import Part
from .words import (DEMONSTRATIVES, FEMALE, FEMALE_PRONOUNS, MALE, MALE_PRONOUNS, OPENERS, PLURAL_PRONOUNS,
                    ROLES, VERB_AFTER, WORD, words)

CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS


def _has_name(text: str, narrator_name: str) -> bool:
    """A capitalised word that is not an ordinary English word: a (replacement) name."""
    return any(w != narrator_name and not is_common(w) for w in CAPITALISED.findall(text))


def has_referent(text: str, gender: str, narrator_name: str = "") -> bool:
    """Whether *text* mentions someone a "he" (gender "m") or "she" ("f") could point at."""
    found = set(words(text))
    same = MALE if gender == "m" else FEMALE
    return bool(found & same or found & ROLES or _has_name(text, narrator_name))


def _context(earlier: list[Part]) -> str:
    """What came before; the narrator line's own pronouns are the narrator, not a referent."""
    out = []
    for p in earlier:
        text = p.text
        if p.kind in ("narrator", "persona"):
            text = " ".join(w for w in words(text) if w not in PRONOUNS)
        out.append(text)
    return " ".join(out)


def _opening(first: str) -> tuple[str, str]:
    """The first word of a sentence after spoken openers, and the word after it."""
    ws = words(first)
    k = 0
    while k < len(ws) - 1 and ws[k] in OPENERS:
        k += 1
    return (ws[k] if ws else ""), (ws[k + 1] if k + 1 < len(ws) else "")


def _gendered_problem(text: str, earlier: str, narrator_name: str) -> str:
    """The first "he"/"she" form in *text* with no referent before it, or ""."""
    for match in WORD.finditer(text):
        word = match.group().lower()
        gender = "m" if word in MALE_PRONOUNS else "f" if word in FEMALE_PRONOUNS else ""
        if gender and not has_referent(earlier + " " + text[:match.start()], gender, narrator_name):
            return match.group()
    return ""


def _opening_problem(first: str, nothing_before: bool) -> str:
    word, after = _opening(first)
    if not nothing_before:
        return ""
    if word in PLURAL_PRONOUNS or word == "it":
        return word
    if word in DEMONSTRATIVES and (after in VERB_AFTER or not after or word != "this" and after == "one"):
        return word
    return ""


def dangling(part: Part, earlier: list[Part], narrator_name: str) -> str:
    """The word in *part* that points at nothing before it, or ""."""
    same_beat = [p for p in earlier if p.beat == part.beat and p.beat >= 0]
    word = _gendered_problem(part.text, _context(same_beat), narrator_name)
    spans = sentence_spans(part.text)
    first = part.text[spans[0][0]:spans[0][1]] if spans else part.text
    return word or _opening_problem(first, nothing_before=not same_beat)
