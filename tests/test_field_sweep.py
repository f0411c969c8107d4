"""Every field of a story spec and of stories/project.yaml, fed a value of the wrong type or an
impossible one: `storymaker check` answers with one line per problem, naming the file and the
field's own line, never a traceback (web-test findings 12 and 14)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.site import write_project
from storymaker.cli import main

SPEC = """title: "The quiet desk"
audience: staff
narrator: "Rhys, who shelves books on the early shift"
summary: "What the first weeks at the library were like."
outputs: [web]
min_contributors: 3
max_share: 0.5
target_words: 400
seed: 1
order: auto
persona: ["works the early shift"]
exclude: [L-Q05-02]
lang: en-GB
published: 2026-03-02
updated: 2026-03-09
video:
  formats: ["16:9"]
  voice: {engine: espeak, name: en-gb}
  music_licence: "none"
  theme: default
  fps: 25
beats:
  - heading: "Arriving"
    themes: [welcome.first]
    excerpts: 2
    intro: "The first days were the ones people remembered."
    outro: "That was the start."
    image_alt: "nothing"
    pin: [L-Q01-01]
    exclude: [L-Q02-01]
    discuss: ["What helped you in your first week?"]
  - heading: "Helping out"
    themes: [team.help]
    excerpts: 2
"""

SETTINGS = """title: "Harbour Library Stories"
description: "Composite stories about a small library."
base_url: "https://stories.example.org/harbour/"
language: en-GB
share: true
contact_url: "https://example.org/contact"
accessibility_url: "https://example.org/accessibility"
noindex_staff: false
theme_color: "#123b4a"
"""

BAD = ["{bad: 1}", "[[1, 2]]", "2026-02-30", "-7", "yes", "2026-13-01 10:00"]
LINE = re.compile(r"^stories/[\w./-]+:(\d+): \S")


def keys(text: str) -> list[tuple[int, str]]:
    """(line number, key) of every ``key: value`` line."""
    return [(n, m.group(1)) for n, line in enumerate(text.splitlines(), start=1)
            if (m := re.match(r"^\s*(?:- )?(\w+):", line))]


def with_value(text: str, line: int, value: str) -> str:
    """The text with the key at ``line`` given ``value`` instead of its own (and its children)."""
    lines = text.splitlines(keepends=True)
    head = re.match(r"^(\s*(?:- )?)(\w+:)", lines[line - 1])
    column = len(head.group(1))
    end = line
    while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > column:
        end += 1
    lines[line - 1:end] = [f"{head.group(0)} {value}\n"]
    return "".join(lines)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = write_project(tmp_path_factory.mktemp("sweep") / "p", {})
    return root


def check(root: Path, capsys) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["--project", str(root), "check"])
    captured = capsys.readouterr()
    lines = [ln for ln in (captured.err + captured.out).splitlines()
             if ln.strip() and not ln.startswith(("warning:", "OK:")) and not ln.endswith("problem(s) found.")]
    return code, lines


def test_the_template_spec_and_settings_are_valid(project, capsys):
    (project / "stories/quiet-desk.story.yaml").write_text(SPEC, encoding="utf-8")
    (project / "stories/project.yaml").write_text(SETTINGS, encoding="utf-8")
    assert check(project, capsys) == (0, [])


@pytest.mark.parametrize("where, line, key", [("spec", n, k) for n, k in keys(SPEC)] +
                         [("settings", n, k) for n, k in keys(SETTINGS)])
def test_a_wrong_value_in_any_field_is_one_line_at_that_field_never_a_traceback(project, capsys, where, line, key):
    spec, settings = project / "stories/quiet-desk.story.yaml", project / "stories/project.yaml"
    target, rel = (spec, "stories/quiet-desk.story.yaml") if where == "spec" else (settings, "stories/project.yaml")
    for bad in BAD:
        spec.write_text(SPEC, encoding="utf-8")
        settings.write_text(SETTINGS, encoding="utf-8")
        target.write_text(with_value(SPEC if where == "spec" else SETTINGS, line, bad), encoding="utf-8")
        code, lines = check(project, capsys)
        assert all(LINE.match(ln) for ln in lines), (key, bad, lines)
        if code:
            assert any(ln.startswith(f"{rel}:{line}: ") for ln in lines), (key, bad, lines)
    spec.write_text(SPEC, encoding="utf-8")
    settings.write_text(SETTINGS, encoding="utf-8")
