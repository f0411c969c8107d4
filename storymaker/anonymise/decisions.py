"""Per-occurrence review decisions: what ties a decision to one occurrence, and looking it up.

A flagged occurrence is known by where it is (``excerpt S-P01-09``, or ``story <slug>, <field>``
for authored text), its exact text, and a hash of the words around it (:func:`context_hash`:
up to four words either side, case- and accent-folded, punctuation ignored). A decision
recorded for that triple is honoured on every later check and build; when the words around
the occurrence change, the hash changes, the decision no longer applies and the flag comes
back, saying that an earlier decision went stale.

    book = DecisionBook(project.decisions)
    book.find("excerpt S-P01-09", "Hope", context_hash(text, 0, 4))   # Decision or None
    book.stale("excerpt S-P01-09", "Hope")                             # an older one, or None
    flag_id("excerpt S-P01-09", "Hope", ctx)                           # stable id for tools
"""
from __future__ import annotations

import hashlib
import re

from ..model import Decision
from .mask import mask
from .normalise import fold

KINDS = ("person", "place", "organisation", "other")
DECISIONS = ("safe",) + KINDS
AROUND = 4  # words either side that a decision is tied to
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(fold(text))]


_REACH = 320  # characters either side read first: enough for ``around`` words in almost any text


def context_words(text: str, start: int, end: int, around: int = AROUND) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words before and after ``text[start:end]``, folded and lower-cased. Only a stretch
    either side is read; a word cut by the stretch's edge is dropped, and if too few whole words
    are left the whole side is read."""
    lo = max(0, start - _REACH)
    before = _words(text[lo:start])
    if lo and len(before) <= around:
        before = _words(text[:start])
    elif lo:
        before = before[1:]
    hi = min(len(text), end + _REACH)
    after = _words(text[end:hi])
    if hi < len(text) and len(after) <= around:
        after = _words(text[end:])
    elif hi < len(text):
        after = after[:-1]
    return tuple(before[-around:]), tuple(after[:around])


def context_hash(text: str, start: int, end: int) -> str:
    """Twelve hex digits naming the occurrence's neighbourhood (the occurrence itself included)."""
    before, after = context_words(text, start, end)
    key = " ".join(before) + "|" + " ".join(_words(text[start:end])) + "|" + " ".join(after)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def flag_id(where: str, text: str, context: str) -> str:
    """A short id that stays the same while the occurrence and its neighbours do."""
    return hashlib.sha256(f"{where}\0{text}\0{context}".encode("utf-8")).hexdigest()[:10]


def excerpt_where(excerpt_id: str) -> str:
    return f"excerpt {excerpt_id}"


def field_where(slug: str, field: str) -> str:
    return f"story {slug}, {field}"


def project_where(setting: str) -> str:
    """A setting of stories/project.yaml that is published as written ("project title")."""
    return f"project {setting}"


class DecisionBook:
    """The project's decisions, indexed for look-up."""

    def __init__(self, decisions: tuple[Decision, ...] = ()) -> None:
        self._exact = {(d.where, d.text, d.context): d for d in decisions}
        self._by_text: dict[tuple[str, str], Decision] = {}
        for d in decisions:
            self._by_text.setdefault((d.where, d.text), d)
        self.used: set[tuple[str, str, str]] = set()

    def __bool__(self) -> bool:
        return bool(self._exact)

    def find(self, where: str, text: str, context: str) -> Decision | None:
        found = self._exact.get((where, text, context))
        if found:
            self.used.add((where, text, context))
        return found

    def stale(self, where: str, text: str) -> Decision | None:
        """A decision for the same text in the same place, made when its neighbours differed."""
        return self._by_text.get((where, text))


def orphans(decisions: tuple[Decision, ...], wheres: set[str]) -> list[str]:
    """A warning for each decision about a text the project does not have (an excerpt id, story
    or field that is not there): it decides nothing, and was probably meant for something else."""
    return [f"stories/decisions.yaml:{d.line}: the decision for '{mask(d.text)}' is about {d.where}, which this "
            "project does not have (no such excerpt id, story or field), so it decides nothing: correct it or "
            "remove it" for d in decisions if d.where not in wheres]
