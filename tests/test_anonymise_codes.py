"""Codes, references, PINs and oddly grouped phone numbers (anon-attack LEAK 2, 7, 9, 14): a code
of letters and digits joined by "/", "-", "." or "·" is one identifier replaced whole; a number
after a code word (PIN, door code, ref, account, ID ...) is an identifier however short; a phone
number is one span whatever its grouping, never a flag on a piece of it. Fresh fictional sentences."""
from __future__ import annotations

import re

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping

REGISTER = register_from_mapping({"people": ["Morwenna Pascoe"], "places": ["Porthkennack"]})


def anonymised(text: str):
    return Anonymiser(REGISTER).anonymise(text)


def no_digit_of(code: str, out: str) -> bool:
    return not any(group in out for group in re.findall(r"[A-Za-z0-9]+", code) if any(c.isdigit() for c in group))


@pytest.mark.parametrize("text, code, out", [
    ("The flat was in his nan's name, tenancy ref TNC/0045/22, and nobody asked.", "TNC/0045/22",
     "name, a tenancy reference, and nobody asked."),
    ("Write down my tenancy number, it's 20-4471-B.", "20-4471-B", "it's a reference code."),
    ("The repair went on as job CK40217 and then vanished.", "CK40217", "as job a reference code and"),
    ("Her claim is HB.7781.Q at the council.", "HB.7781.Q", "claim is a reference code at"),
    ("Quote case no. 3391 when you ring them.", "3391", "Quote a case number when"),
    ("Her account number 41236677 was frozen for a month.", "41236677", "Her account number was frozen"),
    ("The letter said 0045/22 at the top.", "0045/22", "said a reference code at the top"),
    ("Ask the office for reference HA-2291.", "HA-2291", "for a reference."),
])
def test_a_code_or_reference_is_replaced_whole(text, code, out):
    red = anonymised(text)
    assert no_digit_of(code, red.text) and out in red.text, red.text


@pytest.mark.parametrize("text, number, out", [
    ("My PIN is 4471 and I never change it.", "4471", "My PIN is a four-digit number and"),
    ("My door code is 2580 and everyone knows it.", "2580", "door code is a four-digit number and"),
    ("The key safe code's 19, don't tell him.", "19", "code's a two-digit number,"),
    ("His badge ID: 77, and he lost it twice.", "77", "ID: a two-digit number,"),
    ("The alarm code was 1966 for years.", "1966", "code was a four-digit number for years"),
    ("The wifi password is gull2019 if you need it.", "gull2019", "password is a reference code if"),
    ("My account number ends 6789 and the sort code is on the card.", "6789", "number ends in four digits and"),
    ("The card number starts with 4929, that's all I know.", "4929", "starts with four digits, that's"),
])
def test_a_number_after_a_code_word_is_an_identifier_however_short(text, number, out):
    red = anonymised(text)
    assert number not in red.text and out in red.text, red.text


@pytest.mark.parametrize("text, out", [
    ("Ring me on 07700·900·789 any evening.", "Ring me any evening."),
    ("Her mobile's 07700 900 12 3, don't give it out.", "Her mobile's a phone number, don't"),
    ("The office is 028•7034•4455 on a weekday.", "The office is a phone number on a weekday."),
    ("He read it out: 0 7 7 0 0 9 0 0 4 5 6.", "He read it out: a phone number."),
    ("Text +44 7700 90 04 56 for a lift.", "Text a phone number for a lift."),
])
def test_a_phone_number_in_any_grouping_is_one_span(text, out):
    red = anonymised(text)
    assert out in red.text and not red.flags, (red.text, red.flags)


@pytest.mark.parametrize("text", [
    "It went from 3-1 to 3-3 in the last ten minutes.",
    "We had 10-15 people most weeks, 40 or 50 at Christmas.",
    "The budget for the year was cut by 2.5 per cent.",
    "Open 24/7, they said, and it never was.",
    "She got COVID-19 twice that winter.",
    "The code is 4 digits long and changes every month.",
    "The mid-2019 review was grim reading.",
    "My account was 200 quid down by the Friday.",
])
def test_scores_ranges_decimals_and_quantities_are_no_codes(text):
    red = anonymised(text)
    assert red.text == text and not red.flags, (red.text, red.flags)


def test_a_four_digit_number_that_is_no_year_is_flagged_even_before_and():
    red = anonymised("We waited on 4471 and nobody came.")
    assert [f.token for f in red.flags] == ["4471"]
