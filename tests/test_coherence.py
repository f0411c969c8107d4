"""Coherence warnings: quotes that should and should not trigger each rule, the false-warning
rate on a hand-labelled sample of the bundled example, and the bundled stories themselves."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from storymaker.build import load
from storymaker.compose.coherence import coherence
from storymaker.compose.provenance import QuoteRecord
from storymaker.compose.sentences import word_count
from storymaker.model import Beat, Story, StoryBeat, StorySpec
from storymaker.prepare import prepare

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "data" / "coherence"


def warnings_for(beats, narrator="Sam, who answers a council helpline", persona=()):
    """*beats*: [(intro, [quote, ...]), ...] or [(intro, [quotes], outro)]."""
    spec_beats, story_beats, records = [], [], []
    for i, (intro, quotes, *outro) in enumerate(beats):
        spec_beats.append(Beat(f"Beat {i + 1}", ("x",), intro, outro[0] if outro else "", len(quotes), line=10 * (i + 1)))
        story_beats.append(StoryBeat(f"Beat {i + 1}", intro, tuple(quotes), outro[0] if outro else ""))
        records += [QuoteRecord(i, j, f"E{i + 1}{j + 1}", "P01", q, word_count(q), ()) for j, q in enumerate(quotes)]
    spec = StorySpec("s", "T", ("staff",), narrator, tuple(spec_beats), persona=tuple(persona), source="stories/s.story.yaml", line=1)
    story = Story("s", "staff", "web", "T", narrator, tuple(story_beats), "A composite of 4 interviews.", 4)
    return coherence(story, spec, tuple(records))


def rules(found):
    return [(w.rule, w.part.excerpt or w.part.kind) for w in found]


# ----- references --------------------------------------------------------------------------

@pytest.mark.parametrize("intro, quotes, expected", [
    ("Then people started asking about more.", ["She asked about his brother too, and about me."], [("reference", "E11")]),
    ("", ["I only had my phone. He let me do it on paper."], [("reference", "E11")]),
    ("The answer used to be no.", ["They let him go on the school trip."], [("reference", "E11")]),
    ("", ["It was the best thing we did all year."], [("reference", "E11")]),
    ("", ["That was when I knew it would be all right."], [("reference", "E11")]),
])
def test_when_a_quote_leans_on_someone_not_yet_mentioned_then_it_is_a_reference_warning(intro, quotes, expected):
    assert rules(warnings_for([(intro, quotes)])) == expected


@pytest.mark.parametrize("intro, quotes", [
    ("Then a housing officer came round.", ["She asked how I was doing with money."]),
    ("", ["My manager rang me. She just wanted to know how I was."]),
    ("", ["Remy rang me after a bad day. He said take a minute."]),
    ("", ["One chap just wanted to go fishing on his own."]),
    ("The clock came down.", ["It was the best thing we did all year."]),
    ("", ["This housing officer came round and actually looked."]),
    ("", ["That day I went home early."]),
    ("", ["My mum was in hospital, and she hated it."]),
])
def test_when_the_referent_is_there_then_there_is_no_reference_warning(intro, quotes):
    assert rules(warnings_for([(intro, quotes)])) == []


def test_when_a_referent_is_in_an_earlier_beat_then_the_heading_breaks_it():
    found = warnings_for([("", ["My manager was brilliant."]), ("", ["She rang me every week."])])
    assert rules(found) == [("reference", "E21")]
    assert str(found[0]).startswith("beat 'Beat 2', quote 1 (E21): 'She' points at someone")
    assert "pin a quote that introduces it first, add linking text that does, or exclude E21" in str(found[0])


# ----- consistency and persona ---------------------------------------------------------------

@pytest.mark.parametrize("first, second, words", [
    ("Me and my husband both work shifts.", "My wife says I worry too much.", "'My wife' says a wife"),
    ("At our surgery we have a debrief now.", "When I started at the council there was a screen.", "works for the council"),
    ("I'm a nurse, so I see it every day.", "Our trustees were nervous about it.", "works for a charity"),
    ("Our flat is above the shop, so it's noisy.", "Our house was always cold.", "lives in a house"),
    ("Everyone knows everyone in this town.", "Our village has one bus a day.", "lives in a village"),
])
def test_when_a_quote_contradicts_an_earlier_quote_then_it_is_a_consistency_warning(first, second, words):
    found = warnings_for([("", [first, second])], narrator="Alex")
    assert [w.rule for w in found if w.rule != "person"] == ["consistency"]
    message = str(next(w for w in found if w.rule == "consistency"))
    assert "beat 'Beat 1', quote 2 (E12)" in message and words in message and "quote 1 (E11)" in message
    assert message.endswith("pin another quote or exclude E12")


@pytest.mark.parametrize("first, second", [
    ("Me and my husband both work shifts.", "My partner says I worry too much."),
    ("My son started school this year.", "My daughter is at college."),
    ("At our surgery we have a debrief now.", "The doctor started it, actually."),
    ("My ex-husband never rang.", "My wife says I worry too much."),
])
def test_when_quotes_can_both_be_true_then_there_is_no_consistency_warning(first, second):
    assert [w for w in warnings_for([("", [first, second])], narrator="Alex") if w.rule == "consistency"] == []


@pytest.mark.parametrize("narrator, persona, quote, expected", [
    ("Chris, who works on a council front desk", (), "Then I got Ellery as my work coach, and he asked about my back.",
     "says looking for work, but the narrator ('Chris, who works on a council front desk') says in work ('works')"),
    ("Sam, who answers a council helpline", (), "At our surgery we have a debrief after a bad day now.",
     "says works in health care, but the narrator ('Sam, who answers a council helpline') says works for the council"),
    ("Jo, who rents a flat and cares for her mum", ("lives alone",), "Nobody had asked about me and my husband.",
     "says a husband, but the persona ('lives alone') says no partner ('lives alone')"),
    ("Jo, who rents a flat and cares for her mum", (), "I look after my dad most days.",
     "says cares for their dad, but the narrator ('Jo, who rents a flat and cares for her mum') says cares for their mum"),
    ("Jo", ("has no children",), "My kids were at school.", "says has children, but the persona ('has no children') says no children"),
    ("Jo, who rents a flat", (), "Our house was always cold.", "says lives in a house, but the narrator"),
    ("Jo, who cares for her mum", (), "As a dad, you worry.", "says male, but the narrator ('Jo, who cares for her mum') says female"),
])
def test_when_a_quote_contradicts_the_narrator_or_persona_then_it_is_a_persona_warning(narrator, persona, quote, expected):
    (found,) = [w for w in warnings_for([("", [quote])], narrator, persona) if w.rule != "reference"]
    assert found.rule == "persona" and expected in found.message
    assert str(found).endswith("pin another quote or exclude E11, or change the narrator line or persona")


@pytest.mark.parametrize("narrator, persona, quote", [
    ("Jo, who rents a flat and cares for her mum", (), "I've looked after my mum for six years now."),
    ("Jo, who rents a flat", (), "I love my flat, even when it's damp."),
    ("Chris, who works on a council front desk", (), "My manager told me to take a minute."),
    ("Sam, who answers a council helpline", (), "When I started at the council there was a screen above our heads."),
])
def test_when_a_quote_fits_the_narrator_then_there_is_no_persona_warning(narrator, persona, quote):
    found = [w for w in warnings_for([("", [quote])], narrator, persona) if w.rule == "persona"]
    assert found == []


@pytest.mark.xfail(strict=True, reason="a known limit: 'my husband' told in the past is still read as a current partner")
def test_when_a_partner_is_in_the_past_then_a_lives_alone_persona_still_fits():
    found = warnings_for([("", ["My husband left years ago, so it's just me."])], "Jo", ("lives alone",))
    assert [w for w in found if w.rule == "persona"] == []


# ----- tense and person ----------------------------------------------------------------------

PRESENT_QUOTE = "Now my first appointment is just a conversation. What's getting in the way? Sometimes it's childcare, and we can sort that."
PAST_QUOTE = "I had a target for arrears calls. So you rang, asked for the money, ticked it. I knew people were struggling, I just didn't ask."


def test_when_adjacent_quotes_are_told_in_different_tenses_then_it_is_a_tense_warning():
    found = warnings_for([("", [PRESENT_QUOTE, PAST_QUOTE])])
    assert rules(found) == [("tense", "E12")]
    assert "told in the past tense and the quote before it in the present" in found[0].message


def test_when_tenses_change_across_a_heading_or_within_a_mixed_quote_then_there_is_no_tense_warning():
    assert rules(warnings_for([("", [PRESENT_QUOTE]), ("Then the clock came down.", [PAST_QUOTE])])) == []
    mixed = "Before, I'd have logged the bin and moved on. Now I can ask, and I do."
    assert rules(warnings_for([("", [PAST_QUOTE, mixed])])) == []


def test_when_the_speaker_disappears_next_to_a_first_person_quote_then_it_is_a_person_warning():
    third = "They let him go on the school trip. Before, they always said no. This time he went."
    found = warnings_for([("", ["I rang the helpline and someone actually listened to me.", third])], narrator="Alex")
    assert rules(found) == [("person", "E12")]
    assert rules(warnings_for([("", ["I rang and someone listened to me.", "You could hear it in their voices."])])) == []
    assert rules(warnings_for([("", ["I rang and someone listened.", "The league table came down, and the whole office breathed out."])])) == []


# ----- linking text --------------------------------------------------------------------------

@pytest.mark.parametrize("intro", [
    "I've stood on both sides of the counter.",
    "Every call I made felt like a race against the clock.",
    "We used to say no whenever we were in doubt.",
    "I'm not a case number any more.",
    "I still answer the phone.",
])
def test_when_linking_text_claims_an_experience_then_it_is_a_linking_warning(intro):
    found = warnings_for([(intro, ["My manager asked how I was."])])
    assert rules(found) == [("linking", "intro")]
    assert str(found[0]).startswith("beat 'Beat 1', intro: the linking text claims an experience ('")


@pytest.mark.parametrize("intro", [
    "Then the clock came down.",
    "For years, a number on the wall decided how long anyone got.",
    "What changed first was who asked the questions.",
    "Even the forms and the phones started to work for people.",
    "Trust came next.",
])
def test_when_linking_text_only_connects_then_there_is_no_linking_warning(intro):
    assert rules(warnings_for([(intro, ["My manager asked how I was."])])) == []


# ----- the bundled example -------------------------------------------------------------------

def _project_with(tmp_path: Path, specs: list[Path]) -> Path:
    dest = tmp_path / "p"
    shutil.copytree(REPO / "stories", dest / "stories")
    for old in (dest / "stories").glob("*.story.yaml"):
        old.unlink()
    for spec in specs:
        shutil.copy(spec, dest / "stories" / spec.name)
    return dest


def _key(w) -> str:
    return f"{w.rule} {w.part.excerpt}" if w.part.kind == "quote" else f"{w.rule} beat {w.part.beat + 1} {w.part.kind}"


def _story_words(story) -> int:
    return sum(word_count(t) for b in story.beats for t in (b.intro, *b.quotes, b.outro))


def test_when_the_labelled_sample_is_checked_then_false_warnings_stay_under_one_per_thousand_words(tmp_path):
    labels = yaml.safe_load((SAMPLE / "labels.yaml").read_text(encoding="utf-8"))
    prep = prepare(load(_project_with(tmp_path, sorted(SAMPLE.glob("*.story.yaml")))))
    assert not prep.problems and len(prep.compositions) == len(labels) == 24
    words, false, missed = 0, [], []
    for c in prep.compositions:
        found = {_key(w) for w in c.warnings}
        expected = set(labels[c.story.slug] or [])
        words += _story_words(c.story)
        false += [f"{c.story.slug}: {k}" for k in sorted(found - expected)]
        missed += [f"{c.story.slug}: {k}" for k in sorted(expected - found)]
    assert words > 6000
    assert len(false) * 1000 / words <= 1, false
    assert missed == []  # every slip an editor marked is still caught


def test_when_the_bundled_stories_are_composed_then_they_have_no_coherence_warning():
    prep = prepare(load(REPO))
    assert not prep.problems
    assert [str(w) for c in prep.compositions for w in c.warnings] == []
