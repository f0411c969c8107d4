"""Facts about the narrator's life, read from the narrator line, the persona and the quotes.

A fact is (kind, value, the words it was read from). Two facts of one kind whose values
cannot both be true of one person are a contradiction ("my husband" then "my wife"; a
narrator who works on a council front desk and a quote about "my work coach").

The narrator line and persona speak of the narrator in the third person ("cares for her
mum"); quotes in the first person ("my mum"). Only specific phrasings are read: a fact is
missed rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    kind: str  # partner | children | cares_for | sector | employment | gender | home | tenure | settlement
    value: str
    evidence: str  # the words it was read from


P = r"(?:my|our)"  # first person
T = r"(?:her|his|their)"  # the narrator line's third person
PARTNER = r"(husband|wife|boyfriend|girlfriend|fianc[eé]e?)"
CHILD = r"(son|daughter|kids|children|boys|girls|little one|youngest|eldest)"
RELATIVE = r"(mum|mother|dad|father|nan|gran|grandma|grandad|husband|wife|partner|son|daughter|brother|sister|aunt|uncle)"
SECTORS = (
    ("council", r"council|helpline|front desk|council tax|borough|social worker"),
    ("health", r"surgery|gp|practice|ward|clinic|patients?|district nurse|nurse|hospital|nhs"),
    ("jobcentre", r"job ?centre|claimants?|work coach"),
    ("library", r"library|libraries|librarian"),
    ("housing", r"housing association|housing officer|tenants|repairs team"),
    ("charity", r"charity|food bank|trustees"),
    ("school", r"school|pupils|classroom"),
)
PLACES = r"(surgery|practice|library|council|charity|food bank|job ?centre|school|ward|clinic|helpline)"
ROLE_NOUNS = r"(nurse|work coach|social worker|housing officer|librarian|teacher|gp|doctor)"

QUOTE_PATTERNS: tuple[tuple[str, str, str], ...] = (
    # (kind, value or "" to take the match's group 1, pattern)
    ("partner", "", rf"(?<!ex-)(?<!late )\b{P} {PARTNER}\b"),
    ("children", "yes", rf"\b{P} {CHILD}\b"),
    ("cares_for", "", rf"\b(?:look(?:s|ed|ing)? after|car(?:e|es|ed|ing) for) {P} {RELATIVE}\b"),
    ("sector", "", rf"\b(?:at|in) our {PLACES}\b"),
    ("sector", "", rf"\bwhen I started at (?:the |a )?(?:\w+ ){{0,3}}?{PLACES}\b"),
    ("sector", "", rf"\bI(?:'m| am|'ve been| was) an? {ROLE_NOUNS}\b"),
    ("sector", "", r"\b(?:my|our) (patients|claimants|tenants|pupils)\b"),
    ("sector", "", r"\b(?:the|our) (trustees)\b"),
    ("employment", "seeking", r"\bmy work coach\b|\bapplied for (?:\w+ ){0,3}jobs\b|\bapplying for (?:jobs|work)\b"
                              r"|\bsending you for (?:\w+ ){0,2}jobs\b|\bout of work\b|\blooking for work\b|\bsigning on\b"),
    ("employment", "employed", r"\bmy (?:job|manager|colleagues|shift|caseload|team leader)\b|\bat work\b"),
    ("gender", "", r"\b(?:as an?|I'm an?|I am an?|being an?) (mum|mother|dad|father|grandad|grandma|nan|woman|man)\b"),
    ("home", "", rf"\b{P} (flat|house|bungalow)\b"),
    ("tenure", "own", r"\bmy mortgage\b|\bwe bought (?:the|our) (?:house|flat)\b|\bown my (?:home|house|flat)\b"),
    ("tenure", "rent", r"\bmy landlord\b|\bmy rent\b"),
    ("settlement", "", r"\b(?:this|our|my) (town|village|city)\b"),
)
NARRATOR_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("partner", "", rf"\b{T} {PARTNER}\b"),
    ("partner", "none", r"\blives alone\b|\bsingle\b|\bwidowed\b|\bdivorced\b"),
    ("children", "yes", rf"\b{T} {CHILD}\b|\b(?:mum|dad|mother|father) of\b"),
    ("children", "none", r"\bno (?:children|kids)\b|\bchildless\b"),
    ("cares_for", "", rf"\b(?:looks? after|cares? for|carer for) {T} {RELATIVE}\b"),
    ("employment", "employed", r"\bworks?\b|\banswers\b|\bemployed\b|\bvolunteers?\b"),
    ("employment", "seeking", r"\bout of work\b|\blooking for work\b|\bunemployed\b|\bjob ?seeker\b"),
    ("gender", "", r"\b(she|her|he|his|him)\b"),
    ("home", "", r"\b(flat|house|bungalow)\b"),
    ("tenure", "rent", r"\brents?\b|\btenant\b"),
    ("tenure", "own", r"\bowns? (?:a|her|his|their) (?:home|house|flat)\b|\bhomeowner\b"),
    ("settlement", "", r"\b(town|village|city)\b"),
)
GENDER = {"she": "female", "her": "female", "he": "male", "his": "male", "him": "male", "mum": "female",
          "mother": "female", "grandma": "female", "nan": "female", "woman": "female", "dad": "male",
          "father": "male", "grandad": "male", "man": "male"}


def _value(kind: str, fixed: str, match: re.Match[str]) -> str | None:
    if fixed:
        return fixed
    found = match.group(1).lower()
    if kind == "gender":
        return GENDER[found]
    if kind == "sector":
        return next((name for name, pattern in SECTORS if re.fullmatch(pattern, found)), None)
    if kind == "partner" and found.startswith("fianc"):
        return "fiancé(e)"
    return {"mother": "mum", "father": "dad", "kids": "children"}.get(found, found)


def facts(text: str, narrator: bool = False) -> list[Fact]:
    """Every fact in *text*; *narrator* for the narrator line and persona (third person)."""
    out: list[Fact] = []
    if narrator:
        out += [Fact("sector", name, m.group()) for name, pattern in SECTORS
                for m in [re.search(rf"\b(?:{pattern})\b", text, re.I)] if m]
    for kind, fixed, pattern in NARRATOR_PATTERNS if narrator else QUOTE_PATTERNS:
        for m in re.finditer(pattern, text.replace("’", "'"), re.I):
            value = _value(kind, fixed, m)
            if value:
                out.append(Fact(kind, value, m.group()))
            if kind == "gender" and narrator:
                break  # the narrator line's first pronoun is the narrator's
    return out


def contradicts(first: Fact, later: Fact) -> bool:
    """Whether *later* cannot be true of the person *first* describes."""
    if first.kind != later.kind or first.value == later.value:
        return False
    if first.kind == "partner":
        return "none" in (first.value, later.value) or "partner" not in (first.value, later.value)
    if first.kind == "sector":
        return True
    return first.kind in ("children", "cares_for", "employment", "gender", "home", "tenure", "settlement")


SECTOR_WORDS = {"council": "works for the council", "health": "works in health care", "jobcentre": "works at a job centre",
                "library": "works in a library", "housing": "works in housing", "charity": "works for a charity",
                "school": "works in a school"}
MEANING = {("employment", "seeking"): "looking for work", ("employment", "employed"): "in work",
           ("children", "yes"): "has children", ("children", "none"): "no children",
           ("partner", "none"): "no partner", ("tenure", "rent"): "rents", ("tenure", "own"): "owns their home"}


def describe(fact: Fact) -> str:
    """What the fact says about the narrator, in a few words."""
    if (fact.kind, fact.value) in MEANING:
        return MEANING[fact.kind, fact.value]
    if fact.kind == "sector":
        return SECTOR_WORDS.get(fact.value, fact.value)
    return {"partner": "a {}", "cares_for": "cares for their {}", "sector": "works in {}", "gender": "{}",
            "home": "lives in a {}", "settlement": "lives in a {}"}.get(fact.kind, "{}").format(fact.value)
