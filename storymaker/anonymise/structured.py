"""Recognisers for structured identifiers: email, phone, NHS and NI numbers, postcodes,
street addresses, precise dates and times, ages.

Each runs over folded text (see :mod:`.normalise`) and yields :class:`~.hits.Hit` with a
neutral replacement that reads well aloud. Separators may include a line break, so an
identifier split across lines is still found. Structured identifiers are replaced whether
or not they are in the register.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress
from dataclasses import dataclass

import phonenumbers

from .ages import age_hits
from .codes import AFTER_WORD, CODE_WORDS, code_hits, loose_phone_hits
from .hits import Hit
from .lexicon import LEADING
from .tokens import Tokens, skip_leading, tokenise
from .windows import DIGITS, around, finditer, windows

_S = r"[ \t]*[-.]?[ \t]*\n?[ \t]*"  # separator between digit groups: spaces, one dash/dot, one line break
_AT = r"(?:[ \t]*@[ \t]*|\s*[\[(]\s*at\s*[\])]\s*|\s+at\s+)"
_DOT = r"(?:\.|\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+)"
_TLD = r"(?:com|org|net|uk|gov|nhs|ac|io|info|me|co|edu|scot|wales)"

EMAIL = re.compile(r"[\w.+-]+[ \t]*@[ \t]*[\w-]+(?:\.[\w-]+)+", re.I)
OBFUSCATED_EMAIL = re.compile(rf"\b[\w.+-]+(?:{_DOT}[\w.+-]+)*{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}{_TLD}\b", re.I)
PHONE = re.compile(rf"(?<![\w+])(?:(?:\+|00)[ \t]*44[ \t]*(?:\(0\)[ \t]*)?|\(?0)\d{{2,4}}\)?{_S}\d{{3,4}}{_S}\d{{3,4}}(?!\d)")
NHS = re.compile(rf"(?<![\w£$.])\d{{3}}{_S}\d{{3}}{_S}\d{{4}}(?![\d%])")
NI = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I)
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\n?[ \t]*\d[A-Z]{2}\b", re.I)
OUTWARD = re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]?\b")
# The UK's postcode areas: a district is one of these and its number ("BT7", "TR18", "M6")
AREAS = frozenset("B E G L M N S W AB AL BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH "
                  "DL DN DT DY EC EH EN EX FK FY GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY LA LD "
                  "LE LL LN LS LU ME MK ML NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM SA SE SG SK SL SM SN "
                  "SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB WA WC WD WF WN WR WS WV YO ZE".split())
# A road ("the M6", "the A30 at Bodmin", "the B4560", "M74 northbound") is a public road, not an
# identifier; "M6" after an address, before a sector ("M6 4") or as "the M6 postcode" is a district.
ROAD = re.compile(r"[ABM]\d{1,4}")
_ROAD_BEFORE = re.compile(r"\b(?:the|off|via|onto|join|joined|junction[ \t]+\d+[ \t]+of)[ \t]+$", re.I)
_ROAD_AFTER = re.compile(r"[ \t]*(?:\(M\)|\b(?:motorway|road|toll|junction|jct|j\d+|northbound|southbound|eastbound|"
                         r"westbound|roadworks|services|bypass|corridor|link[ \t]+road|slip[ \t]+road)\b)", re.I)
SECTOR = re.compile(r"[ \t]*(?:\n[ \t]*)?\d(?:[A-Z]{2})?\b(?![ \t]*(?:miles?|mins?|minutes?|hours?|times|lanes?|"
                    r"junctions?|exits?|cars?|lorr(?:y|ies)|and|or|to|-)\b)", re.I)
_DISTRICT_AFTER = re.compile(rf"{SECTOR.pattern}|[ \t]+(?:post[ \t]?code|area|district)\b", re.I)


def road_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ("M6", "A30") is a road here: after "the", "off", "via" ... or
    before "motorway", "northbound", "(M)" ..., and not before a postcode sector or "postcode"."""
    if not ROAD.fullmatch(text, start, end) or _DISTRICT_AFTER.match(text, end):
        return False
    return bool(_ROAD_AFTER.match(text, end) or _ROAD_BEFORE.search(text, max(0, start - 24), start))


NOT_OUTWARD = frozenset({"A4", "A3", "A5", "P45", "P60", "P11D", "B12", "D3", "B6", "MP3", "MP4", "PS4", "PS5",
                         "F1", "G7", "G20", "Y2K", "S4C"})

# Street words after the name. The plain ones are streets in any case ("7 kirk wynd"); the ones
# that are also ordinary words ("Park", "Green", "Loan") make an address only with a house number
# and capitals ("14 Glenside Park"); without a number they are left to the later layers ("Student Loan").
_PLAIN = ("Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Way|Court|Crescent|Place|Terrace|Grove|Gardens|Hill|Row|"
          "Walk|Square|Mews|View|Rise|Parade|Vale|Wharf|Boulevard|Estate|Brae|Wynd|Vennel|Loaning|Causeway|Pend|"
          "Quay|Ope|Demesne|Cul-de-sac")
_WORDY = "Loan|Gait|Yard|Heights|Park|Green|Gate|Path|Brow|Bank|Chase|Entry|Mall|Meadows|Manor|Glen|Lea|Fold"
_SUFFIX = rf"(?:{_PLAIN}|{_WORDY})"
_SUFFIX_ANY_CASE = rf"(?:{_PLAIN})"
STREET_KEYS = frozenset(f"{_PLAIN}|{_WORDY}".lower().replace("cul-de-sac", "cul|sac").split("|"))
# Welsh (and Irish) street words come before the name: "7 Heol y Bont", "Ffordd Penrhos", "Lon Las"
# (folded from "Lôn"), "Rhodfa'r Mor", "Stryd Fawr".
_BEFORE = r"(?:Heol|Ffordd|Stryd|Lon|Rhodfa|Cilgant|Teras|Clos|Bothar|Sraid)"
BEFORE_KEYS = frozenset("heol ffordd stryd lon rhodfa cilgant teras clos bothar sraid".split())
_WELSH_LINK = r"(?:y|yr|'r|an|na|[A-Z][a-z]+)"
STREET_BEFORE = re.compile(rf"(?:\b(?:(?:Flat|Fflat|flat|fflat)[ \t]+\d+[A-Za-z]?,?\s+)?(?:(?:[Nn]umber|[Rr]hif)[ \t]+)?\d{{1,4}}[A-Za-z]?,?\s+)?"
                           rf"\b{_BEFORE}(?:'r\b|\b)(?:[ \t-]+{_WELSH_LINK}\b){{0,2}}[ \t-]+[A-Z][a-z']+\b")
COMMON_BEFORE = frozenset({"stryd fawr", "heol fawr", "ffordd fawr"})  # "high street": every town has one
_TITLE_WORD = r"[A-Z][a-z']+"
_NUMBER_WORD = r"(?:(?:[Nn]umber|No\.?)[ \t]+)?"  # "Number 9 Mill Road": the word goes with the number
ADDRESS = re.compile(rf"\b(?:(?:Flat|Apartment|Unit|flat)[ \t]+\d+[A-Za-z]?,?\s+)?{_NUMBER_WORD}\d{{1,4}}[A-Za-z]?,?\s+"
                     rf"(?:{_TITLE_WORD}\s+){{1,3}}{_SUFFIX}\b")
ADDRESS_CAPS = re.compile(rf"\b\d{{1,4}}[A-Z]?,?\s+(?:[A-Z']{{2,}}\s+){{1,3}}{_SUFFIX.upper()}\b")
ADDRESS_ANY_CASE = re.compile(rf"\b(?:flat\s+\d+[a-z]?,?\s+)?{_NUMBER_WORD}\d{{1,4}}[a-z]?,?\s+((?:[a-z']+\s+){{1,3}}){_SUFFIX_ANY_CASE}\b",
                              re.I)
NOT_STREET_WORDS = frozenset("the a an my our your his her their down up along to of in on at for from miles mile "
                             "minutes more or and other side end way back this that every each per times yards "
                             "metres past over across round around through off into onto near by with just about "
                             "out doors houses steps bus buses".split())
AT_SIGN = re.compile("@")
STREET = re.compile(rf"\b(?:{_TITLE_WORD}[ \t]+){{1,3}}({_SUFFIX_ANY_CASE})\b")
COMMON_STREETS = frozenset({"high street", "main street", "main road", "the high street"})

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_ORDINAL_NOUN = (r"(?:time|times|floor|year|week|month|day|place|person|thing|attempt|shift|round|generation|"
                 r"child|baby|go|try|one|stage|step|level|lesson|session|visit|call)s?\b")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
DATES = re.compile("|".join(f"(?:{p})" for p in (
    rf"\b(?:on\s+)?(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_ORD}\s+(?:of\s+)?{_MONTH}\b(?:\.?,?\s+\d{{4}})?",
    rf"\b(?:on\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\.?\s+(?:the\s+)?{_ORD}\b(?:,?\s+\d{{4}})?",
    rf"\b(?:(?:on|last|next|this)\s+)?{_WEEKDAY}\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)\b",
    rf"\b(?:on\s+)?the\s+\d{{1,2}}(?:st|nd|rd|th)\b(?!\s+{_ORDINAL_NOUN})",
    r"\b(?:on\s+)?\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",
    r"\b(?:on\s+)?\d{4}-\d{2}-\d{2}\b",
)), re.I)
# "the third of March", "March the first": the ordinals that stay words (see numwords), so no digit is near
WORD_DATE = re.compile(rf"\b(?:on\s+)?(?:{_WEEKDAY},?\s+)?the\s+(?:first|second|third)\s+of\s+{_MONTH}\b"
                       rf"(?:\.?,?\s+\d{{4}})?|\b(?:on\s+)?{_MONTH}\s+the\s+(?:first|second|third)\b(?:,?\s+\d{{4}})?", re.I)
MONTH_YEAR = re.compile(rf"\b(?:in\s+)?{_MONTH}\s+(?:of\s+)?\d{{4}}\b", re.I)
# "in the summer of 2021", "winter 2019": a season of a year pins a time as a month does
SEASONS = frozenset({"spring", "summer", "autumn", "winter"})
SEASON_YEAR = re.compile(r"\b(?:in\s+)?(?:the\s+)?(?:spring|summer|autumn|winter)\s+(?:of\s+)?\d{4}\b", re.I)
TIME = re.compile(r"(?:\bat\s+)?(?<![\d£$€.])(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}"
                  r"|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}\s+o'clock)(?![\w%])|\bat\s+\d{1,2}\.\d{2}\b", re.I)


_PHONE_START = re.compile(r"(?<!\d)0\d|\+")  # what PHONE starts with: a run of digits from 0, or "+"
_NUMERIC_DATE = re.compile(r"\d(?:st|nd|rd|th)\b|\d[/.-]\d", re.I)
_CLOCK = re.compile(r"\d\s*[ap]\.?m|\d:\d|\d\s+o'clock|\d\.\d", re.I)
_MONTH_WORD = re.compile(rf"\b{_MONTH}\b", re.I)
_SUFFIX_WORD = re.compile(rf"\b{_SUFFIX}\b", re.I)
MONTH_KEYS = frozenset("jan january feb february mar march apr april may jun june jul july aug august sep sept "
                       "september oct october nov november dec december".split())
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True, slots=True)
class Clues:
    """What a pattern needs before it can match at all: a pattern whose clue is missing is not
    run (most interview text has few digits, no month, no street). Each clue is implied by its
    patterns, so skipping never loses a match."""

    near_digits: list[tuple[int, int]]  # windows around the digits: the patterns run only there
    digits: int = 0  # how many digits the text holds: a phone number needs 9, an NHS number 10
    letter_digit: bool = False  # a letter right before a digit: postcodes
    street: bool = False  # a street-suffix word: addresses
    month: bool = False  # a month name: dates
    numeric_date: bool = False  # "3rd", "12/04": dates
    clock: bool = False  # "9am", "10:30", "7 o'clock", "4.15": times
    season: bool = False  # "summer", "winter": a season of a year


def _has_word(text: str, keys: frozenset[str], words: frozenset[str], pattern: re.Pattern) -> bool:
    """Whether one of ``words`` may stand as a word in ``text`` (fast, from the token keys): a word
    boundary inside a token ("o'may") is an apostrophe; other scripts are left to ``pattern``."""
    if not keys.isdisjoint(words):
        return True
    if not text.isascii():
        return bool(pattern.search(text))
    # no key is one of ``words``, so the pieces of every key split at its apostrophes will do
    return "'" in text and not words.isdisjoint(" ".join(keys).replace("'", " ").split())


def clues(text: str, keys: frozenset[str]) -> Clues:
    runs = [m.span() for m in DIGITS.finditer(text)]
    if not runs:
        return Clues([])
    return Clues(around(text, runs, 48, 48), sum(e - s for s, e in runs),
                 any(s and text[s - 1] in _ASCII_LETTERS for s, _ in runs),
                 _has_word(text, keys, STREET_KEYS, _SUFFIX_WORD), _has_word(text, keys, MONTH_KEYS, _MONTH_WORD),
                 bool(_NUMERIC_DATE.search(text)), bool(_CLOCK.search(text)),
                 _has_word(text, keys, SEASONS, SEASON_YEAR))


def _hit(m: re.Match, kind: str, reason: str, replacement: str) -> Hit:
    return Hit(m.start(), m.end(), kind, "structured", reason, f"{kind}:{m.group().lower()}", replacement)


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    national = "0" + digits[2:] if digits.startswith("44") else digits
    if national.startswith("0") and len(national) in (10, 11):
        return True  # fail closed: any UK-shaped number, valid or not
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(candidate, "GB"))
    except phonenumbers.NumberParseException:
        return False


def contact_hits(text: str, near_digits: list[tuple[int, int]], clue: Clues) -> Iterator[Hit]:
    if "@" in text:
        for m in finditer(EMAIL, text, windows(text, AT_SIGN, 64, 80)):
            yield _hit(m, "email", "email address", "an email address")
    if "dot" in text.lower():
        for m in OBFUSCATED_EMAIL.finditer(text):
            yield _hit(m, "email", "email address (spelt out)", "an email address")
    if clue.digits < 6:
        return
    for m in finditer(PHONE, text, near_digits) if clue.digits >= 9 and _PHONE_START.search(text) else ():
        if _is_phone(m.group()):
            yield _hit(m, "phone", "phone number", "a phone number")
    for m in finditer(NHS, text, near_digits) if clue.digits >= 10 else ():
        yield _hit(m, "nhs", "NHS number (3-3-4 or run together)", "an NHS number")
    for m in finditer(NI, text, near_digits):
        yield _hit(m, "ni", "National Insurance number", "a national insurance number")


def place_hits(text: str, near_digits: list[tuple[int, int]], clue: Clues) -> Iterator[Hit]:
    if clue.letter_digit:
        for m in finditer(POSTCODE, text, near_digits):
            yield _hit(m, "postcode", "postcode", "a postcode")
        for m in finditer(OUTWARD, text, near_digits):
            area = re.match(r"[A-Z]+", m.group()).group()
            if m.group() not in NOT_OUTWARD and area in AREAS and not road_name(text, m.start(), m.end()):
                sector = SECTOR.match(text, m.end())  # "M6 4": the sector goes with it
                end = sector.end() if sector else m.end()
                yield Hit(m.start(), end, "postcode", "structured", "postcode district",
                          f"postcode:{text[m.start():end].lower()}", "the area")
    if not clue.street:
        return
    for pattern in (ADDRESS, ADDRESS_CAPS):
        for m in finditer(pattern, text, near_digits):
            yield _hit(m, "address", "street address", "a house nearby")
    for m in finditer(ADDRESS_ANY_CASE, text, near_digits):
        if not NOT_STREET_WORDS.intersection(m.group(1).lower().split()):
            yield _hit(m, "address", "street address", "a house nearby")


def street_hits(text: str, near_suffix: list[tuple[int, int]]) -> Iterator[Hit]:
    for m in finditer(STREET, text, near_suffix):
        start = skip_leading(text, m.start(), m.start(1), LEADING)  # "On Mill Lane ...": not "On"
        name = text[start:m.end()]
        if start < m.start(1) and name.lower() not in COMMON_STREETS and not name.startswith(("The ", "A ")):
            yield Hit(start, m.end(), "address", "structured", "street name", f"address:{name.lower()}",
                      "a nearby street")


def street_before_hits(text: str, near: list[tuple[int, int]]) -> Iterator[Hit]:
    """Streets whose word comes first ("7 Heol y Bont", "Ffordd Penrhos"): with a house number an
    address, without one a street name (not "Stryd Fawr" alone: every town has one)."""
    for m in finditer(STREET_BEFORE, text, near):
        name = m.group().lower()
        numbered = any(c.isdigit() for c in name)
        if not numbered and name in COMMON_BEFORE:
            continue
        if numbered:
            yield _hit(m, "address", "street address", "a house nearby")
        else:
            yield Hit(m.start(), m.end(), "address", "structured", "street name", f"address:{name}", "a nearby street")


def time_hits(text: str, near_digits: list[tuple[int, int]], clue: Clues) -> Iterator[Hit]:
    for m in finditer(DATES, text, near_digits) if clue.month or clue.numeric_date else ():
        yield _hit(m, "date", "precise date", "one day")
    for m in finditer(MONTH_YEAR, text, near_digits) if clue.month and clue.digits >= 4 else ():
        yield _hit(m, "date", "month and year", "at one point")
    for m in finditer(SEASON_YEAR, text, near_digits) if clue.season and clue.digits >= 4 else ():
        yield _hit(m, "date", "season and year", "at one point" if m.group()[:3].lower() == "in " else "one year")
    for m in finditer(TIME, text, near_digits) if clue.clock else ():
        at = m.group().lower().startswith("at")
        yield _hit(m, "time", "time of day", "" if at else "a set time")


def structured_hits(text: str, tokens: Tokens, keys: frozenset[str] | None = None) -> list[Hit]:
    """Every structured identifier in ``text`` (folded, split into ``tokens`` whose set of keys is
    ``keys``), unmerged."""
    keys = frozenset(tokens.keys) if keys is None else keys
    clue = clues(text, keys)
    near_digits = clue.near_digits
    near_suffix = [] if STREET_KEYS.isdisjoint(keys) else around(
        text, list(compress(tokens.spans, map(STREET_KEYS.__contains__, tokens.keys))), 60, 0)
    hits: list[Hit] = list(street_hits(text, near_suffix))
    if not BEFORE_KEYS.isdisjoint(keys) or ("'" in text and not BEFORE_KEYS.isdisjoint(  # "heol", "heol'r"
            k.split("'")[0] for k in keys if "'" in k)):
        hits.extend(street_before_hits(text, around(
            text, [s for s, k in zip(tokens.spans, tokens.keys) if k.split("'")[0] in BEFORE_KEYS], 32, 60)))
    hits.extend(contact_hits(text, near_digits, clue))
    if not MONTH_KEYS.isdisjoint(keys) and ("first" in keys or "second" in keys or "third" in keys):
        hits.extend(_hit(m, "date", "precise date", "one day") for m in WORD_DATE.finditer(text))
    if near_digits:
        hits.extend(time_hits(text, near_digits, clue))
        hits.extend(age_hits(text, near_digits))
        hits.extend(place_hits(text, near_digits, clue))
        hits.extend(code_hits(text, _has_word(text, keys, CODE_WORDS, AFTER_WORD)))
        if clue.digits >= 10:
            hits.extend(loose_phone_hits(text))
    return hits


def classify(value: str) -> Hit | None:
    """The structured identifier that ``value`` (a register entry under ``other``) is as a whole,
    e.g. a phone number or an email address; None if it is none of them."""
    text = value.strip()
    hits = [h for h in structured_hits(text, tokenise(text)) if h.start == 0 and h.end == len(text.rstrip("."))]
    return max(hits, key=lambda h: h.end - h.start) if hits else None
