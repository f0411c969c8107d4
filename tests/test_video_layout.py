"""The layout step: every element of every slide in every format in its own box, inside the
format's safe area, none overlapping; and contact sheets of the slides in tests/artefacts/."""
from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from PIL import Image

from helpers.video import IMAGE, ROOT, TEMPLATES, short_story
from storymaker.model import VIDEO_FORMATS
from storymaker.render.video.placement import inside, overlap
from storymaker.render.video.plan import Slide, plan_slides
from storymaker.render.video.slides import Canvas, draw_slide, place
from storymaker.assets.theme import load_theme

ARTEFACTS = ROOT / "tests" / "artefacts"
LONG = ("I had a target for arrears calls, so many a day, and I knew people were struggling, but I just "
        "didn't have permission to ask why, and nobody above me wanted to hear it either.")
def _said(slide: Slide) -> Slide:
    return Slide(slide.kind, slide.text, " ".join((slide.text, slide.subtitle)), slide.heading, slide.subtitle,
                 slide.image, slide.beat, slide.unit)


SLIDES = tuple(_said(s) for s in (
    Slide("title", "When the targets stopped on the helpline at last", "", subtitle="Told by Sam, who answers a council helpline"),
    Slide("linking", "For years, a number on the wall decided how long anyone got.", "",
          heading="Before the change came to the helpline", image=str(IMAGE), beat=0, unit="01-1"),
    Slide("linking", "Then the manager turned the dashboard off.", "", heading="Turning off targets", beat=1, unit="02-1"),
    Slide("quote", "She made me a cup of tea.", "", heading="Caring about staff", beat=0, unit="01-2"),
    Slide("quote", LONG, "", heading="The long and winding heading of this beat", beat=0, unit="01-3"),
    Slide("end", "A composite story from four interviews, with a fictional narrator, read by a synthetic voice.", "", heading="About this story", subtitle="Music: CC0, made for storymaker"),
)) + (Slide("quote", "We switched the dashboard off.", "Words said that are not on the screen.", heading="Turning off targets",
            beat=1, unit="02-2"),)


def _theme_with_logo(tmp_path: Path):
    folder = tmp_path / "video" / "branded"
    folder.mkdir(parents=True)
    text = (TEMPLATES / "default" / "theme.yaml").read_text(encoding="utf-8")
    (folder / "theme.yaml").write_text(text.replace("logo:                   #", "logo:\n  file: logo.png\n  #"), encoding="utf-8")
    Image.new("RGBA", (300, 120), (240, 180, 60, 255)).save(folder / "logo.png")
    return load_theme(tmp_path / "video", "branded", ROOT)


@pytest.mark.parametrize("fmt", list(VIDEO_FORMATS))
@pytest.mark.parametrize("branded", [False, True])
def test_when_slides_are_laid_out_then_no_two_elements_overlap_and_all_stay_in_the_safe_area(fmt, branded, tmp_path):
    theme = _theme_with_logo(tmp_path) if branded else load_theme(TEMPLATES, "default", ROOT)
    canvas = Canvas(theme, fmt, "staff/test")
    safe = canvas.px("safe")
    for slide in SLIDES:
        items = place(slide, canvas)
        names = [i.name for i in items]
        assert ("logo" in names) is branded
        assert {"heading", "quote_mark", "quote"} <= set(names) or slide.kind != "quote"
        for item in items:
            assert inside(item.box, safe), f"{fmt} {slide.kind}: {item.name} {item.box} leaves the safe area {safe}"
        for a, b in itertools.combinations(items, 2):
            assert not overlap(a.box, b.box), f"{fmt} {slide.kind}: {a.name} {a.box} overlaps {b.name} {b.box}"


def test_when_the_social_formats_are_laid_out_then_text_keeps_clear_of_the_platforms_buttons():
    theme = load_theme(TEMPLATES, "default", ROOT)
    for fmt in ("9:16", "4:5"):
        w, h = VIDEO_FORMATS[fmt]
        x, y, bw, bh = Canvas(theme, fmt, "t").px("safe")
        assert y >= 0.14 * h - 1 and y + bh <= 0.65 * h + 1 and x + bw <= 0.86 * w + 1


def test_when_the_words_are_on_screen_then_no_caption_band_is_kept_for_them():
    canvas = Canvas(load_theme(TEMPLATES, "default", ROOT), "9:16", "t")
    said = Slide("quote", "She made me a cup of tea.", "She made me a cup of tea.", heading="Care", beat=0)
    other = Slide("linking", "Before", "Something else entirely is said here.", heading="Care", beat=0)
    assert "caption" not in [p.name for p in place(said, canvas)]
    assert "caption" in [p.name for p in place(other, canvas)]


def test_when_the_story_is_planned_then_the_end_card_is_the_short_disclosure():
    theme = load_theme(TEMPLATES, "default", ROOT)
    slides = plan_slides(short_story(), ("", ""), theme.settings.labels, "Narrated by a synthetic voice.")
    end = slides[-1]
    assert end.text == end.narration and len(end.narration.split()) <= 16
    assert end.text == "A composite story from four interviews, with a fictional narrator, read by a synthetic voice."


def test_contact_sheets_of_every_slide_in_every_format_are_written():
    theme = load_theme(TEMPLATES, "default", ROOT)
    ARTEFACTS.mkdir(exist_ok=True)
    for fmt, (w, h) in VIDEO_FORMATS.items():
        canvas = Canvas(theme, fmt, "staff/test")
        pictures = [draw_slide(s, canvas) for s in SLIDES]
        scale = 360 / max(w, h)
        tw, th = round(w * scale), round(h * scale)
        sheet = Image.new("RGB", (tw * 3 + 40, th * 2 + 30), "white")
        for n, pic in enumerate(pictures):
            sheet.paste(pic.resize((tw, th), Image.LANCZOS), (10 + (n % 3) * (tw + 10), 10 + (n // 3) * (th + 10)))
        path = ARTEFACTS / f"slides-{fmt.replace(':', 'x')}.png"
        sheet.save(path)
        assert path.stat().st_size > 10_000
