"""Codes, references and PINs, each one identifier replaced whole (anon-attack LEAK 2, 9, 14).

* A number or code after a code word is an identifier however short: "My PIN is 4471" -> "My
  PIN is a four-digit number", "door code 2580" -> "a door code", "tenancy ref TNC/0045/22" ->
  "a tenancy reference", "my account number is 20-4471-B" -> "... is a reference code".
* Letters and digits joined by "/", "-", "." or "·" are one code ("TNC/0045/22", "20-4471-B",
  "HA-2291"), and so is a run of capitals and digits ("CK40217"); digits alone joined that way
  are a code when a group starts with 0 ("0045/22") or there are three groups or more that are
  not a date ("4471-22-09"). Scores, ranges, fractions, times, decimals and financial years
  ("3-1", "10-15", "24/7", "9.30", "2.5", "2019/20") are not codes.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import Hit
from .wording import a_or_an

_J = r"[/.\-·]"  # what joins the groups of a code
_GROUP = r"[A-Za-z0-9]+"
_CODE = rf"(?=[A-Za-z0-9/.\-·]*\d){_GROUP}(?:{_J}{_GROUP})*"  # at least one digit
_QUALIFIER = ("tenancy|account|reference|customer|membership|member|case|claim|policy|staff|payroll|employee|student|"
              "patient|hospital|booking|order|crime|incident|job|serial|rent|housing|tracking|application|badge|card|"
              "passport|licence|registration|client|tenant|door|sort|key|alarm|access|entry|gate|security|area|"
              "login|bank|council|repair|repairs|parcel|ticket|pension|user|agent")
_KEYWORD = r"pin|passcode|password|code|ref|reference|account|acct|id|number|no\.?|num"
_UNITS = (r"(?![ \t]*(?:%|per\b|percent|years?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|times|quid|pounds?|"
          r"pence|p\b|grand|k\b|people|miles?|metres?|digits?|numbers?|letters?|characters?|of\b|or\b|to\b))")
AFTER_WORD = re.compile(rf"\b((?:(?:{_QUALIFIER})[ \t]+){{0,2}})({_KEYWORD})(?!\w)((?:'s)?(?:[ \t]+(?:number|no\.?|num)\b)?"
                        rf"(?:[ \t]+(?:is|was|were|are|'s|reads|read)\b)?(?:[ \t]+(?:ends|ending|ended|starts|starting|begins)"
                        rf"(?:[ \t]+(?:in|with))?\b)?[ \t]*[:=#]?[ \t]*)(?<![\w])({_CODE})(?![\w@])"
                        rf"{_UNITS}", re.I)
JOINED = re.compile(rf"(?<![\w/.\-·@£$€]){_GROUP}(?:{_J}{_GROUP})+(?![\w@]|{_J}\w)")
RUN = re.compile(r"(?<![\w@£$€-])(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{6,}(?![\w@-])")
# The code words whose number alone does not make a code: "number" needs a qualifier ("case
# number 41" is one, "number 41" is a house or a bus), "no" too.
_NEEDS_QUALIFIER = frozenset({"number", "no", "no.", "num"})
_CANONICAL = {"ref": "reference", "acct": "account", "id": "ID", "pin": "PIN", "no": "number", "no.": "number",
              "num": "number"}
_SAFE = frozenset({"covid-19", "covid19", "sars-cov-2", "24/7", "9/11", "7/7", "50/50", "a-1", "mp3", "mp4"})
_SPELT = "one two three four five six seven eight nine ten eleven twelve".split()


def _digits_phrase(code: str) -> str:
    """What a number becomes when its code word is kept: "a four-digit number"."""
    if not code.isdigit():
        return "a reference code"
    n = len(code)
    return f"a {_SPELT[n - 1]}-digit number" if n <= 12 else "a long number"


_OWNED = re.compile(r"(?<![\w'])(?:her|his|my|our|your|their|its|the|this|that)[ \t]+$", re.I)


_PART = re.compile(r"\b(ends|ending|ended|starts|starting|begins)\b.*$", re.I | re.S)


def _part(verb: str, code: str) -> str:
    """ "ends 6789" -> "ends in four digits": how many, never which."""
    n = sum(c.isalnum() for c in code)
    what = f"{_SPELT[n - 1]} digits" if code.isdigit() and n <= 12 else "a code"
    return f"{verb} {'in' if verb.lower().startswith('end') else 'with'} {what}"


def _article(text: str, start: int, words: str) -> str:
    """ "a tenancy reference", but "her account number": a possessive before it is its determiner."""
    if _OWNED.search(text, max(0, start - 8), start):
        return words
    return f"{a_or_an(words)} {words}"


def keyword_hits(text: str) -> Iterator[Hit]:
    for m in AFTER_WORD.finditer(text):
        qualifier, keyword, code = m.group(1), m.group(2).lower(), m.group(4)
        if (keyword in _NEEDS_QUALIFIER and not qualifier) or code.lower() in _SAFE:
            continue
        if not m.group(3).strip(" \t"):  # "ref TNC/0045/22": the code word goes with it
            words = " ".join((qualifier + _CANONICAL.get(keyword, keyword)).split())
            if keyword in ("account", "acct") and "number" not in words:
                words += " number"
            yield Hit(m.start(), m.end(), "code", "structured", "code after a code word",
                      f"code:{m.group(4).lower()}", _article(text, m.start(), words))
        elif part := _PART.search(m.group(3)):  # "ends 6789" -> "ends in four digits"
            yield Hit(m.start(3) + part.start(), m.end(4), "code", "structured", "code after a code word",
                      f"code:{code.lower()}", _part(part.group(1), code))
        else:
            yield Hit(m.start(4), m.end(4), "code", "structured", "code after a code word",
                      f"code:{code.lower()}", _digits_phrase(code.replace("-", "").replace(" ", "")))


def _is_code(code: str) -> bool:
    groups = re.split(_J, code)
    if code.lower() in _SAFE or any(not g for g in groups):
        return False
    if any(not g.isdigit() for g in groups):
        return _letter_code(code, groups)
    return not _plain_numbers(code, groups) and (
        any(len(g) >= 2 and g.startswith("0") for g in groups) or (len(groups) >= 3 and any(len(g) >= 3 for g in groups)))


def _letter_code(code: str, groups: list[str]) -> bool:
    """ "TNC/0045/22", "20-4471-B": capitals and digits (or four digits or more), five characters or more."""
    if sum(c.isalnum() for c in code) < 5 or not any(c.isdigit() for c in code):
        return False  # "U-18", "B-52", "BBC-ITV"
    upper = all(g.isupper() or g.isdigit() for g in groups) or sum(c.isdigit() for c in code) >= 4
    return upper and not _ordinal(groups)


def _plain_numbers(code: str, groups: list[str]) -> bool:
    """A decimal, a time, a score, a day and month, a date or a financial year: "2.5", "09.30", "3-1",
    "01/02", "12/07/19", "2019/20"."""
    if len(groups) == 2 and ("." in code or all(len(g) <= 2 for g in groups)):
        return True
    if len(groups) == 3 and len(groups[0]) <= 2 and len(groups[1]) <= 2 and len(groups[2]) in (2, 4):
        return True
    return len(groups) == 2 and len(groups[0]) == 4 and len(groups[1]) in (2, 4) and groups[0][:2] in ("19", "20")


def _ordinal(groups: list[str]) -> bool:
    """ "mid-2019", "1st-year", "A-level": a word and a number, no code."""
    return all(g.isalpha() and g.islower() or g.isdigit() or re.fullmatch(r"\d+(?:st|nd|rd|th|s)", g) for g in groups)


CODE_WORDS = frozenset("pin passcode password code ref reference account acct id number no num".split())  # _KEYWORD's


def code_hits(text: str, code_word: bool = True) -> Iterator[Hit]:
    """Every code in ``text``: after a code word, joined groups, or a run of capitals and digits.
    ``code_word=False``: the caller knows none of :data:`CODE_WORDS` is a word of the text."""
    if code_word:
        yield from keyword_hits(text)
    for pattern in (JOINED, RUN):
        for m in pattern.finditer(text):
            if _is_code(m.group()) if pattern is JOINED else m.group().lower() not in _SAFE:
                yield Hit(m.start(), m.end(), "code", "structured", "code or reference", f"code:{m.group().lower()}",
                          "a reference code")


# A UK phone number in any grouping (anon-attack LEAK 7): "07700·900·789", "07700 900 12 3",
# "0 7 7 0 0 9 0 0 7 8 9". The groups run from the first until the digits make a whole number (10
# or 11 from the 0), so the flag or replacement is never a piece of one.
LOOSE_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)[ \t]*44[ \t]*(?:\(0\)[ \t]*)?|\(?0)\d{0,5}\)?"
                         r"(?:[ \t]*[-.·•/]?[ \t]*\d{1,5}){1,10}(?!\d)")
_GROUPS = re.compile(r"\d+")


def _phone_end(m: re.Match) -> int:
    """Where the groups from the start of ``m`` first make a whole UK number (10 or 11 digits from
    the 0, "+44" standing for it), or 0."""
    written = m.group()
    lead = (2 if written.startswith("00") else 0) + (1 if written.lstrip("(").startswith(("+", "00")) else 0)
    digits, end = -lead, 0
    for g in _GROUPS.finditer(written):
        digits += len(g.group())
        if digits > 11:
            break
        if digits >= 10:
            end = m.start() + g.end()
    return end


def loose_phone_hits(text: str) -> Iterator[Hit]:
    for m in LOOSE_PHONE.finditer(text):
        end = _phone_end(m)
        if end:
            yield Hit(m.start(), end, "phone", "structured", "phone number (grouped)",
                      f"phone:{re.sub(r'[^0-9+]', '', text[m.start():end])}", "a phone number")
