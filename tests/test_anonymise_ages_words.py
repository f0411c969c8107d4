"""Ages and house numbers said in words, about anyone (anon-attack LEAK 1, 3, 8): "Grace was
ninety-one", "my da is seventy-nine", "down on Polkirt Hill, number twelve". Each is tried on
fresh fictional sentences in several settings; the replacement must read right in its sentence."""
from __future__ import annotations

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping

REGISTER = register_from_mapping({"people": ["Morwenna Pascoe", "Grace Tonkin"], "places": ["Porthkennack"]})


def anonymised(text: str):
    return Anonymiser(REGISTER).anonymise(text)


@pytest.mark.parametrize("text, age, band", [
    ("Grace was ninety-one and she still walked to chapel.", "ninety-one", "in her nineties"),
    ("Morwenna is eighty-six, and sharp as anything.", "eighty-six", "in their eighties"),
    ("Tom was forty-four when he lost the job at the yard.", "forty-four", "in his forties"),
    ("My da is seventy-nine and he still does the garden.", "seventy-nine", "in his seventies"),
    ("Her mammy's eighty-two and lives on her own.", "eighty-two", "in her eighties"),
    ("My granda was ninety-three when the estate was built.", "ninety-three", "in his nineties"),
    ("My neighbour is eighty-eight and never misses a meeting.", "eighty-eight", "in their eighties"),
    ("she was ninety-one, and nobody believed it", "ninety-one", "in her nineties"),
    ("Our lodger was 67 when he moved in.", "67", "in their sixties"),
])
def test_an_age_of_anyone_in_words_or_digits_becomes_a_band(text, age, band):
    red = anonymised(text)
    assert age not in red.text and band in red.text, red.text


@pytest.mark.parametrize("text", [
    "The rent was 95 a week back then.",
    "Tom was 12 minutes late for the bus.",
    "Sarah was 3 out of 10 on the pain scale.",
])
def test_a_name_or_noun_before_a_quantity_is_no_age(text):
    assert "in their" not in anonymised(text).text


@pytest.mark.parametrize("text, number, out", [
    ("I've lived down on Polkirt Hill, number twelve, above the harbour.", "twelve",
     "down on a nearby street, above the harbour."),
    ("She had the end house on Tregew Road, number 31.", "31", "on a nearby street."),
    ("We moved to Chapel Row, no. 4, the year after the flood.", "4", "to a nearby street, the year after"),
    ("He's still on the Trelawney estate, number nine, by the garages.", "nine", "estate, by the garages"),
])
def test_a_house_number_after_its_street_goes_with_its_comma(text, number, out):
    red = anonymised(text)
    assert number not in red.text and out in red.text, red.text


def test_a_number_after_an_ordinary_comma_is_not_a_house_number():
    assert anonymised("Of all the buses, number 12 is the worst.").text == "Of all the buses, number 12 is the worst."


@pytest.mark.parametrize("text", [
    "The kids are ages 5-11 at the primary.",
    "There's a group for ages 11 to 16 on Fridays.",
    "The S4C programme was on in the day room.",
])
def test_an_age_range_is_no_age_and_a_tv_channel_no_postcode_district(text):
    red = anonymised(text)
    assert red.text == text, red.text


def test_aged_takes_its_owner_from_the_subject_before_it():
    assert anonymised("She was aged 87 when she moved in.").text == "She was in her eighties when she moved in."
