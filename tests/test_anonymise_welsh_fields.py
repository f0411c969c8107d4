"""A Welsh story's own fields are read as Welsh however short they are: "Beth nesaf?" ("What
next?") keeps its "Beth", where it had been swapped for a pseudonym and then stopped the build
on every other "Beth" on the site. A name in a Welsh field is still a name. All fictional."""
from __future__ import annotations

from helpers.project import run_cli
from storymaker.anonymise import Anonymiser
from storymaker.model import Register


def test_a_short_welsh_question_keeps_its_words_when_the_text_is_known_to_be_welsh():
    anon = Anonymiser(Register())
    for question in ("Beth nesaf?", "Beth wedyn?", "Beth amdanoch chi?"):
        assert anon.anonymise(question, welsh=True).text == question
    assert anon.anonymise("Beth nesaf?").text != "Beth nesaf?"  # unknown language: read as English, a name


def test_a_name_or_number_in_a_welsh_field_is_still_caught():
    anon = Anonymiser(Register())
    red = anon.anonymise("Ffoniwch Eirlys Pritchard ar 07700 900461.", welsh=True)
    assert "07700" not in red.text and "Pritchard" not in red.text


def test_a_welsh_story_with_a_short_welsh_summary_checks_and_builds_as_written(small_project):
    spec = small_project / "stories/short-community.story.yaml"
    text = spec.read_text(encoding="utf-8")
    text = text.replace('summary: "Someone who uses local services on being given time."',
                        'summary: "Beth nesaf?"\nlang: cy')
    spec.write_text(text, encoding="utf-8")
    checked = run_cli("check", "--project", str(small_project))
    assert "summary" not in checked.stderr, checked.stderr
    built = run_cli("build", "--web", "--project", str(small_project))
    assert built.returncode == 0, built.stderr
    page = (small_project / "output/web/community/short-community.html").read_text(encoding="utf-8")
    assert "Beth nesaf?" in page
