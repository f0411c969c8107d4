"""The English "i" -> "I" rule never touches a Welsh quotation, where "i" is a word of its own."""
from __future__ import annotations

from storymaker.compose.choose import Quotes
from storymaker.model import Excerpt, Redaction

WELSH = "Ges i baned gyda'r rheolwr, ac fe aeth hi â fi i'r ysbyty er mwyn i mi weld fy mam."
ENGLISH = "Then i asked the manager if i could go home early, and she said yes."


def quote(text: str, lang: str = "") -> str:
    excerpt = Excerpt("E1", "P01", text, ("care",), "both", frozenset({"web"}), lang=lang)
    return Quotes({"E1": Redaction(text)}, None)(excerpt).text


def test_a_welsh_quote_keeps_its_lower_case_i():
    assert quote(WELSH) == WELSH  # read as Welsh from its words
    assert quote(WELSH, lang="cy") == WELSH


def test_an_english_quote_still_gets_its_capital_i():
    assert quote(ENGLISH) == ENGLISH.replace(" i ", " I ")
    assert quote(ENGLISH, lang="en-GB").startswith("Then I asked")


def test_an_excerpt_tagged_welsh_is_never_harmonised_even_when_short():
    assert quote("Ges i baned.", lang="cy") == "Ges i baned."
