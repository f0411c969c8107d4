"""The loader reads every input format and reports each problem as path:line: message."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from helpers.project import REPO
from storymaker.load import load_project

HEADER = "id,participant,text,themes,audience,consent,role\n"
GOOD_ROW = 'E1,P01,"We just talked, you know.",staff.care;targets.off,staff,web;video,nurse\n'


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, "stories/codebook.yaml", "themes:\n  staff.care: Caring about staff\n  targets.off: Turning off targets\n")
    write(tmp_path, "stories/anonymise.yaml", "people: [Margaret Owen, {name: Dev Patel, replace: my manager, aliases: [Dev]}]\nplaces: [Wrexley]\norganisations: []\nother: []\nallow: [NHS]\n")
    write(tmp_path, "stories/excerpts/a.csv", HEADER + GOOD_ROW)
    write(tmp_path, "stories/s.story.yaml", """\
        title: A story
        audience: staff
        narrator: Sam, a nurse
        beats:
          - heading: One
            themes: [staff.care]
            intro: It started slowly.
        """)
    return tmp_path


def messages(root: Path) -> list[str]:
    return [str(p) for p in load_project(root)[1]]


def test_when_everything_is_valid_then_the_project_loads_without_problems(project: Path):
    loaded, problems = load_project(project)
    assert problems == []
    (e,) = loaded.excerpts
    assert (e.id, e.participant, e.themes, e.audience, e.consent) == ("E1", "P01", ("staff.care", "targets.off"), "staff", frozenset({"web", "video"}))
    assert (e.source, e.line, e.role) == ("stories/excerpts/a.csv", 2, "nurse")
    (spec,) = loaded.stories
    assert (spec.slug, spec.audiences, spec.contributors_needed("staff"), spec.max_share) == ("s", ("staff",), 4, 0.4)
    entry = loaded.register.entries[1]
    assert (entry.value, entry.replacement, entry.aliases) == ("Dev Patel", "my manager", ("Dev",))
    assert loaded.register.allow == frozenset({"NHS"})


def test_when_csv_has_a_bom_and_crlf_then_it_still_loads(project: Path):
    (project / "stories/excerpts/a.csv").write_bytes(b"\xef\xbb\xbf" + (HEADER + GOOD_ROW).replace("\n", "\r\n").encode())
    assert messages(project) == []


def test_when_yaml_excerpts_are_given_then_lists_and_lines_are_read(project: Path):
    write(project, "stories/excerpts/b.yaml", """\
        - id: Y1
          participant: C01
          text: It was kind.
          themes: [staff.care]
          audience: community
          consent: [web]
        - id: Y2
          participant: C02
          text: Nobody rushed me.
          themes: staff.care
          audience: both
          consent: ""
          sensitive: yes
        """)
    loaded, problems = load_project(project)
    assert problems == []
    y1, y2 = [e for e in loaded.excerpts if e.source.endswith("b.yaml")]
    assert (y1.line, y1.consent, y2.line, y2.consent, y2.sensitive) == (1, frozenset({"web"}), 7, frozenset(), True)


@pytest.mark.parametrize("row, expected", [
    ('E2,P01,"x",staff.care,managers,web\n', "stories/excerpts/a.csv:3: audience 'managers' is not one of staff, community, both"),
    ('E2,P01,"x",staff.care,staff,web;radio\n', "stories/excerpts/a.csv:3: consent 'radio' is not one of web, video"),
    ('E2,,"x",staff.care,staff,web\n', "stories/excerpts/a.csv:3: empty participant: give every excerpt a participant"),
    ('E2,P01,"x",,staff,web\n', "stories/excerpts/a.csv:3: no themes: tag the excerpt with at least one codebook theme"),
    ('E2,P01,"",staff.care,staff,web\n', "stories/excerpts/a.csv:3: empty text: give every excerpt a text"),
])
def test_when_a_csv_field_is_wrong_then_the_problem_names_the_row(project: Path, row: str, expected: str):
    write(project, "stories/excerpts/a.csv", HEADER + GOOD_ROW + row)
    assert any(m.startswith(expected) for m in messages(project)), messages(project)


def test_when_a_required_column_is_missing_then_it_is_named(project: Path):
    write(project, "stories/excerpts/a.csv", "id,participant,text,themes,audience\nE1,P01,x,staff.care,staff\n")
    assert messages(project) == ["stories/excerpts/a.csv:1: the header has no 'consent' column: every excerpt file needs the columns id, participant, text, themes, audience, consent"]


def test_when_yaml_is_malformed_then_the_line_is_given(project: Path):
    write(project, "stories/s.story.yaml", "title: A\nbeats:\n  - heading: [unclosed\n")
    (msg,) = messages(project)
    assert msg.startswith("stories/s.story.yaml:") and "YAML syntax error" in msg


def test_when_a_file_is_not_utf8_then_it_says_so(project: Path):
    (project / "stories/excerpts/a.csv").write_bytes((HEADER + "E1,P01,caf\xe9,staff.care,staff,web\n").encode("latin-1"))
    (msg,) = messages(project)
    assert msg.startswith("stories/excerpts/a.csv: not UTF-8 text")


@pytest.mark.parametrize("spec, expected", [
    ("title: A\naudience: staff\nnarrator: N\nbeats: []\n", "stories/s.story.yaml:4: 'beats' must be a non-empty list"),
    ("title: A\naudience: everyone\nnarrator: N\nbeats: [{heading: H, themes: [staff.care]}]\n", "stories/s.story.yaml:2: 'audience' must be one or more of staff, community, not everyone"),
    ("titel: A\naudience: staff\nnarrator: N\nbeats: [{heading: H, themes: [staff.care]}]\n", "stories/s.story.yaml:1: unknown field 'titel' (did you mean 'title'?)"),
    ("title: A\naudience: staff\nnarrator: N\nbeats:\n  - heading: H\n    themes: [staff.care]\n    excerpts: lots\n", "stories/s.story.yaml:7: beat 1: 'excerpts' must be a whole number from 1 to 20, not 'lots'"),
    ("title: A\naudience: staff\nnarrator: N\nbeats:\n  - heading: H\n", "stories/s.story.yaml:5: beat 1: missing 'themes'"),
    ("title: A\naudience: staff\nnarrator: N\nmax_share: 2\nbeats: [{heading: H, themes: [a]}]\n", "stories/s.story.yaml:4: 'max_share' must be a number from 0.01 to 1.0, not 2"),
    ("title: A\naudience: staff\nnarrator: N\nvideo: {formats: ['16:10']}\nbeats: [{heading: H, themes: [a]}]\n", "stories/s.story.yaml:4: video: 'formats' must be one or more of 16:9, 1:1, 4:5, 9:16, not 16:10"),
])
def test_when_a_story_spec_is_wrong_then_the_problem_names_field_and_line(project: Path, spec: str, expected: str):
    write(project, "stories/s.story.yaml", spec)
    assert any(m.startswith(expected) for m in messages(project)), messages(project)


def test_when_story_file_name_is_not_a_slug_then_rename_is_suggested(project: Path):
    (project / "stories/s.story.yaml").rename(project / "stories/My Story.story.yaml")
    assert any("rename it to lowercase letters" in m for m in messages(project))


def test_when_both_audiences_are_listed_then_the_spec_has_two_variants(project: Path):
    write(project, "stories/s.story.yaml", "title: A\naudiences: [staff, community]\nnarrator: N\noutputs: [web]\nbeats: [{heading: H, themes: [staff.care]}]\n")
    (spec,) = load_project(project)[0].stories
    assert spec.audiences == ("staff", "community") and spec.outputs == ("web",)


def test_when_register_entry_is_both_registered_and_allowed_then_it_is_reported_masked(project: Path):
    write(project, "stories/anonymise.yaml", "people: [Margaret Owen]\nallow: [NHS, margaret owen]\n")
    (msg,) = messages(project)
    assert msg.startswith("stories/anonymise.yaml:2: 'm******* o***' is in allow but is registered (line 1): the "
                          "register always wins, so remove it from allow")
    assert "margaret" not in msg.lower().replace("m*******", "")


def test_when_no_stories_folder_then_the_fix_is_suggested(tmp_path: Path):
    (msg,) = messages(tmp_path)
    assert "no stories/ folder here" in msg and "storymaker init" in msg


def test_when_withdrawn_lists_participants_then_they_are_loaded(project: Path):
    write(project, "stories/withdrawn.yaml", "participants: [P07]\n")
    assert load_project(project)[0].withdrawn == frozenset({"P07"})


def test_the_readme_table_of_spec_keys_is_the_one_the_loader_checks():
    """One place for every story spec key's default and doc: the README shows it as it is."""
    from storymaker.load.specs import BEAT_KEYS, STORY_KEYS, VIDEO_KEYS
    from storymaker.storyspec import key_table

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert key_table() in readme
    listed = set(re.findall(r"^\| `([a-z_.\[\]]+)` \|", key_table(), re.M))
    assert listed == (STORY_KEYS - {"audiences"}) | {f"beats[].{k}" for k in BEAT_KEYS} | {f"video.{k}" for k in VIDEO_KEYS}
