"""Word lists the anonymiser consults, loaded once per process from ``storymaker/data/gazetteer``.

* ``first_names`` / ``surnames``: common UK names (lower-case keys);
* ``places``: UK towns, cities, counties and regions (lower-case, multi-word allowed);
* ``common_words``: lower-case English words (Debian's wbritish), used to tell "Will" and
  "Hope" the words from Will and Hope the people, and to exempt sentence-initial words;
* :data:`SAFE`: capitalised words that are never identifiers on their own.

See ``storymaker/data/gazetteer/generate.py`` for where the lists come from.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"

SAFE = frozenset("""
i i'm i've i'd i'll mum mam mom dad mummy daddy nan nana nanna gran grandma grandad granny grandpa
auntie aunty christmas easter xmas ramadan eid diwali hanukkah new year boxing day bank holiday
english british welsh scottish irish european polish asian african caribbean muslim christian jewish
hindu sikh god ok okay tv nhs gp gps a&e uk eu bbc covid covid-19 coronavirus lockdown wifi wi-fi
internet zoom teams whatsapp facebook google youtube email dwp hmrc pip esa jsa ucas gcse gcses
a-level a-levels mp council ceo hr it pa cv id ptsd adhd ocd dementia alzheimer's parkinson's
monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays
fridays saturdays sundays january february march april may june july august september october
november december spring summer autumn winter mr mrs ms miss dr sir madam no yes oh ah er erm um
uh hmm right well so and but or then when if because yeah yep nope the a an my our your his her
their this that these those it we you he she they there here what who why how where which
st co dob asap rip faq ps pps eta diy sen send senco lgbt lgbtq bame bme ai app iphone android
england scotland wales britain europe
whitsun hogmanay halloween lent advent passover vaisakhi hanukkah easter navratri
brexit ofsted ofgem dvla pals camhs iapt dla esa rnli nspcc dwp hmrc hmp icu itu hdu
""".split())

# Multi-word names of national things that identify nobody (added to every allow list).
SAFE_PHRASES = ("A&E", "Universal Credit", "Social Services", "Social Care", "Adult Social Care", "Children's Services",
                "Mental Health First Aid", "Mental Health", "First Aid", "Prime Minister", "Citizens Advice",
                "Jobcentre", "Jobcentre Plus", "CQC", "Ofsted", "DBS", "Government", "Parliament", "Job Centre",
                "Housing Benefit", "Council Tax", "Pension Credit", "Blue Badge", "Personal Independence Payment",
                "Care Act", "Equality Act", "Living Wage", "Real Living Wage", "Black Lives Matter", "Pride",
                "Samaritans", "Mind", "Age UK", "Macmillan", "Red Cross", "Shelter", "Crisis", "Trussell Trust",
                "Christmas Eve", "Christmas Day", "New Year's Eve", "New Year's Day", "Boxing Day", "Good Friday",
                "Easter Sunday", "Bank Holiday", "Mother's Day", "Father's Day", "Valentine's Day", "Bonfire Night",
                "Halloween", "Remembrance Sunday", "Great Britain", "United Kingdom", "Northern Ireland",
                "Eastern Europe", "Home Office", "Department for Work and Pensions", "Department of Health")
def _safe_phrases() -> tuple[str, ...]:
    path = DATA.parent / "lexicons" / "safe_phrases.txt"
    return tuple(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#")


SAFE_PHRASES = SAFE_PHRASES + _safe_phrases()
# Function words that start a sentence or a Title Case heading but never start a name:
# "At Riverside Surgery ..." is "At" + the surgery, not an organisation called "At Riverside".
LEADING = frozenset("""a an at in on for with from to by of into onto upon via near outside inside behind
beyond across over under after before since until till during about around through towards toward against
among between beside without within like unlike as than our my your his her their its this these those we
i you he she they it and but or nor so then when while if because though although once whereas yes no not
well oh also even only just now still yet there here where what which who why how both either neither
each every up down along past off""".split())
TITLES = frozenset("mr mrs ms miss mx dr doctor nurse sister auntie aunty aunt uncle nan nanna grandma grandad "
                   "granny grandpa father rev reverend prof professor cllr councillor sir lady lord dame".split())


def _lines(name: str) -> list[str]:
    return [ln.strip() for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln.strip()]


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    return frozenset(n.lower() for n in _lines("first_names.txt"))


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    return frozenset(n.lower() for n in _lines("surnames.txt"))


@lru_cache(maxsize=None)
def places() -> frozenset[str]:
    return frozenset(n.lower() for n in _lines("places.txt") + _lines("counties.txt"))


@lru_cache(maxsize=None)
def counties() -> frozenset[str]:
    return frozenset(n.lower() for n in _lines("counties.txt"))


@lru_cache(maxsize=None)
def common_words() -> frozenset[str]:
    """The Debian word list's lower-case words, plus ordinary nouns it lacks (lexicons/ordinary_words.txt)."""
    extra = DATA.parent / "lexicons" / "ordinary_words.txt"
    own = [ln.strip() for ln in extra.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    return frozenset(_lines("common_words.txt") + own)


@lru_cache(maxsize=None)
def confusable_map() -> dict[str, str]:
    rows = (ln.split("\t") for ln in _lines("confusables.tsv"))
    return {chr(int(code, 16)): ascii_ for code, ascii_ in rows}


_ENDINGS = ("'s", "'d", "'ll", "'re", "'ve", "'m", "'")


def is_common(word: str) -> bool:
    """True for an ordinary English word (case-insensitive; a possessive or a contraction is
    ignored: "visitors'", "there'd")."""
    w = word.lower()
    if w in common_words() or w in SAFE or "'" not in w:
        return w in common_words() or w in SAFE
    for ending in _ENDINGS:
        if w.endswith(ending) and len(w) > len(ending):
            w = w[:-len(ending)]
            break
    return w in common_words() or w in SAFE
