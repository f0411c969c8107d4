"""Replacements that read right where they land: a hashtag replaced whole, a place used before a
noun, a noun not said twice, a month after "till" or "since" left a month even when someone
registered has that name. Fresh sentences, fictional names."""
from __future__ import annotations

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping

REGISTER = register_from_mapping({
    "people": ["Faye Ridley", "April Mossop"],
    "places": ["Cramlington", "Bedlington"],
    "organisations": ["Wansbeck Young Carers"],
})


def text_of(sentence: str) -> str:
    return Anonymiser(REGISTER).anonymise(sentence).text


@pytest.mark.parametrize("sentence, expected", [
    ("Everyone shared it with #FayeRidley on the end.", "Everyone shared it with a hashtag on the end."),
    ("#WansbeckYoungCarers got us a grant.", "A hashtag got us a grant."),
    ("they all put #cramlington under the photos", "they all put a hashtag under the photos"),
])
def test_a_hashtag_with_a_name_in_it_is_replaced_whole(sentence, expected):
    assert text_of(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("She's a Bedlington lass, born and bred.", "She's a local lass, born and bred."),
    ("The Cramlington office shut in the spring.", "The local office shut in the spring."),
])
def test_a_place_before_a_noun_becomes_local(sentence, expected):
    assert text_of(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Put your postcode NE23 6QW in the box.", "Put your postcode in the box."),
    ("the website www.faye-knits.example.org has it all", "the website has it all"),
])
def test_the_noun_before_an_identifier_is_not_said_twice(sentence, expected):
    assert text_of(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "We heard nothing till April, then three letters at once.",
    "It's been quiet since April.",
])
def test_a_month_after_till_or_since_stays_the_month(sentence):
    assert text_of(sentence) == sentence


def test_a_month_after_in_is_asked_about_and_a_month_used_as_a_name_is_replaced():
    anon = Anonymiser(REGISTER)
    assert [f.token for f in anon.anonymise("We moved in April and it rained.").flags] == ["April"]
    assert "April" not in anon.anonymise("Since April rang, things are better.").text
