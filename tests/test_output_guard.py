"""`build --out DIR` never replaces a folder storymaker did not write: the real CLI on each bad case."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.project import run_cli
from storymaker.outguard import MARKER

DECOY = b"my own notes \x00\xff, not storymaker's\n"


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file, folder and link under ``folder``: contents byte for byte, link targets as text."""
    seen: dict[str, bytes | str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            rel = path.relative_to(folder).as_posix()
            seen[rel] = ("-> " + os.readlink(path)) if path.is_symlink() else (path.read_bytes() if path.is_file() else "dir")
    return seen


def refused(project: Path, *args: str, env: dict | None = None, watch: Path | None = None) -> str:
    """Run a build that must be refused; check exit 1, one line, no traceback, nothing changed."""
    watch = watch or project.parent
    before = snapshot(watch)
    result = run_cli("build", "--web", *args, cwd=project, env=env)
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert result.returncode == 1, result.stderr
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert snapshot(watch) == before  # decoys byte-identical, no temporary folder left behind
    return lines[0]


@pytest.fixture
def project(small_project: Path) -> Path:
    for name in ("templates", "assets"):
        (small_project / name).mkdir()
        (small_project / name / "decoy.bin").write_bytes(DECOY)
    (small_project / "stories" / "decoy.bin").write_bytes(DECOY)
    (small_project.parent / "sibling.txt").write_bytes(DECOY)
    return small_project


@pytest.mark.parametrize("out, expected", [
    (".", "--out .: is the project folder itself"),
    ("..", "--out ..: contains the project folder"),
    ("stories", "--out stories: is inside the project's stories/ folder"),
    ("templates", "--out templates: is inside the project's templates/ folder"),
    ("assets", "--out assets: is inside the project's assets/ folder"),
    ("private", "--out private: is inside the project's private/ folder"),
    ("stories/excerpts", "--out stories/excerpts: is inside the project's stories/ folder"),
    ("output/../stories", "--out output/../stories: is inside the project's stories/ folder"),
    ("/", "--out /: is the filesystem root"),
    ("", "--out : needs a folder; choose a new or empty folder"),
    ("~", "--out ~: starts with '~', which the shell did not expand here"),
    ("~/site", "--out ~/site: starts with '~'"),
])
def test_when_out_is_a_project_or_system_folder_then_it_is_refused(project: Path, out: str, expected: str):
    assert refused(project, "--out", out).startswith(expected)


def test_when_out_is_the_home_folder_then_it_is_refused(project: Path, tmp_path: Path):
    home = tmp_path / "users" / "home"
    home.mkdir(parents=True)
    (home / "decoy.bin").write_bytes(DECOY)
    env = {**os.environ, "HOME": str(home)}
    assert "is your home folder" in refused(project, "--out", str(home), env=env)
    assert "is your home folder or above it" in refused(project, "--out", str(tmp_path / "users"), env=env)


def test_when_out_is_a_folder_of_someone_elses_files_then_it_is_refused(project: Path, tmp_path: Path):
    theirs = tmp_path / "theirs"
    (theirs / "deep").mkdir(parents=True)
    (theirs / "deep" / "decoy.bin").write_bytes(DECOY)
    line = refused(project, "--out", str(theirs))
    assert line == (f"--out {theirs}: is not empty and was not written by storymaker (no {MARKER} file): "
                    "nothing was changed; choose a new or empty folder, e.g. --out build, or move its contents away")


def test_when_out_is_a_symlink_to_the_project_then_it_is_refused(project: Path, tmp_path: Path):
    (tmp_path / "link").symlink_to(project)
    assert "is a symbolic link" in refused(project, "--out", str(tmp_path / "link"))
    assert "is the project folder itself" in refused(project, "--out", str(tmp_path / "link" / "stories" / ".."))


def test_when_out_is_a_file_then_it_is_refused(project: Path, tmp_path: Path):
    assert "is a file, not a folder" in refused(project, "--out", str(tmp_path / "sibling.txt"))


def test_when_output_holds_files_from_before_the_marker_then_it_is_refused(project: Path):
    (project / "output").mkdir()
    (project / "output" / "decoy.bin").write_bytes(DECOY)
    assert refused(project).startswith("output: is not empty and was not written by storymaker")


def test_when_private_holds_the_users_own_files_then_the_build_is_refused(project: Path):
    (project / "private").mkdir()
    (project / "private" / "decoy.bin").write_bytes(DECOY)
    assert refused(project) == ("private: is not empty and was not written by storymaker (no .storymaker-written file): "
                                "nothing was changed; storymaker writes private/ itself: move its contents elsewhere and build again")


def test_when_a_file_is_added_to_a_built_folder_then_the_next_build_refuses_and_keeps_it(project: Path, tmp_path: Path):
    out = tmp_path / "site"
    first = run_cli("build", "--web", "-q", "--out", str(out), cwd=project)
    assert first.returncode == 0, first.stderr
    assert (out / MARKER).is_file() and (out / "web" / "index.html").is_file()
    (out / "web" / "decoy.bin").write_bytes(DECOY)
    line = refused(project, "--out", str(out), watch=tmp_path)
    assert line == (f"--out {out}: holds web/decoy.bin that storymaker did not write: nothing was changed; "
                    "move them out of the folder and build again")


@pytest.mark.parametrize("state", ["missing", "empty", "built before"])
def test_when_out_is_missing_empty_or_ours_then_the_build_writes_it(project: Path, tmp_path: Path, state: str):
    out = tmp_path / "site"
    if state != "missing":
        out.mkdir()
    if state == "built before":
        assert run_cli("build", "--web", "-q", "--out", str(out), cwd=project).returncode == 0
    result = run_cli("build", "--web", "-q", "--out", str(out), cwd=project)
    assert result.returncode == 0 and result.stderr == ""
    assert (out / "web" / "index.html").is_file()
    assert (project / "templates" / "decoy.bin").read_bytes() == DECOY
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("site")) == ["site"]


def test_when_init_meets_a_folder_with_its_own_templates_then_nothing_is_copied_over(tmp_path: Path):
    target = tmp_path / "mine"
    (target / "templates" / "web").mkdir(parents=True)
    (target / "templates" / "web" / "style.css").write_bytes(DECOY)
    before = snapshot(tmp_path)
    result = run_cli("init", str(target))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"storymaker: {target}/templates already exists: choose an empty or new folder"
    assert snapshot(tmp_path) == before


def test_when_private_holds_the_users_own_files_then_compose_refuses_too(project: Path):
    (project / "private").mkdir()
    (project / "private" / "decoy.bin").write_bytes(DECOY)
    before = snapshot(project.parent)
    result = run_cli("--project", str(project), "compose")
    lines = [l for l in result.stderr.splitlines() if l.strip() and not l.startswith("warning:")]
    assert result.returncode == 1 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("private: is not empty and was not written by storymaker")
    assert without_cache(snapshot(project.parent)) == without_cache(before)


def without_cache(snap: dict) -> dict:
    return {k: v for k, v in snap.items() if ".storymaker-cache" not in k}
