"""The video theme as typed settings: one place for every key's kind, default and meaning,
checked once when the theme loads (``path:line``, never a traceback), and the README's table
of theme keys made from that same place."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.project import run_cli
from storymaker.assets.parse import parse_theme
from storymaker.assets.settings import Audio, ThemeSettings, Timing
from storymaker.assets.table import theme_table
from storymaker.assets.theme import load_theme
from storymaker.errors import RenderError

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO / "templates" / "video" / "default" / "theme.yaml"


def _with(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_the_readme_lists_every_theme_key_with_its_default_exactly_as_the_settings_define_them():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert theme_table() in readme, "regenerate the table with: python -m storymaker.assets.table"


def test_the_bundled_theme_reads_without_a_problem_and_sets_what_the_renderer_uses():
    settings, problems = parse_theme(DEFAULT.read_text(encoding="utf-8"), str(DEFAULT))
    assert problems == []
    assert settings.audio.true_peak_db == -1.5 and settings.timing.sentence_gap == 0.45
    assert settings.sizes.quote == (0.068, 0.041) and settings.sizes.persona == (0.038, 0.038)
    assert settings.boxes("9:16").caption_box == (0.06, 0.56, 0.79, 0.09)


def test_when_a_key_is_left_out_then_its_default_from_the_one_table_applies():
    settings, problems = parse_theme("timing:\n  pause: 1.2\n", "theme.yaml")
    assert problems == []
    assert settings.timing == Timing(pause=1.2) and settings.audio == Audio() and settings.labels.music == "Music: {licence}"
    assert parse_theme("", "theme.yaml") == (ThemeSettings(), [])


@pytest.mark.parametrize("old, new, needle, message", [
    ("colours:", "colors:", "colors:", "unknown theme key 'colors'; known keys: name, fonts, colours"),
    ("  lead_in: 0.35", "  lead_in: soon", "lead_in: soon", "timing.lead_in must be a number; fix it or remove the line"),
    ("  accent: \"#f2b33d\"", "  acent: \"#f2b33d\"", "acent:", "unknown theme key colours.acent; known keys here: background"),
    ("  accent: \"#f2b33d\"", "  accent: \"#f2b33\"", "accent:", "colours.accent must be a colour such as"),
    ("    safe: [0.06, 0.08, 0.88, 0.84]", "    safe: [0.06, 0.08, 0.88]", "0.88]",
     "formats.16:9.safe must be [x, y, width, height] fractions of the frame"),
    ("  corner: top-right", "  corner: middle", "corner: middle", "logo.corner must be one of top-left, top-right"),
    ("  hold_stills: true", "  hold_stills: sometimes", "hold_stills:", "encoding.hold_stills must be true or false"),
    ("  \"4:5\":", "  \"5:4\":", "\"5:4\":", "unknown video format '5:4' in formats; choose from 16:9, 1:1, 4:5, 9:16"),
    ("  max_chars: 37 ", "  max_chars: 37.5 ", "max_chars:", "captions.max_chars must be a whole number"),
])
def test_when_a_theme_key_or_value_is_wrong_then_the_problem_names_the_file_line_and_key(old, new, needle, message):
    text = _with(DEFAULT.read_text(encoding="utf-8"), old, new)
    _, problems = parse_theme(text, "templates/video/default/theme.yaml")
    assert len(problems) == 1, problems
    assert problems[0].path == "templates/video/default/theme.yaml" and problems[0].line == _line_of(text, needle)
    assert problems[0].message.startswith(message), problems[0].message


def test_when_a_theme_is_broken_then_check_reports_each_problem_at_its_line_and_the_build_writes_nothing(small_project):
    theme = small_project / "templates" / "video" / "default" / "theme.yaml"
    theme.parent.mkdir(parents=True)
    text = _with(_with(DEFAULT.read_text(encoding="utf-8"), "  pause: 0.7", "  pause: long"), "ken_burns:", "kenburns:")
    theme.write_text(text, encoding="utf-8")
    result = run_cli("--project", str(small_project), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    where = "templates/video/default/theme.yaml"
    for needle in ("pause: long", "kenburns:"):
        assert f"{where}:{_line_of(text, needle)}: " in result.stderr.replace(str(small_project) + "/", ""), result.stderr
    assert run_cli("--project", str(small_project), "build", "--video").returncode == 1
    assert not (small_project / "output").exists()


def test_when_a_font_file_is_missing_from_the_theme_then_loading_says_which_role(tmp_path):
    folder = tmp_path / "video" / "plain"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(_with(DEFAULT.read_text(encoding="utf-8"), "  credits: OpenSans-Regular.ttf\n", ""),
                                       encoding="utf-8")
    with pytest.raises(RenderError, match="fonts.credits is missing; name a font file for every role"):
        load_theme(tmp_path / "video", "plain", tmp_path)


def test_when_the_theme_yaml_cannot_be_parsed_then_the_line_is_given(tmp_path):
    folder = tmp_path / "video" / "bad"
    folder.mkdir(parents=True)
    shutil.copy(DEFAULT, folder / "theme.yaml")
    with (folder / "theme.yaml").open("a", encoding="utf-8") as f:
        f.write("timing: [unclosed\n")
    with pytest.raises(RenderError, match="cannot read the theme") as err:
        load_theme(tmp_path / "video", "bad", tmp_path)
    assert err.value.problems[0].line > 90
