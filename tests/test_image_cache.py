"""check remembers pictures that decoded, by the hash of their bytes, outside the project."""
from __future__ import annotations

from pathlib import Path

from PIL import Image

from storymaker import imagecheck
from storymaker.model import Problem

WHERE = Problem("stories/a.story.yaml", 7, "")


def picture(path: Path) -> Path:
    Image.new("RGB", (64, 48), "#336699").save(path, "JPEG")
    return path


def test_a_picture_that_decoded_is_remembered_by_hash_in_the_user_cache_not_the_project(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = tmp_path / "project"
    project.mkdir()
    img = picture(project / "a.jpg")
    assert imagecheck.image_problem(img, WHERE, "image") is None
    remembered = imagecheck.cache_file().read_text(encoding="ascii").split()
    assert len(remembered) == 1 and all(c in "0123456789abcdef:" for c in remembered[0])
    assert sorted(p.name for p in project.iterdir()) == ["a.jpg"]  # nothing written beside the picture


def test_a_remembered_picture_that_is_then_truncated_is_decoded_again_and_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    img = picture(tmp_path / "a.jpg")
    assert imagecheck.image_problem(img, WHERE, "image") is None
    img.write_bytes(img.read_bytes()[:200])  # a truncated copy under the same name
    problem = imagecheck.image_problem(img, WHERE, "image")
    assert problem is not None and problem.line == 7 and "cannot be read as an image" in problem.message


def test_a_cache_that_cannot_be_written_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    img = picture(tmp_path / "a.jpg")
    assert imagecheck.image_problem(img, WHERE, "image") is None
    assert imagecheck.image_problem(img, WHERE, "image") is None
