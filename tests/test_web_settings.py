"""Web settings in stories/project.yaml and the web fields of story specs, through the real CLI."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from storymaker.load import load_project

BASE_URL_WARNING = "warning: stories/project.yaml: base_url is not set"


def settings(project: Path, text: str) -> None:
    (project / "stories/project.yaml").write_text(text, encoding="utf-8")


def spec(project: Path, **fields) -> Path:
    path = project / "stories/short-staff.story.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_when_base_url_is_missing_then_check_warns_once(cli, small_project):
    settings(small_project, 'title: "T"\n')
    result = cli("--project", str(small_project), "check")
    assert result.returncode == 0 and result.stderr.count(BASE_URL_WARNING) == 1


def test_when_base_url_is_missing_then_build_warns_once_and_still_builds(cli, small_project):
    settings(small_project, 'title: "T"\n')
    result = cli("--project", str(small_project), "build", "--web")
    assert result.returncode == 0, result.stderr
    assert (result.stdout + result.stderr).count("base_url is not set") == 1


@pytest.mark.parametrize("text", ['base_url: "https://stories.example.org/"\n', "share: false\n"])
def test_when_base_url_is_set_or_sharing_is_off_then_there_is_no_warning(cli, small_project, text):
    settings(small_project, 'title: "T"\n' + text)
    result = cli("--project", str(small_project), "check")
    assert result.returncode == 0 and "base_url" not in result.stderr


def test_init_writes_base_url_and_the_web_settings_into_the_project(cli, tmp_path):
    assert cli("init", str(tmp_path / "new")).returncode == 0
    text = (tmp_path / "new/stories/project.yaml").read_text(encoding="utf-8")
    assert "\nbase_url:" in text and "language: en-GB" in text
    for key in ("contact_url", "accessibility_url", "logo", "noindex_staff"):
        assert f"# {key}:" in text


@pytest.mark.parametrize("line, expected", [
    ("base_url: stories.example.org", "stories/project.yaml:2: 'base_url' must be an absolute address"),
    ("language: Welsh", "stories/project.yaml:2: 'language' must be a language tag such as cy or en-GB, not 'Welsh' (did you mean cy?)"),
    ("noindex_staff: sometimes", "stories/project.yaml:2: 'noindex_staff' must be true or false"),
    ("contact_url: javascript:alert(1)", "stories/project.yaml:2: 'contact_url' must be an absolute address"),
    ("logo: ../outside.png", "stories/project.yaml:2: logo '../outside.png': must stay inside the project folder"),
    ("theme_colour: '#000000'", "stories/project.yaml:2: unknown setting 'theme_colour' (did you mean 'theme_color'?)"),
])
def test_when_a_setting_is_wrong_then_check_names_the_file_line_and_fix(cli, small_project, line, expected):
    settings(small_project, 'title: "T"\n' + line + "\n")
    result = cli("--project", str(small_project), "check")
    assert result.returncode == 1 and expected in result.stderr and "Traceback" not in result.stderr


def test_when_settings_are_right_then_the_project_carries_them(small_project):
    settings(small_project, "title: T\nbase_url: https://s.example.org/x\nlanguage: cy\nshare: false\n"
                            "contact_url: mailto:stories@example.org\naccessibility_url: https://example.org/a11y\n"
                            "noindex_staff: true\ntheme_color: '#224466'\n")
    project, problems = load_project(small_project)
    assert problems == []
    web = project.web
    assert (project.base_url, web.lang, web.share, web.noindex_staff, web.theme_color) == ("https://s.example.org/x", "cy", False, True, "#224466")
    assert (web.contact_url, web.accessibility_url) == ("mailto:stories@example.org", "https://example.org/a11y")


def test_when_a_spec_has_web_fields_then_they_are_read(small_project):
    spec(small_project, lang="cy", published="2026-03-14", updated="2026-04-01", translation_of="other-story",
         beats=[{"heading": "No more clock", "themes": ["targets.off"], "discuss": ["What changed?", "Why?"]}])
    project, problems = load_project(small_project)
    story = next(s for s in project.stories if s.slug == "short-staff")
    assert problems == []
    assert (story.lang, story.published, story.updated, story.translation_of) == ("cy", "2026-03-14", "2026-04-01", "other-story")
    assert story.beats[0].discuss == ("What changed?", "Why?")


@pytest.mark.parametrize("fields, expected", [
    ({"published": "14/03/2026"}, "'published' must be a date such as 2026-03-14"),
    ({"published": "2026-03-14", "updated": "2026-01-01"}, "'updated' (2026-01-01) is before 'published' (2026-03-14)"),
    ({"lang": "Cymraeg"}, "'lang' must be a language tag such as cy or en-GB"),
])
def test_when_a_spec_web_field_is_wrong_then_check_says_where_and_how_to_fix_it(cli, small_project, fields, expected):
    spec(small_project, **fields)
    result = cli("--project", str(small_project), "check")
    lines = (small_project / "stories/short-staff.story.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, ln in enumerate(lines, 1) if ln.startswith(f"{list(fields)[-1]}:"))  # the field's own line
    assert result.returncode == 1 and f"stories/short-staff.story.yaml:{line}: {expected}" in result.stderr


def test_when_a_spec_has_no_published_date_then_source_date_epoch_gives_it(small_project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773446400")  # 2026-03-14 00:00 UTC
    project, _ = load_project(small_project)
    assert {s.published for s in project.stories} == {"2026-03-14"}


def test_when_discussion_prompts_name_someone_then_the_build_stops(cli, small_project):
    spec(small_project, beats=[{"heading": "No more clock", "themes": ["targets.off"],
                                "discuss": ["What did Zebedee Quarmby do?"]}])
    result = cli("--project", str(small_project), "check")
    assert result.returncode == 1 and "discussion prompt" in result.stderr and "Zebedee" not in result.stderr
