"""Names nobody registered, written in lower case, that the gazetteer does not know: flagged
where the words around them make them a person, and left alone where nothing does."""
from __future__ import annotations

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping

EMPTY = register_from_mapping({})


@pytest.mark.parametrize("text, name", [
    ("honestly me and zofka went down there every week", "zofka"),
    ("I told ysolde about the rota and she sorted it", "ysolde"),
    ("she was with brannagh from the surgery that day", "brannagh"),
    ("we rang taavi and he came straight over", "taavi"),
])
def test_an_unknown_lower_case_name_in_a_name_context_is_flagged(text, name):
    red = Anonymiser(EMPTY).anonymise(text)
    assert name in [f.token for f in red.flags] or name not in red.text


@pytest.mark.parametrize("text", [
    "me and the bairns went down the beach",
    "I told them the telly was broke",
    "we went with the others from the centre",
])
def test_ordinary_words_in_the_same_places_are_not_flagged(text):
    assert Anonymiser(EMPTY).anonymise(text).flags == ()
