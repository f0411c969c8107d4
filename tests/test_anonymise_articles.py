"""A replacement's article is the one its first word is said with: "I'm a user of the service",
not "I'm an user" (the tester's quasi-identifier decided 'replace here'); "an officer", "an hour"."""
from __future__ import annotations

import pytest

from storymaker.anonymise.wording import a_or_an


@pytest.mark.parametrize("word, article", [
    ("user", "a"), ("union", "a"), ("unit", "a"), ("university", "a"), ("usual", "a"), ("European", "a"),
    ("one-off", "a"), ("Ukrainian", "a"), ("house", "a"), ("carer", "a"),
    ("officer", "an"), ("uncle", "an"), ("usher", "an"), ("uninvited", "an"), ("urgent", "an"),
    ("hour", "an"), ("honest", "an"), ("apprentice", "an"), ("organisation", "an"),
])
def test_the_article_follows_how_the_word_is_said(word, article):
    assert a_or_an(word) == article


def test_a_quasi_identifier_replaced_here_reads_right():
    from storymaker.anonymise.recognizers.quasi import _neutral
    assert _neutral("the only wheelchair user in the whole of Porthgwarra".split(), "only").startswith("a ")
