"""Issue 11's kinds of identifier, one table per recognizer, each row named for the behaviour,
plus attempts to slip past each one (spacing, hyphens, curly apostrophes, capitals, look-alike
letters, words run together). "Caught" means replaced, or flagged for review: never published
silently. The second corpus (tests/data/anonymise/north_east.yaml) is held to 100% per kind."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping
from storymaker.anonymise.recognizers import REGISTRY

ROOT = Path(__file__).resolve().parent.parent
REGISTER = register_from_mapping({
    "people": ["Kelly Armstrong", "Hope Robson", "Grace Charlton", "Bill Thirlwell", "June Purvis",
               {"value": "Darren Pike", "replacement": "the lad at the drop-in"}],
    "places": ["Seahaven", "Amble"],
    "organisations": ["Harbourside Medical Centre", "Seahaven Boat Club"],
    "allow": ["seahaven-tides.example"],
})


def caught(text: str, identifier: str) -> bool:
    """Every letter and digit of ``identifier`` (where it first occurs) is replaced or flagged."""
    spans = Anonymiser(REGISTER).detect(text)
    start = text.index(identifier)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(identifier))
               if text[i].isalnum())


def replaced(text: str, identifier: str) -> str:
    red = Anonymiser(REGISTER).anonymise(text)
    assert identifier.lower() not in red.text.lower(), red.text
    return red.text


CAUGHT = {  # kind -> [(behaviour, text, identifier)]
    "number words": [
        ("age in words", "He's eighty-one and still fishing.", "eighty-one"),
        ("age in words without a hyphen", "She was ninety three in the May.", "ninety three"),
        ("age in words with a curly apostrophe", "He\u2019s seventy-two now.", "seventy-two"),
        ("age after I'm", "I'm sixty-eight, I know my own mind.", "sixty-eight"),
        ("phone read digit by digit", "Ring oh one six seven oh four three two one nine eight.",
         "oh one six seven oh four three two one nine eight"),
        ("phone read with double and commas", "It's oh seven seven, double oh nine, double oh four five six.",
         "oh seven seven, double oh nine, double oh four five six"),
        ("phone read in capitals", "OH ONE SIX SEVEN OH FOUR THREE TWO ONE NINE EIGHT.",
         "OH ONE SIX SEVEN OH FOUR THREE TWO ONE NINE EIGHT"),
        ("flat number in words", "We had flat nine for years.", "flat nine"),
        ("bay number in words", "She was in bay four.", "bay four"),
        ("house number in words", "I lived at number fourteen.", "number fourteen"),
        ("year in words with a month", "It was March twenty nineteen.", "March twenty nineteen"),
        ("year-old in words", "An eighty-four-year-old man came in.", "eighty-four-year-old"),
    ],
    "place-noun numbers": [
        ("bed number", "They put him in bed 9.", "bed 9"),
        ("flat number", "We were in flat 3.", "flat 3"),
        ("room number at a sentence start", "Room 4 was quiet.", "Room 4"),
        ("ward number", "I was on ward 2.", "ward 2"),
        ("cell number", "Cell 5 was his.", "Cell 5"),
        ("seat number", "I sat in seat 11.", "seat 11"),
        ("hyphenated", "Bed-9 was by the door.", "Bed-9"),
        ("with No", "He was in bed No 6.", "bed No 6"),
        ("in capitals", "FLAT 3 WAS DAMP.", "FLAT 3"),
        ("split by a line break", "She was in bed\n7 all week.", "bed\n7"),
    ],
    "register in any case": [
        ("lower case after me and", "me and hope went into town.", "hope"),
        ("lower case full name", "i told kelly armstrong everything.", "kelly armstrong"),
        ("lower case before said", "grace said she'd sit with him.", "grace"),
        ("lower case possessive", "bill's wife came in.", "bill"),
        ("sentence start possessive", "Hope's mum was poorly.", "Hope"),
        ("curly possessive", "Hope\u2019s mum was poorly.", "Hope"),
        ("sentence start before a verb", "Grace rang me.", "Grace"),
        ("all capitals", "KELLY ARMSTRONG RAN IT.", "KELLY ARMSTRONG"),
        ("non-breaking space", "Kelly\u00a0Armstrong was on.", "Kelly\u00a0Armstrong"),
        ("cyrillic look-alike", "K\u0435lly Armstrong signed.", "K\u0435lly Armstrong"),
        ("zero-width characters", "Kel\u200bly Arm\u200cstrong came.", "Kel\u200bly Arm\u200cstrong"),
        ("double space", "Kelly  Armstrong said so.", "Kelly  Armstrong"),
        ("lower case after saw", "i saw june at the bus stop.", "june"),
        ("registered place that is a word, in lower case after from", "we drove down from amble.", "amble"),
        ("registered place, in lower case", "she grew up in seahaven.", "seahaven"),
    ],
    "names that are words": [
        ("month as a name after asked", "I asked April about the rota.", "April"),
        ("season as a name before said", "Winter said no.", "Winter"),
        ("season as a name after me and", "me and Autumn sat outside.", "Autumn"),
        ("gazetteer word-name mid-sentence", "The nurse, Rose, was lovely.", "Rose"),
        ("month as a name after saw", "I saw May at the harbour.", "May"),
    ],
    "web addresses and handles": [
        ("handle with underscores", "Follow @seahaven_lifeboat_crew now.", "@seahaven_lifeboat_crew"),
        ("handle in capitals", "Message @KELLYARMSTRONG82 today.", "@KELLYARMSTRONG82"),
        ("www address with a path", "See www.seahavenboats.org.uk/members please.", "www.seahavenboats.org.uk/members"),
        ("bare domain with a path", "It's on facebook.com/groups/seahavenwidows now.", "facebook.com/groups/seahavenwidows"),
        ("https address", "Book at https://visits.northgate.example/book today.", "https://visits.northgate.example/book"),
        ("address in capitals", "WWW.SEAHAVENBOATS.ORG.UK has it.", "WWW.SEAHAVENBOATS.ORG.UK"),
        ("address spelt out", "It's seahavenboats dot org dot uk.", "seahavenboats dot org dot uk"),
        ("registered name with dots", "He's hope.robson on there.", "hope.robson"),
        ("page on an allowed domain naming a registered name",
         "It's seahaven-tides.example/kellyarmstrong now.", "kellyarmstrong"),
    ],
    "names run together": [
        ("run together", "Tagged #kellyarmstrong in it.", "kellyarmstrong"),
        ("camel case", "Called HarboursideMedicalCentre Friends.", "HarboursideMedicalCentre"),
        ("underscored", "Signed as kelly_armstrong there.", "kelly_armstrong"),
        ("hyphenated", "Named Grace-Charlton after her.", "Grace-Charlton"),
        ("organisation hyphenated in capitals", "Painted SEAHAVEN-BOAT-CLUB on it.", "SEAHAVEN-BOAT-CLUB"),
    ],
    "holiday dates": [
        ("weekday before a holiday with a year", "It was the Friday before Whitsun 2019.", "the Friday before Whitsun 2019"),
        ("weekday after a holiday", "We lost him the Monday after Bonfire Night.", "the Monday after Bonfire Night"),
        ("holiday with a year in words", "At Easter twenty twenty-one she came in.", "Easter twenty twenty-one"),
        ("holiday with a year", "It went down on Hogmanay 2017.", "Hogmanay 2017"),
        ("lower case", "the week after christmas 2022 he left.", "the week after christmas 2022"),
        ("day before a public event", "It was the day before the Jubilee.", "the day before the Jubilee"),
    ],
    "other scripts": [
        ("arabic", "Her son is \u064a\u0648\u0633\u0641 and he's seven.", "\u064a\u0648\u0633\u0641"),
        ("devanagari", "She wrote \u0930\u093e\u091c\u0947\u0936 down.", "\u0930\u093e\u091c\u0947\u0936"),
        ("cyrillic with look-alike letters", "My neighbour \u041e\u043b\u0435\u0433 helped.", "\u041e\u043b\u0435\u0433"),
        ("chinese", "He wrote \u738b\u4f1f on the form.", "\u738b\u4f1f"),
        ("latin mixed with another script", "Ask Ka\u0491ya about it.", "Ka\u0491ya"),
    ],
    "quasi-identifiers": [
        ("the only ... in the district", "He was the only male health visitor in the district.", "only male health visitor"),
        ("the one whose", "She's the one whose brother was lost at sea.", "the one whose brother was lost at sea"),
        ("my relative who runs", "My cousin who runs the cafe by the station told me.", "My cousin who runs the cafe"),
        ("single-holder role", "Ask the harbour master about it.", "the harbour master"),
        ("the first ... to", "She was the first woman to skipper a boat here.", "the first woman to skipper"),
        ("head teacher", "The head teacher came to the funeral.", "The head teacher"),
        ("identity and scope", "He was the only Polish lad on the boats.", "the only Polish lad"),
        ("role with a registered name inside the phrase", "My sister who works at Harbourside Medical Centre said so.",
         "My sister who works at"),
    ],
}
ROWS = [(kind, *row) for kind, rows in CAUGHT.items() for row in rows]


@pytest.mark.parametrize("kind,behaviour,text,identifier", ROWS, ids=[f"{r[0]}: {r[1]}" for r in ROWS])
def test_when_an_identifier_of_a_new_kind_is_planted_then_it_is_replaced_or_flagged(kind, behaviour, text, identifier):
    assert caught(text, identifier), Anonymiser(REGISTER).anonymise(text)


KEPT = [  # ordinary speech the new recognizers must leave alone (nothing replaced, nothing flagged)
    "I hope so, and I will try.",
    "There were twenty of us on the boat and it took forty minutes.",
    "Some days I'd take forty calls and fill in forty forms.",
    "One day I just stopped, and no one noticed for a week.",
    "The only thing that helped was talking to someone.",
    "It was the first time I had to ask for help.",
    "I was the one who had to tell her.",
    "At Christmas we went to A&E on Mother's Day, then Children's Services rang on New Year's Eve.",
    "I was on Universal Credit and PIP, and Citizens Advice helped with the Council Tax.",
    "The Jobcentre Plus sent me to the food bank in June and July.",
    "Look it up on www.gov.uk/universal-credit, it's all there.",
    "I was in my forties, with three kids and two jobs.",
    "It was two or three in the morning.",
]


@pytest.mark.parametrize("text", KEPT)
def test_when_speech_is_ordinary_then_the_new_recognizers_leave_it_alone(text):
    red = Anonymiser(register_from_mapping({"people": ["Margaret Owen"]})).anonymise(text)
    assert red.text == text and not red.flags, (red.text, [f.token for f in red.flags])


READS = [  # (behaviour, text, the whole safe text)
    ("a place word after 'in' stays a place", "We grew up in Blyth.", "We grew up in a nearby town."),
    ("a bed number becomes a bed", "They put him in bed nine.", "They put him in a bed."),
    ("a handle is replaced whole", "Follow @kelly_armstrong for news.", "Follow a social media account for news."),
    ("a web address keeps its 'on'", "It's all on www.seahavenboats.org.uk/members.", "It's all on a website."),
    ("the full stop after an address stays", "She lived at 14 Mill Lane. Then she moved.",
     "She lived at a house nearby. Then she moved."),
    ("the full stop after a date stays", "It was on the 3rd of March. Then he left.", "It was one day. Then he left."),
    ("a role is not doubled by its apposition", "Darren, the lad, he sorted it.", "The lad at the drop-in, he sorted it."),
    ("a role is not doubled by an apposition before it", "The lad, Darren, he sorted it.",
     "The lad at the drop-in, he sorted it."),
    ("the article suits the replacement", "It was a Kelly Armstrong idea.", "It was an Ainsley Ashdown idea."),
    ("a holiday date takes its 'on'", "The boat went down on Hogmanay 2017.", "The boat went down one year."),
    ("an age in words becomes a band", "He's eighty-one now.", "He's in his eighties now."),
    ("a named prison becomes the prison", "I went to the visitors' centre at HMP Northgate.",
     "I went to the visitors' centre at the prison."),
    ("a registered place that is also a verb stays the verb", "I like to amble along the front.",
     "I like to amble along the front."),
    ("a registered name that is also a word stays the word", "I hope so, and I will try.", "I hope so, and I will try."),
]


@pytest.mark.parametrize("behaviour,text,expected", READS, ids=[r[0] for r in READS])
def test_replacements_keep_the_sentence_right(behaviour, text, expected):
    assert Anonymiser(REGISTER).anonymise(text).text == expected


def test_every_recognizer_has_a_name_a_priority_and_finds_spans():
    names = [cls.name for cls in REGISTRY]
    assert len(set(names)) == len(names)
    priorities = [cls.priority for cls in REGISTRY]
    assert priorities == sorted(priorities, reverse=True)


def _quality():
    spec = importlib.util.spec_from_file_location("anonymise_quality", ROOT / "benchmarks" / "anonymise_quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.measure_north_east()


def test_the_north_east_corpus_is_caught_in_full_for_every_kind():
    q = _quality()
    assert q.identifiers >= 100 and len(q.by_kind) >= 10
    assert all(planted >= 4 for _, planted in q.by_kind.values()), q.by_kind
    assert q.recall == 1.0, q.missed


def test_ordinary_speech_full_of_capitalised_words_gets_at_most_five_flags_per_thousand_words():
    q = _quality()
    assert q.ordinary_words >= 2000
    assert q.flags_per_1000 <= 5, q.flagged
    assert q.over_redaction <= 0.02, q.flagged
