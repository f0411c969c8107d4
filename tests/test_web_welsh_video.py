"""A Welsh story's video speaks Welsh about itself (issue 17, point 5): the title and end cards,
the credits, untitled chapters and the tracks' language tag come from the same catalogues as
the page furniture, while a theme's own labels still win for stories in the language they
are written in."""
from __future__ import annotations

import shutil

import pytest

from helpers.web import TEMPLATES, make_story, welsh_story
from storymaker.assets.settings import Labels
from storymaker.errors import InputError
from storymaker.i18n import language
from storymaker.model import Chapter
from storymaker.render.video.captions import chapters
from storymaker.render.video.plan import Slide, TimedSlide, plan_slides
from storymaker.assets.labels import track_language

SYNTHETIC = "Narrated by a synthetic voice."
STOCK_END = "A composite story from {n} interviews, with a fictional narrator, read by {reader}."


def cards(story, labels: Labels, voice: str = SYNTHETIC, words=None) -> tuple[Slide, Slide]:
    slides = plan_slides(story, (), labels, voice, words)
    return slides[0], slides[-1]


def test_when_a_welsh_story_uses_the_default_wording_then_both_cards_and_the_reader_are_welsh():
    title, end = cards(welsh_story(narrator="Alun"), Labels(composite="A composite story", end_heading="About this story",
                                                             short_disclosure=STOCK_END))
    assert (title.heading, title.subtitle, title.narration) == (
        "Stori gyfansawdd", "Adroddir gan Alun", "Ofynnodd neb sut oeddwn i. Adroddir gan Alun.")
    assert end.heading == "Am y stori hon"
    assert end.text == "Stori gyfansawdd (pump o gyfweliadau) gydag adroddwr dychmygol, wedi’i darllen gan lais synthetig."
    artist = cards(welsh_story(), Labels(short_disclosure=STOCK_END), "Narrated by a voice artist reading the participants' words.")[1]
    assert artist.text.endswith("gan actor llais.")


def test_when_an_english_theme_words_its_own_labels_then_english_stories_keep_them_and_welsh_ones_do_not():
    own = Labels(told_by="Narrated by {narrator}", composite="Composite", end_heading="How we made this",
                 short_disclosure="Made from {n} interviews; voice: {voice}")
    title, end = cards(make_story(), own)
    assert (title.heading, title.subtitle, end.heading) == ("Composite", "Narrated by Alex", "How we made this")
    assert end.text == "Made from five interviews; voice: Narrated by a synthetic voice."
    title, end = cards(welsh_story(narrator="Alun"), own)
    assert (title.heading, title.subtitle, end.heading) == ("Stori gyfansawdd", "Adroddir gan Alun", "Am y stori hon")
    assert end.text.startswith("Stori gyfansawdd (pump o gyfweliadau)")


def test_when_a_theme_is_written_in_welsh_then_welsh_stories_keep_its_labels_and_english_ones_get_english():
    welsh_theme = Labels(lang="cy", told_by="Yn adrodd: {narrator}", composite="Stori", end_heading="Y stori hon",
                         short_disclosure=STOCK_END)
    title, end = cards(welsh_story(narrator="Alun"), welsh_theme)
    assert (title.heading, title.subtitle, end.heading) == ("Stori", "Yn adrodd: Alun", "Y stori hon")
    title, end = cards(make_story(), welsh_theme)
    assert (title.heading, title.subtitle, end.heading) == ("A composite story", "Told by Alex", "About this story")
    assert end.text == "A composite story from five interviews, with a fictional narrator, read by a synthetic voice."


def test_when_a_theme_leaves_a_label_empty_then_no_language_fills_it_in():
    title, end = cards(welsh_story(), Labels(composite="", end_heading=""))
    assert title.heading == "" and end.heading == ""
    assert end.text == end.narration and end.text.startswith("Am y stori hon: stori gyfansawdd yw hon")  # the full note


def test_when_a_welsh_video_has_an_untitled_beat_then_its_chapter_is_welsh_and_its_tracks_are_tagged_cym():
    slide = Slide("quote", "Geiriau.", "Geiriau.", beat=0)
    timed = (TimedSlide(slide, 0, 0, 50, 0.0, ()),)
    assert chapters(timed, 25, language(TEMPLATES, "cy")) == (Chapter("Rhan 1", 0.0, 2.0),)
    assert chapters(timed, 25) == (Chapter("Part 1", 0.0, 2.0),)
    assert (track_language("cy"), track_language("en-GB"), track_language("zz")) == ("cym", "eng", "und")


def test_when_a_project_translates_a_card_with_a_placeholder_the_english_lacks_then_the_build_names_the_line(tmp_path):
    templates = tmp_path / "web"
    shutil.copytree(TEMPLATES, templates)
    po = templates / "locale/cy/LC_MESSAGES/messages.po"
    text = po.read_text(encoding="utf-8")
    broken = text.replace('msgstr "Adroddir gan {narrator}"', 'msgstr "Adroddir gan {adroddwr}"')
    assert broken != text
    po.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        plan_slides(welsh_story(), (), Labels(), SYNTHETIC, language(templates, "cy"))
    problem = caught.value.problems[0]
    line = next(n for n, row in enumerate(broken.splitlines(), 1) if row == 'msgid "Told by {narrator}"')
    assert (problem.path, problem.line) == (str(po), line)
    assert "{adroddwr}" in problem.message and "placeholders" in problem.message
