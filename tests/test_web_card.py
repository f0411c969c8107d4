"""The social card: size, determinism, metadata, and text that always fits."""
from __future__ import annotations

import pytest
from PIL import Image

from helpers.web import make_story
from storymaker.model import StoryBeat
from storymaker.render.web_card import SIZE, CardFonts, cached_font, draw_card, fit, save_card, short_quote, wrap

FONTS = CardFonts.find()


def test_when_card_is_saved_then_it_is_a_1200_by_630_png_whose_only_metadata_is_the_title(tmp_path):
    dest = tmp_path / "card.png"
    save_card(draw_card("A title", "A short quote from someone.", "Site", FONTS), "A title", dest)
    with Image.open(dest) as img:
        assert (img.format, img.size) == ("PNG", SIZE)
        assert img.text == {"Title": "A title"}
        assert not img.getexif()


def test_when_card_is_drawn_twice_then_the_bytes_are_identical(tmp_path):
    for name in ("a.png", "b.png"):
        save_card(draw_card("Same title", "Same quote here.", "Site", FONTS), "Same title", tmp_path / name)
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_when_card_is_drawn_then_text_is_visible_in_the_title_area():
    img = draw_card("Nobody asked me how I was", "", "Site", FONTS).convert("RGB")
    background = img.getpixel((600, 600))
    title_band = img.crop((80, 110, 1120, 180))
    assert any(px != background for px in title_band.getdata())


@pytest.mark.parametrize("text", [
    "Short",
    "A much longer title that has to wrap over more than one line of the card to fit at all",
    "Supercalifragilisticexpialidociouslyandthensomemorelettersthatneverstopatallreally",
    " ".join(["word"] * 200),
])
def test_when_text_is_long_then_it_is_wrapped_and_shrunk_to_fit_its_box(text):
    font, lines = fit(text, FONTS.bold, range(68, 39, -4), 1040, 3)
    assert 1 <= len(lines) <= 3
    assert all(font.getlength(line) <= 1040 for line in lines)


def test_when_text_cannot_fit_at_the_smallest_size_then_it_ends_with_an_ellipsis():
    font, lines = fit(" ".join(["kindness"] * 300), FONTS.italic, range(38, 25, -2), 1040, 4)
    assert font.size == 26 and lines[-1].endswith("…")


def test_when_wrapping_then_no_word_is_lost_or_reordered():
    text = "the targets can wait for once said my manager as she sat down"
    assert " ".join(wrap(text, cached_font(FONTS.bold, 60), 400)) == text


@pytest.mark.parametrize("quotes, expected", [
    (("Too short.", "This quote is just the right length for a card."), "This quote is just the right length for a card."),
    (("Tiny.", "Small."), "Tiny."),
    ((" ".join(["long"] * 40),), " ".join(["long"] * 30) + "…"),
])
def test_when_choosing_the_card_quote_then_the_first_short_one_is_taken(quotes, expected):
    story = make_story(beats=(StoryBeat("Part", "", quotes),))
    assert short_quote(story) == expected
