"""Issue 17, read from the built files: sharing, dates, chapters, transcript, images, language,
versions, print, feeds, sitemap, robots, noindex, 404, icons, share links, embed and oEmbed."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlparse
from xml.etree import ElementTree

import pytest
from PIL import Image, ImageDraw

from helpers.web import BASE, TEMPLATES, WEB, full_site, make_story, make_video, welsh_story
from storymaker.compose.disclosure import disclosure, wording
from storymaker.render.web import render_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return full_site(tmp_path_factory.mktemp("full"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def jsonld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def meta(html: str, name: str) -> list[str]:
    return re.findall(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)


# 1. sharing: absolute canonical URLs, Open Graph, Twitter, JSON-LD on index and story pages

def test_when_base_url_is_set_then_every_sharing_url_on_the_story_page_is_absolute(site):
    html = read(site / "staff/night-shift.html")
    for name in ("og:url", "og:image", "twitter:image", "og:video"):
        assert meta(html, name) and all(u.startswith(BASE) for u in meta(html, name)), name
    data = jsonld(html)
    urls = [data["url"], *data["image"], *data["video"]["thumbnailUrl"], data["video"]["contentUrl"], data["video"]["embedUrl"]]
    assert all(u.startswith(BASE) for u in urls)
    assert '<link rel="canonical" href="https://stories.example.org/kindness/staff/night-shift.html">' in html


def test_when_the_index_is_built_then_it_has_open_graph_twitter_and_website_itemlist_json_ld(site):
    html = read(site / "index.html")
    assert meta(html, "og:type") == ["website"] and meta(html, "og:url") == [BASE + "index.html"]
    assert meta(html, "og:image") == [BASE + "media/site-card.png"] and meta(html, "twitter:card") == ["summary_large_image"]
    with Image.open(site / "media/site-card.png") as card:
        assert card.size == (1200, 630)
    graph = {node["@type"]: node for node in jsonld(html)["@graph"]}
    assert graph["WebSite"]["url"] == BASE and graph["WebSite"]["name"] == "Kindness at work"
    listed = [item["url"] for item in graph["ItemList"]["itemListElement"]]
    assert listed == [BASE + p for p in ("staff/night-shift.html", "staff/neb-yn-gofyn.html", "staff/turning.html",
                                         "community/night-shift.html")]


def test_when_a_story_has_video_then_video_object_has_googles_required_and_recommended_properties(site):
    data = jsonld(read(site / "staff/night-shift.html"))
    video = data["video"]
    required = {"name", "thumbnailUrl", "uploadDate"}
    recommended = {"description", "contentUrl", "duration", "embedUrl", "hasPart"}
    assert required | recommended <= set(video)
    assert video["uploadDate"] == "2026-03-14" and video["duration"] == "PT2S"
    assert [(c["name"], c["startOffset"], c["url"]) for c in video["hasPart"]] == [
        ("Starting out", 0.0, BASE + "media/staff/night-shift-16x9.mp4#t=0"),
        ("Turning off the targets", 1.4, BASE + "media/staff/night-shift-16x9.mp4#t=1.4")]
    assert (data["datePublished"], data["dateModified"]) == ("2026-03-14", "2026-04-02")
    assert data["publisher"]["name"] == "Kindness at work" and data["headline"]


def test_when_a_story_has_dates_then_the_page_shows_them_in_its_language(site):
    assert 'Published <time datetime="2026-03-14">14 March 2026</time>. Updated <time datetime="2026-04-02">2 April 2026</time>' \
        in read(site / "staff/night-shift.html")
    assert 'Cyhoeddwyd <time datetime="2026-03-14">14 Mawrth 2026</time>' in read(site / "staff/neb-yn-gofyn.html")


# 2. chapters and transcript

def test_when_the_video_build_wrote_chapters_then_the_page_copies_them_and_adds_a_chapters_track(site, tmp_path):
    html = read(site / "staff/night-shift.html")
    assert '<track kind="chapters" srclang="en-GB" label="Chapters" src="../media/staff/night-shift-16x9.chapters.vtt">' in html
    copied = read(site / "media/staff/night-shift-16x9.chapters.vtt")
    assert copied.startswith("WEBVTT") and "Turning off the targets" in copied
    assert '<a href="../media/staff/night-shift-16x9.mp4#t=1.4">Turning off the targets</a>' in html


def transcript_paragraphs(html: str) -> list[tuple[str, str, str]]:
    part = html.split('class="transcript"')[1].split("</details>")[0]
    rows = re.findall(r'<p class="said said-(\w+)">(?:<a class="time" href="[^"]*#t=([\d.]+)">[^<]*</a> )?(.*?)</p>', part)
    return [(kind, t, re.sub(r"<[^>]+>", "", text)) for kind, t, text in rows]


def test_when_a_cue_breaks_a_sentence_then_the_transcript_keeps_one_paragraph_per_passage(site):
    rows = transcript_paragraphs(read(site / "staff/night-shift.html"))
    assert ("quote", "0.6", "Nobody asked me how I was for the first month, and then one day my manager just sat down with me.") in rows
    assert [k for k, _, _ in rows] == ["narration", "linking", "quote", "quote", "linking", "quote", "linking", "narration"]
    assert [t for _, t, _ in rows] == ["0", "0.3", "0.6", "1.2", "1.4", "1.6", "1.8", "1.9"]
    assert rows[1][2] == "Linking text: When Alex first joined, the team was stretched."


def test_when_a_beat_has_no_intro_then_its_spoken_heading_is_filed_under_that_beat_in_the_transcript():
    """web-test 21: the video says the heading of a beat with a picture and no intro; it is that beat's, not the last one's."""
    from storymaker.model import Chapter, Cue
    from storymaker.render.web_transcript import transcript
    first, second = make_story().beats
    story = make_story(beats=(first, replace(second, intro="", image="/x.jpg")))
    cues = (Cue(0.0, 1.0, "Nobody asked me how I was. Told by Alex."), Cue(1.0, 2.0, first.intro.replace("*", "")),
            *(Cue(2.0 + n, 3.0 + n, q) for n, q in enumerate(first.quotes)),
            Cue(5.0, 6.0, second.heading), Cue(6.0, 7.0, second.quotes[0]), Cue(7.0, 8.0, second.outro))
    groups = [g for g in transcript(story, cues, (Chapter(first.heading, 0, 5), Chapter(second.heading, 5, 8)), [])
              if g["beat"] >= 0]  # the title card's words come first, under no beat
    assert [g["title"] for g in groups] == [first.heading, second.heading]
    assert all(p["text"] != second.heading for p in groups[0]["paragraphs"])
    assert groups[1]["paragraphs"][0] == {"kind": "narration", "text": second.heading, "t": "5", "clock": "0:05"}


def test_when_quotes_and_linking_text_are_in_the_transcript_then_they_are_marked_apart(site):
    part = read(site / "staff/night-shift.html").split('class="transcript"')[1]
    assert '<p class="said said-quote"><a class="time" href="../media/staff/night-shift-16x9.mp4#t=1.6">0:01</a> ' \
           '<q>We stopped counting calls for a week and the whole place breathed out.</q></p>' in part
    css = read(site / "style.css")
    assert ".said-quote q { font-family: Georgia" in css and ".said-linking { border-left" in css
    assert "Each time opens the video file at that point, on a page of its own." in part  # says where it goes (web-test 20)


# 3. images

def test_when_a_beat_has_an_image_then_it_is_responsive_sized_and_lazy_below_the_fold(tmp_path):
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (2000, 1200), "#777").save(photo)
    beats = tuple(replace(b, image=str(photo), image_alt=f"Picture {n}") for n, b in enumerate(make_story().beats, 1))
    render_site([make_story(beats=beats)], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S")
    html = read(tmp_path / "web/staff/night-shift.html")
    lead, second = re.findall(r"<img [^>]*>", html)
    assert 'class="lead-image"' in lead and "loading=" not in lead  # above the fold: loads at once
    assert 'class="beat-image"' in second and 'loading="lazy"' in second
    assert 'width="1280" height="768"' in second and "640w" in second and 'sizes="(min-width: 42.5rem) 40rem' in second
    assert 'type="image/webp" srcset="../media/staff/night-shift-2-400.webp 400w' in html
    with Image.open(tmp_path / "web/media/staff/night-shift-2-640.webp") as img:
        assert img.format == "WEBP" and img.size == (640, 384)


def test_when_a_beat_has_a_phone_sized_photo_then_every_width_is_its_shape_and_as_sharp_as_a_full_resize(tmp_path):
    """A 12-megapixel JPEG is decoded at half scale and each width made from a larger copy (for speed):
    the files still have the photo's shape and are as close to a Lanczos resize of the full picture as
    that resize itself is once saved as JPEG (a blurred or blocky copy would be further off)."""
    import io
    import numpy as np
    photo, (w, h) = tmp_path / "phone.jpg", (4032, 3024)
    rng = np.random.default_rng(7)
    detail = Image.fromarray(rng.integers(0, 256, (h // 32, w // 32, 3), dtype=np.uint8)).resize((w, h), Image.BICUBIC)
    ImageDraw.Draw(detail).text((200, 200), "Fine print 0123456789", fill="black", font_size=120)
    detail.save(photo, quality=92)
    beats = (replace(make_story().beats[0], image=str(photo), image_alt="A photo"),)
    render_site([make_story(beats=beats)], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S")
    assert 'width="1280" height="960"' in read(tmp_path / "web/staff/night-shift.html")
    with Image.open(photo) as full:
        reference = full.convert("RGB")
    for width in (400, 640, 960, 1280):
        with Image.open(tmp_path / f"web/media/staff/night-shift-1-{width}.jpg") as made:
            assert made.size == (width, width * 3 // 4)
            expected = reference.resize(made.size, Image.LANCZOS)
            saved = io.BytesIO()
            expected.save(saved, "JPEG", quality=82)
            off = lambda img: np.abs(np.asarray(img.convert("RGB"), dtype=int) - np.asarray(expected, dtype=int)).mean()
            assert off(made) <= off(Image.open(saved)) * 1.05 + 0.2, width


def _rotated_phone_photo(path):
    img = Image.new("RGB", (1200, 800), "#336699")
    ImageDraw.Draw(img).rectangle((0, 0, 99, 799), fill="#ff0000")  # red down the left as stored: the top once turned
    exif = Image.Exif()
    exif[0x0112] = 6  # how a phone saves a portrait photo: turn 90 degrees clockwise to view
    img.save(path, exif=exif)


def _transparent(path):
    img = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    ImageDraw.Draw(img).ellipse((200, 100, 600, 500), fill=(220, 0, 0, 255))
    img.save(path)


def _palette(path):
    img = Image.new("P", (800, 600), 0)
    img.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    ImageDraw.Draw(img).rectangle((300, 200, 500, 400), fill=1)
    img.save(path, transparency=0)


def _grey16(path):
    Image.new("I;16", (800, 600), 30000).save(path)


@pytest.mark.parametrize("make, size, corner", [
    (_rotated_phone_photo, (640, 960), (255, 0, 0)),  # upright, the red band along the top
    (_transparent, (640, 480), (253, 252, 249)),  # the page's own colour, not black
    (_palette, (640, 480), (253, 252, 249)),  # the transparent palette entry, not red
    (_grey16, (640, 480), (117, 117, 117)),  # 30000 of 65535 is mid grey, not white
])
def test_when_a_beat_image_is_turned_transparent_or_16_bit_then_it_is_published_as_it_looks(tmp_path, make, size, corner):
    photo = tmp_path / ("p.jpg" if make is _rotated_phone_photo else "p.png")
    make(photo)
    beats = (replace(make_story().beats[0], image=str(photo), image_alt="A picture"),)
    render_site([make_story(beats=beats)], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S")
    for ext in ("jpg", "webp"):
        with Image.open(tmp_path / f"web/media/staff/night-shift-1-640.{ext}") as made:
            assert made.size == size
            assert all(abs(a - b) <= 6 for a, b in zip(made.convert("RGB").getpixel((20, 5)), corner)), (ext, made.getpixel((20, 5)))


def test_when_the_logo_is_a_transparent_png_then_the_header_logo_keeps_its_transparency(tmp_path):
    logo = tmp_path / "logo.png"
    _transparent(logo)
    render_site([make_story()], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S",
                web=replace(WEB, logo=str(logo)))
    with Image.open(tmp_path / "web/media/logo.png") as made:
        assert made.mode == "RGBA" and made.getpixel((1, 1))[3] == 0
    with Image.open(tmp_path / "web/icon-192.png") as icon:
        assert icon.convert("RGB").getpixel((3, 3)) == (255, 255, 255)  # a white ground, not black


def test_when_the_video_has_a_1920_png_poster_then_the_page_uses_a_player_sized_jpeg(site):
    html = read(site / "staff/night-shift.html")
    assert 'poster="../media/staff/night-shift-16x9-poster.jpg"' in html and "poster.png" not in html
    with Image.open(site / "media/staff/night-shift-16x9-poster.jpg") as img:
        assert img.format == "JPEG" and img.size == (1280, 720)


def test_when_the_index_lists_stories_then_cards_have_images_and_only_later_ones_load_lazily(site):
    cards = re.findall(r'<img class="card-image"[^>]*>', read(site / "index.html"))
    assert len(cards) == 4 and all('alt=""' in c and "width=" in c for c in cards)
    assert "media/staff/night-shift-1-400.jpg 400w" in cards[0]  # the lead image, at the sizes it already has
    assert "media/staff/turning-card-thumb-240.jpg 240w" in cards[2]  # no image, no video: the social card
    assert ["loading" in c for c in cards] == [False, False, True, True]


# 4. the key and the page agree

def test_when_the_key_says_italic_serif_then_quotes_are_italic_serif_and_linking_boxes_have_borders(site):
    css = read(site / "style.css")
    quote = re.search(r"\.quote \{([^}]*)\}", css).group(1)
    assert "font-style: italic" in quote and "serif" in quote
    assert "border: 2px solid var(--linking-border)" in re.search(r"\.linking \{([^}]*)\}", css).group(1)
    assert "in italic serif type" in read(site / "staff/night-shift.html")
    forced = css.split("@media (forced-colors: active)")[1].split("}\n}")[0]
    assert ".linking" in forced and "CanvasText" in forced


# 5. language

def test_the_pull_quote_comes_from_a_later_beat_so_it_never_stands_right_above_itself(tmp_path):
    """web-test 35: a first beat with no picture or intro starts with the very quote the lede showed."""
    first, second = make_story().beats
    render_site([make_story(beats=(replace(first, intro=""), second))], [], tmp_path / "web", templates_dir=TEMPLATES,
                site_title="S")
    html = read(tmp_path / "web/staff/night-shift.html")
    pull = re.search(r'<aside class="pull-quote"[^>]*><p>(.*?)</p>', html).group(1)
    assert pull == "We stopped counting calls for a week and the whole place breathed out."


def test_the_dates_line_is_a_sentence_and_an_update_on_the_day_of_publishing_is_not_shown(tmp_path):
    """web-test 11 and 48: "Published 14 March 2026. Updated 2 April 2026.", and no "Updated" the same day."""
    render_site([make_story(published="2026-03-14", updated="2026-04-02"),
                 make_story(slug="same-day", published="2026-03-14", updated="2026-03-14")], [], tmp_path / "web",
                templates_dir=TEMPLATES, site_title="Straeon Cyngor Sir Ŵy & Dŷffryn")
    later, same = read(tmp_path / "web/staff/night-shift.html"), read(tmp_path / "web/staff/same-day.html")
    assert re.search(r'Published <time datetime="2026-03-14">14 March 2026</time>\. Updated <time [^>]+>2 April 2026</time>\.</p>', later)
    assert re.search(r'Published <time datetime="2026-03-14">14 March 2026</time>\.</p>', same) and "Updated" not in same
    assert '"dateModified": "2026-03-14"' in same  # the structured data still says it
    assert json.loads(read(tmp_path / "web/site.webmanifest"))["short_name"] == "Straeon"  # whole words only


def test_when_a_story_is_welsh_then_its_page_furniture_language_and_captions_are_welsh(tmp_path):
    folder = tmp_path / "v"
    video = make_video(folder, slug="neb-yn-gofyn")
    render_site([welsh_story()], [video], tmp_path / "web", templates_dir=TEMPLATES, site_title="S", base_url=BASE)
    html = read(tmp_path / "web/staff/neb-yn-gofyn.html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="cy">')
    assert '<track kind="captions" srclang="cy" label="Cymraeg" default' in html
    assert "Gwyliwch y stori" in html and "Neidio i’r cynnwys" in html and "gydag isdeitlau Cymraeg" in html
    assert "Watch the story" not in html and "Skip to the content" not in html
    assert meta(html, "og:locale") == ["cy_GB"]  # Open Graph's language_TERRITORY (web-test 11)
    assert "<div><p>Am y stori hon: stori gyfansawdd yw hon, yn seiliedig ar 5 o gyfweliadau." in html


def test_link_preview_cards_name_the_version_and_the_site_card_quotes_no_one(tmp_path):
    """web-test 55: a story's two versions get two cards; 49: the site's card says "Composite stories" and
    shows the description upright, without the quotation marks that mean an interviewee's words."""
    from storymaker.render.web_card import CardFonts, draw_card, layout, short_quote
    story = make_story()
    render_site([story, make_story(audience="community")], [], tmp_path / "web", templates_dir=TEMPLATES,
                site_title="S", site_description="Stories about kindness at work.", base_url=BASE)
    cards = {a: (tmp_path / f"web/media/{a}/night-shift-card.png").read_bytes() for a in ("staff", "community")}
    assert cards["staff"] != cards["community"]
    with Image.open(tmp_path / "web/media/staff/night-shift-card.png") as card:
        expected = draw_card(story.title, short_quote(story), "S", CardFonts.find(None), kicker="A composite story · staff version")
        assert card.convert("RGB").tobytes() == expected.convert("RGB").tobytes()
    blocks = layout("S", "Stories about kindness at work.", "", CardFonts.find(None), kicker="Composite stories", quoted=False)
    assert blocks[0][3] == ["COMPOSITE STORIES"] and blocks[2][3][0].startswith("Stories about")
    with Image.open(tmp_path / "web/media/site-card.png") as card:
        site = draw_card("S", "Stories about kindness at work.", "", CardFonts.find(None), kicker="Composite stories", quoted=False)
        assert card.convert("RGB").tobytes() == site.convert("RGB").tobytes()


def test_when_a_story_is_welsh_then_its_social_card_and_json_ld_genre_are_welsh(tmp_path):
    from storymaker.render.web_card import CardFonts, draw_card, short_quote
    story = welsh_story()
    render_site([story], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S", base_url=BASE)
    assert jsonld(read(tmp_path / "web/staff/neb-yn-gofyn.html"))["genre"] == "Naratif cyfansawdd"
    with Image.open(tmp_path / "web/media/staff/neb-yn-gofyn-card.png") as card:
        drawn = card.convert("RGB").tobytes()
    welsh, english = (draw_card(story.title, short_quote(story), "S", CardFonts.find(None), kicker=k).convert("RGB").tobytes()
                      for k in ("Stori gyfansawdd", "A composite story"))
    assert drawn == welsh != english


def test_when_a_language_has_no_catalogue_then_the_disclosure_stays_english_and_is_marked_english(tmp_path):
    note = disclosure(5, "staff", "web", words=wording(tmp_path, "ga"))
    assert note.startswith("About this story: this is a composite narrative drawn from 5 interviews.")
    render_site([welsh_story(lang="ga", disclosure=note)], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S")
    html = read(tmp_path / "web/staff/neb-yn-gofyn.html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="ga">')
    assert '<div lang="en-GB"><p>About this story: this is a composite narrative' in html


def test_when_a_story_has_a_welsh_version_then_both_pages_link_with_hreflang(site):
    english, welsh = read(site / "staff/night-shift.html"), read(site / "staff/neb-yn-gofyn.html")
    for html in (english, welsh):
        assert f'<link rel="alternate" hreflang="cy" href="{BASE}staff/neb-yn-gofyn.html">' in html
        assert f'<link rel="alternate" hreflang="en-GB" href="{BASE}staff/night-shift.html">' in html
    assert '<li lang="cy"><a href="../staff/neb-yn-gofyn.html" hreflang="cy">Darllenwch y stori hon yn Gymraeg</a></li>' in english
    assert '<li lang="en-GB"><a href="../staff/night-shift.html" hreflang="en-GB">Read this story in English</a></li>' in welsh
    assert "hreflang" not in read(site / "staff/turning.html")


def test_every_string_the_templates_mark_is_in_the_welsh_catalogue_translated():
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg
    from babel.messages.pofile import read_po
    root = TEMPLATES.parent.parent
    with (root / "babel.cfg").open(encoding="utf-8") as cfg:  # the page furniture and the disclosure (compose)
        method_map, options_map = parse_mapping_cfg(cfg)
    marked = {m[2] if isinstance(m[2], str) else m[2][0]
              for m in extract_from_dir(str(root), method_map=method_map, options_map=options_map)}
    assert "Narrated by a synthetic voice." in marked
    with (TEMPLATES / "locale/cy/LC_MESSAGES/messages.po").open("rb") as fh:
        welsh = read_po(fh)
    assert "NEEDS REVIEW BY A WELSH SPEAKER" in welsh.header_comment
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in welsh if m.id and all(m.string if isinstance(m.string, tuple) else [m.string])}
    assert marked and marked <= translated, sorted(marked - translated)


# 6. versions per audience

def test_when_a_story_has_two_audience_versions_then_titles_differ_and_pages_link_to_each_other(site):
    staff, community = read(site / "staff/night-shift.html"), read(site / "community/night-shift.html")
    titles = [re.search(r"<title>(.*?)</title>", h).group(1) for h in (staff, community)]
    assert titles == ["Nobody asked me how I was (staff version) – Kindness at work", "A cup of tea (community version) – Kindness at work"]
    assert meta(staff, "og:title") != meta(community, "og:title") and meta(staff, "description") != meta(community, "description")
    assert '<a href="../community/night-shift.html">Read the version of this story for the community</a>' in staff
    assert '<a href="../staff/night-shift.html">Read the version of this story for staff</a>' in community
    assert re.search(r"<title>Turning off the targets – Kindness at work</title>", read(site / "staff/turning.html"))


# 7. print

def test_the_print_stylesheet_sets_a4_keeps_blocks_whole_and_prints_the_address_and_prompts(site):
    css = read(site / "style.css")
    assert "@page { size: A4; margin: 18mm 16mm 20mm; }" in css
    printed = css.split("@media print {")[1]
    assert ".disclosure { break-inside: avoid;" in printed and ".discuss { break-before: page; }" in printed
    assert "max-height: 60mm" in printed and "border-left: 4pt solid #000" in printed
    html = read(site / "staff/night-shift.html")
    assert f'<p class="print-address">This page: {BASE}staff/night-shift.html</p>' in html
    assert html.index('class="discuss"') > html.index('id="about-this-story"')
    assert "<li>What would you stop counting?</li>" in html


# 8. furniture

def test_the_atom_feed_lists_stories_newest_first_with_absolute_links(site):
    feed = ElementTree.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert feed.find(f"{ATOM}updated").text == "2026-04-02T00:00:00Z"
    assert [e.find(f"{ATOM}updated").text[:10] for e in entries] == ["2026-04-02", "2026-03-20", "2026-03-14", "2026-02-01"]
    assert all(e.find(f"{ATOM}link").get("href").startswith(BASE) for e in entries)
    assert '<link rel="alternate" type="application/atom+xml" title="Kindness at work" href="' + BASE + 'feed.xml">' in read(site / "index.html")


def test_the_sitemap_and_robots_txt_point_at_every_page(site):
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    locs = {u.find(f"{SITEMAP}loc").text: u.find(f"{SITEMAP}lastmod").text for u in urls}
    assert locs[BASE + "staff/night-shift.html"] == "2026-04-02" and BASE + "community/night-shift.html" in locs
    assert len(locs) == 5
    assert read(site / "robots.txt") == f"User-agent: *\nAllow: /\nSitemap: {BASE}sitemap.xml\n"


def test_when_staff_stories_are_noindex_then_they_stay_out_of_search_feed_and_sitemap(tmp_path):
    out = full_site(tmp_path, web=replace(WEB, noindex_staff=True))
    assert '<meta name="robots" content="noindex">' in read(out / "staff/night-shift.html")
    assert "noindex" not in read(out / "community/night-shift.html")
    assert "/staff/" not in read(out / "sitemap.xml") and "/staff/" not in read(out / "feed.xml")
    assert "staff/" not in json.dumps(jsonld(read(out / "index.html"))["@graph"][1])


def test_when_every_story_is_internal_then_the_feed_is_dated_from_the_stories_not_1970(tmp_path):
    """web-test 33: a feed with no public entry still says when the site last changed."""
    render_site([make_story(published="2026-03-14", updated="2026-04-02")], [], tmp_path / "web", templates_dir=TEMPLATES,
                site_title="S", base_url=BASE, web=replace(WEB, noindex_staff=True))
    feed = read(tmp_path / "web/feed.xml")
    assert "<entry>" not in feed and "1970" not in feed and "<updated>2026-04-02T00:00:00Z</updated>" in feed


def test_when_staff_stories_are_noindex_then_they_offer_e_mail_only_and_no_embed(tmp_path):
    """An internal story (web-test 34): passed on by e-mail, never posted to LinkedIn or embedded elsewhere."""
    out = full_site(tmp_path, web=replace(WEB, noindex_staff=True))
    staff, community = read(out / "staff/night-shift.html"), read(out / "community/night-shift.html")
    assert "Share by e-mail" in staff and "linkedin.com" not in staff and "wa.me" not in staff
    assert "Embed the video" not in staff and "oembed" not in staff
    assert not (out / "oembed/staff/night-shift.json").exists() and not (out / "embed/staff/night-shift.html").exists()
    assert "linkedin.com" in community


def test_when_the_site_is_not_for_sharing_then_no_page_offers_share_links_or_an_embed(tmp_path):
    """share: false (web-test 53): no share links and no embed snippet, even with base_url set."""
    out = full_site(tmp_path, web=replace(WEB, share=False))
    for page in ("staff/night-shift.html", "community/night-shift.html"):
        html = read(out / page)
        assert "Share this story" not in html and "Embed the video" not in html and "oembed" not in html


def test_when_the_theme_colour_is_the_marks_own_yellow_then_the_icon_mark_still_shows(tmp_path):
    """web-test 58: a brand yellow (#f2b134) made the default icons plain yellow squares."""
    render_site([make_story()], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S",
                web=replace(WEB, theme_color="#f2b134"))
    with Image.open(tmp_path / "web/icon-192.png") as icon:
        colours = {c for _, c in icon.convert("RGB").getcolors(1 << 16)}
    assert (242, 177, 52) in colours and (0, 0, 0) in colours  # the ground and a black mark on it
    render_site([make_story()], [], tmp_path / "default", templates_dir=TEMPLATES, site_title="S")
    with Image.open(tmp_path / "default/icon-192.png") as icon:
        assert (242, 177, 52) in {c for _, c in icon.convert("RGB").getcolors(1 << 16)}  # the usual yellow mark


def test_the_svg_icon_takes_the_theme_colour_and_gives_way_to_the_logo(tmp_path):
    """web-test 10 and 26: browsers prefer favicon.svg, so it must not keep storymaker's colours or icon."""
    render_site([make_story()], [], tmp_path / "a", templates_dir=TEMPLATES, site_title="S",
                web=replace(WEB, theme_color="#00594f"))
    assert 'fill="#00594f"' in read(tmp_path / "a/favicon.svg") and "#123b4a" not in read(tmp_path / "a/favicon.svg")
    assert 'href="../favicon.svg"' in read(tmp_path / "a/staff/night-shift.html")
    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 100), "#00594f").save(logo)
    render_site([make_story()], [], tmp_path / "b", templates_dir=TEMPLATES, site_title="S", web=replace(WEB, logo=str(logo)))
    for page in ("index.html", "staff/night-shift.html", "404.html"):
        assert "favicon.svg" not in read(tmp_path / "b" / page) and "favicon-32.png" in read(tmp_path / "b" / page)


def test_when_some_stories_are_welsh_then_the_404_page_speaks_welsh_too():
    """web-test 8: an English site with Welsh stories answers a lost Welsh reader in Welsh as well."""
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "web"
        render_site([make_story(), welsh_story()], [], out, templates_dir=TEMPLATES, site_title="S", base_url=BASE)
        both = read(out / "404.html")
        render_site([make_story()], [], Path(tmp) / "en", templates_dir=TEMPLATES, site_title="S", base_url=BASE)
        english = read(Path(tmp) / "en/404.html")
    assert '<html lang="en-GB">' in both and "<h1>Page not found</h1>" in both
    assert re.search(r'<div lang="cy">\s*<h2>Tudalen heb ei chanfod</h2>', both)
    assert f'<a href="{BASE}index.html">Gweld yr holl straeon</a>' in both
    assert 'lang="cy"' not in english


def test_the_404_page_icons_manifest_and_theme_colour_are_there(site):
    notfound = read(site / "404.html")
    assert "<h1>Page not found</h1>" in notfound and f'href="{BASE}index.html"' in notfound and "noindex" in notfound
    for name, size in {"favicon-32.png": 32, "apple-touch-icon.png": 180, "icon-192.png": 192, "icon-512.png": 512}.items():
        with Image.open(site / name) as img:
            assert img.size == (size, size)
    manifest = json.loads(read(site / "site.webmanifest"))
    assert manifest["theme_color"] == "#123b4a" and [i["sizes"] for i in manifest["icons"]] == ["192x192", "512x512"]
    html = read(site / "staff/night-shift.html")
    assert '<meta name="theme-color" content="#123b4a">' in html and 'sizes="32x32"' in html and "apple-touch-icon.png" in html


def test_the_footer_links_to_the_accessibility_statement_and_contact(site):
    html = read(site / "index.html")
    assert '<a href="https://example.org/accessibility">Accessibility statement</a>' in html
    assert '<a href="https://example.org/contact">Contact us</a>' in html


def test_share_links_need_no_javascript_and_carry_the_page_address(site):
    html = read(site / "staff/night-shift.html").split('class="share"')[1].split("</section>")[0]
    links = [l.replace("&amp;", "&") for l in re.findall(r'href="([^"]+)"', html)]
    page = BASE + "staff/night-shift.html"
    assert [urlparse(l).scheme + ":" + urlparse(l).netloc for l in links] == [
        "mailto:", "https:www.linkedin.com", "https:wa.me", "https:www.facebook.com"]
    assert parse_qs(urlparse(links[1]).query)["url"] == [page] and parse_qs(urlparse(links[3]).query)["u"] == [page]
    assert page in parse_qs(urlparse(links[2]).query)["text"][0] and page in parse_qs(urlparse(links[0]).query)["body"][0]


def test_related_stories_and_a_way_back_are_offered(site):
    html = read(site / "staff/night-shift.html")
    related = html.split('class="related"')[1].split("</section>")[0]
    assert '<a href="../staff/turning.html">Turning off the targets</a>' in related and "neb-yn-gofyn" not in related
    assert '<a href="../index.html#staff">Back to Staff stories</a>' in html and '<a href="../index.html">All stories</a>' in html


def test_the_embed_page_and_oembed_let_a_cms_show_the_player(site):
    embed = read(site / "embed/staff/night-shift.html")
    assert "<video controls" in embed and 'src="../../media/staff/night-shift-16x9.vtt"' in embed and "<header" not in embed
    data = json.loads(read(site / "oembed/staff/night-shift.json"))
    assert data["version"] == "1.0" and data["type"] == "video" and (data["width"], data["height"]) == (640, 408)
    assert f'<iframe src="{BASE}embed/staff/night-shift.html" width="640" height="408"' in data["html"]  # player + link
    assert '<h1 class="visually-hidden">' in embed  # web-test 38
    html = read(site / "staff/night-shift.html")
    assert f'<link rel="alternate" type="application/json+oembed" href="{BASE}oembed/staff/night-shift.json"' in html
    assert "&lt;iframe src=&#34;" + BASE + "embed/staff/night-shift.html" in html  # the snippet to copy


def test_when_base_url_is_missing_then_no_feed_sitemap_oembed_or_share_links_are_written(tmp_path):
    out = tmp_path / "web"
    render_site([make_story()], [make_video(tmp_path / "v")], out, templates_dir=TEMPLATES, site_title="S")
    assert not any((out / n).exists() for n in ("feed.xml", "sitemap.xml", "oembed"))
    assert read(out / "robots.txt") == "User-agent: *\nAllow: /\n"
    html = read(out / "staff/night-shift.html")
    assert 'class="share"' not in html and 'class="embed"' not in html and (out / "embed/staff/night-shift.html").is_file()


def test_when_built_twice_with_everything_on_then_every_file_is_byte_identical(tmp_path):
    first, second = full_site(tmp_path / "a"), full_site(tmp_path / "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []


def test_when_the_welsh_catalogue_is_not_utf8_then_one_problem_names_it_and_nothing_is_written(tmp_path):
    import shutil
    from storymaker.errors import InputError
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    po = templates / "locale/cy/LC_MESSAGES/messages.po"
    po.write_bytes(po.read_bytes() + b'\nmsgid "Skip to the content"\nmsgstr "\xff"\n')
    with pytest.raises(InputError) as caught:
        render_site([welsh_story()], [], tmp_path / "web", templates_dir=templates, site_title="S")
    problem = caught.value.problems[0]
    assert problem.path == str(po) and "save it as UTF-8" in problem.message
    assert not (tmp_path / "web/staff").exists()


def test_when_a_welsh_translation_is_not_closed_with_a_quote_then_one_problem_names_the_line(tmp_path):
    """web-test 50: Babel reads 'msgstr "Rhannu’r stori hon' (no closing quote) as "Rhannu’r stori ho"."""
    import shutil
    from storymaker.errors import InputError
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    po = templates / "locale/cy/LC_MESSAGES/messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Rhannu’r stori hon"', 'msgstr "Rhannu’r stori hon'), encoding="utf-8")
    line = text[:text.index('msgstr "Rhannu’r stori hon"')].count("\n") + 1
    with pytest.raises(InputError) as caught:
        render_site([welsh_story()], [], tmp_path / "web", templates_dir=templates, site_title="S")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == (str(po), line) and "not closed" in problem.message
    assert not (tmp_path / "web/staff").exists()


def test_when_a_welsh_translation_loses_its_placeholder_then_one_problem_names_the_line_and_nothing_is_written(tmp_path):
    import shutil
    from storymaker.errors import InputError
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    po = templates / "locale/cy/LC_MESSAGES/messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Y dudalen hon: %(address)s"', 'msgstr "Y dudalen hon: %(cyfeiriad)s"'), encoding="utf-8")
    line = text[:text.index('msgid "This page: %(address)s"')].count("\n") + 1
    with pytest.raises(InputError) as caught:
        render_site([welsh_story()], [], tmp_path / "web", templates_dir=templates, site_title="S")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == (str(po), line)
    assert "unknown named placeholder 'cyfeiriad'" in problem.message and "%(name)s" in problem.message
    assert not (tmp_path / "web/staff").exists()


def test_when_the_project_has_a_logo_then_the_header_shows_it_and_the_icons_use_it(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 200), "#cc0000").save(logo)
    render_site([make_story()], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="Kindness at work",
                base_url=BASE, web=replace(WEB, logo=str(logo)))
    html = read(tmp_path / "web/index.html")
    assert '<img class="logo" src="media/logo.png" width="96" height="48" alt="">Kindness at work</a>' in html
    with Image.open(tmp_path / "web/media/logo.png") as img:
        assert img.size == (192, 96)
    with Image.open(tmp_path / "web/icon-192.png") as icon:
        assert icon.getpixel((96, 96)) == (204, 0, 0)  # the logo, not the default mark
    assert jsonld(read(tmp_path / "web/staff/night-shift.html"))["publisher"]["logo"] == BASE + "media/logo.png"
