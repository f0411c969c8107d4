"""The README is true: its set-up commands exist, CI runs its test command, and the quick
start works as written (the build limited to web pages to keep the suite quick; the
video path is covered end to end in test_build.py)."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

from helpers.project import REPO, run_cli

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_two_setup_commands_are_make_targets_and_ci_runs_the_test_one():
    assert "make demo" in README and "make test" in README
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (REPO / ".ci/run").read_text(encoding="utf-8")


def quick_start() -> list[list[str]]:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [shlex.split(line.split("#", 1)[0]) for line in block.splitlines() if line.strip()]
    return [c for c in commands if c]


def test_the_quick_start_works_as_written(tmp_path: Path):
    cwd = tmp_path
    ran = []
    for command in quick_start():
        if command[0] == "cd":
            cwd = cwd / command[1]
            continue
        assert command[0] == "storymaker", command
        if command[1] == "serve":
            continue  # a server that runs until Ctrl-C; tested in test_web_serve.py
        args = command[1:] + (["--web"] if command[1] == "build" else [])
        result = run_cli(*args, cwd=cwd)
        assert result.returncode == 0, (command, result.stderr)
        ran.append(command[1])
    assert ran == ["init", "check", "compose", "build"]
    assert (cwd / "output/web/index.html").is_file()
    assert list((cwd / "private/scripts").rglob("*.md"))


def test_every_command_in_the_table_exists():
    help_text = run_cli("--help").stdout
    for name in re.findall(r"^\| `storymaker (\w+)", README, re.M):
        assert name in help_text, name
