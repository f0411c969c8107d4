"""One fast regular expression for a list of words: the alternation is built as a trie
("f(?:ive|o(?:rty|ur(?:th)?))" rather than "five|forty|four|fourth"), which Python's regex
engine walks without backtracking through every alternative."""
from __future__ import annotations

import re
from collections.abc import Iterable


def _trie(words: Iterable[str]) -> dict:
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return root


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
    return body


def words_pattern(words: Iterable[str]) -> str:
    """A pattern matching exactly one of ``words`` (lower-case; use re.I for any case)."""
    return _pattern(_trie(w.lower() for w in words))
