"""Ages ("she was 87", "aged 87", "an 87-year-old") become a readable age band."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import Hit
from .lexicon import first_names, is_common
from .windows import DIGITS, finditer

_HER = ("she|mum|mam|mom|ma|mammy|mummy|nan|nana|nanna|gran|granny|grandma|grandmother|wife|missus|daughter|sister|"
        "girl|mother|aunt|auntie|aunty|lady|woman")
_HIS = "he|dad|da|daddy|pa|grandad|granda|grandda|grandpa|grandfather|husband|son|brother|boy|father|uncle|man|fella"
_OTHER = "i|we|you|they|partner|child|kid|baby|neighbour|friend|mate|pal|lodger|tenant|patient|client"
_NOT_AGE = (r"(?!\s*(?:%|per\b|percent|years?\b(?!\s+old)|yrs?\b(?!\s+old)|minutes?|mins?|hours?|days?|weeks?|months?|times?|pounds?|quid|p\b|pence|"
            r"grand|k\b|metres?|feet|foot|inches|stone|kilos?|miles?|[:.]\d|pm|am|o'clock|th\b|st\b|nd\b|rd\b|"
            r"an?\s+(?:week|month|year|day|night|hour|head|go|time)\b|each\b|apiece\b|out\s+of\b))")
COPULA = re.compile(rf"\b({_HER}|{_HIS}|{_OTHER})(?:'s|'m|'re|\s+(?:was|is|were|am|'s|turned|turns|had\s+just\s+turned))"
                    rf"\s+(?:only\s+|just\s+|about\s+|nearly\s+|almost\s+)?(\d{{1,3}})(?:\s*(?:years?|yrs?)\s+old)?\b{_NOT_AGE}",
                    re.I)
NAMED = re.compile(rf"\b([A-Z][a-z]+)\s+(?:was|is|turned)\s+(?:only\s+|just\s+|about\s+|nearly\s+|almost\s+)?(\d{{1,3}})"
                   rf"(?:\s*(?:years?|yrs?)\s+old)?\b{_NOT_AGE}")
AGED = re.compile(r"\b(?:aged|age|ages)\s+(\d{1,3})\b(?!\s*(?:[-\u2013]|to\s|and\s|or\s)\s*\d)|\b(\d{1,3})[\s-]*(?:years?|yrs?)[\s-]+old\b", re.I)
YEAR_OLD = re.compile(r"\b(an?)\s+(\d{1,3})[\s-]*(?:years?|yrs?)[\s-]*old\b", re.I)
ATTRIBUTIVE = re.compile(r"[\s-]+(?!(?:and|or|but|when|now|then|at|in|on|so|by|with|because|too|already|"
                         r"and|at|that|this|was|is|who|which|to|from|for)\b)[a-z]")
_POSSESSIVE = {"i": "my", "we": "our", "you": "your"}
_TENS = ["", "", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]


def _owner(word: str) -> str:
    w = word.lower()
    if re.fullmatch(_HER, w):
        return "her"
    if re.fullmatch(_HIS, w):
        return "his"
    return _POSSESSIVE.get(w, "their")


_PRONOUN_AFTER = re.compile(r"[^.!?]{0,60}?\b(she|her|he|him|his)\b", re.I)


def _owner_after(text: str, end: int) -> str:
    """Whose age a name's age is, from the first pronoun after it in its sentence ("Grace was 91 and
    she ..." -> "her"), else "their"."""
    m = _PRONOUN_AFTER.match(text, end)
    return "their" if not m else "her" if m.group(1).lower() in ("she", "her") else "his"


_TURNED = re.compile(r"\b(?:had\s+just\s+)?turn(ed|s)\b", re.I)


_PRONOUN_BEFORE = re.compile(r"\b(she|he|i|we)\b[^.!?]{0,20}$", re.I)


def _owner_before(text: str, start: int) -> str:
    """ "She was aged 87" -> "her": the subject just before, in its sentence."""
    m = _PRONOUN_BEFORE.search(text, max(0, start - 24), start)
    return _owner(m.group(1)) if m else "their"


def _turned(m: re.Match) -> tuple[int, str]:
    """Where an age's replacement starts, and the verb it needs: "turned 80" -> "was in her eighties"
    (never "turned in her eighties"); other verbs stay ("she was 87" -> "she was in her eighties")."""
    verb = _TURNED.search(m.string, m.start(), m.start(2))
    if not verb:
        return m.start(2), ""
    return verb.start(), "was " if verb.group(1).lower() == "ed" else "is "


def band(age: int, owner: str = "their") -> str:
    """A readable band: "a child", "a teenager", "in her eighties", "over a hundred"."""
    if age < 13:
        return "a child"
    if age < 20:
        return "a teenager"
    if age >= 100:
        return "over a hundred"
    return f"in {owner} {_TENS[age // 10]}"


def adjective(age: int) -> str:
    return "a young" if age < 13 else "a teenage" if age < 20 else "a younger" if age < 40 else (
        "a middle-aged" if age < 60 else "an older")


# What COPULA and NAMED need right before the age: one of these words (or "'s", "'m", "'re"), then space.
_BEFORE_AGE = ("'s", "'m", "'re", "was", "is", "were", "am", "turned", "turns", "only", "just", "about", "nearly",
               "almost")


def _after_copula(text: str) -> bool:
    """Whether some number in ``text`` follows a copula or one of its adverbs ("she's 87", "was only 9")."""
    for m in DIGITS.finditer(text):
        j = m.start()
        while j and text[j - 1].isspace():
            j -= 1
        if j < m.start() and text[max(0, j - 6):j].lower().endswith(_BEFORE_AGE):
            return True
    return False


def age_hits(text: str, near_digits: list[tuple[int, int]]) -> Iterator[Hit]:
    low = text.lower()
    copula = _after_copula(text)
    years = "year" in low or "yr" in low  # what YEAR_OLD and the second half of AGED need
    for m in finditer(YEAR_OLD, text, near_digits) if years else ():
        yield Hit(m.start(), m.end(), "age", "structured", "age", f"age:{m.group().lower()}",
                  adjective(int(m.group(2))))
    for m in finditer(COPULA, text, near_digits) if copula else ():
        start, tense = _turned(m)
        yield Hit(start, m.end(), "age", "structured", "age", f"age:{m.group().lower()}",
                  tense + band(int(m.group(2)), _owner(m.group(1))))
    for m in finditer(NAMED, text, near_digits) if copula else ():
        name = m.group(1)
        if not is_common(name) or (name.lower() in first_names() and int(m.group(2)) > 12):  # "Grace was 91"
            start, tense = _turned(m)
            yield Hit(start, m.end(), "age", "structured", "age", f"age:{m.group().lower()}",
                      tense + band(int(m.group(2)), _owner_after(text, m.end())))
    for m in finditer(AGED, text, near_digits) if years or "age" in low else ():
        age = int(m.group(1) or m.group(2))
        before_noun = m.group(2) and ATTRIBUTIVE.match(text, m.end())  # "my 87 year old mum"
        yield Hit(m.start(), m.end(), "age", "structured", "age", f"age:{m.group().lower()}",
                  adjective(age).split(" ", 1)[1] if before_noun else band(age, _owner_before(text, m.start())))
