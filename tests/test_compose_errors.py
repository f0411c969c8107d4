"""compose: when a story's constraints cannot be met, one actionable line says why."""
from __future__ import annotations

import pytest

from helpers.compose import beat, corpus, excerpt, project, safe_for, spec
from storymaker.compose import compose
from storymaker.errors import ComposeError, InputError


def failure(excerpts, story, audience="community", channel="web", **kw):
    with pytest.raises(ComposeError) as info:
        compose(project(excerpts, [story], **kw), story, audience, channel, safe_for(excerpts))
    assert isinstance(info.value, InputError)
    [problem] = info.value.problems
    for e in excerpts:  # never the participants' words in a message
        for sentence in e.text.split(". "):
            assert sentence.strip(" .") not in problem.message
    return problem


def test_when_no_excerpt_has_the_beats_theme_then_the_beat_is_named():
    story = spec([beat("Being asked", ("care",), 2, line=4), beat("Risk", ("risk",), 2, line=12)])
    problem = failure(corpus(6, 2), story)
    assert (problem.path, problem.line) == ("stories/kind-manager.yaml", 12)
    assert problem.message.startswith("beat 'Risk': no excerpts are tagged risk")


def test_when_too_few_excerpts_are_consented_for_the_channel_then_the_numbers_are_given():
    ex = corpus(6, 2, themes=("care",)) + corpus(6, 1, themes=("targets",), consent=("web",))
    ex.append(excerpt("v1", "P01", themes=("targets",), consent=("video", "web")))
    problem = failure(ex, spec(), channel="video")
    assert problem.line == 9
    assert problem.message.startswith("beat 'When the targets stopped': only 1 excerpt tagged targets can be used "
                                      "for community/video (6 not consented for video); need 2")


def test_when_excerpts_are_sensitive_or_withdrawn_then_the_message_counts_them():
    ex = corpus(4, 1, themes=("care",)) + corpus(2, 1, themes=("targets",), sensitive=True)
    ex += [excerpt("t1", "P09", themes=("targets",))]
    problem = failure(ex, spec(), withdrawn=["P09"])
    assert "only 0 excerpts tagged targets" in problem.message
    assert "2 sensitive" in problem.message and "1 withdrawn" in problem.message


def test_when_too_few_participants_have_consented_excerpts_then_the_story_says_so():
    ex = corpus(2, 3) + corpus(5, 3, consent=("web",), seed=4)[0:0]
    problem = failure(ex, spec(outputs=("video",)), channel="video")
    assert problem.line == 1
    assert problem.message.startswith("story 'kind-manager' (community/video): only 2 participants have consented "
                                      "excerpts for community/video; need 3")


def test_when_a_single_beat_lacks_participants_then_the_beat_is_named():
    story = spec([beat("When the targets stopped", ("targets",), 3, line=9)])
    problem = failure(corpus(2, 3), story, channel="video")
    assert problem.line == 9
    assert problem.message.startswith("beat 'When the targets stopped': only 2 participants have consented "
                                      "excerpts for community/video; need 3")


def test_when_one_participant_must_dominate_then_their_share_is_named():
    long_text = " ".join(["Honestly it was the longest and hardest year of my whole working life."] * 4)
    ex = [excerpt(f"L{k}", "P03", long_text, ("care",)) for k in range(2)]
    ex += [excerpt(f"S{p}", f"P0{p}", "It helped a lot.", ("targets",)) for p in (4, 5)]
    story = spec([beat("Care", ("care",), 2), beat("Targets", ("targets",), 2)], max_share=0.4)
    problem = failure(ex, story)
    assert problem.message.startswith("story 'kind-manager' (community/web): participant P03 would supply 93% of "
                                      "quoted words; max_share is 40%")


def test_when_each_excerpt_is_used_once_and_people_run_out_then_the_contributors_are_counted():
    ex = [excerpt(f"A{k}", "P01", themes=("care",)) for k in range(3)]
    ex += [excerpt(f"B{p}", f"P0{p}", themes=("targets",)) for p in (2, 3, 4)]
    story = spec([beat("Care", ("care",), 3), beat("Targets", ("targets",), 1)])
    problem = failure(ex, story, audience="staff")
    assert "spans more than 2 participants; need 4" in problem.message


def test_when_beats_draw_fewer_quotes_than_contributors_needed_then_the_shape_is_wrong():
    story = spec([beat("Only", ("care",), 2)])
    problem = failure(corpus(9, 2), story, audience="staff")
    assert "its beats draw 2 quotes in all, fewer than the 4 contributors needed" in problem.message


def test_when_beats_overlap_and_too_few_distinct_excerpts_exist_then_that_is_said():
    ex = [excerpt(f"E{p}", f"P{p}", themes=("care",)) for p in range(3)]
    story = spec([beat("One", ("care",), 2), beat("Two", ("care",), 2)])
    problem = failure(ex, story)
    assert "its beats need 4 different excerpts but only 3 usable ones match their themes" in problem.message


@pytest.mark.parametrize("audience, channel, wording", [
    ("community", "web", "is not written for audience 'community'"),
    ("public", "web", "is not written for audience 'public'"),
    ("staff", "print", "unknown channel 'print'"),
])
def test_when_the_audience_or_channel_is_not_the_storys_then_compose_refuses(audience, channel, wording):
    problem = failure(corpus(6, 2), spec(audiences=("staff",)), audience=audience, channel=channel)
    assert wording in problem.message


def test_when_an_excerpt_has_no_safe_text_then_it_is_not_used():
    ex = corpus(8, 2)
    safe = safe_for(ex)
    unsafe = {e.id for e in ex if e.participant in ("P01", "P02", "P03")}
    for eid in unsafe:
        del safe[eid]
    comp = compose(project(ex), spec(), "community", "web", safe)
    assert not unsafe & {q.excerpt for q in comp.provenance.quotes}
