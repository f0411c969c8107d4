"""Word lists for the coherence checks (British English, spoken register).

Kept deliberately small and specific: each list serves one rule, and a word is
here only if it rarely misleads that rule in interview speech.
"""
from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")

# spoken openers that carry no reference of their own: skipped before the first real word
OPENERS = frozenset("and but so then well oh now because yeah yes no honestly actually anyway like um er "
                    "right okay ok also plus see".split())

MALE = frozenset("he him his himself man men husband boyfriend son sons brother brothers dad father grandad "
                 "grandfather uncle nephew lad boy boys gentleman fella bloke chap gent guy mr grandson stepdad".split())
FEMALE = frozenset("she her hers herself woman women wife girlfriend daughter daughters sister sisters mum mother "
                   "nan gran grandma grandmother aunt auntie niece girl girls lady lass mrs ms miss granddaughter "
                   "stepmum".split())
# people named by what they do or are to the speaker: a referent for "he" or "she" alike
ROLES = frozenset("doctor gp nurse manager boss officer worker coach teacher adviser advisor receptionist neighbour "
                  "friend colleague librarian volunteer keyworker caseworker someone somebody person landlord "
                  "partner child kid baby carer councillor driver trustee consultant therapist counsellor "
                  "assistant lead leader supervisor head dentist pharmacist chemist mate social".split())
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())
DEMONSTRATIVES = frozenset("this that these those it".split())
PLURAL_PRONOUNS = frozenset("they them their".split())
# a demonstrative followed by one of these is a pronoun ("That was..."), not a determiner ("That day...")
VERB_AFTER = frozenset("is was 's were are has had would will 'll 'd can could made makes meant means changed "
                       "happened helped did does felt feels sounds seemed kept got gets really just".split())

FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves i'm i've i'd i'll we're we've we'd we'll".split())
SECOND_PERSON = frozenset("you your yours yourself you're you've you'd you'll".split())

PAST = frozenset("was were had did didn't wasn't weren't hadn't couldn't went came got said asked told thought knew "
                 "gave took rang made felt saw sat stood put kept left brought bought sent found lost began spent "
                 "became wrote ran met heard meant".split())
PRESENT = frozenset("is are am i'm we're they're you're isn't aren't do does don't doesn't has have haven't can "
                    "can't will won't now nowadays today".split())
NOT_PAST_ED = frozenset("need feed speed bed red seed indeed shed proceed succeed exceed breed bleed weed "
                        "tired worried scared interested bored excited used supposed".split())

# subject pronouns that make linking text speak as someone who was there
SUBJECTS = frozenset("i i'm i've i'd i'll we we're we've we'd we'll".split())
EXPERIENCE = frozenset("felt feel feels remember remembered think thought know knew was were am 'm are had have 've "
                       "rang ring called call went go stood stand worked work lived live lost made got get saw see "
                       "waited tried cried started stopped answer answered listen listened used needed wanted met "
                       "asked ask told tell say said found learnt learned came come left moved struggled applied "
                       "rung been done seen gone heard hoped wished loved hated hate love believe believed "
                       "noticed realised decided".split())
ADVERBS = frozenset("still just never always really only also even actually finally all both then now".split())


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes normalised (’ -> ')."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def is_past(word: str) -> bool:
    return word in PAST or (word.endswith("ed") and len(word) > 4 and word not in NOT_PAST_ED)
