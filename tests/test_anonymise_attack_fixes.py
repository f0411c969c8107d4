"""Findings of the Northern Ireland / Cornwall attack run, tried on fresh fictional sentences:
a name spelt out letter by letter is the name (so check and the publish gate agree)."""
from __future__ import annotations

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.anonymise.needles import NeedleSet
from storymaker.load import register_from_mapping

REGISTER = register_from_mapping({"people": ["Morwenna Treloar"], "places": ["Portreath", "Ballykeel"]})


@pytest.mark.parametrize("text, spelt", [
    ("You spell it P-O-R-T-R-E-A-T-H, all one word.", "P-O-R-T-R-E-A-T-H"),
    ("b a l l y k e e l was where we lived.", "b a l l y k e e l"),
    ("Her name was M.O.R.W.E.N.N.A, she said it slowly.", "M.O.R.W.E.N.N.A"),
    ("The sign just said T-R-E-L-O-A-R in red.", "T-R-E-L-O-A-R"),
])
def test_a_registered_name_spelt_out_is_replaced_and_the_gate_finds_nothing_left(text, spelt):
    anon = Anonymiser(REGISTER)
    red = anon.anonymise(text)
    assert spelt not in red.text and not red.flags, (red.text, [f.token for f in red.flags])
    assert NeedleSet(anon.needles()).find(red.text) == []


def test_an_unregistered_word_spelt_out_is_one_flag_not_one_per_letter():
    red = Anonymiser(REGISTER).anonymise("It was spelt K-I-L-L-Y-G-O-R-D-O-N on the van.")
    assert [f.token for f in red.flags] == ["K-I-L-L-Y-G-O-R-D-O-N"]


@pytest.mark.parametrize("text", ["I got an A, a B and a C in the end.", "We sang a b c at the school gate.",
                                  "It was a long day, wasn't it."])
def test_single_letters_in_ordinary_speech_are_not_a_spelt_name(text):
    red = Anonymiser(REGISTER).anonymise(text)
    assert red.text == text and all(len(f.token) == 1 for f in red.flags)


# ----- LEAK 23: letters a browser shows as Latin capitals (small capitals, Lisu, Cherokee) ----

@pytest.mark.parametrize("text", [
    "\u1d18\u1d0f\u0280\u1d1b\u0280\u1d07\u1d00\u1d1b\u029c was always windy.",  # small capitals: PORTREATH
    "\ua4d1\ua4f3\ua4e3\ua4d4\ua4e3\ua4f0\ua4ee\ua4d4\ua4e7 was always windy.",  # Lisu: PORTREATH
])
def test_a_registered_place_in_look_alike_capitals_is_replaced_and_found_by_the_gate(text):
    anon = Anonymiser(REGISTER)
    red = anon.anonymise(text)
    assert text.split()[0] not in red.text and not red.flags, red.text
    assert NeedleSet(["Portreath"]).find(text)


def test_an_unregistered_name_in_small_capitals_is_read_as_a_name():
    red = Anonymiser(REGISTER).anonymise("I was helped by \u1d04\u1d00\u1d05\u1d0f\u0262\u1d00\u0274 every week.")
    assert red.flags and red.flags[0].kind != "unreviewed word in another script"


# ----- LEAK 16: a month or season after a person noun or a title is a name ----------------------

@pytest.mark.parametrize("text, name", [
    ("My grandson Winter fixed the telly for me.", "Winter"),
    ("Her teacher Miss Autumn helps the kids with forms.", "Autumn"),
    ("Our neighbour June keeps an eye on the flat.", "June"),
])
def test_a_month_or_season_after_a_person_noun_or_title_is_flagged_as_a_name(text, name):
    red = Anonymiser(REGISTER).anonymise(text)
    assert any(name in f.token for f in red.flags) or name not in red.text, red.text


def test_a_season_after_a_date_word_is_still_the_season():
    red = Anonymiser(REGISTER).anonymise("We went down to the cove in Summer with my daughter.")
    assert not red.flags and "Summer" in red.text


# ----- LEAK 17: a handle without "@" right after the platform it is on ------------------------

@pytest.mark.parametrize("text, handle", [
    ("Follow me on Instagram, tamsin.polglaze, I post the garden.", "tamsin.polglaze"),
    ("My snapchat is little_ruan_x if you want it.", "little_ruan_x"),
    ("She's on TikTok: morwennabakes22 for the cakes.", "morwennabakes22"),
])
def test_a_handle_after_its_platform_is_replaced_whole(text, handle):
    out = Anonymiser(REGISTER).anonymise(text).text
    assert handle not in out and "a social media account" in out, out


@pytest.mark.parametrize("text", ["I'm on Facebook a lot and on Instagram too.", "We saw it on TikTok last week."])
def test_naming_a_platform_is_not_a_handle_and_not_a_flag(text):
    red = Anonymiser(REGISTER).anonymise(text)
    assert red.text == text and not red.flags, [f.token for f in red.flags]


# ----- LEAK 19: lower-case places and surnames that no gazetteer knows ------------------------

@pytest.mark.parametrize("text, word", [
    ("we lived out in carnlough before the move.", "carnlough"),  # a gazetteer town? then replaced: either is fine
    ("we grew up in tullyherron, all of us.", "tullyherron"),
    ("so drumaness was where the family was.", "drumaness"),
    ("she came from lisnagelvin originally.", "lisnagelvin"),
    ("her name was kezzie and she ran the shop.", "kezzie"),
    ("the lad was called tiernan, everyone knew him.", "tiernan"),
])
def test_a_lower_case_unknown_word_where_only_a_place_or_name_fits_is_flagged(text, word):
    red = Anonymiser(REGISTER).anonymise(text)
    assert word not in red.text or any(word in f.token for f in red.flags), red.text


def test_a_lower_case_surname_beside_a_registered_name_goes_with_it():
    register = register_from_mapping({"people": ["Ruairí"]})
    red = Anonymiser(register).anonymise("his name was ruairí ó maoláin and he was kind.")
    assert "Ruair" not in red.text and any("maol" in f.token for f in red.flags), red.text


@pytest.mark.parametrize("text", ["we grew up in poverty, you know.", "i came from nowhere really.",
                                  "we lived out in the country then."])
def test_ordinary_lower_case_words_in_those_places_are_not_flagged(text):
    assert not Anonymiser(REGISTER).anonymise(text).flags


# ----- NOISE 1: "St Just" is one flag, and registering it leaves the word "just" alone -----------

def test_a_saint_name_is_one_flag_and_once_registered_the_ordinary_word_is_left():
    red = Anonymiser(REGISTER).anonymise("The chapel at St Tide was cold, it was just us.")
    assert [f.token for f in red.flags] == ["St Tide"]
    registered = Anonymiser(register_from_mapping({"places": ["St Tide"]}))
    out = registered.anonymise("The chapel at St Tide was cold, it was just us, tide after tide.")
    assert "St Tide" not in out.text and "it was just us, tide after tide" in out.text and not out.flags
