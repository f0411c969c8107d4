"""Plain English for the community audience: the glossary and a reading-ease score.

The glossary (``Project.glossary``: jargon -> plain words) rewrites authored
text only. Quotes are the participants' own words, so jargon there is flagged,
never rewritten.

Reading ease is the Flesch formula (206.835 - 1.015 words/sentence - 84.6
syllables/word), with syllables from Pyphen's en_GB hyphenation dictionary, as
textstat does for words missing from its dictionary. We do not call
``textstat.flesch_reading_ease`` itself: for English, textstat 0.7.13 looks
words up in NLTK's CMU dictionary and downloads it at run time when it is
missing (storymaker never downloads while it runs), and importing NLTK adds
about two seconds to every command.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyphen

from .edits import Edit
from .sentences import sentences

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


@lru_cache(maxsize=32)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _lookup(glossary: dict[str, str]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    clean = {k.strip().lower(): v for k, v in glossary.items() if k.strip()}
    return _pattern(tuple(sorted(clean))), clean


def _sentence_case(text: str, start: int, plain: str) -> str:
    """Capitalise *plain* when it starts a sentence of *text* at *start*."""
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?…":
        return plain[:1].upper() + plain[1:]
    return plain


def apply_glossary(text: str, glossary: dict[str, str]) -> tuple[str, list[Edit]]:
    """Replace each jargon term (case-insensitive, whole word) with its plain words."""
    pattern, plain = _lookup(glossary)
    if pattern is None or not text:
        return text, []
    out: list[str] = []
    edits: list[Edit] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(text[last:match.start()])
        after = _sentence_case(text, match.start(), plain[match.group().lower()])
        edits.append(Edit("glossary", match.group(), after, sum(map(len, out)), "plain English for community"))
        out.append(after)
        last = match.end()
    return "".join(out) + text[last:], edits


def find_jargon(text: str, glossary: dict[str, str]) -> list[tuple[str, str]]:
    """(term as written, plain words) for each glossary term in *text*, first use only."""
    pattern, plain = _lookup(glossary)
    if pattern is None:
        return []
    seen: dict[str, tuple[str, str]] = {}
    for match in pattern.finditer(text):
        seen.setdefault(match.group().lower(), (match.group(), plain[match.group().lower()]))
    return list(seen.values())


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


@lru_cache(maxsize=1 << 15)
def _syllables(word: str) -> int:
    return len(_hyphenator().positions(word.lower())) + 1


def reading_ease(text: str) -> float:
    """Flesch reading ease of *text* (higher is easier; 60-70 is plain English)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    count = max(1, sum(1 for s in sentences(text) if _WORD.search(s)))
    syllables = sum(_syllables(w) for w in words)
    score = 206.835 - 1.015 * (len(words) / count) - 84.6 * (syllables / len(words))
    return round(score, 1)
