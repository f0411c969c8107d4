"""The built site in real headless Chromium: loads cleanly, captions load, axe finds nothing."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers.web import ARTEFACTS, CUES, TEMPLATES, make_story, make_video, open_page, served
from storymaker.render.web import render_site

pytestmark = pytest.mark.browser

PAGES = ["index.html", "staff/night-shift.html", "community/night-shift.html", "staff/turning.html"]
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    video = make_video(tmp / "video")
    stories = [make_story(), make_story(audience="community", title="A cup of tea"),
               make_story(slug="turning", title="Turning off the targets", summary="")]
    render_site(stories, [video], tmp / "web", templates_dir=TEMPLATES, site_title="Kindness at work",
                site_description="Composite stories about kindness in organisations.")
    with served(tmp / "web") as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_when_page_is_opened_then_it_loads_without_errors_and_is_screenshotted(browser, site, path):
    page, problems = open_page(browser, site + path, VIEWPORTS["desktop"])
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    name = path.replace("/", "-").removesuffix(".html")
    for viewport, (width, height) in VIEWPORTS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(ARTEFACTS / f"web-{name}-{viewport}.png"), full_page=True)
    overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
    page.close()
    assert problems == []
    assert not overflow  # nothing wider than a phone screen


@pytest.mark.parametrize("path", PAGES)
def test_when_axe_checks_a_page_then_no_wcag_a_or_aa_violation_is_found(browser, site, path):
    page, _ = open_page(browser, site + path, VIEWPORTS["desktop"])
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    page.close()
    assert results.violations_count == 0, results.generate_report()


def test_when_story_has_video_then_its_caption_track_loads_with_cues(browser, site):
    page, problems = open_page(browser, site + "staff/night-shift.html", VIEWPORTS["desktop"])
    page.wait_for_function("() => document.querySelector('track').readyState === 2", timeout=5000)
    track = page.evaluate("""() => { const t = document.querySelector('video').textTracks[0];
        return {kind: t.kind, mode: t.mode, cues: t.cues ? Array.from(t.cues, c => c.text) : null}; }""")
    duration = page.evaluate("() => document.querySelector('video').duration")
    page.close()
    assert problems == []
    assert track["kind"] == "captions" and track["mode"] == "showing"
    assert track["cues"] == [c.text for c in CUES]
    assert duration == pytest.approx(2.0, abs=0.2)


def test_when_keyboard_user_tabs_first_then_skip_link_is_visible_and_moves_to_main(browser, site):
    page, _ = open_page(browser, site + "staff/night-shift.html", VIEWPORTS["phone"])
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent")
    box = page.locator(".skip-link").bounding_box()
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    page.keyboard.press("Enter")
    target = page.evaluate("() => location.hash")
    page.close()
    assert focused == "Skip to the content" and box["y"] >= 0 and outline == "solid"
    assert target == "#main"


def test_when_javascript_is_off_then_story_and_transcript_are_still_there(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "staff/night-shift.html")
    text = page.inner_text("main")
    page.locator("summary").click()
    transcript = page.inner_text("details.transcript")
    context.close()
    assert "We stopped counting calls for a week" in text
    assert "and then one day my manager just sat down with me." in transcript


def test_when_printed_then_navigation_and_video_are_hidden_and_story_remains(browser, site):
    page, _ = open_page(browser, site + "staff/night-shift.html", VIEWPORTS["desktop"])
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Object.fromEntries(['.site-header nav', '.watch', '.skip-link', '.quote']
        .map(s => [s, getComputedStyle(document.querySelector(s)).display]))""")
    page.close()
    assert shown == {".site-header nav": "none", ".watch": "none", ".skip-link": "none", ".quote": "block"}


@pytest.mark.parametrize("motion, expected", [("reduce", "auto"), ("no-preference", "smooth")])
def test_when_user_prefers_reduced_motion_then_scrolling_is_not_animated(browser, site, motion, expected):
    page, _ = open_page(browser, site + "index.html", VIEWPORTS["desktop"])
    page.emulate_media(reduced_motion=motion)
    behaviour = page.evaluate("() => getComputedStyle(document.documentElement).scrollBehavior")
    page.close()
    assert behaviour == expected


def test_when_opened_from_disk_then_relative_links_and_styles_work(browser, tmp_path):
    out = tmp_path / "web"
    render_site([make_story()], [], out, templates_dir=TEMPLATES, site_title="Kindness at work")
    page = browser.new_page()
    page.goto((out / "index.html").as_uri())
    page.click("text=Nobody asked me how I was")
    heading = page.inner_text("h1")
    colour = page.evaluate("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    page.close()
    assert heading == "Nobody asked me how I was" and colour == "rgb(18, 59, 74)"


@pytest.mark.parametrize("size", [(390, 844), (1280, 900)])
def test_when_a_picture_is_very_tall_or_very_wide_then_it_fits_the_screen_and_its_card_keeps_the_card_shape(
        browser, tmp_path, size):
    from dataclasses import replace
    from PIL import Image
    tall, wide = tmp_path / "tall.jpg", tmp_path / "wide.jpg"
    Image.new("RGB", (500, 3000), "#557755").save(tall)
    Image.new("RGB", (4000, 500), "#775555").save(wide)
    first, second = make_story().beats
    stories = [make_story(beats=(replace(first, image=str(tall), image_alt="A tall picture"), second)),
               make_story(slug="wide", beats=(replace(first, image=str(wide), image_alt="A wide picture"), second))]
    render_site(stories, [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S")
    with served(tmp_path / "web") as url:
        page, problems = open_page(browser, url + "staff/night-shift.html", size)
        shown = page.evaluate("() => { const i = document.querySelector('.lead-image'), r = i.getBoundingClientRect();"
                              " const s = Math.min(r.width / i.naturalWidth, r.height / i.naturalHeight);"
                              " return [r.width, r.height, i.naturalWidth * s, i.naturalHeight * s]; }")
        page.close()
        page, more = open_page(browser, url + "index.html", size)
        cards = page.evaluate("() => Array.from(document.querySelectorAll('.card-image'), i => {"
                              " const r = i.getBoundingClientRect(); return [r.width, r.height]; })")
        page.close()
    assert problems == [] and more == []
    assert shown[1] <= 0.7 * size[1] + 1 and abs(shown[2] / shown[3] - 500 / 3000) < 0.02  # whole, not squashed
    assert len(cards) == 2 and all(h > 0.45 * w for w, h in cards)  # the wide one is no 14 px strip


def test_when_the_embed_snippet_is_pasted_into_a_page_then_the_player_and_its_link_show_without_scrolling(browser, tmp_path):
    """web-test 22: the frame is the player and the line under it, so "read the story" is never cut off."""
    import html as markup
    import re as regex
    from helpers.web import BASE
    render_site([make_story()], [make_video(tmp_path / "video")], tmp_path / "web", templates_dir=TEMPLATES,
                site_title="S", base_url=BASE)
    story = (tmp_path / "web/staff/night-shift.html").read_text(encoding="utf-8")
    snippet = markup.unescape(regex.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', story, regex.S).group(1))
    (tmp_path / "web/host.html").write_text(f'<!DOCTYPE html><html lang="en"><title>CMS</title><body style="margin:0">{snippet}',
                                            encoding="utf-8")
    with served(tmp_path / "web") as url:
        page, problems = open_page(browser, url + "host.html")
        frame = next(f for f in page.frames if f.url.endswith("embed/staff/night-shift.html"))
        link = frame.evaluate("() => { const r = document.querySelector('.embed-link').getBoundingClientRect();"
                              " return [r.bottom, window.innerHeight, document.documentElement.scrollHeight]; }")
        page.close()
    assert problems == []
    assert link[0] <= link[1] + 0.5 and link[2] <= link[1] + 1, link


def test_when_a_tall_picture_further_down_has_not_loaded_yet_then_its_space_is_already_kept(browser, tmp_path):
    """web-test 63: a lazy picture with no size reserved makes the page jump 518 px on a phone when it loads."""
    from dataclasses import replace
    from PIL import Image
    tall = tmp_path / "tall.jpg"
    Image.new("RGB", (500, 3000), "#557755").save(tall)
    first, second = make_story().beats
    story = make_story(beats=(first, replace(second, image=str(tall), image_alt="A tall picture")))
    render_site([story], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S")
    with served(tmp_path / "web") as url:
        page = browser.new_page(viewport={"width": 375, "height": 667})
        page.route("**/media/**", lambda route: None)  # the pictures are still on their way
        page.goto(url + "staff/night-shift.html", wait_until="domcontentloaded")
        page.wait_for_timeout(300)
        box = page.evaluate("() => { const i = document.querySelector('.beat-image'), r = i.getBoundingClientRect();"
                            " return [i.naturalWidth, r.width, r.height]; }")
        page.close()
    assert box[0] == 0 and box[1] > 0 and box[2] >= 0.7 * 667 - 1, box  # not loaded, yet its box is kept
