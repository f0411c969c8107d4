"""Issue 17 in real headless Chromium: every page of a full site, axe (also in forced colours),
the A4 handout as a PDF (pypdf), the chapters track, and screenshots to look at."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import replace

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from helpers.web import ARTEFACTS, TEMPLATES, full_site, make_story, open_page, served
from storymaker.render.web import render_site

pytestmark = pytest.mark.browser

PAGES = ["index.html", "staff/night-shift.html", "staff/neb-yn-gofyn.html", "community/night-shift.html",
         "staff/turning.html", "embed/staff/night-shift.html", "404.html"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = full_site(tmp_path_factory.mktemp("printed"))
    with served(out) as url:
        yield url


@pytest.mark.parametrize("forced", ["none", "active"])
@pytest.mark.parametrize("path", PAGES)
def test_when_axe_checks_every_page_then_nothing_is_found_also_in_forced_colours(browser, site, path, forced):
    page, problems = open_page(browser, site + path, forced_colors=forced)
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    page.close()
    assert problems == []
    assert results.violations_count == 0, results.generate_report()


def test_when_colours_are_forced_then_linking_boxes_keep_a_visible_border(browser, site):
    page, _ = open_page(browser, site + "staff/night-shift.html", forced_colors="active")
    border = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.linking'));
        return {width: s.borderTopWidth, style: s.borderTopStyle, colour: s.borderTopColor, bg: s.backgroundColor}; }""")
    page.screenshot(path=str(ARTEFACTS / "web-forced-colours.png"), full_page=True)
    page.close()
    assert border["style"] == "solid" and float(border["width"].removesuffix("px")) >= 2
    assert border["colour"] not in ("rgba(0, 0, 0, 0)", border["bg"])


def test_when_the_key_names_italic_serif_then_quotes_render_italic_serif(browser, site):
    page, _ = open_page(browser, site + "staff/night-shift.html")
    quote = page.evaluate("() => { const s = getComputedStyle(document.querySelector('.quote p')); return [s.fontStyle, s.fontFamily]; }")
    key = page.evaluate("() => { const s = getComputedStyle(document.querySelector('.key-quote')); return [s.fontStyle, s.fontFamily]; }")
    page.close()
    assert quote == key and quote[0] == "italic" and "serif" in quote[1]


def test_when_the_page_loads_then_the_chapters_track_has_one_cue_per_beat(browser, site):
    page, problems = open_page(browser, site + "staff/night-shift.html")
    page.evaluate("() => { const t = document.querySelectorAll('track')[1]; t.track.mode = 'hidden'; }")
    page.wait_for_function("() => document.querySelectorAll('track')[1].readyState === 2", timeout=5000)
    cues = page.evaluate("() => Array.from(document.querySelector('video').textTracks[1].cues, c => [c.text, c.startTime])")
    kind = page.evaluate("() => document.querySelector('video').textTracks[1].kind")
    page.close()
    assert problems == [] and kind == "chapters"
    assert cues == [["Starting out", 0], ["Turning off the targets", 1.4]]


def page_texts(pdf: PdfReader) -> list[str]:
    """Each page's text, ligatures (ﬁ, ﬀ) undone, whitespace squashed."""
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in pdf.pages]


def pdf_of(browser, url, dest):
    page, problems = open_page(browser, url)
    page.emulate_media(media="print")
    page.pdf(path=str(dest), prefer_css_page_size=True, print_background=True)
    page.close()
    assert problems == []
    return PdfReader(str(dest))


def test_when_a_story_is_printed_then_the_pdf_is_a4_with_the_address_and_prompts_last(browser, site):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    pdf = pdf_of(browser, site + "staff/night-shift.html", ARTEFACTS / "web-handout.pdf")
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in pdf.pages]
    assert len(sizes) >= 2 and all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in sizes), sizes  # not Letter
    texts = page_texts(pdf)
    assert "Questions for discussion" in texts[-1] and "What would you stop counting?" in texts[-1]
    assert "Questions for discussion" not in " ".join(texts[:-1])
    assert any("This page: https://stories.example.org/kindness/staff/night-shift.html" in t for t in texts)
    assert "Watch the story" not in " ".join(texts) and "Share this story" not in " ".join(texts)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(ARTEFACTS / "web-handout.pdf"), str(ARTEFACTS / "web-handout")], check=True)


@pytest.mark.parametrize("extra", range(0, 33, 3))
def test_when_the_disclosure_falls_at_a_page_end_then_it_moves_whole_to_the_next_page(browser, tmp_path, extra):
    """More and more one-line quotes push the (long) disclosure across every position on a page."""
    story = make_story()
    padding = replace(story.beats[1], heading="More", quotes=tuple(f"Quote number {n}." for n in range(extra)), outro="")
    beats = story.beats + (padding,)
    disclosure = ("This is a **composite** story. " + "Its narrator is fictional and the words are those of "
                  "several people we interviewed, kept as they said them. " * 10 + "End of the note.")
    render_site([make_story(beats=beats, disclosure=disclosure)], [], tmp_path / "web", templates_dir=TEMPLATES,
                site_title="Kindness at work")
    pdf = pdf_of(browser, (tmp_path / "web/staff/night-shift.html").as_uri(), tmp_path / "p.pdf")
    texts = page_texts(pdf)
    starts = [n for n, t in enumerate(texts) if "This is a composite story." in t]
    ends = [n for n, t in enumerate(texts) if "End of the note." in t]
    assert len(starts) == 1 and starts == ends, (extra, len(texts))


@pytest.mark.parametrize("path, name", [("index.html", "index"), ("staff/night-shift.html", "story"),
                                        ("staff/neb-yn-gofyn.html", "story-welsh")])
def test_screenshots_of_the_full_site_for_review(browser, site, path, name):
    for label, width in (("desktop", 1280), ("phone", 390)):
        page, problems = open_page(browser, site + path)
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTEFACTS / f"web-full-{name}-{label}.png"), full_page=True)
        overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
        page.close()
        assert problems == [] and not overflow


def test_when_printed_then_linking_boxes_stay_bordered_and_shaded_as_the_key_says(browser, site):
    """web-test 36: the printed key says "bordered, shaded boxes", so the handout keeps a light tint."""
    page, problems = open_page(browser, site + "staff/night-shift.html", media="print")
    styles = page.evaluate("""() => Array.from(document.querySelectorAll('.linking, .key-linking'), e => {
        const s = getComputedStyle(e); return [s.backgroundColor, s.borderTopColor, s.printColorAdjust]; })""")
    page.close()
    assert problems == [] and len(styles) >= 2
    assert all(bg not in ("rgba(0, 0, 0, 0)", "transparent") and border == "rgb(0, 0, 0)" and adjust == "exact"
               for bg, border, adjust in styles), styles
