"""First names that are also ordinary words: flagged where the words around say they are names,
left alone where they read as the word; a registered one in lower case is never kept silently."""
import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping


def flagged(text: str, register: dict | None = None) -> list[str]:
    return [f.token for f in Anonymiser(register_from_mapping(register or {})).anonymise(text, where="T").flags]


@pytest.mark.parametrize("text, name", [
    ("Bill Farrow took me on at sixteen.", "Bill Farrow"),
    ("We all knew Sunny Pellow from the chip shop.", "Sunny Pellow"),
    ("Grace sat with him most nights.", "Grace"),
    ("Faith runs the group now.", "Faith"),
    ("June and Winter Tregenza took the flat.", "June"),
    ("June and Winter Tregenza took the flat.", "Winter Tregenza"),
    ("Autumn Hosken drew the posters.", "Autumn Hosken"),
    ("me and hope went into town on the bus.", "hope"),
    ("and rose came with us when she could.", "rose"),
])
def test_when_an_ordinary_word_is_used_as_a_name_then_it_is_flagged(text, name):
    assert name in flagged(text)


@pytest.mark.parametrize("text", [
    "Will you come with me?", "I hope so.", "May I ask you something?", "Hope you are well.",
    "Faith in the system was gone.", "Rose bushes everywhere.", "We went in June and it rained.",
    "and the sun rose over the hill.", "Summer holidays were hard.",
])
def test_when_the_ordinary_word_reads_as_a_word_then_it_is_not_flagged(text):
    assert flagged(text) == []


def test_when_a_registered_name_is_in_lower_case_without_a_telling_context_then_it_is_flagged_not_kept():
    register = {"people": ["Ruby Tait"]}
    assert flagged("She was brilliant, honest, ruby was.", register) == ["ruby"]
    assert flagged("I paid the bill and she sent a ruby ring.", {"people": ["Bill Hosken"]}) == []


def test_when_a_name_in_another_script_has_vowel_signs_then_it_is_flagged_whole():
    assert flagged("Anita signs hers अनीता on every drawing.") == ["अनीता"]
