"""Numbers said in Welsh (web-test #64) are read like digits: an age before "oed", a house number
after "rhif", a bed or flat number, a phone number read out digit by digit in Welsh. Fresh
fictional sentences; mutated forms included."""
from __future__ import annotations

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping

REGISTER = register_from_mapping({"people": ["Eirlys Prydderch"], "places": ["Llanfeidiog"]})


def anonymised(text: str):
    return Anonymiser(REGISTER).anonymise(text)


@pytest.mark.parametrize("text, number", [
    ("Mae fy nain yn wyth deg saith oed erbyn hyn.", "wyth deg saith"),
    ("Roedd e'n naw oed pan symudon ni.", "naw"),
    ("Rydyn ni'n byw yn rhif tri deg dau ers blynyddoedd.", "tri deg dau"),
    ("Rwy'n saith deg pump a dw i dal yn gweithio.", "saith deg pump"),
    ("Roedd hi'n chwe deg dwy oed.", "chwe deg dwy"),
])
def test_a_welsh_age_or_house_number_is_flagged(text, number):
    red = anonymised(text)
    assert any(number in f.token for f in red.flags), [(f.kind, f.token) for f in red.flags]


@pytest.mark.parametrize("text, out", [
    ("Roedd hi yng ngwely naw ar y ward.", "Roedd hi yng ngwely ar y ward."),
    ("Buon ni yn fflat tri tan yr haf.", "Buon ni yn fflat tan yr haf."),
    ("Ffoniwch dim saith saith dim dim, naw dim dim pedwar pump chwech.", "phone number"),
    ("Y rhif oedd dim un dau un, pedwar naw chwech, dim wyth saith saith.", "phone number"),
])
def test_a_welsh_bed_flat_or_phone_number_is_replaced(text, out):
    red = anonymised(text)
    assert out in red.text and not any(w in red.text for w in ("naw ar", "fflat tri", "saith saith", "wyth saith")), red.text


@pytest.mark.parametrize("text", [
    "The pump was dim and the lights went out.",
    "Mae'r tywydd yn braf heddiw ac mae'r plant yn yr ysgol.",
])
def test_ordinary_text_has_no_welsh_number(text):
    red = anonymised(text)
    assert red.text == text and not any(ch.isdigit() for f in red.flags for ch in f.token), red.flags
