"""Input hygiene, through the real CLI: control characters, .yml names, broken or huge
images, oversized files, and quotes or videos too long to render, each reported by
`check` (and refused by `build`) as one path:line line, with no traceback and nothing written."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PIL import Image

from helpers.project import run_cli
from test_output_guard import snapshot


def problems(result) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [l for l in result.stderr.splitlines() if l.strip() and not l.startswith(("warning:", "✓"))
            and not l.endswith("problem(s) found.") and not l.endswith("problems found.")]


def check(project: Path) -> list[str]:
    result = run_cli("--project", str(project), "check")
    assert result.returncode == 1, result.stderr
    return problems(result)


def refused_build(project: Path) -> list[str]:
    before = snapshot(project)
    result = run_cli("--project", str(project), "build", "--web")
    assert result.returncode == 1
    assert snapshot(project) == before  # nothing written, no output/ or private/ started
    return problems(result)


def add_row(project: Path, text: str, ident: str = "S-P09-01", themes: str = "targets.off") -> int:
    path = project / "stories/excerpts/staff.csv"
    with path.open("a", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerow(
            [ident, "P09", "adviser", "local government", "before", "staff", "web;video", themes, "", text])
    return path.read_text(encoding="utf-8").count("\n")


@pytest.mark.parametrize("char, name", [("\x00", "NUL"), ("\x1b", "ESC"), ("\x08", "BACKSPACE"), ("\x85", "control U+0085")])
def test_when_an_excerpt_holds_a_control_character_then_its_line_is_named(small_project: Path, char: str, name: str):
    line = add_row(small_project, f"We had a clock{char} on every call.")
    expected = f"stories/excerpts/staff.csv:{line}: control character U+{ord(char):04X} ({name}) at column "
    assert any(p.startswith(expected) for p in check(small_project))
    assert any(p.startswith(expected) for p in refused_build(small_project))


def test_when_a_spec_holds_a_control_character_then_its_line_is_named(small_project: Path):
    spec = small_project / "stories/short-staff.story.yaml"
    lines = spec.read_text(encoding="utf-8").splitlines()
    number = next(i for i, l in enumerate(lines, 1) if l.startswith("title:"))
    lines[number - 1] = 'title: "The clock \x07came down"'
    spec.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert check(small_project) == [f"stories/short-staff.story.yaml:{number}: control character U+0007 (BELL) at column 19: "
                                    "remove it; only tabs and line breaks may appear in text"]


def test_tabs_and_windows_line_breaks_are_fine(small_project: Path):
    path = small_project / "stories/excerpts/staff.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    add_row(small_project, "We had a clock\ton every call.", ident="S-P01-09", themes="staff.care")
    assert run_cli("--project", str(small_project), "check").returncode == 0


def test_a_story_yml_file_is_read_like_a_story_yaml(small_project: Path):
    stories = small_project / "stories"
    (stories / "short-staff.story.yaml").rename(stories / "short-staff.story.yml")
    result = run_cli("--project", str(small_project), "check")
    assert result.returncode == 0 and ", 2 stories," in result.stdout, result.stderr
    (stories / "short-staff.story.yaml").write_text((stories / "short-staff.story.yml").read_text())
    assert check(small_project) == ["stories/short-staff.story.yml:1: two specs give the slug 'short-staff' "
                                    "(stories/short-staff.story.yaml too): keep one"]


def test_files_storymaker_would_skip_are_reported(small_project: Path):
    stories = small_project / "stories"
    (stories / "glossary.yaml").rename(stories / "glossary.yml")
    (stories / "excerpts" / "more.xlsx").write_bytes(b"PK\x03\x04")
    assert check(small_project) == [
        "stories/excerpts/more.xlsx: not read: excerpt files are .csv or .yaml; bring other formats in with 'storymaker import FILE'",
        "stories/glossary.yml: not read: storymaker reads stories/glossary.yaml; rename the file to glossary.yaml"]


def with_image(project: Path, write) -> str:
    (project / "assets").mkdir(exist_ok=True)
    write(project / "assets" / "photo.jpg")
    spec = project / "stories/short-staff.story.yaml"
    text = spec.read_text(encoding="utf-8").replace('    intro: "For years', '    image: assets/photo.jpg\n    intro: "For years', 1)
    spec.write_text(text, encoding="utf-8")
    return f"stories/short-staff.story.yaml:{next(i for i, l in enumerate(text.splitlines(), 1) if 'image: assets/photo' in l)}"


@pytest.mark.parametrize("kind, write, message", [
    ("text renamed", lambda p: p.write_text("not a picture"), "image photo.jpg cannot be read as an image (cannot identify image file)"),
    ("truncated", lambda p: Image.new("RGB", (400, 300), "teal").save(p, "JPEG") or p.write_bytes(p.read_bytes()[:400]),
     "image photo.jpg cannot be read as an image ("),
    ("huge", lambda p: Image.new("1", (8000, 7000)).save(p, "PNG"), "image photo.jpg is 8000x7000 pixels; the limit is 50 million"),
])
def test_when_an_image_is_broken_or_huge_then_check_names_the_beat(small_project: Path, kind, write, message):
    where = with_image(small_project, write)
    found = check(small_project)
    assert len(found) == 1 and found[0].startswith(f"{where}: beat 'No more clock': {message}"), found


def test_when_an_input_file_is_over_the_size_limit_then_the_limit_is_given(small_project: Path):
    path = small_project / "stories/excerpts/staff.csv"
    with path.open("a", encoding="utf-8") as f:
        f.write("# padding\n" * (21 * 1024 * 1024 // 10))
    found = check(small_project)
    assert "stories/excerpts/staff.csv: this file is 21.0 MB; the limit is 20 MB: check it is the right file, or split it into smaller ones" in found


SENTENCE = "We watched the clock on every call and never the person, and it wore all of us down over the years."


def pinned(project: Path, repeats: int) -> int:
    """A long quote (``repeats`` sentences) pinned into the staff story's first beat; its CSV line."""
    line = add_row(project, " ".join([SENTENCE] * repeats))
    spec = project / "stories/short-staff.story.yaml"
    text = spec.read_text(encoding="utf-8").replace('    excerpts: 2\n    intro: "For years', '    pin: [S-P09-01]\n    intro: "For years', 1)
    spec.write_text(text.replace("min_contributors: 4", "min_contributors: 4\nmax_share: 1.0"), encoding="utf-8")
    return line


def test_when_a_quote_is_just_too_long_for_a_slide_then_the_renderers_own_layout_decides(small_project: Path):
    line = pinned(small_project, 13)  # 1,299 characters: near the limit, so it is laid out for real
    assert check(small_project) == [
        f"stories/excerpts/staff.csv:{line}: excerpt S-P09-01 is too long for a video slide even at the smallest text size "
        "(staff/short-staff, 16:9, 1299 characters): split it into shorter excerpts, or set target_words in the spec so "
        "long quotes are trimmed"]


def test_when_a_quote_cannot_fit_a_slide_or_the_video_runs_too_long_then_check_says_so_first(small_project: Path):
    line = pinned(small_project, 200)
    found = check(small_project)
    assert found == [
        f"stories/excerpts/staff.csv:{line}: excerpt S-P09-01 is too long for a video slide even at the smallest text size "
        "(staff/short-staff, 16:9, 19999 characters): split it into shorter excerpts, or set target_words in the spec so "
        "long quotes are trimmed",
        "stories/short-staff.story.yaml:1: the staff/short-staff video would run about 27 minutes; the limit is 20: "
        "set target_words or fewer excerpts per beat"]
    result = run_cli("--project", str(small_project), "build", "--video")
    assert result.returncode == 1 and sorted(problems(result)) == sorted(found) and not (small_project / "output").exists()
