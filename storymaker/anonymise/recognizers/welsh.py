"""Welsh text: the common Welsh words (``storymaker/data/lexicons/welsh_words.txt``, mutated
forms included) are used in Welsh text as the English word list is in English text, so an
ordinary Welsh word at a sentence start ("Roedd", "Beth", "Daeth") is not flagged and a
lower-case Welsh word ("tîm", "tŷ", "sâl", "fi") is never read as a gazetteer name.

A text is Welsh when its Welsh function words outnumber its English ones (at least two). The
Welsh words that are also first names ("bryn", "glyn", "eira", "gwen" ...) are the word after
an article or a possessive ("lan y bryn") and flagged elsewhere; a registered name is replaced
by the register before any of this is asked.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

_FILE = Path(__file__).resolve().parent.parent.parent / "data" / "lexicons" / "welsh_words.txt"
CLITICS = ("'n", "'r", "'i", "'w", "'m", "'th", "'u", "'ch", "'s", "'")  # "mae'n", "i'r", "dyna's"
_WELSH_MARKS = frozenset("y yr yn mae roedd oedd ac gyda ddim fy ei eu ein eich wedi bod sy sydd mewn hefyd iawn "
                         "pan ond neu fi ni nhw chi ar gan efo daeth aeth ges cafodd gafodd bydd fydd byddai dywedodd ddywedodd roeddwn doedd dydy beth pwy sut pam ble hefo gennym mewn dros trwy drwy dw dwi rwy ydy yw nid hynny hyn hwn hon".split())
_ENGLISH_MARKS = frozenset("the and of to is was it that in he she we they you with for on at this have had not but "
                           "are were be my his her our their what when".split())
DETERMINERS = frozenset("y yr 'r fy dy ei ein eich eu".split())


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    words: set[str] = set()
    names: set[str] = set()
    into = words
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() == "[names]":
            into = names
        elif line.strip() and not line.startswith("#"):
            into.update(_fold(w) for w in line.split())
    return frozenset(words - names), frozenset(names)


def welsh_words() -> frozenset[str]:
    return _lists()[0]


def welsh_names() -> frozenset[str]:
    """Welsh words that are also first names: "bryn" (hill), "eira" (snow), "gwen" (white)."""
    return _lists()[1]


def base(key: str) -> str:
    """The word without a clitic ("mae'n" -> "mae", "i'r" -> "i")."""
    for ending in CLITICS:
        if key.endswith(ending) and len(key) > len(ending):
            return key[:-len(ending)]
    return key


def is_welsh_word(key: str) -> bool:
    return key in welsh_words() or base(key) in welsh_words()


_WELSH_MARKS |= frozenset(f"{w}'{c}" for w in ("mae", "hi", "e", "o", "ni", "chi", "nhw", "fi", "dwi", "rwy", "sy",
                                                 "i", "a", "gyda", "ar", "yn") for c in ("n", "r"))


def is_welsh_text(keys: list[str]) -> bool:
    """Whether these token keys read as Welsh: more Welsh function words than English, at least two."""
    welsh = sum(map(_WELSH_MARKS.__contains__, keys))
    return welsh >= 2 and welsh > sum(map(_ENGLISH_MARKS.__contains__, keys))
