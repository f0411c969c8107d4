"""What `storymaker check` says about a story's dates, languages, translations and voice, and about
project.yaml's base_url: one line each, at the field's own line, with the fix (web-test findings
12, 13, 14, 15, 16, 18, 30, 43)."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.site import STORIES, story_yaml, write_project
from storymaker.cli import main
from storymaker.load import load_project

WEB_ONLY = {slug: (a, t, "web", n) for slug, (a, t, _, n) in STORIES.items()}


def check(root: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--project", str(root), "check"])
    out = capsys.readouterr()
    return code, out.err + out.out


def set_field(root: Path, slug: str, key: str, value: str) -> int:
    """Give ``key`` a value in the story (replacing it, or adding it after the narrator); its line."""
    path = root / "stories" / f"{slug}.story.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next((n for n, ln in enumerate(lines) if ln.startswith(f"{key}:")), None)
    if at is None:
        at = next(n for n, ln in enumerate(lines) if ln.startswith("narrator:")) + 1
        lines.insert(at, "")
    lines[at] = f"{key}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


@pytest.fixture
def project(tmp_path) -> Path:
    return write_project(tmp_path / "p", WEB_ONLY)


@pytest.mark.parametrize("value, why", [
    ("2026-02-30", "'published' 2026-02-30 is not a real date (February has 28 days in 2026): correct it"),
    ("2026-13-01", "'published' 2026-13-01 is not a real date (there is no month 13): correct it"),
    ("2024-02-30", "'published' 2024-02-30 is not a real date (February has 29 days in 2024): correct it"),
])
def test_an_impossible_date_is_one_line_naming_the_file_and_its_line(project, capsys, value, why):
    line = set_field(project, "the-quiet-desk", "published", value)
    code, text = check(project, capsys)
    assert code == 1 and "Traceback" not in text
    assert f"stories/the-quiet-desk.story.yaml:{line}: {why}" in text.splitlines()


def test_an_impossible_updated_date_stops_a_build_with_one_line_too(project, capsys):
    line = set_field(project, "the-late-bus", "updated", "2026-04-31")
    capsys.readouterr()
    assert main(["--project", str(project), "build", "--web"]) == 1
    err = capsys.readouterr().err
    assert f"stories/the-late-bus.story.yaml:{line}: 'updated' 2026-04-31 is not a real date (April has 30 days in 2026): correct it" in err
    assert not (project / "output").exists()


def test_a_story_that_fails_to_load_is_not_reported_as_missing_by_its_decisions(project, capsys):
    set_field(project, "the-quiet-desk", "title", '"The desk Gwenhwyfar kept"')
    code, text = check(project, capsys)
    flag = text.split("storymaker decide ")[1].split()[0]
    assert main(["--project", str(project), "decide", flag, "safe"]) == 0
    assert check(project, capsys)[0] == 0
    line = set_field(project, "the-quiet-desk", "lang", "welsh")
    code, text = check(project, capsys)
    assert code == 1
    assert f"stories/the-quiet-desk.story.yaml:{line}: 'lang' must be a language tag such as cy or en-GB, not 'welsh' (did you mean cy?)" in text
    assert "does not have" not in text and "decisions.yaml" not in text


def test_a_flag_in_a_story_field_names_that_fields_line(project, capsys):
    line = set_field(project, "the-quiet-desk", "narrator", '"Rhys, who shelves books for Bronwen"')
    code, text = check(project, capsys)
    assert code == 1 and f"stories/the-quiet-desk.story.yaml:{line}: unreviewed capitalised word" in text


@pytest.mark.parametrize("lang, value, why", [
    ("cy", "the-quiet-dsk", "'translation_of' names 'the-quiet-dsk', which is not a story: did you mean 'the-quiet-desk'?"),
    ("cy", "the-late-bus-cy", "'translation_of' names this story itself: name the story this one translates, or remove it"),
    ("en-GB", "the-quiet-desk", "'translation_of' names 'the-quiet-desk', which is in the same language (en-GB): set this story's lang:"),
])
def test_a_translation_of_no_story_itself_or_the_same_language_is_refused(project, capsys, lang, value, why):
    (project / "stories/the-late-bus-cy.story.yaml").write_text(story_yaml("staff", "Y bws hwyr", "web", "Tom, sy'n cloi"),
                                                                   encoding="utf-8")
    set_field(project, "the-late-bus-cy", "lang", lang)
    line = set_field(project, "the-late-bus-cy", "translation_of", value)
    code, text = check(project, capsys)
    assert code == 1 and f"stories/the-late-bus-cy.story.yaml:{line}: {why}" in text


def test_a_translation_of_a_translation_names_the_original(project, capsys):
    for slug in ("one-cy", "two-cy"):
        (project / f"stories/{slug}.story.yaml").write_text(story_yaml("staff", "Y ddesg", "web", "Rhys"), encoding="utf-8")
        set_field(project, slug, "lang", "cy")
    set_field(project, "one-cy", "translation_of", "the-quiet-desk")
    line = set_field(project, "two-cy", "translation_of", "one-cy")
    code, text = check(project, capsys)
    assert f"stories/two-cy.story.yaml:{line}: 'translation_of' names 'one-cy', which is itself a translation (of 'the-quiet-desk'): name the original, translation_of: the-quiet-desk" in text
    set_field(project, "two-cy", "translation_of", "the-quiet-desk")
    code, text = check(project, capsys)
    assert f"stories/two-cy.story.yaml:{line}: 'the-quiet-desk' already has a translation into cy ('one-cy'): keep one, or correct lang:" in text


def test_a_language_tag_in_capitals_is_read_in_its_usual_case(project):
    set_field(project, "the-quiet-desk", "lang", "CY")
    set_field(project, "the-late-bus", "lang", "EN-gb")
    project_, problems = load_project(project)
    assert problems == []
    assert {s.slug: s.lang for s in project_.stories}["the-quiet-desk"] == "cy"
    assert {s.slug: s.lang for s in project_.stories}["the-late-bus"] == "en-GB"


def test_an_underscore_tag_is_refused_with_the_tag_meant(project, capsys):
    line = set_field(project, "the-quiet-desk", "lang", "en_GB")
    assert f"stories/the-quiet-desk.story.yaml:{line}: 'lang' must be a language tag such as cy or en-GB, not 'en_GB' (did you mean en-GB?)" in check(project, capsys)[1]


def test_a_language_with_no_catalogue_is_warned_about(project, capsys):
    line = set_field(project, "the-quiet-desk", "lang", "gd")
    code, text = check(project, capsys)
    assert code == 0
    assert f"warning: stories/the-quiet-desk.story.yaml:{line}: 'lang' gd has no catalogue of page words" in text
    set_field(project, "the-quiet-desk", "lang", "cy")
    assert "catalogue" not in check(project, capsys)[1]


@pytest.mark.parametrize("url, why", [
    ("https://example.gov.wales/straeon/?utm=x#frag", "'base_url' must not have a query (?...) or a fragment (#...): pages are addressed under it; use https://example.gov.wales/straeon/"),
    ("https://example.gov.wales/straeon/#top", "'base_url' must not have a query (?...) or a fragment (#...)"),
    ("https://editor:secret@example.gov.wales/straeon/", "'base_url' must not hold a user name or password: remove the part before @"),
])
def test_a_base_url_with_a_query_fragment_or_password_is_refused_without_a_missing_base_url_warning(project, capsys, url, why):
    (project / "stories/project.yaml").write_text(f'title: "Harbour"\nbase_url: "{url}"\n', encoding="utf-8")
    code, text = check(project, capsys)
    assert code == 1 and f"stories/project.yaml:2: {why}" in text
    assert "base_url is not set" not in text and "secret" not in text.replace(why, "")


def test_a_future_date_is_warned_about_once(project, capsys):
    line = set_field(project, "the-quiet-desk", "published", "2099-05-01")
    code, text = check(project, capsys)
    assert code == 0
    assert text.count(f"warning: stories/the-quiet-desk.story.yaml:{line}: 'published' 2099-05-01 is in the future") == 1


def test_source_date_epoch_that_is_not_a_number_is_a_problem_for_a_story_without_a_date(project, capsys, monkeypatch):
    path = project / "stories/the-quiet-desk.story.yaml"
    path.write_text("".join(ln for ln in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not ln.startswith("published:")), encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "garbage")
    code, text = check(project, capsys)
    assert code == 1
    assert ("stories/the-quiet-desk.story.yaml:1: has no 'published' date and SOURCE_DATE_EPOCH ('garbage') is not a "
            "number of seconds since 1970") in text
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert check(project, capsys)[0] == 0
    assert next(s for s in load_project(project)[0].stories if s.slug == "the-quiet-desk").published == "2026-01-01"


def test_a_welsh_video_story_with_no_voice_is_read_by_the_welsh_voice(project):
    path = project / "stories/the-late-bus.story.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("outputs: [web]", "outputs: [web, video]")
                    .replace("  voice: {engine: espeak, name: en-gb}\n", ""), encoding="utf-8")
    set_field(project, "the-late-bus", "lang", "cy")
    story = next(s for s in load_project(project)[0].stories if s.slug == "the-late-bus")
    assert (story.video.voice_engine, story.video.voice) == ("espeak", "cy")


def test_a_video_story_in_a_language_no_voice_speaks_is_warned_about(project, capsys, monkeypatch):
    import storymaker.assets.espeak as espeak
    monkeypatch.setattr(espeak, "espeak_voices", lambda: (("en-gb", "English_(Great_Britain)", "gmw/en"),))
    path = project / "stories/the-late-bus.story.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("outputs: [web]", "outputs: [web, video]")
                    .replace("  voice: {engine: espeak, name: en-gb}\n", ""), encoding="utf-8")
    line = set_field(project, "the-late-bus", "lang", "cy")
    code, text = check(project, capsys)
    assert f"warning: stories/the-late-bus.story.yaml:{line}: the story is in cy but no voice installed here speaks it" in text


def test_init_empty_writes_the_web_settings_commented_with_base_url(tmp_path, capsys):
    assert main(["init", "--empty", str(tmp_path / "new")]) == 0
    text = (tmp_path / "new/stories/project.yaml").read_text(encoding="utf-8")
    assert '\nbase_url: ""' in text and "\nlanguage: en-GB" in text
    for key in ("share", "contact_url", "accessibility_url", "logo", "noindex_staff", "theme_color"):
        assert f"\n# {key}:" in text
    _project, problems = load_project(tmp_path / "new")
    assert problems == []


def test_a_welsh_video_story_given_an_english_voice_is_warned_about(project, capsys):
    path = project / "stories/the-late-bus.story.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("outputs: [web]", "outputs: [web, video]"), encoding="utf-8")
    set_field(project, "the-late-bus", "lang", "cy")
    line = next(n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if ln.startswith("video:"))
    code, text = check(project, capsys)
    assert (f"warning: stories/the-late-bus.story.yaml:{line}: the story is in cy but its voice (espeak en-gb) speaks "
            "English: set video: voice: {engine: espeak, name: cy}") in text
