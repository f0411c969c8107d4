"""More quasi-identifiers (anon-attack LEAK 4, 5, 6, 10, 15): who someone is and their job in a
small place ("the Polish caretaker"), "the one who does the raffle", a single-holder role without
"the" ("As chief executive of ..."), "the only tenant with a guide dog in <town>", a public
honour ("the MBE in 2019 for the food bank"), "the boy who won the lottery", a role for a named
patch. Each is flagged for review (never kept silently) and, replaced here, reads right.
Fresh fictional sentences in several settings."""
from __future__ import annotations

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping
from storymaker.model import Decision

WHERE = "excerpt Q-1"
REGISTER = register_from_mapping({"places": ["Ballykeel", "Trewennack"], "organisations": ["Lough Road Homes"]})


def decided(text: str) -> tuple[list, str]:
    red = Anonymiser(REGISTER).anonymise(text, where=WHERE)
    chosen = tuple(Decision(WHERE, f.token, f.context, "other") for f in red.flags)
    return list(red.flags), Anonymiser(REGISTER, chosen).anonymise(text, where=WHERE).text


PHRASES = [  # (sentence, what it reads once a reviewer replaces the phrase here)
    ("Tomek fixed the boiler, the Lithuanian caretaker, he's brilliant.", "a caretaker, he's brilliant."),
    ("Our Irish-speaking receptionist took the call.", "A receptionist took the call."),
    ("I asked the Ghanaian nurse on nights to sit with her.", "I asked a nurse on nights"),
    ("I'm the one who does the raffle at the Legion every year, so they all know me.", "I'm someone"),
    ("Ask the lass who runs the bar at the bowls club.", "Ask someone"),
    ("My son was the boy who won the lottery in 2020.", "My son was someone"),
    ("As chief executive of Lough Road Homes I met every team in the first month.",
     "In my job I met every team in the first month."),
    ("As harbour master I had the keys to everything.", "In my job I had the keys to everything."),
    ("We had the captain, Gethin, on the phone every night.", "We had someone,"),
    ("I'm the money advice officer, I sit in the front office.", "I'm someone, I sit in the front office."),
    ("I was the only tenant with a guide dog in Ballykeel.", "I was a tenant."),
    ("Her son is the only one in the village at Oxford.", "Her son is someone."),
    ("She got the MBE in 2019 for the food bank.", "She got an honour."),
    ("He was given an OBE for the lifeboat work.", "He was given an honour."),
    ("The housing officer for Trewennack, that's who I mean.", "Someone, that's who I mean."),
    # round 4-5 (LEAK 20, LEAK 6 more detail)
    ("I was the only welfare rights officer in the office for years.", "I was a welfare rights officer for years."),
    ("As head of housing I signed every eviction off.", "In my job I signed every eviction off."),
    ("I'm the team leader for the east patch, so it lands on me.", "I'm someone, so it lands on me."),
    ("He's the oldest resident on the estate, everybody knows him.", "He's a resident, everybody knows him."),
    ("The youngest councillor on the whole council came to see us.", "A councillor came to see us."),
    ("Me, I'm the only one in the scheme, so they all know me.", "I'm someone, so they all know me."),
    ("The man who runs the garage in Ballykeel fixed it for nothing.", "Someone fixed it for nothing."),
    ("The lass with one arm from the end house waved at me.", "Someone from the end house waved at me."),
    ("She went to university, the first in the family.", "university, one of the first in the family."),
    ("Mrs Devlin from the shop was the first to help.", "was one of the first to help."),
]


@pytest.mark.parametrize("text, after", PHRASES)
def test_a_quasi_identifier_is_flagged_and_reads_right_when_replaced(text, after):
    flags, out = decided(text)
    assert any("quasi-identifier" in f.kind for f in flags), [f.kind for f in flags]
    assert after in out, out


def test_an_honour_is_one_phrase_flag_not_a_capitalised_word_to_mark_safe():
    red = Anonymiser(REGISTER).anonymise("She got the MBE in 2019 for the food bank.", where=WHERE)
    assert [f.kind for f in red.flags] == ["possible quasi-identifier (a public honour, on a public list)"]
    assert "other-here" in red.flags[0].suggestion


@pytest.mark.parametrize("text", [
    "The man who came to read the meter was lovely.",
    "We went to the Polish shop for bread on a Saturday.",
    "The officer on Monday was rude to my mum.",
    "The housing officer for our area changed three times.",
    "She said the female doctors were kinder to her.",
    "Our English teacher was strict but fair.",
    "The only thing with a lock was the shed.",
    "The IT lad came up with a bacon sandwich and fixed it.",
])
def test_ordinary_sentences_are_not_flagged(text):
    red = Anonymiser(REGISTER).anonymise(text, where=WHERE)
    assert not red.flags, [(f.kind, f.token) for f in red.flags]


@pytest.mark.parametrize("text, out", [
    ("Our Bridget turned eighty last week.", "was in their eighties last week."),
    ("She turned seventy the week she came in.", "She was in her seventies the week"),
    ("My da turns 80 in March.", "My da is in his eighties in March."),
])
def test_an_age_after_turned_keeps_a_verb_that_fits(text, out):
    red = Anonymiser(REGISTER).anonymise(text, where=WHERE)
    assert out in red.text, red.text
