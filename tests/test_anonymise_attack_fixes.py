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
