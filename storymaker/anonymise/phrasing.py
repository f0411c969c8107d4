"""Make a replacement read naturally in its sentence.

* A phone number or email address after "on"/"at" is dropped with its preposition:
  "ring us on 0113 496 0571 any time" -> "ring us any time"; "email her at jo@example.org
  and ..." -> "email her and ...".
* One given in apposition is dropped with its comma: "her number, 07700 900123, her actual
  number" -> "her number, her actual number".
* Otherwise it becomes the neutral phrase ("a phone number", "an email address").
* A replacement starting with an article loses it after a determiner: "our Riverside
  Surgery" -> "our surgery", not "our the surgery"; after "a"/"an" the article is chosen
  again: "a Riverside Surgery nurse" -> "a surgery nurse".
* A place or organisation before a noun is a modifier: "at Port Vennach pier" -> "at the local
  pier", "a Halden Foods van" -> "a van"; one followed by an apposition that says what it is
  gives way to it: "I work for Caraid Uist, the befriending charity" -> "I work for the
  befriending charity".
"""
from __future__ import annotations

import re

from .wording import a_or_an

NEUTRAL = {"phone": "a phone number", "email": "an email address", "url": "a website",
           "handle": "a social media account"}
_PREPOSITION = re.compile(r"(?<![^\W_])([\w']+)[ \t]+(on|at)[ \t]+$", re.I)
_NOT_BEFORE_PREPOSITION = frozenset("is was be are were 's 'm number email address mobile it's she's he's "
                                    "i'm that's".split())
_APPOSITION = re.compile(r"\b(?:number|mobile|phone|landline|email|e-mail|address|details|website|site|page|account|handle)[ \t]*(,)[ \t]*$", re.I)
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;:!?)]|$)")
_ARTICLE = re.compile(r"(?:the|a|an|our|my|another)[ \t]+", re.I)
_DETERMINERS = frozenset("the a an my our your his their this".split())


def contact_span(text: str, start: int, end: int, kind: str) -> tuple[int, str] | None:
    """(new start, "") when the identifier at text[start:end] can be dropped with the words that
    introduce it; None when it should become its neutral phrase."""
    if kind not in ("phone", "email"):  # "find it on a website" keeps its "on"
        return None
    before = text[max(0, start - 40):start]
    lead = _PREPOSITION.search(before)
    if lead and lead.group(1).lower() not in _NOT_BEFORE_PREPOSITION:
        return start - len(before) + lead.start(2), ""
    comma = _APPOSITION.search(before)
    if comma and _CLAUSE_END.match(text, end):
        return start - len(before) + comma.start(1), ""
    return None


def after_determiner(text: str, start: int, new: str) -> tuple[int, str]:
    """(start, new) adjusted to the determiner just before ``start``, if any: "our Riverside
    Surgery" -> "our surgery"; "a Riverside Surgery nurse" -> "a surgery nurse" (the article is
    then part of the replacement, so "an organisation" gets its "an"); "an Ashington lad" with a
    replacement that has no article of its own gets "a"/"an" to suit the new first word."""
    article = _ARTICLE.match(new)
    det = _determiner_before(text, start)
    if not det or (article and len(new) <= article.end()):
        return start, new
    rest = new[article.end():] if article else new
    det_start, written = det
    if written.lower() not in ("a", "an"):
        return (start, rest) if article else (start, new)
    word = a_or_an(rest)
    word = word.upper() if written.isupper() and len(written) > 1 else word.capitalize() if written[0].isupper() else word
    return det_start, f"{word} {rest}"


def _determiner_before(text: str, start: int) -> tuple[int, str] | None:
    """The determiner ("the", "a", "our" ...) that is the whole word before ``start`` with only spaces
    or tabs between, read within the 12 characters before: where it starts, and as written."""
    lo = max(0, start - 12)
    end = len(text[lo:start].rstrip(" \t")) + lo
    if end == start:
        return None
    word_start = end
    while word_start > lo and text[word_start - 1].isalnum():
        word_start -= 1
    word = text[word_start:end]
    return (word_start, word) if word.lower() in _DETERMINERS else None


_APPOSITION_AFTER = re.compile(r"[ \t]*,[ \t]*(?:the|a|an|my|our|this|that)[ \t]+([a-z'-]+(?:[ \t]+[a-z'-]+){0,3}?)"
                               r"[ \t]*(?=,)", re.I)
_APPOSITION_BEFORE = re.compile(r"(?<![\w'])(?:the|a|an|my|our|this|that)[ \t]+([a-z'-]+(?:[ \t]+[a-z'-]+){0,3}?)"
                                r"[ \t]*,[ \t]*$", re.I)
_LINKS = frozenset("the a an my our your his her their at in on of from for with by to".split())


def role_span(text: str, start: int, end: int, new: str) -> tuple[int, int]:
    """Widen [start, end) over an apposition that the role replacement would repeat: "Darren,
    the lad, he ..." or "The lad, Darren, he ..." with Darren -> "the lad at the drop-in" both
    become "the lad at the drop-in, he ...", not "the lad at the drop-in, the lad, he ..."."""
    if not _ARTICLE.match(new):
        return start, end
    heads = set(new.lower().split()) - _LINKS
    after = _APPOSITION_AFTER.match(text, end) if text[end:end + 8].lstrip(" \t")[:1] == "," else None
    if after and heads & set(after.group(1).lower().split()):
        return start, after.end()
    before = text[max(0, start - 48):start]
    lead = _APPOSITION_BEFORE.search(before) if before.rstrip(" \t").endswith(",") else None
    if lead and heads & set(lead.group(1).lower().split()):
        return start - len(before) + lead.start(), end
    return start, end


# Nouns a place or an organisation is often put in front of ("the Port Ruadh boat", "the Halden
# Foods roof"): there the name is a modifier, and "a nearby town boat" would read wrongly.
MODIFIED = frozenset("""pier harbour boat boats ferry ferries road roads school schools hospital surgery office offices
branch centre hall church shop shops store market station bus buses train trains team teams club crowd folk lot
lads girls boys kids staff roof building buildings site car van vans lorry depot factory yard plant canteen paper
accent end side council estate gala show festival fair games match area community lifeboat crew job jobs works
manager managers boss bosses contract uniform rota slip jetty quay library pool park practice ward unit clinic
minibus service services lad lass lasses
""".split())
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_ORG_ARTICLE = re.compile(r"^(?:the|another|a different|a|an)[ \t]+", re.I)
_APPOSED = re.compile(r",[ \t]+(?=(?:the|a|an|our)[ \t]+[a-z][\w' -]{0,40}?(?:[,.;:!?]|$))")


def as_modifier(text: str, start: int, end: int, kind: str, new: str) -> str | None:
    """What a place or organisation becomes before a noun: "at Port Ruadh pier" -> "at the local
    pier", "the Port Ruadh boat" -> "the local boat", "the Riverside Surgery car park" -> "the
    surgery car park", "the Hebridean Hake Processors roof" -> "the roof"; None when it is no modifier."""
    nxt = _NEXT_WORD.match(text, end)
    if kind not in ("place", "organisation") or not nxt or nxt.group(1) not in MODIFIED:
        return None
    determined = _determiner_before(text, start) is not None
    if kind == "place":
        return "local" if determined else "the local"
    what = _ORG_ARTICLE.sub("", new)
    if what == "organisation" or not what:
        return "" if determined else "the"
    return what if determined else f"the {what}"


def apposed(text: str, end: int, kind: str) -> int:
    """Where an apposition that says what a place or organisation is begins ("I work for
    Cùram Uibhist, the care co-op" -> "I work for the care co-op"), or 0."""
    m = _APPOSED.match(text, end) if kind in ("place", "organisation") else None
    return m.end() if m else 0
