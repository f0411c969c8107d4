"""Why this quote: the reasons for every chosen excerpt and the rule behind each near miss."""
from __future__ import annotations

import dataclasses
import json

from helpers.compose import beat, corpus, excerpt, project, safe_for, spec
from storymaker.compose import compose
from storymaker.compose.explain import explain


def explained(excerpts, story, audience="staff", channel="web", withdrawn=()):
    proj = project(excerpts, withdrawn=withdrawn)
    usable = project([e for e in excerpts if e.participant not in withdrawn])
    composition = compose(usable, story, audience, channel, safe_for(excerpts))
    return explain(proj.excerpts, proj.withdrawn, story, composition, safe_for(excerpts))


def misses(explanation, beat_index=0):
    return {m.excerpt: (m.rule, m.reason) for m in explanation.beats[beat_index].near_misses}


def two_beats(first=None, **kw):
    first = first or beat("Being asked", ("care",), 2, line=4)
    return spec((first, beat("When the targets stopped", ("targets",), 2, line=9)), **kw)


def test_when_a_quote_is_pinned_then_its_reason_is_pinned():
    ex = corpus()
    first = dataclasses.replace(beat("Being asked", ("care",), 2, line=4), pin=("P03-targets-0",))
    got = explained(ex, two_beats(first))
    chosen = got.beats[0].chosen
    assert chosen[0].excerpt == "P03-targets-0" and chosen[0].reason == "pinned (not tagged care)"
    assert chosen[1].reason.startswith("matched themes care; balance: first quote from ")


def test_when_excerpts_break_rules_then_each_near_miss_names_its_rule():
    ex = corpus(participants=6, each=1)
    ex += [excerpt("X-web-only", "P02", "I only said this on the web.", ("care",), consent=("web",)),
           excerpt("X-sensitive", "P03", "Something private.", ("care",), sensitive=True),
           excerpt("X-gone", "P09", "I have withdrawn.", ("care",)),
           excerpt("X-excluded", "P04", "The editor said no.", ("care",))]
    first = dataclasses.replace(beat("Being asked", ("care",), 2, line=4), exclude=("X-excluded",))
    got = misses(explained(ex, two_beats(first), channel="video", withdrawn=("P09",)))
    assert got["X-web-only"] == ("consent", "no video consent (consent given: web)")
    assert got["X-sensitive"][0] == "sensitive"
    assert got["X-gone"] == ("withdrawn", "participant P09 has withdrawn (stories/withdrawn.yaml)")
    assert got["X-excluded"] == ("excluded", "excluded from this beat (exclude:)")


def test_when_an_excerpt_is_used_in_another_beat_then_it_is_already_used():
    ex = corpus(themes=("care",), participants=6, each=1)
    story = spec((beat("One", ("care",), 2, line=4), beat("Two", ("care",), 2, line=9)))
    got = explained(ex, story)
    second = {q.excerpt for q in got.beats[1].chosen}
    for eid in second:
        assert misses(got, 0)[eid] == ("used", f"already used in beat 2 'Two'")


def test_when_a_long_excerpt_would_dominate_then_the_share_and_the_numbers_are_given():
    ex = corpus(participants=6, each=1) + [excerpt("X-long", "P09", "I talked for a long time. " * 20, ("care",))]
    rule, reason = misses(explained(ex, two_beats()))["X-long"]
    assert rule == "share"
    assert reason.startswith("would push P09 over 40% of quoted words (to ") and reason.endswith("%)")
    assert int(reason.rsplit("(to ", 1)[1].rstrip("%)")) > 40


def test_when_a_usable_excerpt_lost_on_balance_then_it_says_so():
    ex = corpus()
    got = explained(ex, two_beats())
    rules = {rule for rule, _reason in misses(got).values()}
    assert rules <= {"balance", "seed", "used", "share"} and {"balance", "seed"} & rules
    assert any(r.endswith("(pin it to use it)") for _rule, r in misses(got).values())


def test_when_explained_then_only_ids_appear_never_the_participants_words():
    ex = corpus()
    got = explained(ex, two_beats())
    text = json.dumps(got.to_dict()) + "\n".join(got.lines())
    assert all(e.text not in text for e in ex)
    assert "P0" in text


def test_when_compose_explain_runs_then_it_prints_to_stdout_and_writes_nothing_public(example_copy, cli):
    result = cli("compose", "--explain", "--story", "when-the-targets-stopped", "--project", str(example_copy))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("when-the-targets-stopped (staff/web): ")
    assert "  beat 1 'Working to the clock'" in out and "    chose S-P" in out and "    not S-P" in out
    assert not (example_copy / "output").exists()
    built = cli("build", "--web", "--story", "when-the-targets-stopped", "--project", str(example_copy))
    assert built.returncode == 0, built.stderr
    trail = json.loads((example_copy / "private/provenance/staff/when-the-targets-stopped-web.json").read_text())
    assert trail["explanation"]["beats"][0]["chosen"]
    assert "Why these quotes" in (example_copy / "private/provenance/staff/when-the-targets-stopped-web.md").read_text()
    public = "".join(p.read_text(errors="ignore") for p in (example_copy / "output").rglob("*") if p.is_file()
                     and p.suffix in {".html", ".json", ".txt", ".vtt"})
    assert "S-P0" not in public and "matched themes" not in public
