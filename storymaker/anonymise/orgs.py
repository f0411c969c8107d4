"""Organisation patterns ("Riverside Surgery", "Leeds Teaching Hospitals NHS Trust") and the
kind of organisation a name denotes, so it can be replaced by its kind ("the surgery")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from .hits import Hit
from .lexicon import LEADING, is_common
from .tokens import Tokens, skip_leading
from .windows import around, finditer

# suffix (as written) -> what it is, most specific first
KINDS: list[tuple[str, str]] = [
    ("NHS Foundation Trust", "hospital trust"), ("NHS Trust", "hospital trust"), ("Foundation Trust", "hospital trust"),
    ("Housing Association", "housing association"), ("Housing Trust", "housing association"),
    ("Homes", "housing association"), ("Housing", "housing provider"),
    ("City Council", "council"), ("Borough Council", "council"), ("County Council", "council"),
    ("District Council", "council"), ("Parish Council", "parish council"), ("Council", "council"),
    ("Medical Centre", "health centre"), ("Health Centre", "health centre"), ("Medical Practice", "practice"),
    ("Surgery", "surgery"), ("Practice", "practice"), ("Clinic", "clinic"), ("Pharmacy", "pharmacy"),
    ("Chemist", "pharmacy"), ("Hospitals", "hospital"), ("Hospital", "hospital"), ("Infirmary", "hospital"),
    ("Hospice", "hospice"), ("Care Home", "care home"), ("Nursing Home", "care home"), ("Lodge", "care home"),
    ("Primary School", "school"), ("High School", "school"), ("Secondary School", "school"), ("School", "school"),
    ("Academy", "school"), ("Sixth Form College", "college"), ("College", "college"), ("University", "university"),
    ("Community Centre", "community centre"), ("Centre", "centre"), ("Food Bank", "food bank"),
    ("Foodbank", "food bank"), ("Library", "library"), ("Church", "church"), ("Chapel", "church"),
    ("Mosque", "mosque"), ("Temple", "temple"), ("Synagogue", "synagogue"), ("Gurdwara", "gurdwara"),
    ("Police", "police"), ("Constabulary", "police"), ("Fire and Rescue Service", "fire service"),
    ("Jobcentre Plus", "jobcentre"), ("Jobcentre", "jobcentre"), ("Charity", "charity"),
    ("Foundation", "charity"), ("Trust", "trust"), ("Partnership", "partnership"), ("Ltd", "company"),
    ("Limited", "company"), ("plc", "company"), ("PLC", "company"), ("Agency", "agency"), ("Ward", "ward"),
]
_WORD = r"[A-Z][\w'&-]*"
_NAME = rf"{_WORD}(?:[ \t]+(?:(?:of|and|&|on|upon|the|de|le)[ \t]+)?{_WORD}){{0,4}}"
_SUFFIXES = "|".join(re.escape(s) for s, _ in sorted(KINDS, key=lambda k: -len(k[0])))
ORG = re.compile(rf"(?:\b[Tt]he[ \t]+)?\b(?P<name>{_NAME})[ \t]+(?P<suffix>{_SUFFIXES})\b")
_KIND_OF = {s.lower(): k for s, k in KINDS}
SINGLE_KINDS = {s: k for s, k in _KIND_OF.items() if " " not in s and s not in ("ltd", "plc", "limited", "homes")}
SUFFIX_KEYS = frozenset(s.split()[-1].lower() for s, _ in KINDS)
_LOWER_SUFFIXES = "|".join(re.escape(s.lower()) for s, _ in sorted(KINDS, key=lambda k: -len(k[0])) if len(s) > 4)
ORG_LOWER = re.compile(rf"(?<![\w'])((?:[a-z'&-]+[ \t]+){{1,3}})(?P<suffix>{_LOWER_SUFFIXES})\b")
PRISON = re.compile(r"\b(?i:HMP|HMYOI|HM[ \t]+Prison|HM[ \t]+Young[ \t]+Offender[ \t]+Institution)[ \t]+"
                    r"[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)?")  # "HMP Northgate": the prison
_LEAD = frozenset({"my", "our", "your", "his", "her", "their", "a", "an", "this", "that", "local", "the"})


def kind_of(name: str) -> str:
    """What an organisation name denotes ("Riverside Surgery" -> "surgery"); "organisation" if unknown."""
    low = " ".join(name.lower().split())
    for suffix, kind in sorted(_KIND_OF.items(), key=lambda kv: -len(kv[0])):
        if low.endswith(" " + suffix) or low == suffix:
            return kind
    return "organisation"


def org_hits(text: str, tokens: Tokens) -> Iterator[Hit]:
    if "hmp" in tokens.keys or "hmyoi" in tokens.keys or "hm" in tokens.keys:
        for m in PRISON.finditer(text):
            yield Hit(m.start(), m.end(), "organisation", "pattern", "organisation pattern: prison",
                      f"organisation:{' '.join(m.group().lower().split())}", "the prison")
    if SUFFIX_KEYS.isdisjoint(tokens.keys):
        return
    suffixes = [(span, key == word) for span, key, word in compress(  # C-level: only the suffix words
        zip(tokens.spans, tokens.keys, tokens.words), map(SUFFIX_KEYS.__contains__, tokens.keys))]
    near = around(text, [span for span, _ in suffixes], 90, 0)
    if not near:
        return
    yield from lower_org_hits(text, around(text, [span for span, lower in suffixes if lower], 90, 0))
    for m in finditer(ORG, text, near):
        start = skip_leading(text, m.start(), m.start("suffix"), LEADING)  # "At Riverside Surgery": not "At"
        name = text[max(start, m.start("name")):m.end("name")].split()
        if not name or (name[0].lower() in _LEAD and len(name) == 1):
            continue  # "My Surgery", "The Council": a kind, not a name
        kind = _KIND_OF[m.group("suffix").lower()]
        yield Hit(start, m.end(), "organisation", "pattern", f"organisation pattern: {kind}",
                  f"organisation:{' '.join(text[start:m.end()].lower().split())}", "")


def lower_org_hits(text: str, near: list[tuple[int, int]]) -> Iterator[Hit]:
    """Lower-case organisation names: "oakwood surgery" (but not "the local surgery")."""
    for m in finditer(ORG_LOWER, text, near):
        words = m.group(1).split()
        while words and is_common(words[0]):
            words.pop(0)
        if words and not any(is_common(w) for w in words) and m.group("suffix") not in ("housing", "homes"):
            start = m.start(1) + m.group(1).index(words[0])
            kind = _KIND_OF[m.group("suffix")]
            yield Hit(start, m.end(), "organisation", "pattern", f"organisation pattern: {kind}",
                      f"organisation:{' '.join(text[start:m.end()].lower().split())}", "")
