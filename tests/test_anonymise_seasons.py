"""A season of a year pins a time as a month of a year does ("in the summer of 2021" was published
beside a quasi-identifier the reviewer had replaced; "in March 2021" was already replaced). A season
on its own is ordinary speech. All sentences fictional."""
from __future__ import annotations

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.model import Register


@pytest.mark.parametrize("text, year", [
    ("Her lad went missing off the point in the summer of 2019, and the whole estate turned out.", "2019"),
    ("We got the keys in winter 2022, the week the pipes froze.", "2022"),
    ("The autumn of 2016 was when the surgery shut its doors.", "2016"),
    ("We moved in the spring of twenty twenty, just before everything closed.", "twenty"),
])
def test_a_season_of_a_year_is_replaced_and_the_sentence_still_reads(text, year):
    red = Anonymiser(Register()).anonymise(text)
    assert year not in red.text and "  " not in red.text
    assert any(r.kind == "date" for r in red.replacements)
    assert red.text.split()[0][0].isupper() and red.text.rstrip().endswith((".", "!", "?"))


@pytest.mark.parametrize("text", [
    "The summer was long and the kids were bored.",
    "Every winter the damp comes back in the bedroom.",
    "Spring is when the garden group starts again.",
    "I spent 2019 waiting for a repair.",
])
def test_a_season_on_its_own_or_a_year_on_its_own_is_left_alone(text):
    red = Anonymiser(Register()).anonymise(text)
    assert red.text == text and not red.flags
