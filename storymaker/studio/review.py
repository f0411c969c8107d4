"""The review queue over the anonymisation review API (:mod:`storymaker.anonymise.review`).

    queue(checked)                         -> [FlagItem]   every open flag, one per occurrence, in file order
    replacements(checked)                  -> [(original, replacement, reason, count)]
    decide(root, checked, flag_id, choice, version) -> new version
    undo(root, token, choice, version, item)        -> new version

The queue comes from the studio's cached check (the same ``FlaggedText`` records that
``storymaker check --json`` prints), so showing it costs nothing; a decision goes through
``record_decision`` (given the studio's cached register, so nothing else is read), which writes ``stories/anonymise.yaml`` (a kind, or ``allow``) or
``stories/decisions.yaml`` (safe here) exactly as ``storymaker decide`` does. ``version``
covers both files: a change made to either on disk since the page loaded refuses the decision.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..anonymise.review import DECISIONS, REGISTER, record_decision
from ..errors import ConflictError, StudioError
from ..model import Register
from .files import edit_yaml, remove_item, version as file_version
from .state import Checked

CHOICES = {"person": "person", "place": "place", "organisation": "organisation", "other": "other",
           "everywhere": "allow", "here": "safe"}
LISTS = {"person": "people", "place": "places", "organisation": "organisations", "other": "other", "everywhere": "allow"}


@dataclass(frozen=True)
class FlagItem:
    key: str  # the flag id
    where: str  # path:line
    excerpt: str  # "excerpt S-P01-09" or "story <slug>, <field>"
    before: str  # the sentence around the word, split at it
    token: str
    after: str
    kind: str
    context: str  # hash of the neighbouring words (what a "safe here" decision is tied to)


def version(root: Path) -> str:
    both = file_version(root / REGISTER) + file_version(root / DECISIONS)
    return hashlib.sha256(both.encode()).hexdigest()


def _window(text: str, start: int, end: int, reach: int = 220) -> tuple[str, str]:
    """Up to ``reach`` characters either side, cut at a sentence end where there is one."""
    left = text[max(0, start - reach):start]
    for mark in (". ", "? ", "! "):
        cut = left.rfind(mark)
        if cut != -1 and start - reach > 0:
            left = left[cut + 2:]
            break
    right = text[end:end + reach]
    return ("…" if start - len(left) > 0 else "") + left, right + ("…" if end + reach < len(text) else "")


def queue(checked: Checked) -> list[FlagItem]:
    if checked.prep is None:
        return []
    unique = {f.id: f for f in reversed(checked.prep.flagged)}
    items = []
    for f in sorted(unique.values(), key=lambda f: (f.path, f.line, f.flag.start)):
        before, after = _window(f.text, f.flag.start, f.flag.end)
        items.append(FlagItem(f.id, f"{f.path}:{f.line}", f.where, before, f.text[f.flag.start:f.flag.end], after,
                              f.flag.kind, f.flag.context))
    return items


def replacements(checked: Checked) -> list[tuple[str, str, str, int]]:
    """Each distinct automatic replacement, most frequent first, for a second look."""
    if checked.prep is None:
        return []
    seen = Counter((e.original, e.replacement or "(removed)", e.reason) for e in checked.prep.log)
    return [(*k, n) for k, n in seen.most_common()]


def _check_version(root: Path, expected: str | None) -> None:
    if expected and expected != version(root):
        raise ConflictError(f"{REGISTER} or {DECISIONS} changed on disk since this page was loaded; nothing was "
                            "written: reload the page to see the flags as they are now")


def decide(root: Path, checked: Checked, flag_id: str, choice: str, expected: str | None,
           register: Register | None = None) -> str:
    """``register``: the register as it is on disk now (the studio's cached one), so that
    recording the decision does not read the whole project again."""
    if choice not in CHOICES:
        raise StudioError(f"unknown decision {choice!r}; use one of {', '.join(CHOICES)}")
    _check_version(root, expected)
    flags = {f.id: f for f in checked.prep.flagged} if checked.prep else {}
    record_decision(root, flags.get(flag_id, flag_id), CHOICES[choice], register=register)
    return version(root)


def _remove_from_list(key: str, value: str):
    def change(doc) -> None:
        seq = doc.get(key) or []
        for i in range(len(seq) - 1, -1, -1):
            item = seq[i]
            if str(item.get("name") if isinstance(item, dict) else item) == value:
                remove_item(seq, i)
                return
        raise StudioError("that decision is no longer in the file; nothing to undo")
    return change


def _remove_decision(token: str, where: str, context: str):
    def change(doc) -> None:
        seq = doc.get("decisions") or []
        for i in range(len(seq) - 1, -1, -1):
            d = seq[i]
            place = (f"excerpt {d.get('excerpt')}" if d.get("excerpt") else f"project {d.get('project')}"
                     if d.get("project") else f"story {d.get('story')}, {d.get('field')}")
            if str(d.get("text")) == token and str(d.get("context")) == context and place == where:
                remove_item(seq, i)
                return
        raise StudioError("that decision is no longer in the file; nothing to undo")
    return change


def undo(root: Path, token: str, choice: str, expected: str | None, where: str = "", context: str = "") -> str:
    """Take back the last decision: the word leaves the register list it was added to, or the
    per-occurrence decision leaves ``stories/decisions.yaml``."""
    _check_version(root, expected)
    if choice == "here":
        edit_yaml(root / DECISIONS, None, _remove_decision(token, where, context), root)
    elif choice in LISTS:
        edit_yaml(root / REGISTER, None, _remove_from_list(LISTS[choice], token), root)
    else:
        raise StudioError(f"unknown decision {choice!r}")
    return version(root)
