"""A registered person's alias followed by their surname is one name, replaced once: "big Tam
McCrory" had become "Ellery Dunmore Dunmore" (the alias's pseudonym is whole already, and the
surname's was added again). Two different people side by side stay two. Names are fictional."""
from __future__ import annotations

from storymaker.anonymise import Anonymiser
from storymaker.load.register import register_from_mapping

REGISTER = register_from_mapping({"people": [
    {"name": "Jory Tremellen", "aliases": ["young Jory", "Jor"]},
    {"name": "Morwenna Pascoe", "aliases": ["Wenna"]},
]})


def test_an_alias_then_the_same_persons_surname_reads_as_one_pseudonym():
    anon = Anonymiser(REGISTER)
    whole = anon.anonymise("Jory Tremellen fixed the boiler.").text.split(" fixed")[0]
    for said in ("Our caretaker, young Jory Tremellen, fixed the boiler.", "Jor Tremellen fixed the boiler."):
        out = anon.anonymise(said).text
        assert whole in out and out.count(whole.split()[-1]) == 1, out
        assert "Tremellen" not in out and "Jor" not in out


def test_another_persons_surname_after_an_alias_is_still_their_own():
    anon = Anonymiser(REGISTER)
    out = anon.anonymise("Wenna Tremellen came round.").text  # Morwenna's alias, Jory's surname: two people
    jory_surname = anon.anonymise("Jory Tremellen came round.").text.split()[1]
    assert jory_surname in out and "Wenna" not in out and "Tremellen" not in out
