"""Detection and replacement, one behaviour per row: every planted identifier must be gone
from the safe text (replaced) or flagged; ordinary words must survive."""
from __future__ import annotations

import re

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping

REGISTER = register_from_mapping({
    "people": ["Margaret Owen", "Will Hope", "Mark Jennings", "Joy Adebayo", "Philip Marsh", "Catherine Lund",
               {"value": "Desmond Achterberg", "replacement": "my manager"},
               {"value": "Bernadette Quigley", "aliases": ["Bernie"]}],
    "places": ["Reading", "Bath", "Sale", "Stoke-on-Trent"],
    "organisations": ["Riverside Surgery"],
    "other": ["Ward 7B"],
    "allow": ["Bramley"],
})


def anonymise(text: str):
    return Anonymiser(REGISTER).anonymise(text)


def gone(identifier: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(identifier) + r"(?!\w)", text, re.I) is None


REPLACED = [  # (behaviour, text, identifier that must not survive)
    ("possessive", "Margaret's daughter rang me.", "Margaret"),
    ("full name", "Margaret Owen rang me.", "Margaret Owen"),
    ("first name only", "I told Margaret everything.", "Margaret"),
    ("surname only", "Mrs Owen was kind.", "Owen"),
    ("all caps", "MARGARET OWEN SIGNED IT.", "MARGARET OWEN"),
    ("lowercase", "i saw margaret owen yesterday.", "margaret owen"),
    ("line break inside a name", "Margaret\nOwen came in.", "Margaret\nOwen"),
    ("zero-width character", "Mar\u200bgaret came in.", "Mar\u200bgaret"),
    ("cyrillic look-alike", "M\u0430rgaret came in.", "M\u0430rgaret"),
    ("full-width look-alike", "\uff2d\uff41\uff52\uff47\uff41\uff52\uff45\uff54 came.", "\uff2d\uff41\uff52\uff47\uff41\uff52\uff45\uff54"),
    ("spelling variant", "Phillip was there, and Katherine.", "Phillip"),
    ("second spelling variant", "Phillip was there, and Katherine.", "Katherine"),
    ("alias", "Bernie brought biscuits.", "Bernie"),
    ("word-name mid-sentence when registered", "We all loved Joy, she was great.", "Joy"),
    ("word-name part with name context at sentence start", "Will said it was fine.", "Will"),
    ("registered place that is a word, at a sentence start, in context", "Reading was home.", "Reading"),
    ("place that is a word", "I grew up in Reading.", "Reading"),
    ("place in capitals", "READING was home.", "READING"),
    ("hyphenated place written with spaces", "She came from Stoke on Trent.", "Stoke on Trent"),
    ("registered organisation", "Riverside Surgery were brilliant.", "Riverside Surgery"),
    ("registered other", "I worked on Ward 7B.", "Ward 7B"),
    ("email", "Email jo.bloggs@example.org today.", "jo.bloggs@example.org"),
    ("obfuscated email", "It's jo at example dot org.", "jo at example dot org"),
    ("bracketed email", "It's sam [at] example [dot] co [dot] uk.", "example"),
    ("mobile", "Ring 07700 900123 now.", "07700 900123"),
    ("international mobile", "Ring +44 7700 900123 now.", "+44 7700 900123"),
    ("bracketed area code", "Ring (0113) 496 0123 now.", "(0113) 496 0123"),
    ("dashed landline", "Ring 0113-496-0123 now.", "0113-496-0123"),
    ("phone split by a line break", "Ring 07700\n900123 now.", "900123"),
    ("NHS number 3-3-4", "NHS number 943 476 5919.", "943 476 5919"),
    ("NHS number run together", "Number 9434765919 it was.", "9434765919"),
    ("NHS number with a bad checksum", "Number 123 456 7890 it was.", "123 456 7890"),
    ("NI number", "NI is QQ 12 34 56 C.", "QQ 12 34 56 C"),
    ("NI number lowercase", "it was ab123456c.", "ab123456c"),
    ("full postcode", "We lived at LS6 2AB.", "LS6 2AB"),
    ("outward postcode", "Most of HX7 really.", "HX7"),
    ("street address", "She lived at 14 Mill Lane.", "14 Mill Lane"),
    ("date with ordinal", "It happened on 3rd March 2021.", "3rd March 2021"),
    ("weekday and ordinal", "It was last Tuesday the 14th.", "14th"),
    ("numeric date", "Her funeral was on 12/04/2022.", "12/04/2022"),
    ("age", "She was 87 when she moved.", "87"),
    ("aged", "A man aged 52 came in.", "52"),
    ("time", "They found her at 6.45am.", "6.45am"),
    ("unregistered gazetteer first name", "Jane from the council came.", "Jane"),
    ("unregistered gazetteer town", "We had a day in Halifax.", "Halifax"),
    ("unregistered organisation pattern", "The Oakwood Surgery have a prescriber.", "Oakwood"),
    ("lowercase organisation pattern", "They sent me to oakwood surgery.", "oakwood"),
    ("title and surname", "Dr Patel was kind.", "Patel"),
    ("plural possessive of a registered surname", "We went to the Owens' house.", "Owens"),
    ("registered name in a title-case heading", "What Margaret Taught Us About Kindness", "Margaret"),
]


@pytest.mark.parametrize("behaviour,text,identifier", REPLACED, ids=[r[0] for r in REPLACED])
def test_when_identifier_is_planted_then_it_is_replaced(behaviour, text, identifier):
    red = anonymise(text)
    assert gone(identifier, red.text), red.text
    assert red.replacements, behaviour
    assert not any(f.token.lower() == identifier.lower() for f in red.flags)


FLAGGED = [  # (behaviour, text, token that must be flagged)
    ("unknown capitalised word", "I met Zorblat at the shop.", "Zorblat"),
    ("gazetteer name that is a common word, mid-sentence", "I spoke to Grace yesterday.", "Grace"),
    ("place that is a common word, mid-sentence, unregistered", "We went to Street for the day.", "Street"),
    ("unexplained number", "It was number 4711 on the list.", "4711"),
    ("unknown word in a title-case heading", "When Zorblat Listened To Us", "Zorblat"),
    ("unknown shop name", "Me and my sister went to Asda.", "Asda"),
    ("unknown nickname", "Kez said it was fine.", "Kez"),
    ("registered word-name part at a sentence start", "Will you help me?", "Will"),
    ("registered word-name surname at a sentence start", "Hope you're keeping well.", "Hope"),
    ("registered place that is a word, at a sentence start", "Reading the notes, I cried.", "Reading"),
]


@pytest.mark.parametrize("behaviour,text,token", FLAGGED, ids=[r[0] for r in FLAGGED])
def test_when_token_is_unreviewed_then_it_is_flagged(behaviour, text, token):
    red = anonymise(text)
    assert token in [f.token for f in red.flags], red.flags
    flag = next(f for f in red.flags if f.token == token)
    assert text[flag.start:flag.end] == token
    assert "anonymise.yaml" in flag.suggestion


KEPT = [  # ordinary speech: nothing replaced, nothing flagged
    "I think the thing that made the biggest difference was that my manager asked how I was.",
    "Hope you're keeping well, she said, and I will never forget it.",
    "Reading the notes afterwards, I realised how much we'd changed.",
    "My mum was poorly over Christmas and they let me change my hours.",
    "On Monday mornings we'd all share one good thing from the weekend.",
    "We were on Zoom all day and the NHS was under real pressure.",
    "I've worked here for 12 years and I did 3 late shifts in a row.",
    "In 2020 we raised £350 and cut the waiting list by 40% in a year.",
    "It's OK not to be OK, as they say.",
    "Bramley was where the office was.",
    "She'd been in the job since the 1990s, and in her 80s now.",
    "I will mark the rota and hope for the best.",
    "Caring About Staff: Turning Off The Targets",
    "It was the 2nd time I'd asked, and the 3rd floor was empty.",
    "I listened to it on my MP3 player on the bus.",
    "It's a 24/7 service and the 4G signal is rubbish.",
    "He died on Christmas Eve, and she works at the Co-op now.",
]


@pytest.mark.parametrize("text", KEPT)
def test_when_speech_is_ordinary_then_nothing_is_replaced_or_flagged(text):
    plain = register_from_mapping({"people": ["Margaret Owen"], "allow": ["Bramley"]})
    red = Anonymiser(plain).anonymise(text)
    assert red.text == text
    assert not red.flags, [f.token for f in red.flags]


def test_when_register_entry_has_replacement_then_it_is_used():
    red = anonymise("Desmond Achterberg signed the rota.")
    assert red.text == "My manager signed the rota."


def test_when_replacing_then_records_point_at_original_offsets():
    text = "Ring Margaret on 07700 900123 please."
    red = anonymise(text)
    for r in red.replacements:
        assert text[r.start:r.end].strip() == r.original.strip()
        assert r.reason


def test_when_zero_width_character_is_inside_a_name_then_the_whole_name_is_replaced():
    red = anonymise("Mar\u200bgaret Ow\u200cen phoned.")
    assert "\u200b" not in red.text and "\u200c" not in red.text
    assert red.text.endswith(" phoned.")


def test_detect_returns_sorted_non_overlapping_spans_with_flags():
    spans = Anonymiser(REGISTER).detect("Margaret rang 07700 900123 about Zorblat.")
    assert [s.kind for s in spans] == ["person", "phone", "unreviewed"]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
