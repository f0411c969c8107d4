"""Common spelling variants of a registered name, so "Phillip", "Katherine" or "Stephen"
are caught when the register says "Philip", "Catherine" or "Steven".

Each rule is one substitution that people really make when writing down a name they have
only heard; every single application of a rule is a variant (no chains, to keep it small).
"""
from __future__ import annotations

import re

_RULES: list[tuple[str, str]] = [
    (r"ph", "f"), (r"f", "ph"), (r"^c", "k"), (r"^k", "c"), (r"ck", "k"), (r"ph", "v"), (r"v", "ph"),
    (r"th", "t"), (r"y$", "ie"), (r"ie$", "y"), (r"y$", "ey"), (r"ey$", "y"), (r"i$", "ie"), (r"ie$", "i"),
    (r"s", "z"), (r"z", "s"), (r"ei", "ie"), (r"ie", "ei"), (r"e$", ""), (r"([^aeiouy])$", r"\1e"),
    (r"ou", "o"), (r"^mac", "mc"), (r"^mc", "mac"), (r"son$", "sen"), (r"sen$", "son"), (r"ine$", "yn"),
    (r"yn$", "ine"), (r"i", "y"), (r"y", "i"), (r"ae", "e"), (r"aa", "a"),
]


_COMPILED = [(re.compile(p), r) for p, r in _RULES]


def _doubling(word: str) -> set[str]:
    out: set[str] = set()
    for i, ch in enumerate(word[1:], start=1):
        if ch not in "aeiou" and ch.isalpha():
            if word[i - 1] == ch:
                out.add(word[:i] + word[i + 1:])  # Phillip -> Philip
            elif i + 1 < len(word) and word[i + 1] != ch:
                out.add(word[:i] + ch + word[i:])  # Philip -> Phillip
    return out


def spelling_variants(word: str) -> set[str]:
    """Lower-case variants of one name token (the token itself excluded); short tokens get none."""
    w = word.lower()
    if len(w) < 4 or not w.isalpha():
        return set()
    out = set(_doubling(w))
    for pattern, repl in _COMPILED:
        for m in pattern.finditer(w):
            out.add(w[:m.start()] + m.expand(repl) + w[m.end():])
    out.discard(w)
    return {v for v in out if len(v) >= 3}
