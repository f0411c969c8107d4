"""compose: plain English for community, reading ease, and the disclosure on every version."""
from __future__ import annotations

import dataclasses

import pytest

from helpers.compose import beat, corpus, excerpt, project, safe_for, spec
from storymaker.compose import compose
from storymaker.compose.plain import apply_glossary, find_jargon, reading_ease
from storymaker.model import VideoSpec

GLOSSARY = {"MDT": "team meeting", "safeguarding": "keeping people safe", "caseload": "list of people I support"}


@pytest.mark.parametrize("text, expected", [
    ("The MDT met.", "The team meeting met."),
    ("mdt again", "Team meeting again"),
    ("Safeguarding came first.", "Keeping people safe came first."),
    ("MDTs and caseloads stay", "MDTs and caseloads stay"),
    ("My caseload, my safeguarding.", "My list of people I support, my keeping people safe."),
])
def test_when_glossary_is_applied_then_whole_words_are_replaced_whatever_their_case(text, expected):
    out, edits = apply_glossary(text, GLOSSARY)
    assert out == expected
    assert all(e.kind == "glossary" for e in edits)


def jargon_story(**kw):
    beats = (beat("Safeguarding first", ("care",), 2, "The MDT changed how we worked.", "My caseload shrank."),
             beat("Targets", ("targets",), 2, "Then the targets went."))
    return spec(beats, summary="A story about safeguarding.", **kw)


def jargon_corpus():
    ex = corpus(6, 2)
    return [excerpt(e.id, e.participant, e.text + " The MDT was my lifeline.", e.themes) if e.themes == ("care",)
            else e for e in ex]


def test_when_composed_for_community_then_linking_text_is_plain_and_quotes_are_flagged_not_rewritten():
    ex = jargon_corpus()
    comp = compose(project(ex, glossary=GLOSSARY), jargon_story(), "community", "web", safe_for(ex))
    first = comp.story.beats[0]
    assert (first.heading, first.intro, first.outro) == (
        "Keeping people safe first", "The team meeting changed how we worked.", "My list of people I support shrank.")
    assert comp.story.summary == "A story about keeping people safe."
    assert all("The MDT was my lifeline." in q for q in first.quotes)
    flagged = [n for n in comp.notes if "beat 'Keeping people safe first'" in n]
    assert len(flagged) == 2 and all("'MDT' (plain: 'team meeting')" in n for n in flagged)
    intro = [s for s in comp.provenance.sentences if s.part == "intro" and s.beat == 0]
    assert intro[0].authored and [(e.before, e.after) for e in intro[0].edits] == [("MDT", "team meeting")]


def test_when_composed_for_staff_then_the_glossary_is_not_applied():
    ex = jargon_corpus()
    comp = compose(project(ex, glossary=GLOSSARY), jargon_story(), "staff", "web", safe_for(ex))
    assert comp.story.beats[0].intro == "The MDT changed how we worked."
    assert comp.notes == ()


def test_when_the_title_uses_jargon_then_community_gets_a_note():
    ex = corpus(6, 2)
    story = dataclasses.replace(spec(), title="Safeguarding with kindness")
    comp = compose(project(ex, glossary=GLOSSARY), story, "community", "web", safe_for(ex))
    assert any("the title uses 'Safeguarding'" in n for n in comp.notes)


@pytest.mark.parametrize("easier, harder", [
    ("We sat down. She asked me how I was. I felt seen.",
     "Organisational responsiveness necessitates multidisciplinary collaboration, notwithstanding considerable "
     "administrative complexity and institutional inertia."),
    ("The team met.", "The multidisciplinary safeguarding consortium convened extraordinarily."),
])
def test_when_text_is_plainer_then_its_reading_ease_is_higher(easier, harder):
    assert reading_ease(easier) > reading_ease(harder)


def test_when_a_story_is_composed_then_each_version_has_a_reading_ease_score():
    ex = jargon_corpus()
    proj = project(ex, glossary=GLOSSARY)
    staff = compose(proj, jargon_story(), "staff", "web", safe_for(ex))
    community = compose(proj, jargon_story(), "community", "web", safe_for(ex))
    assert isinstance(staff.story.reading_ease, float) and isinstance(community.story.reading_ease, float)
    assert community.story.reading_ease > staff.story.reading_ease  # the glossary made it plainer


def test_when_jargon_appears_twice_then_it_is_flagged_once_per_quote():
    assert find_jargon("MDT, then mdt again, then safeguarding.", GLOSSARY) == [
        ("MDT", "team meeting"), ("safeguarding", "keeping people safe")]


@pytest.mark.parametrize("audience, channel", [("staff", "web"), ("staff", "video"), ("community", "web"),
                                               ("community", "video")])
def test_when_a_story_is_composed_then_its_disclosure_names_the_interviews_and_the_method(audience, channel):
    ex = corpus(8, 2)
    comp = compose(project(ex), spec(), audience, channel, safe_for(ex), voice_credit="Narrated by Test Voice.")
    text = comp.story.disclosure
    assert "composite" in text.lower()
    assert f"{comp.story.contributors} interviews" in text
    assert comp.story.contributors == len({q.participant for q in comp.provenance.quotes})
    assert "fictional" in text
    assert "changed" in text and "linking text" in text
    assert ("Narrated by Test Voice." in text) is (channel == "video")
    assert comp.story.voice_credit == ("Narrated by Test Voice." if channel == "video" else "")


@pytest.mark.parametrize("video, credit", [
    (VideoSpec(), "Narrated by a synthetic voice."),
    (VideoSpec(voice_engine="espeak", voice="en-gb"), "Narrated by a synthetic voice."),
    (VideoSpec(voice_engine="piper", voice="en_GB-alba-medium"), "Narrated by a synthetic voice."),
    (VideoSpec(voice_engine="recorded"), "Narrated by a recorded human voice reading the participants' words."),
])
def test_when_no_voice_credit_is_given_then_video_names_the_voice_from_its_settings(video, credit):
    ex = corpus(6, 2)
    comp = compose(project(ex), spec(video=video), "staff", "video", safe_for(ex))
    assert comp.story.voice_credit == credit and comp.story.disclosure.endswith(credit)
