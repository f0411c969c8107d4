"""Welsh text: ordinary Welsh words (mutated forms too) at a sentence start are not flagged and
lower-case Welsh words are never replaced as names, while Welsh names, registered or not, are
still replaced or flagged. Sentences written fresh for this test; all names fictional."""
from __future__ import annotations

import pytest

from storymaker.anonymise import Anonymiser
from storymaker.load import register_from_mapping

REGISTER = register_from_mapping({"people": ["Gwenllian Prydderch", "Bryn Tudur"], "places": ["Llanfeuno"]})

ORDINARY = [
    "Roedd y tîm yn wych pan oedd hi'n sâl.",
    "Beth ddigwyddodd ar ôl i'r prosiect ddechrau?",
    "Daeth y gweithwyr i'r tŷ bob bore am wythnos.",
    "Cyn hynny, doeddwn i ddim yn siŵr beth i'w wneud.",
    "Ges i baned gyda fi a'r staff yn y gegin.",
    "Dechreuodd y shifftiau newid yn yr hydref.",
    "Mae'r rheolwr yn dweud bod angen mwy o help arnon ni.",
    "Pwy sy'n gofalu am y plant pan fydd y tîm yn brysur?",
    "Es i lan y bryn gyda fy chwaer ac roedd yr afon yn llawn.",
    "Weithiau roedd y gwaith yn anodd, ond roedd pawb yn garedig.",
    "Dyna'r peth gorau am y cyngor: maen nhw'n gwrando.",
    "Fy nhad oedd yn sâl, a newidiodd y tîm y rota er mwyn i mi fynd ag e i'r ysbyty.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_welsh_sentences_are_neither_flagged_nor_changed(text):
    red = Anonymiser(register_from_mapping({})).anonymise(text)
    assert red.text == text and not red.flags, (red.text, [f.token for f in red.flags])


def test_welsh_sentences_cost_a_reviewer_at_most_one_flag_per_thousand_words():
    anon = Anonymiser(register_from_mapping({}))
    words = sum(len(t.split()) for t in ORDINARY)
    assert sum(len(anon.anonymise(t).flags) for t in ORDINARY) * 1000 / words <= 1


@pytest.mark.parametrize("text, name", [
    ("Roedd Gwenllian yn y swyddfa gyda ni bob dydd.", "Gwenllian"),
    ("Daeth Bryn Tudur i'r cyfarfod yn hwyr.", "Bryn"),
    ("Mae bryn yn byw drws nesaf i fi.", "bryn"),
    ("Aethon ni i Llanfeuno ar y bws.", "Llanfeuno"),
    ("Roedd hi'n byw yn llanfeuno am flynyddoedd.", "llanfeuno"),
])
def test_registered_welsh_names_are_replaced_in_welsh_text(text, name):
    out = Anonymiser(REGISTER).anonymise(text).text
    assert name.lower() not in out.lower(), out


@pytest.mark.parametrize("text, name", [
    ("Daeth Siân gyda ni i'r cyfarfod.", "Siân"),
    ("Roedd Cadwaladr yn y gegin gyda fi.", "Cadwaladr"),
    ("Daeth Glyn i'r tŷ gyda'r plant.", "Glyn"),
    ("Eira ddaeth gyda fi i'r ysbyty.", "Eira"),
    ("Roedd hi'n byw yn Aberystwyth gyda'i mam.", "Aberystwyth"),
    ("Aeth hi i'r ysgol gyda gwen bob bore.", "gwen"),
])
def test_unregistered_welsh_names_are_replaced_or_flagged_in_welsh_text(text, name):
    red = Anonymiser(register_from_mapping({})).anonymise(text)
    assert name not in red.text or any(f.token == name for f in red.flags), red.text


def test_a_welsh_word_that_is_a_name_is_the_word_after_an_article():
    red = Anonymiser(register_from_mapping({})).anonymise("Es i lan y bryn ac i lawr i'r glyn.")
    assert red.text == "Es i lan y bryn ac i lawr i'r glyn." and not red.flags


def test_english_text_keeps_its_rules_for_names_that_are_welsh_words():
    red = Anonymiser(register_from_mapping({})).anonymise("Beth said the rota was changing.")
    assert "Beth" not in red.text
