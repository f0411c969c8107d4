"""Replacements read naturally in their sentence: sentence-initial words are not swallowed into
an organisation, identifiers beat the names inside them and drop out cleanly, `other` entries
are replaced like the identifier they are, pseudonyms suit anyone, and a fictional narrator
keeps its name (persona mode) without tripping the publish gate."""
from __future__ import annotations

from pathlib import Path

import pytest

from storymaker.anonymise import Anonymiser, scan_tree
from storymaker.load import register_from_mapping
from storymaker.anonymise.lexicon import first_names
from storymaker.anonymise.pseudonyms import FIRST, PLACES, Pools
from storymaker.anonymise.replace import banned_names

ROOT = Path(__file__).resolve().parent.parent

REGISTER = register_from_mapping({
    "people": ["Jackie Holt", "Lorraine", "Priya", "Gareth Lloyd", "Margaret Owen",
               {"value": "Sandra Pike", "replacement": "Lorna Quigley"},
               {"value": "Dev Sharma", "replacement": "my manager"}],
    "organisations": ["Northfield Housing Association", "Halden Foods",
                      {"value": "Castle Street Surgery", "replacement": "our surgery"}],
    "other": ["07700 900123", "0113 496 0571", "jackie.holt@example.org", "AB 12 34 56 C", "943 476 5919", "Ward 7B",
              "Operation Bluebell", "the Tuesday Club", {"value": "0114 496 0999", "replacement": "the office line"}],
})


def safe(text: str, register=REGISTER, **kw) -> str:
    return Anonymiser(register).anonymise(text, **kw).text


# ----- 1. a sentence-initial word is not part of the organisation or street -----------------
@pytest.mark.parametrize("text,expected", [
    ("At Castle Street Surgery we have a debrief.", "At our surgery we have a debrief."),
    ("At Northfield Housing Association we've got a money adviser.",
     "At the housing association we've got a money adviser."),
    ("In Oakridge Trust nobody listened.", "In the trust nobody listened."),
    ("For Riverside Surgery it was a hard year.", "For the surgery it was a hard year."),
    ("With Northfield Housing Association it's different.", "With the housing association it's different."),
    ("From Castle Street Surgery, they rang me.", "From our surgery, they rang me."),
    ("Our Oakridge Trust meeting ran late.", "Our trust meeting ran late."),
    ("At the Riverside Surgery we listen.", "At the surgery we listen."),
    ("On Station Lane there was a fire.", "On a nearby street there was a fire."),
    ("Riverside Surgery were brilliant.", "The surgery were brilliant."),
    ("I rang the Calder Valley Housing Association.", "I rang the housing association."),
    ("We went to our Riverside Surgery.", "We went to our surgery."),
    ("Down Station Lane there is a shop.", "Down a nearby street there is a shop."),
    ("I saw a Halden Foods van.", "I saw a van."),  # an organisation before a noun goes: no "organisation van"
    ("A Halden Foods van came.", "A van came."),
    ("We asked our Castle Street Surgery.", "We asked our surgery."),
])
def test_when_a_sentence_starts_with_a_common_word_then_it_stays_outside_the_organisation(text, expected):
    assert safe(text) == expected


# ----- 2. an identifier wins over a name inside it, and drops out cleanly ------------------
@pytest.mark.parametrize("text,expected", [
    ("I email her at jackie.holt@example.org and she answers the same day.",
     "I email her and she answers the same day."),
    ("You can reach her at jackie.holt@example.org.", "You can reach her."),
    ("She gave me her email, jackie.holt@example.org, and said use it.", "She gave me her email, and said use it."),
    ("Her address is jackie.holt@example.org.", "Her address is an email address."),
    ("Write to JACKIE.HOLT@EXAMPLE.ORG today.", "Write to an email address today."),
    ("Write to jackie.holt at example dot org today.", "Write to an email address today."),
    ("Ring her on 07700 900123 any time.", "Ring her any time."),
    ("Ring 07700 900123 now.", "Ring a phone number now."),
])
def test_when_an_email_holds_a_registered_name_then_the_email_is_what_gets_replaced(text, expected):
    red = Anonymiser(REGISTER).anonymise(text)
    assert red.text == expected
    assert {r.kind for r in red.replacements} <= {"email", "phone"}


def test_when_a_registered_person_and_their_email_appear_together_then_each_is_replaced_as_itself():
    red = Anonymiser(REGISTER).anonymise("Jackie Holt is great. I email her at jackie.holt@example.org daily.")
    assert [r.kind for r in red.replacements] == ["person", "email"]
    assert red.text.endswith(" is great. I email her daily.") and "Jackie" not in red.text


def test_when_an_identifier_is_dropped_then_the_gate_still_looks_for_the_identifier_itself():
    anon = Anonymiser(register_from_mapping({}))
    anon.anonymise("Email me at sam.brown@example.net or ring me on 07700 111222 later.")
    needles = {n.lower() for n in anon.needles()}
    assert {"sam.brown@example.net", "07700 111222"} <= needles
    assert not any(n.startswith(("at ", "on ")) for n in needles)


# ----- 3. `other` entries are replaced like the identifier they are -----------------------
@pytest.mark.parametrize("value", ["07700 900123", "0113 496 0571", "jackie.holt@example.org", "AB 12 34 56 C",
                                   "943 476 5919"])
def test_when_an_identifier_is_listed_under_other_then_it_reads_as_if_it_were_not_listed(value):
    text = f"Her details were {value} on the form."
    registered, unregistered = safe(text), safe(text, register_from_mapping({}))
    assert registered == unregistered
    assert value not in registered and "something" not in registered


@pytest.mark.parametrize("text,expected", [
    ("Her number is 07700 900123.", "Her number is a phone number."),
    ("She gave me her number, 07700 900123, her actual number.", "She gave me her number, her actual number."),
    ("Anyone who rings us on 0113 496 0571 still gets a person.", "Anyone who rings us still gets a person."),
    ("Ring us on 0114 496 0999 today.", "Ring us on the office line today."),  # its own replacement wins
    ("I worked on Ward 7B for years.", "I worked on a ward for years."),
    ("It was called Operation Bluebell.", "It was called something I won't name."),
    ("We set up the Tuesday Club for carers.", "We set up a club for carers."),
])
def test_other_entries_read_well_aloud(text, expected):
    red = Anonymiser(REGISTER).anonymise(text)
    assert red.text == expected
    assert all(r.reason.startswith("register: other") for r in red.replacements)


@pytest.mark.parametrize("sort,shape", [("first", r"[A-Z][a-z]+(-[A-Z][a-z]+)?"), ("last", r"[A-Z][a-z]+(-[A-Z][a-z]+)?")])
def test_when_a_pseudonym_pool_runs_out_then_names_stay_distinct_and_readable(sort, shape):
    import re

    pools = Pools(banned_names(REGISTER))
    names = [getattr(pools, sort)() for _ in range(300)]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(shape, n) for n in names), [n for n in names if not re.fullmatch(shape, n)]


def test_when_place_descriptors_run_out_then_they_repeat_rather_than_number():
    pools = Pools([])
    assert [pools.place() for _ in range(2 * len(PLACES))] == PLACES + PLACES


# ----- 4. pseudonyms suit a person of any gender ---------------------------------------
@pytest.mark.parametrize("text,name", [
    ("Lorraine runs it. She just picks up the phone.", "Lorraine"),
    ("Priya, my manager, rang me after a death on my caseload.", "Priya"),
    ("Then Gareth Lloyd came in as manager and he moved the meeting.", "Gareth"),
])
def test_when_a_person_gets_a_pseudonym_then_it_is_a_name_for_anyone(text, name):
    red = Anonymiser(REGISTER).anonymise(text)
    given = red.replacements[0].replacement.split()[0]
    assert given in FIRST and name not in red.text
    assert given not in {"Anselm", "Araminta", "Bram", "Cecily", "Ada", "Alma", "Ambrose"}  # the old, gendered pool


def test_the_neutral_pool_survives_the_gazetteers_and_the_bundled_register():
    from storymaker.load import load_project

    project, _ = load_project(ROOT)
    usable = Pools(banned_names(project.register))._first
    assert len(usable) >= 60
    assert not {n.lower() for n in usable} & first_names()


@pytest.mark.parametrize("text,expected", [
    ("Sandra rang. Sandra Pike is kind.", "Lorna rang. Lorna Quigley is kind."),
    ("Dev Sharma suggested it.", "My manager suggested it."),
])
def test_when_a_person_has_an_explicit_replacement_then_it_is_kept(text, expected):
    assert safe(text) == expected


# ----- 5. persona mode: a fictional narrator keeps its name ----------------------------
@pytest.mark.parametrize("text,expected", [
    ("Sam, who answers a council helpline", "Sam, who answers a council helpline"),
    ("Jo, who rents a flat and cares for her mum", "Jo, who rents a flat and cares for her mum"),
    ("Chris, who works on a council front desk", "Chris, who works on a council front desk"),
    ("Margaret, who answers a council helpline", None),  # registered: still replaced
    ("Sam, who answers 07700 111222 at Riverside Surgery", "Sam, who answers a phone number at the surgery"),
])
def test_when_text_is_a_persona_then_only_gazetteer_first_names_stay(text, expected):
    red = Anonymiser(REGISTER).anonymise(text, persona=True)
    assert not red.flags
    if expected is None:
        assert "Margaret" not in red.text and red.text.endswith(", who answers a council helpline")
    else:
        assert red.text == expected


@pytest.mark.parametrize("text", ["Sam, who answers a council helpline", "Will, who answers a council helpline"])
def test_when_a_persona_name_is_registered_then_it_is_still_replaced(text):
    anon = Anonymiser(register_from_mapping({"people": ["Sam Carter", "Will Hope"]}))
    red = anon.anonymise(text, persona=True)
    assert red.replacements and red.text.split(",")[0] in FIRST
    assert {"sam carter", "will hope", "carter"} <= {n.lower() for n in anon.needles()}


def test_when_text_is_not_a_persona_then_a_gazetteer_first_name_is_still_replaced():
    assert not safe("Sam, who answers a council helpline").startswith("Sam")


def test_when_a_narrator_reuses_a_name_the_data_replaced_then_the_gate_still_finds_it(tmp_path):
    """A real Sam in an excerpt and a narrator called Sam: the page would print the real name at
    the story's head, so the gate looks for it (and check reports the narrator, see test_gate_forms)."""
    anon = Anonymiser(REGISTER)
    anon.anonymise("Sam rang me about Margaret.")  # a real Sam in an excerpt: replaced
    narrator = anon.anonymise("Sam, who answers a council helpline", persona=True).text
    needles = {n.lower() for n in anon.needles()}
    assert {"sam", "margaret"} <= needles
    (tmp_path / "story.html").write_text(f"<p>{narrator}</p>", encoding="utf-8")
    assert [h.path.name for h in scan_tree(tmp_path, anon.needles())] == ["story.html"]


def test_when_a_persona_name_is_in_no_excerpt_then_the_gate_does_not_look_for_it(tmp_path):
    anon = Anonymiser(REGISTER)
    anon.anonymise("Kieran rang me about Margaret.")
    narrator = anon.anonymise("Sam, who answers a council helpline", persona=True).text
    assert "sam" not in {n.lower() for n in anon.needles()}
    (tmp_path / "story.html").write_text(f"<p>{narrator}</p>", encoding="utf-8")
    assert scan_tree(tmp_path, anon.needles()) == []


def test_the_bundled_example_reads_naturally_after_prepare():
    from storymaker.load import load_project
    from storymaker.prepare import prepare

    project, _ = load_project(ROOT)
    prep = prepare(project)
    texts = {k: r.text for k, r in prep.safe.items()}
    assert texts["S-P06-04"].startswith("At our surgery we have a debrief")
    assert texts["S-P03-04"].startswith("At the housing association we've got")
    assert "I email her and she answers the same day" in texts["S-P08-08"]
    assert "something" not in {r.replacement for red in prep.safe.values() for r in red.replacements}
    narrators = {c.story.narrator for c in prep.compositions}
    assert "Sam, who answers a council helpline" in narrators
    assert not prep.problems
