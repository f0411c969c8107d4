"""A careful reviewer who follows every message reaches a passing build, and what they decide
reads right: phrase flags (quasi-identifiers) are replaced where they are, never registered;
particles of a registered name ("an", "de", "of") are no name-words; one name in several
words is one flag; a word of a registered person decided a person here is that person; a
place or organisation before a noun, or with an apposition, is replaced so the sentence
still reads. All names and places are fictional."""
from __future__ import annotations

import pytest

from helpers.project import add_excerpt, run_cli
from storymaker.anonymise import Anonymiser
from storymaker.anonymise.review import list_flags, record_decision
from storymaker.errors import InputError
from storymaker.load.register import register_from_mapping
from storymaker.model import Decision

WHERE = "excerpt T-1"


def decided(register, text: str, decision: str = "other") -> tuple[list, str]:
    """The flags in ``text``, and the text once every phrase flag is decided ``decision`` here."""
    red = Anonymiser(register).anonymise(text, where=WHERE)
    chosen = tuple(Decision(WHERE, f.token, f.context, decision) for f in red.flags)
    return list(red.flags), Anonymiser(register, chosen).anonymise(text, where=WHERE).text


PLACES = register_from_mapping({"places": ["Sgeir Mhòr", "Baile Dhonn"]})
PHRASES = [  # (sentence, what the whole phrase becomes when a reviewer replaces it here)
    ("I'm the only speech therapist for the north side of the valley, so they all wait for me.",
     "I'm a speech therapist, so they all wait for me."),
    ("Tomasz is the only Latvian welder on the island and he fixes everything.",
     "Tomasz is a welder and he fixes everything."),
    ("The first girl to crew the Baile Dhonn lifeboat was my niece.", "A girl was my niece."),
    ("Her neighbour is the one whose boat went down off Sgeir Mhòr, poor man.", "Her neighbour is someone, poor man."),
    ("My aunt who runs the shop by the slip told everyone.", "My aunt told everyone."),
    ("He was the only deaf mechanic in the whole fleet until last year.", "He was a mechanic until last year."),
]


@pytest.mark.parametrize("text,after", PHRASES)
def test_a_phrase_flag_covers_the_whole_phrase_and_is_replaced_by_a_neutral_phrase(text, after):
    flags, out = decided(PLACES, text)
    assert flags and all("quasi-identifier" in f.kind or f.kind.startswith("unreviewed") for f in flags)
    assert any("quasi-identifier" in f.kind for f in flags)
    assert out.split(" ", 1)[1] == after.split(" ", 1)[1], out  # "Tomasz" is a first name: replaced too


def test_a_phrase_flag_never_suggests_registering_the_phrase():
    red = Anonymiser(PLACES).anonymise(PHRASES[0][0], where=WHERE)
    [flag] = red.flags
    assert "other-here" in flag.suggestion and "safe" in flag.suggestion and "leave this excerpt out" in flag.suggestion
    assert "register it" not in flag.suggestion and "decide {id} person" not in flag.suggestion


PHRASE_ROW = ('S-Q-01,P01,"I was the only speech therapist for the north side of the valley, so the rest of us '
              'shared one room for the whole of the winter.",staff.care,staff,web;video')


def test_deciding_a_phrase_as_a_person_replaces_it_here_and_registers_nothing(small_project):
    add_excerpt(small_project, PHRASE_ROW)
    register = small_project / "stories/anonymise.yaml"
    before = register.read_text(encoding="utf-8")
    [flag] = [f for f in list_flags(small_project) if "quasi" in f.flag.kind]
    done = record_decision(small_project, flag, "person")  # what the old message told a reviewer to do
    assert done.path == "stories/decisions.yaml" and "here" in done.action
    assert register.read_text(encoding="utf-8") == before
    assert list_flags(small_project) == []  # no "the", "for", "of" flags anywhere
    result = run_cli("build", "--web", "--project", str(small_project))
    assert result.returncode == 0, result.stderr
    pages = " ".join(p.read_text(encoding="utf-8") for p in (small_project / "output/web").rglob("*.html"))
    assert "speech therapist for the north side" not in pages


def test_a_multi_word_phrase_of_ordinary_words_cannot_be_registered_as_a_person(small_project):
    add_excerpt(small_project, 'S-Q-02,P01,"We sat on the wall and Quorran of the harbour came by.",staff.care,'
                               'staff,web;video')
    [flag] = list_flags(small_project)
    ordinary = flag.__class__(**{**flag.__dict__, "flag": flag.flag.__class__(
        **{**flag.flag.__dict__, "token": "the wall and the harbour"})})
    with pytest.raises(InputError) as err:
        record_decision(small_project, ordinary, "person")
    assert "ordinary words" in str(err.value) and "person-here" in str(err.value) and "wall" not in str(err.value)


GAELIC = register_from_mapping({"people": ["Eachann Mac an Fhìdhleir", "Lucía de la Fuente", "Morag of the Glen"]})


@pytest.mark.parametrize("text", [
    "It took an hour to get an answer, and de facto the ferry was late.",
    "The end of the road is la-la land for an incomer.",
    "Of course there's an ambulance, but it's an hour away.",
])
def test_the_particles_of_a_registered_name_are_not_name_words(text):
    red = Anonymiser(GAELIC).anonymise(text, where=WHERE)
    assert red.text == text and not red.flags


def test_the_words_of_such_a_name_are_still_replaced_and_allow_takes_a_particle(small_project):
    red = Anonymiser(GAELIC).anonymise("Eachann rang, then Mac an Fhìdhleir himself and Fuente's sister came.")
    assert "Eachann" not in red.text and "Fhìdhleir" not in red.text and "Fuente" not in red.text
    needles = Anonymiser(GAELIC).needles()
    assert "an" not in needles and "de" not in needles and "of" not in needles
    register = small_project / "stories/anonymise.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace('  - "Alan Pryce"', '  - "Alan Pryce"\n'
                        '  - "Eachann Mac an Fhìdhleir"'), encoding="utf-8")
    add_excerpt(small_project, 'S-Q-03,P01,"We waited for Zindle, an hour at least.",staff.care,staff,web;video')
    [flag] = list_flags(small_project)
    assert flag.flag.token == "Zindle"  # "an" is not flagged as a possible name


REGISTERED_KINDS = register_from_mapping({"people": ["Hope Strachan"], "places": ["Hope", "Loch Varrin"],
                                          "organisations": ["Sunrise"]})


@pytest.mark.parametrize("text,kind", [
    ("Hope springs eternal, they say.", "place"),  # a one-word registered place at a sentence start
    ("Sunrise you said? It was before that.", "organisation"),
])
def test_a_registered_word_flag_suggests_the_kind_it_is_registered_as(text, kind):
    register = register_from_mapping({"places": ["Hope"]}) if kind == "place" else register_from_mapping(
        {"organisations": ["Sunrise"]})
    [flag] = Anonymiser(register).anonymise(text, where=WHERE).flags
    assert f"{kind}-here" in flag.suggestion and "person" not in flag.suggestion


def test_a_word_of_a_registered_place_name_is_not_called_registered():
    red = Anonymiser(register_from_mapping({"places": ["Loch Varrin"]})).anonymise(
        "I crewed on the Varrin for a year.", where=WHERE)
    assert "Varrin" not in red.text or red.flags  # replaced as the place, or flagged
    assert not any("person" in f.suggestion for f in red.flags)  # never offered as a person


@pytest.mark.parametrize("text,name", [
    ("She taught at Sgoil Bhreac Mhòr for forty years.", "Sgoil Bhreac Mhòr"),
    ("I signed on to the MV Sgarbh Dubh when I left school.", "MV Sgarbh Dubh"),
    ("There's a house on Sràid na h-Aibhne with a red door.", "Sràid na h-Aibhne"),
    ("The band was called Hake Girls Varrin back then.", "Hake Girls Varrin"),
])
def test_one_name_in_several_capitalised_words_is_one_flag_and_one_replacement(text, name):
    flags = Anonymiser(register_from_mapping({})).anonymise(text, where=WHERE).flags
    assert name in [f.token for f in flags], [f.token for f in flags]
    registered = register_from_mapping({"organisations": [name]})
    out = Anonymiser(registered).anonymise(text).text
    assert len(out.split()) <= len(text.split()) - len(name.split()) + 2, out  # one phrase, not one per word
    assert not any(word in out for word in name.split() if len(word) > 2), out


def test_words_of_one_name_registered_one_by_one_become_one_replacement():
    words = register_from_mapping({"organisations": ["Sgoil", "Bhreac", "Mhòr"]})
    out = Anonymiser(words).anonymise("She taught at Sgoil Bhreac Mhòr for forty years.").text
    assert out == "She taught at the organisation for forty years.", out


def test_a_word_of_a_registered_person_decided_a_person_here_is_that_person():
    register = register_from_mapping({"people": ["Faith Ardbeg"]})
    text = "Faith Ardbeg sorted a sitter for us, and honestly faith is what kept me going that winter."
    flags, out = decided(register, text, "person")
    assert [f.token for f in flags] == ["faith"]
    first = out.split()[0]
    assert out.count(first) == 2 and "Ardbeg" not in out and "faith" not in out.lower(), out


WORDING = register_from_mapping({"places": ["Port Vennach", "Clachan Beag"],
                                 "organisations": ["Minch Crab Packers", "Caraid Uist", "Brackenlea Surgery"]})


@pytest.mark.parametrize("text,after", [
    ("I sold tickets at Port Vennach pier for years.", "I sold tickets at the local pier for years."),
    ("She skippered the Port Vennach boat.", "She skippered the local boat."),
    ("Port Vennach folk are kind.", "The local folk are kind."),
    ("Then the Minch Crab Packers roof blew off.", "Then the roof blew off."),
    ("We queued in the Brackenlea Surgery car park.", "We queued in the surgery car park."),
    ("I volunteer for Caraid Uist, the befriending charity, on Fridays.",
     "I volunteer for the befriending charity, on Fridays."),
])
def test_a_place_or_organisation_before_a_noun_or_with_an_apposition_reads_right(text, after):
    assert Anonymiser(WORDING).anonymise(text).text == after


def test_no_place_becomes_a_city_or_a_village_and_no_organisation_one_more():
    many = register_from_mapping({"places": [f"Baile {w}" for w in "Ard Beag Mor Glas Dubh Ban Ruadh Ur Ear Iar Thuath Deas".split()],
                                  "organisations": [f"Caraid {w}" for w in "Ard Beag Mor Glas Dubh Ban".split()]})
    anon = Anonymiser(many)
    out = " ".join(anon.anonymise(f"We drove to Baile {w} and phoned Caraid {w} first.").text
                   for w in "Ard Beag Mor Glas Dubh Ban Ruadh Ur Ear Iar Thuath Deas".split())
    assert "city" not in out and "village" not in out and "one more" not in out


@pytest.mark.parametrize("register,word", [
    ({"places": ["Port Skerrin"]}, "Skerrin"),
    ({"organisations": ["Minch Lighters"]}, "Minch"),
    ({"other": ["Tobar Ban Gala"]}, "Tobar"),
    ({"people": ["Morven Achray"]}, "Achray"),
])
def test_allow_refuses_a_distinctive_word_of_any_registered_entry(register, word):
    from storymaker.load.register import parse_register
    _, problems = parse_register({**register, "allow": [word, "Port", "Gala"]}, "stories/anonymise.yaml")
    assert [p for p in problems if "is in allow but is part of a registered name" in p.message] and len(problems) == 1
    assert word not in " ".join(p.message for p in problems)


@pytest.mark.parametrize("text,after", [
    ("Read more [on our partners page](https://www.skerrinferries.co.uk/stories).", "Read more on our partners page."),
    ('Write [to Jo at the desk](mailto:jo.ardvane@example.org "email") or ring.', "Write to {first} at the desk or ring."),
    ("Read [about Minch Lighters](https://minchlighters.example.org/x) now.", "Read about the organisation now."),
])
def test_a_link_whose_address_is_an_identifier_keeps_its_words_and_loses_the_link(text, after):
    out = Anonymiser(register_from_mapping({"organisations": ["Minch Lighters"]})).anonymise(text).text
    assert "](" not in out and "a website" not in out and "an email address" not in out, out
    assert out == after.format(first=out.split()[2]) if "{first}" in after else out == after


def test_decide_with_a_broken_review_file_names_that_file_not_a_missing_flag(small_project):
    add_excerpt(small_project, 'S-Q-04,P01,"We waited for Zindle by the slip.",staff.care,staff,web;video')
    (small_project / "stories/decisions.yaml").write_text("decisions:\n  - excerpt: [unclosed\n", encoding="utf-8")
    result = run_cli("decide", "0123456789", "safe", "--project", str(small_project))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "stories/decisions.yaml:" in result.stderr and "no open flag" not in result.stderr, result.stderr


def test_a_decision_about_a_text_the_project_does_not_have_is_a_warning_naming_its_line(small_project):
    (small_project / "stories/decisions.yaml").write_text(
        "decisions:\n"
        "  - excerpt: NOPE-9\n    text: Zindle\n    context: 0123456789ab\n    decision: safe\n"
        "  - story: short-staff\n    field: beat 99 intro\n    text: Zindle\n    context: 0123456789ab\n"
        "    decision: safe\n", encoding="utf-8")
    result = run_cli("check", "--project", str(small_project))
    assert "stories/decisions.yaml:2: the decision for 'Z*****' is about excerpt NOPE-9" in result.stderr, result.stderr
    assert "stories/decisions.yaml:6: the decision for 'Z*****' is about story short-staff, beat 99 intro" in result.stderr
    assert "Zindle" not in result.stderr


def test_a_decision_naming_both_an_excerpt_and_a_story_is_a_problem(small_project):
    (small_project / "stories/decisions.yaml").write_text(
        "decisions:\n  - excerpt: S-P01-01\n    story: short-staff\n    field: summary\n    text: Zindle\n"
        "    context: 0123456789ab\n    decision: safe\n", encoding="utf-8")
    result = run_cli("check", "--project", str(small_project))
    assert result.returncode == 1 and "stories/decisions.yaml:2: a decision is about one text" in result.stderr


def test_the_gate_never_uses_a_name_particle_as_a_needle():
    needles = Anonymiser(register_from_mapping({"people": ["Gwenllian ap Rhys", "Aoife Nic an tSaoir"]})).needles()
    assert not {"ap", "an", "nic"} & {n.lower() for n in needles}


def test_a_surname_with_its_particles_is_replaced_whole():
    anon = Anonymiser(register_from_mapping({"people": ["Eachann Mac an Fhìdhleir", "Lucía de la Fuente"]}))
    out = anon.anonymise("Then Mac an Fhìdhleir himself came in, and de la Fuente after him.").text
    assert "Mac an" not in out and "de la" not in out and "Fhìdhleir" not in out and "Fuente" not in out, out
