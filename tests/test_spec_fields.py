"""The editorial spec fields (pin, exclude, order, persona): parsed with path:line problems,
and checked end to end by `storymaker check` on a copy of the bundled example."""
from __future__ import annotations

from pathlib import Path

import pytest

from storymaker.load.specs import read_spec

HEAD = 'title: "T"\naudience: staff\nnarrator: "Sam, who answers a council helpline"\n'


def spec_from(tmp_path: Path, body: str):
    path = tmp_path / "t.story.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return read_spec(path, "stories/t.story.yaml")


def test_when_a_beat_pins_quotes_then_they_are_read_in_order_with_their_lines(tmp_path):
    spec, problems = spec_from(tmp_path, "exclude: [S-P02-01]\nbeats:\n  - heading: A\n    themes: [x]\n"
                                         "    pin:\n      - S-P03-02\n      - S-P01-01\n    exclude: [S-P04-01]\n")
    assert problems == []
    (beat,) = spec.beats
    assert beat.pin == ("S-P03-02", "S-P01-01") and beat.pin_lines == (9, 10)
    assert beat.exclude == ("S-P04-01",) and spec.exclude == ("S-P02-01",)
    assert beat.excerpts == 2 and spec.order == "auto"


def test_when_more_quotes_are_pinned_than_the_default_then_the_beat_draws_them_all(tmp_path):
    spec, problems = spec_from(tmp_path, "beats:\n  - heading: A\n    themes: [x]\n    pin: [a, b, c]\n")
    assert problems == [] and spec.beats[0].excerpts == 3


def test_when_order_is_fixed_then_each_beat_draws_exactly_its_pins(tmp_path):
    spec, problems = spec_from(tmp_path, "order: fixed\nbeats:\n  - heading: A\n    themes: [x]\n    pin: [a]\n")
    assert problems == [] and spec.beats[0].excerpts == 1 and spec.order == "fixed"


@pytest.mark.parametrize("body, expected", [
    ("beats:\n  - heading: A\n    themes: [x]\n    excerpts: 1\n    pin: [a, b]\n",
     "stories/t.story.yaml:5: beat 1: 2 quotes are pinned but 'excerpts' is 1; raise excerpts or unpin some"),
    ("beats:\n  - heading: A\n    themes: [x]\n    pin: [a, a]\n",
     "stories/t.story.yaml:7: beat 1: excerpt a is listed twice in 'pin'"),
    ("beats:\n  - heading: A\n    themes: [x]\n    pin: [a]\n    exclude: [a]\n",
     "stories/t.story.yaml:5: beat 1: excerpt a is both pinned and excluded; keep it in one list"),
    ("beats:\n  - heading: A\n    themes: [x]\n    pin: [a]\n  - heading: B\n    themes: [x]\n    pin:\n      - a\n",
     "stories/t.story.yaml:11: beat 'B': pin a is already used in beat 'A'; a quote appears once per story"),
    ("exclude: [a]\nbeats:\n  - heading: A\n    themes: [x]\n    pin: [a]\n",
     "stories/t.story.yaml:8: beat 'A': pin a is excluded from the whole story (story 'exclude:'); keep it in one list"),
    ("order: fixed\nbeats:\n  - heading: A\n    themes: [x]\n",
     "stories/t.story.yaml:6: beat 1: the story has order: fixed, so every beat needs a 'pin:' list of excerpt ids"),
    ("order: sorted\nbeats:\n  - heading: A\n    themes: [x]\n",
     "stories/t.story.yaml:4: 'order' must be one or more of auto, fixed, not sorted"),
    ("beats:\n  - heading: A\n    themes: [x]\n    pin: [{id: a}]\n",
     "stories/t.story.yaml:7: beat 1: 'pin' must be a list of excerpt ids, e.g. [S-P01-02]"),
    ("persona: [3]\nbeats:\n  - heading: A\n    themes: [x]\n",
     "stories/t.story.yaml:4: 'persona' must be a list of short facts"),
    ("beats:\n  - heading: A\n    themes: [x]\n    pins: [a]\n",
     "stories/t.story.yaml:7: beat 1: unknown field 'pins' (did you mean 'pin'?)"),
])
def test_when_a_spec_field_is_wrong_then_the_problem_names_the_line_and_the_fix(tmp_path, body, expected):
    spec, problems = spec_from(tmp_path, body)
    assert spec is None
    assert any(str(p).startswith(expected) for p in problems), [str(p) for p in problems]


def _pin(example: Path, story: str, beat_heading: str, pins: str) -> None:
    """Make *pins* the beat's pin: list (replacing any it has)."""
    path = example / "stories" / story
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index(f'  - heading: "{beat_heading}"\n')
    end = next((k for k in range(at + 1, len(lines)) if not lines[k].startswith("    ")), len(lines))
    body = [ln for ln in lines[at + 1:end] if not ln.startswith(("    pin:", "    excerpts:"))]
    lines[at + 1:end] = [f"    pin: {pins}\n"] + body
    path.write_text("".join(lines), encoding="utf-8")


def _line_of(example: Path, story: str, text: str) -> int:
    lines = (example / "stories" / story).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_when_a_pin_has_no_video_consent_then_check_names_it_and_the_build_stops(example_copy, cli):
    story = "when-the-targets-stopped.story.yaml"
    _pin(example_copy, story, "Someone noticed us", "[S-P04-08, S-P04-04, S-P07-05]")
    result = cli("check", "--project", str(example_copy))
    assert result.returncode == 1
    line = _line_of(example_copy, story, "S-P07-05")
    assert (f"stories/{story}:{line}: beat 'Someone noticed us': pin S-P07-05 cannot be used "
            "in the staff/video version: no video consent (consent given: web); unpin it or pin another quote") in result.stderr
    assert "Traceback" not in result.stderr
    built = cli("build", "--web", "--project", str(example_copy))
    assert built.returncode == 0, built.stderr  # the web version alone may use it
    assert cli("build", "--project", str(example_copy)).returncode == 1


def test_when_a_withdrawn_participant_is_pinned_then_check_says_withdrawn_not_unknown(example_copy, cli):
    (example_copy / "stories/withdrawn.yaml").write_text("participants: [P07]\n", encoding="utf-8")
    _pin(example_copy, "when-the-targets-stopped.story.yaml", "Someone noticed us", "[S-P04-08, S-P04-04, S-P07-05]")
    result = cli("check", "--project", str(example_copy))
    assert "pin S-P07-05 cannot be used in the staff/web version: participant P07 has withdrawn" in result.stderr


def test_when_a_pin_is_mistyped_then_check_suggests_the_id(example_copy, cli):
    _pin(example_copy, "when-the-targets-stopped.story.yaml", "Someone noticed us", "[S-P04-08, S-P01-6]")
    result = cli("check", "--project", str(example_copy))
    assert result.returncode == 1
    assert "beat 'Someone noticed us': pin S-P01-6 is not an excerpt id; did you mean S-P01-06?" in result.stderr
    assert result.stderr.count("pin S-P01-6 is not") == 1
