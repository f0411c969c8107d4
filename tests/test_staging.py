"""A failed or interrupted build leaves the previous output exactly as it was."""
from __future__ import annotations

from pathlib import Path

import pytest

from storymaker.model import Problem
from storymaker.paths import IMAGE_TYPES, confined
from storymaker.outguard import MARKER, write_marker
from storymaker.staging import staged


def previous_build(out: Path, files: dict[str, str]) -> None:
    """A folder as an earlier build left it: its files and the marker listing them."""
    out.mkdir(parents=True)
    for name, text in files.items():
        (out / name).write_text(text)
    write_marker(out, list(files))


def test_when_the_build_succeeds_then_the_new_folder_replaces_the_old(tmp_path: Path):
    out = tmp_path / "output"
    previous_build(out, {"old.html": "old"})
    with staged(out) as stage:
        (stage / "new.html").write_text("new")
        assert (out / "old.html").exists()  # readers still see the old site while building
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_when_the_build_fails_or_is_interrupted_then_the_previous_output_is_untouched(tmp_path: Path, error):
    out = tmp_path / "output"
    previous_build(out, {"page.html": "previous"})
    with pytest.raises(type(error)):
        with staged(out) as stage:
            (stage / "page.html").write_text("half-written")
            raise error
    assert (out / "page.html").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_when_carrying_over_then_rewriting_a_small_file_never_touches_the_old_copy(tmp_path: Path):
    out = tmp_path / "output"
    previous_build(out, {"videos.json": "old"})
    with pytest.raises(RuntimeError):
        with staged(out, carry_over=True) as stage:
            (stage / "videos.json").write_text("new")
            raise RuntimeError
    assert (out / "videos.json").read_text() == "old"


@pytest.mark.parametrize("name, fragment", [
    ("/etc/passwd", "use a path relative to the project folder"),
    ("../secret.jpg", "must stay inside the project folder"),
    ("assets/../../secret.jpg", "must stay inside the project folder"),
    ("C:/x.jpg", "use a path relative to the project folder"),
    ("assets/link.jpg", "points outside the project folder"),
    ("assets/missing.jpg", "no such file in the project"),
    ("assets/notes.txt", "unsupported file type"),
])
def test_when_an_asset_path_escapes_or_is_wrong_then_it_is_refused(tmp_path: Path, name: str, fragment: str):
    root = tmp_path / "p"
    (root / "assets").mkdir(parents=True)
    (tmp_path / "secret.jpg").write_bytes(b"x")
    (root / "assets/link.jpg").symlink_to(tmp_path / "secret.jpg")
    (root / "assets/notes.txt").write_text("x")
    path, problem = confined(root, name, Problem("stories/s.story.yaml", 7, ""), "image", IMAGE_TYPES)
    assert path is None and problem.path == "stories/s.story.yaml" and problem.line == 7
    assert fragment in problem.message


def test_when_an_asset_is_inside_the_project_then_its_absolute_path_is_given(tmp_path: Path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/a.jpg").write_bytes(b"x")
    path, problem = confined(tmp_path, "assets/a.jpg", Problem("s", 1, ""), "image", IMAGE_TYPES)
    assert problem is None and path == (tmp_path / "assets/a.jpg").resolve()


def test_when_a_killed_build_left_folders_behind_then_the_next_build_removes_them(tmp_path: Path):
    out = tmp_path / "output"
    previous_build(tmp_path / "output.tmp-999999999", {"half.html": "half"})  # no such process
    with staged(out) as stage:
        (stage / "page.html").write_text("whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_when_a_leftover_lookalike_was_not_written_by_storymaker_then_it_is_kept(tmp_path: Path):
    mine = tmp_path / "output.old-999999999"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    with staged(tmp_path / "output") as stage:
        (stage / "page.html").write_text("whole")
    assert (mine / "notes.txt").read_text() == "mine"


def test_when_carrying_over_then_only_files_the_last_build_wrote_are_copied(tmp_path: Path):
    out = tmp_path / "output"
    previous_build(out, {"a.html": "a"})
    (out / "stray.txt").write_text("not ours")
    write_marker(out, ["a.html", "stray.txt"])  # listed, so the guard lets it be replaced...
    (out / "stray.txt").unlink()
    (out / "late.txt").write_text("x")  # ...but a file added later is refused
    from storymaker.errors import OutputError
    with pytest.raises(OutputError, match="late.txt"):
        with staged(out, carry_over=True):
            pass
    (out / "late.txt").unlink()
    with staged(out, carry_over=True) as stage:
        assert sorted(p.name for p in stage.iterdir()) == [MARKER, "a.html"]


def test_when_the_cli_is_terminated_then_nothing_is_left_behind(small_project: Path):
    import signal
    import subprocess
    import sys
    import time
    proc = subprocess.Popen([sys.executable, "-m", "storymaker", "--project", str(small_project), "build", "--video", "-q"])
    deadline = time.time() + 60
    while time.time() < deadline and not list(small_project.glob("output.tmp-*")):
        time.sleep(0.05)
    assert list(small_project.glob("output.tmp-*")), "the build never started staging"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 130
    assert [p.name for p in small_project.iterdir() if p.name.startswith(("output", "private"))] == []


@pytest.mark.parametrize("size", [10, 3 << 20])  # a page, and a file as big as a video
def test_a_renderer_rewriting_a_carried_over_file_in_place_never_touches_the_live_output(tmp_path: Path, size):
    """A partial build carries the last build's files into the stage; ffmpeg -y and open('r+b')
    write into the file they are given. Whatever a renderer does there, output/ stays as it was."""
    out = tmp_path / "output"
    out.mkdir()
    live = out / "staff" / "story-16x9.mp4"
    live.parent.mkdir()
    live.write_bytes(b"v" * size)
    write_marker(out, ["staff/story-16x9.mp4"])
    with pytest.raises(RuntimeError):
        with staged(out, carry_over=True) as stage:
            carried = stage / "staff" / "story-16x9.mp4"
            assert carried.read_bytes() == live.read_bytes()
            with carried.open("r+b") as f:  # in place: same path, same file, no unlink
                f.write(b"NEW")
            assert live.read_bytes() == b"v" * size  # not while building
            raise RuntimeError("the publish gate refused it")
    assert live.read_bytes() == b"v" * size  # nor after a failed build
    assert live.stat().st_nlink == 1
