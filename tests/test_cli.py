"""The CLI as a user meets it: exit codes, path:line: messages, never a traceback."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from helpers.project import REPO, add_excerpt


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append_row(project: Path, row: str) -> None:
    add_excerpt(project, row)


def lines_of(result) -> list[str]:
    return [l for l in result.stderr.splitlines() if l.strip()]


def test_check_on_the_bundled_example_is_clean(cli):
    result = cli("check", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK:")


def test_check_on_the_small_project_is_clean(cli, small_project: Path):
    result = cli("--project", str(small_project), "check")
    assert result.returncode == 0, result.stderr


BROKEN = {
    "unknown tag": (lambda p: append_row(p, 'X1,P01,"Plain words here.",staf.care,staff,web\n'),
                    r"stories/excerpts/staff.csv:\d+: unknown theme 'staf.care' \(not in stories/codebook.yaml\): did you mean 'staff.care'\?"),
    "missing field": (lambda p: append_row(p, 'X2,,"Plain words here.",staff.care,staff,web\n'),
                      r"stories/excerpts/staff.csv:\d+: empty participant"),
    "bad audience": (lambda p: append_row(p, 'X3,P01,"Plain words here.",staff.care,managers,web\n'),
                     r"stories/excerpts/staff.csv:\d+: audience 'managers' is not one of staff, community, both"),
    "duplicate id": (lambda p: append_row(p, 'X4,P01,"Plain words here.",staff.care,staff,web\nX4,P02,"Other words.",staff.care,staff,web\n'),
                     r"stories/excerpts/staff.csv:\d+: duplicate excerpt id 'X4' \(first used at stories/excerpts/staff.csv:\d+\)"),
    "unreadable file": (lambda p: (p / "stories/excerpts/bad.csv").write_bytes(b"id,text\n\xff\xfe\x00bad"),
                        r"stories/excerpts/bad.csv: not UTF-8 text"),
    "bad yaml": (lambda p: (p / "stories/broken.story.yaml").write_text("title: [unclosed\n"),
                 r"stories/broken.story.yaml:\d+: YAML syntax error"),
    "cannot compose": (lambda p: edit(p / "stories/short-staff.story.yaml", "min_contributors: 4", "min_contributors: 40"),
                       r"stories/short-staff.story.yaml:\d+: .*fewer than the 40 contributors needed"),
    "unreviewed name": (lambda p: append_row(p, 'X5,P01,"I rang Bartholomew about it.",staff.care,staff,web\n'),
                        r"stories/excerpts/staff.csv:\d+: unreviewed (?!unreviewed)[a-z ]+ 'B\*+' \(\d+ letters\) in excerpt X5, near "),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_check_on_broken_input_exits_1_with_path_line_message(cli, small_project: Path, kind: str):
    import re
    breakage, pattern = BROKEN[kind]
    breakage(small_project)
    result = cli("--project", str(small_project), "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert any(re.match(pattern, line) for line in lines_of(result)), result.stderr
    assert re.search(r"\d+ problem\(s\) found\.", result.stderr)


def test_check_reports_every_problem_at_once(cli, small_project: Path):
    for kind in ("unknown tag", "bad audience", "bad yaml"):
        BROKEN[kind][0](small_project)
    result = cli("--project", str(small_project), "check")
    assert result.returncode == 1
    assert sum(":" in l and "problem(s) found" not in l for l in lines_of(result)) >= 3


def test_unreviewed_names_are_masked_in_messages(cli, small_project: Path):
    append_row(small_project, 'X6,P01,"I rang Bartholomew about it.",staff.care,staff,web\n')
    result = cli("--project", str(small_project), "check")
    assert "Bartholomew" not in result.stderr and "artholomew" not in result.stderr


@pytest.mark.parametrize("args", [["frobnicate"], ["build", "--colour"], ["--project", "/no/such/folder", "check"]])
def test_usage_errors_exit_2(cli, args):
    result = cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_build_with_an_unknown_story_names_the_known_ones(cli, small_project: Path):
    result = cli("--project", str(small_project), "build", "--story", "nope")
    assert result.returncode == 1
    assert "no story with slug 'nope'; known stories: short-community, short-staff" in result.stderr


def test_init_creates_a_project_that_checks_clean(cli, tmp_path: Path):
    target = tmp_path / "new"
    result = cli("init", str(target))
    assert result.returncode == 0, result.stderr
    assert (target / "stories/codebook.yaml").is_file() and (target / ".gitignore").is_file()
    assert cli("--project", str(target), "check").returncode == 0
    again = cli("init", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_voices_lists_espeak(cli):
    result = cli("voices")
    assert result.returncode == 0
    assert "espeak" in result.stdout


def test_global_options_work_after_the_command_name_too(cli, small_project: Path):
    result = cli("check", "-q", "--project", str(small_project))
    assert result.returncode == 0 and result.stdout == ""
