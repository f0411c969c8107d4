"""Leaks found by trying a fresh, held-out interview set (an island ferry port), each kind tried
again here on new sentences: a word of a registered place on its own, web addresses on
unlisted domains, place-noun numbers after rural nouns, single-holder roles, dates counted from
a local event with a year, ordinal dates in words, number plates, boat codes and a phone number
read out with "plus four four". "Caught" means replaced, or flagged for review."""
from __future__ import annotations

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping

REGISTER = register_from_mapping({
    "people": ["Catriona Buchanan"],
    "places": ["Baile na Creige", "Tobar Mhoire", "Kilbrannan Sound"],
    "organisations": ["Sruthan Fish Products"],
})


def covered(text: str, identifier: str) -> bool:
    """Every letter and digit of ``identifier`` is inside a replacement or a flag."""
    spans = Anonymiser(REGISTER).detect(text)
    start = text.index(identifier)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(identifier))
               if text[i].isalnum())


@pytest.mark.parametrize("text, identifier", [
    ("My sister stays over at creige, by the old school.", "creige"),
    ("We were brought up in Tobar, my dad had the shop.", "Tobar"),
    ("she drove out to mhoire for the messages", "mhoire"),
])
def test_a_word_of_a_registered_place_is_caught_on_its_own_in_any_case(text, identifier):
    assert covered(text, identifier)


def test_a_word_of_a_registered_place_gets_the_same_place_as_the_whole_name():
    red = Anonymiser(REGISTER).anonymise("Baile na Creige is quiet now. Up in creige the road floods.")
    first, second = (r.replacement.removeprefix("a ").removeprefix("A ") for r in red.replacements)
    assert first.lower() == second.lower() and "creige" not in red.text.lower()


@pytest.mark.parametrize("text, identifier", [
    ("The link on their page is beacons.ai/tobarcarers if you want it.", "beacons.ai/tobarcarers"),
    ("Put bit.ly/3xYzFerry in the newsletter and folk found it.", "bit.ly/3xYzFerry"),
    ("her page is linktr.ee/catriona.knits these days", "linktr.ee/catriona.knits"),
])
def test_an_address_with_a_path_is_a_web_address_on_any_domain(text, identifier):
    red = Anonymiser(REGISTER).anonymise(text)
    assert identifier not in red.text and "a website" in red.text


@pytest.mark.parametrize("text, identifier", [
    ("The old man at croft number four never locks his door.", "croft number four"),
    ("we rented croft 12 off the estate for a while", "croft 12"),
])
def test_a_croft_with_its_number_is_a_place_noun_number_not_a_surname(text, identifier):
    red = Anonymiser(REGISTER).anonymise(text)
    assert identifier not in red.text and "a croft" in red.text
    assert not any(r.kind == "person" for r in red.replacements)


@pytest.mark.parametrize("text, role", [
    ("Ask the piermaster, he sees every car that comes off.", "the piermaster"),
    ("Our minister did the funeral and half the island came.", "Our minister"),
    ("The warden checks on her twice a day now.", "The warden"),
    ("It was the postie who noticed the milk on the step.", "the postie"),
])
def test_a_role_one_person_holds_on_an_island_is_flagged(text, role):
    red = Anonymiser(REGISTER).anonymise(text)
    assert any(text[f.start:f.end].lower() == role.lower() for f in red.flags), red.flags


def test_the_only_one_with_something_is_flagged():
    red = Anonymiser(REGISTER).anonymise("He's the only one with a boat big enough, so they all ring him.")
    assert any(f.token.startswith("the only one with a boat") for f in red.flags)


@pytest.mark.parametrize("text, date", [
    ("The Sunday after the Highland Games in 2021 the pier was shut.", "The Sunday after the Highland Games in 2021"),
    ("the night before the Kilbrannan Sound Regatta twenty twenty-two we lost power",
     "the night before the Kilbrannan Sound Regatta twenty twenty-two"),
    ("On the Friday of the Sheepdog Trials, 2016, she had the baby.", "the Friday of the Sheepdog Trials, 2016"),
])
def test_a_day_counted_from_a_local_event_with_a_year_is_replaced_whole(text, date):
    red = Anonymiser(REGISTER).anonymise(text)
    assert date.split()[-1] not in red.text and "one day" in red.text.lower()
    assert "Kilbrannan" not in red.text and "Sound" not in red.text


@pytest.mark.parametrize("text", [
    "My mam was born on the second of June nineteen fifty-one in the front room.",
    "the wedding was on the first of August, that's when",
    "We came over on September the third and never went back.",
])
def test_a_date_with_its_ordinal_in_words_is_replaced_whole(text):
    red = Anonymiser(REGISTER).anonymise(text)
    assert not any(w in red.text for w in ("June", "August", "September", "second of", "first of", "the third"))
    assert "one day" in red.text


@pytest.mark.parametrize("text, plate, reads", [
    ("He left his pickup, YK21 MBV, at the slip all week.", "YK21 MBV", "He left his pickup, at the slip all week."),
    ("the ambulance was parked behind our car gn70xwt so", "gn70xwt", "the ambulance was parked behind our car so"),
    ("It's always M482 KLT outside the bar.", "M482 KLT", "It's always a number plate outside the bar."),
])
def test_a_number_plate_is_replaced_whole(text, plate, reads):
    red = Anonymiser(REGISTER).anonymise(text)
    assert red.text == reads


@pytest.mark.parametrize("text, code", [
    ("Dad skippered the Morning Star, BRD 117, for years.", "BRD 117"),
    ("She's registered CY 9 but everyone calls her the wee boat.", "CY 9"),
])
def test_a_boat_code_and_its_number_are_one_flag(text, code):
    red = Anonymiser(REGISTER).anonymise(text)
    assert any(f.token == code for f in red.flags), red.flags


def test_a_phone_number_read_out_after_plus_four_four_is_a_phone_number():
    red = Anonymiser(REGISTER).anonymise("Call me on plus four four seven nine double eight one two three four five six.")
    assert [r.kind for r in red.replacements] == ["phone"]
    assert red.text == "Call me."  # "on <a phone number>" goes whole, as for digits


def test_a_distinctive_word_of_a_registered_place_or_organisation_is_replaced_on_its_own():
    register = register_from_mapping({"places": ["Camas Liath"], "organisations": ["Sgarbh Boatworks"]})
    red = Anonymiser(register).anonymise("We moved to Liath after Dad got taken on at Sgarbh for the winter.")
    assert "Liath" not in red.text and "Sgarbh" not in red.text, red.text


@pytest.mark.parametrize("text, kept", [
    ("Her profile was on www.gov.uk/people/fionnlagh-macneil for a while.", False),
    ("There's a page at nhs.uk/staff/mairi-nic-a-ghobhainn about her.", False),
    ("It's all on www.nhs.uk/conditions/dementia if you look.", True),
])
def test_a_national_service_address_is_kept_only_with_a_path_of_ordinary_words(text, kept):
    red = Anonymiser(REGISTER).anonymise(text)
    assert (red.text == text) is kept, red.text


@pytest.mark.parametrize("text", [
    "Every note was signed \u202enaunahcub anoirtac\u202c, in green ink.",
    "On the door it said \u202eanoirtaC",
])
def test_a_registered_name_written_backwards_under_a_direction_override_is_replaced(text):
    red = Anonymiser(REGISTER).anonymise(text)
    assert red.replacements and red.replacements[0].kind == "person", red
    assert "anoirta" not in red.text.lower()


def test_a_very_long_run_of_digits_is_flagged_not_a_crash():
    red = Anonymiser(REGISTER).anonymise("7" * 6000 + " crates came off the ferry.")
    assert [f.kind for f in red.flags] == ["unreviewed number"]


def test_long_pasted_lists_are_read_in_time_linear_in_their_length():
    """Not a timing test: the work is bounded, so a 10,000-part dotted list finishes at all."""
    red = Anonymiser(REGISTER).anonymise(".".join(["b"] * 10000) + " and then " + " ".join(["Harris"] * 3000))
    assert len(red.replacements) + len(red.flags) >= 3000
