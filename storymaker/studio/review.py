"""The review queue's adapter over the anonymiser: which words are flagged, and the decisions.

    queue(checked)                      -> [FlagItem]   every unreviewed word, in file order
    replacements(checked)               -> [(original, replacement, reason, count)]
    decide(root, token, decision, ver)  -> new register version
    undo(root, token, decision, ver)    -> new register version

A decision on a word is written to ``stories/anonymise.yaml`` (people, places,
organisations, other or allow) exactly as a person would add it by hand, so the CLI sees the
same register. "Safe here" (one occurrence only) needs the per-occurrence decisions of the
anonymisation review work; until that API exists the studio says so instead of guessing a file.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import StudioError
from .files import append_item, edit_yaml, remove_item
from .state import Checked

REGISTER = Path("stories") / "anonymise.yaml"
LISTS = {"person": "people", "place": "places", "organisation": "organisations", "other": "other",
         "everywhere": "allow"}


@dataclass(frozen=True)
class FlagItem:
    key: str  # unique in the queue: excerpt id and offset
    where: str  # path:line
    excerpt: str
    before: str  # the sentence around the word, split at it
    token: str
    after: str
    kind: str


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
    prep = checked.prep
    if prep is None:
        return []
    items = []
    for e in prep.project.excerpts:
        red = prep.safe.get(e.id)
        for f in red.flags if red else ():
            before, after = _window(e.text, f.start, f.end)
            items.append(FlagItem(f"{e.id}@{f.start}", f"{e.source}:{e.line}", e.id, before, e.text[f.start:f.end],
                                  after, f.kind))
    return items


def replacements(checked: Checked) -> list[tuple[str, str, str, int]]:
    """Each distinct automatic replacement, most frequent first, for a second look."""
    if checked.prep is None:
        return []
    seen = Counter((e.original, e.replacement or "(removed)", e.reason) for e in checked.prep.log)
    return [(*k, n) for k, n in seen.most_common()]


def _remove_last(seq, value: str) -> None:
    for i in range(len(seq) - 1, -1, -1):
        item = seq[i]
        name = item.get("name") if isinstance(item, dict) else item
        if str(name) == value:
            remove_item(seq, i)
            return
    raise StudioError("the word is no longer in the register's list; nothing to undo")


def decide(root: Path, token: str, decision: str, expected: str | None) -> str:
    if decision == "here":
        raise StudioError("'safe here' needs per-occurrence decisions, which this storymaker does not have yet: "
                          "choose 'safe everywhere' or one of the kinds")
    if decision not in LISTS or not token.strip():
        raise StudioError(f"unknown decision {decision!r}; use one of {', '.join(LISTS)}")

    def change(doc) -> None:
        key = LISTS[decision]
        if doc.get(key) is None:
            from ruamel.yaml.comments import CommentedSeq
            doc[key] = CommentedSeq()
        if token not in [str(i.get("name") if isinstance(i, dict) else i) for i in doc[key]]:
            append_item(doc[key], token)
    return edit_yaml(root / REGISTER, expected, change, root)


def undo(root: Path, token: str, decision: str, expected: str | None) -> str:
    if decision not in LISTS:
        raise StudioError(f"unknown decision {decision!r}")
    return edit_yaml(root / REGISTER, expected, lambda doc: _remove_last(doc.get(LISTS[decision]) or [], token), root)
