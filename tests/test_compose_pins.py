"""pin:, exclude: and order: fixed: the editor's choices, and every rule a pin can break."""
from __future__ import annotations

import dataclasses

import pytest

from helpers.compose import beat, corpus, excerpt, project, safe_for, spec
from storymaker.compose import compose
from storymaker.errors import ComposeError
from storymaker.model import Redaction


def picked(composition, beat_index=None):
    return [q.excerpt for q in composition.provenance.quotes if beat_index is None or q.beat == beat_index]


def pinned_beat(pins, themes=("care",), excerpts=None, exclude=()):
    b = beat("Being asked", themes, excerpts or max(2, len(pins)), "It started with a question.", line=4)
    return dataclasses.replace(b, pin=tuple(pins), exclude=tuple(exclude), pin_lines=tuple(10 + i for i in range(len(pins))))


def story_with(first_beat, **kw):
    return spec((first_beat, beat("When the targets stopped", ("targets",), 2, "Then the targets went.", line=9)), **kw)


def problems_of(excerpts, story, audience="staff", channel="web", safe=None, withdrawn=()):
    with pytest.raises(ComposeError) as caught:
        compose(project(excerpts, withdrawn=withdrawn), story, audience, channel, safe or safe_for(excerpts))
    return [str(p) for p in caught.value.problems]


def test_when_quotes_are_pinned_then_they_open_the_beat_in_the_pinned_order():
    ex = corpus()
    for seed in range(5):
        story = story_with(pinned_beat(["P04-care-2", "P01-care-0"], excerpts=3), seed=seed)
        got = picked(compose(project(ex), story, "staff", "web", safe_for(ex)), 0)
        assert got[:2] == ["P04-care-2", "P01-care-0"] and len(got) == 3


def test_when_a_pinned_quote_is_not_tagged_with_the_beat_theme_then_it_is_still_used():
    ex = corpus()
    story = story_with(pinned_beat(["P02-targets-1"]))
    got = compose(project(ex), story, "staff", "web", safe_for(ex))
    assert picked(got, 0)[0] == "P02-targets-1"
    assert "P02-targets-1" not in picked(got, 1)  # pinned in beat 1: never chosen again in beat 2


def test_when_a_quote_is_excluded_from_a_beat_then_it_is_never_chosen_there():
    ex = corpus(participants=4, each=1)
    first = dict(zip(range(4), ["P01-care-0", "P02-care-0", "P03-care-0", "P04-care-0"]))
    for seed in range(6):
        chosen = picked(compose(project(ex), story_with(pinned_beat([]), seed=seed), "staff", "web", safe_for(ex)), 0)
        story = story_with(pinned_beat([], exclude=chosen[:1]), seed=seed)
        again = picked(compose(project(ex), story, "staff", "web", safe_for(ex)), 0)
        assert chosen[0] not in again and set(again) <= set(first.values())


def test_when_a_quote_is_excluded_from_the_story_then_no_beat_uses_it():
    ex = corpus(themes=("care",), participants=6, each=2)
    story = spec((beat("One", ("care",), 3, line=4), beat("Two", ("care",), 3, line=9)))
    before = picked(compose(project(ex), story, "staff", "web", safe_for(ex)))
    story = dataclasses.replace(story, exclude=tuple(before[:3]))
    after = picked(compose(project(ex), story, "staff", "web", safe_for(ex)))
    assert not set(before[:3]) & set(after)


def test_when_order_is_fixed_then_the_story_is_exactly_its_pins_whatever_the_seed():
    ex = corpus()
    pins = (["P01-care-0", "P02-care-1"], ["P03-targets-2", "P04-targets-0"])
    story = spec((pinned_beat(pins[0]), dataclasses.replace(beat("Two", ("targets",), 2, line=9), pin=tuple(pins[1]))),
                 order="fixed")
    for seed in (0, 7, 99):
        got = compose(project(ex), dataclasses.replace(story, seed=seed), "staff", "web", safe_for(ex))
        assert picked(got) == pins[0] + pins[1]


def test_when_a_pin_is_not_an_excerpt_id_then_check_suggests_the_closest():
    ex = corpus()
    (message,) = problems_of(ex, story_with(pinned_beat(["P01-care-O"])))
    assert message.startswith("stories/kind-manager.yaml:10: beat 'Being asked': pin P01-care-O is not an excerpt id")
    assert "did you mean P01-care-0, P01-care-1 or P01-care-2?" in message


def test_when_an_exclude_is_not_an_excerpt_id_then_check_suggests_the_closest():
    ex = corpus()
    story = dataclasses.replace(story_with(pinned_beat([])), exclude=("P03-targts-1",))
    (message,) = problems_of(ex, story)
    assert "story exclude: P03-targts-1 is not an excerpt id; did you mean P03-targets-1?" in message


@pytest.mark.parametrize("change, audience, channel, withdrawn, rule", [
    (dict(consent=("web",)), "staff", "video", (), "no video consent (consent given: web)"),
    (dict(audience="community"), "staff", "web", (), "it is for the community audience only, and this is the staff version"),
    (dict(sensitive=True), "staff", "web", (), "it is marked sensitive"),
    ({}, "staff", "web", ("P05",), "participant P05 has withdrawn"),
])
def test_when_a_pin_breaks_a_rule_then_the_problem_names_the_pin_and_the_rule(change, audience, channel, withdrawn, rule):
    ex = corpus()
    ex = [dataclasses.replace(e, **({k: frozenset(v) if k == "consent" else v for k, v in change.items()}))
          if e.id == "P05-care-1" else e for e in ex]
    (message,) = problems_of(ex, story_with(pinned_beat(["P05-care-1"])), audience, channel, withdrawn=withdrawn)
    assert f"beat 'Being asked': pin P05-care-1 cannot be used in the {audience}/{channel} version: {rule}" in message
    assert message.startswith("stories/kind-manager.yaml:10:")


def test_when_a_pin_has_unreviewed_identifiers_then_it_cannot_be_quoted():
    ex = corpus()
    safe = safe_for(ex)
    safe["P05-care-1"] = Redaction(safe["P05-care-1"].text, flags=(object(),))
    (message,) = problems_of(ex, story_with(pinned_beat(["P05-care-1"])), safe=safe)
    assert "pin P05-care-1" in message and "cannot be quoted verbatim" in message


def test_when_fixed_pins_come_from_too_few_people_then_the_contributors_rule_says_so():
    ex = corpus()
    story = spec((pinned_beat(["P01-care-0", "P02-care-0"]),
                  dataclasses.replace(beat("Two", ("targets",), 2, line=9), pin=("P01-targets-0", "P02-targets-1"))),
                 order="fixed")
    message, share = problems_of(ex, story)  # two people, two quotes each: 50% each breaks max_share too
    assert "max_share is 40%" in share
    assert "the pins come from 2 participants (P01, P02), so at most 2 contributors; the staff version needs 4" in message


def test_when_fixed_pins_give_one_person_too_many_words_then_the_share_rule_gives_the_numbers():
    ex = corpus(participants=5) + [excerpt("P09-long", "P09", "I said a great deal. " * 30, ("care",))]
    story = spec((pinned_beat(["P09-long", "P01-care-0"]),
                  dataclasses.replace(beat("Two", ("targets",), 2, line=9), pin=("P02-targets-0", "P03-targets-1"))),
                 order="fixed")
    (message,) = problems_of(ex, story)
    assert "pins P09-long give participant P09 150 of" in message and "max_share is 40%" in message


def test_when_automatic_choices_cannot_balance_a_long_pin_then_the_search_names_the_pin():
    ex = corpus(participants=5) + [excerpt("P09-long", "P09", "I said a great deal. " * 60, ("care",))]
    (message,) = problems_of(ex, story_with(pinned_beat(["P09-long"])))
    assert "participant P09 would supply" in message and "(pinned: P09-long;" in message


def test_when_a_pinned_quote_is_composed_then_it_stays_verbatim():
    ex = corpus()
    got = compose(project(ex), story_with(pinned_beat(["P04-care-2"])), "staff", "web", safe_for(ex))
    by_id = {e.id: e.text for e in ex}
    assert got.story.beats[0].quotes[0] == by_id["P04-care-2"]
