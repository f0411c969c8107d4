"""Replacement policy: consistent pseudonyms, no collisions, readable descriptors, mask(),
needles() and the private log."""
from __future__ import annotations

import json

import pytest

from storymaker.anonymise import Anonymiser, LogEntry, entries_for, mask, read_log, write_log
from storymaker.load import register_from_mapping
from storymaker.anonymise.pseudonyms import FIRST, LAST
from storymaker.errors import AnonymisationError, InputError

REGISTER = register_from_mapping({
    "people": ["Margaret Owen", "Will Hope", "Ainsley Hallam"],  # Ainsley and Hallam are also in the pseudonym pools
    "places": ["Todmorden", "Hebden Bridge"],
    "organisations": ["Riverside Surgery", "Calder Valley Housing Association"],
})


@pytest.mark.parametrize("s,expected", [
    ("Margaret Owen", "M******* O***"),
    ("07700 900123", "***** ******"),
    ("jo@example.org", "j*@e******.o**"),
    ("O'Neill", "O'N****"),
    ("", ""),
])
def test_mask_keeps_first_letters_and_hides_the_rest(s, expected):
    assert mask(s) == expected


def test_when_the_same_person_appears_in_two_texts_then_the_pseudonym_is_the_same():
    anon = Anonymiser(REGISTER)
    first = anon.anonymise("Margaret Owen rang me.").text
    second = anon.anonymise("I told Margaret, and Mrs Owen agreed.").text
    pseudonym = first.split(" rang")[0]
    given, family = pseudonym.split()
    assert f"I told {given}, and Mrs {family} agreed." == second


def test_when_two_people_are_registered_then_they_get_different_pseudonyms():
    anon = Anonymiser(REGISTER)
    a = anon.anonymise("Margaret Owen").text
    b = anon.anonymise("Will Hope").text
    assert a != b and set(a.split()).isdisjoint(b.split())


def test_pseudonyms_never_collide_with_registered_names():
    anon = Anonymiser(REGISTER)
    out = " ".join(anon.anonymise(f"{name} came.").text for name in ("Margaret Owen", "Will Hope", "Ainsley Hallam"))
    registered = {"margaret", "owen", "will", "hope", "ainsley", "hallam"}
    assert registered.isdisjoint(w.strip(".").lower() for w in out.split() if w[0].isupper() and w != "came.")
    assert FIRST[0] == "Ainsley" and "Hallam" in LAST  # the pools do hold them: the guard is what kept them out


def test_when_a_name_was_flagged_earlier_then_it_is_never_used_as_a_pseudonym():
    anon = Anonymiser(register_from_mapping({"people": ["Margaret Owen"]}))
    assert [f.token for f in anon.anonymise("I met Ainsley yesterday.").flags] == ["Ainsley"]  # not a gazetteer name
    assert FIRST[0] == "Ainsley" and "Ainsley" not in anon.anonymise("Margaret Owen came.").text


def test_when_text_is_anonymised_twice_then_nothing_changes_the_second_time():
    anon = Anonymiser(REGISTER)
    once = anon.anonymise("Margaret Owen from Todmorden rang Riverside Surgery on 07700 900123.")
    twice = anon.anonymise(once.text)
    assert twice.text == once.text
    assert not twice.flags and not twice.replacements


@pytest.mark.parametrize("text,expected", [
    ("I moved to Todmorden.", "I moved to a nearby town."),
    ("Todmorden was home.", "A nearby town was home."),
    ("I rang Riverside Surgery.", "I rang the surgery."),
    ("I rang the Calder Valley Housing Association.", "I rang the housing association."),
    ("Ring 07700 900123 now.", "Ring a phone number now."),
    ("She rang at 3.15pm on Friday.", "She rang on Friday."),
    ("She was 87 when she moved.", "She was in her eighties when she moved."),
    ("I was 15 at the time.", "I was a teenager at the time."),
    ("An 81-year-old tenant had no heating.", "An older tenant had no heating."),
    ("It happened on 3rd March 2021.", "It happened one day."),
])
def test_replacements_read_well_aloud(text, expected):
    assert Anonymiser(REGISTER).anonymise(text).text == expected


def test_when_two_places_are_registered_then_they_stay_distinct():
    out = Anonymiser(REGISTER).anonymise("We moved from Todmorden to Hebden Bridge.").text
    assert out == "We moved from a nearby town to a neighbouring town."


def test_needles_hold_register_values_name_parts_and_every_original_replaced():
    anon = Anonymiser(REGISTER)
    anon.anonymise("Jane from Halifax rang on 07700 900123.")
    needles = {n.lower() for n in anon.needles()}
    assert {"margaret owen", "margaret", "owen", "hallam", "todmorden", "riverside surgery"} <= needles
    assert {"jane", "halifax", "07700 900123"} <= needles
    assert {"will", "hope"} <= needles  # ordinary words too, whatever allow says: the gate finds them only capitalised
    assert "will hope" in needles


def test_when_the_log_is_written_then_it_reads_back(tmp_path):
    anon = Anonymiser(REGISTER)
    entries = entries_for("stories/excerpts/a.csv:3", anon.anonymise("Margaret rang 07700 900123."))
    for name in ("log.jsonl", "log.csv"):
        path = tmp_path / "private" / name
        assert write_log(entries, path) == 2
        assert read_log(path) == entries
    first = json.loads((tmp_path / "private" / "log.jsonl").read_text().splitlines()[0])
    assert first["where"] == "stories/excerpts/a.csv:3" and first["original"] == "Margaret"
    assert first["reason"] == "register: people"


def test_when_the_log_would_go_under_output_then_it_is_refused(tmp_path):
    with pytest.raises(AnonymisationError) as err:
        write_log([LogEntry("x", "Margaret", "Ada", "person", "register")], tmp_path / "output" / "log.jsonl")
    assert "private/" in str(err.value) and "Margaret" not in str(err.value)


def test_when_register_mapping_is_malformed_then_the_error_says_how_to_fix_it():
    with pytest.raises(InputError) as err:
        register_from_mapping({"people": [{"replacement": "x"}]})
    assert "'name'" in str(err.value)
    with pytest.raises(InputError):
        register_from_mapping({"peoples": ["Margaret Owen"]})


def test_flags_become_masked_problems_on_the_right_line():
    from storymaker.anonymise import flag_problems

    text = "First line is fine.\nThen Zorblat came."
    red = Anonymiser(REGISTER).anonymise(text)
    problems = flag_problems(text, red.flags, "stories/excerpts/a.yaml", 12)
    [message] = [str(p) for p in problems]
    assert message.startswith("stories/excerpts/a.yaml:13: unreviewed capitalised word 'Z******' (7 letters) in the "
                              "text, near \"... f***. T*** Z****** c***.\", flag ")
    assert "register it in stories/anonymise.yaml" in message and "mark this occurrence safe" in message
