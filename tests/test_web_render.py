"""The web renderer's output, read as files: structure, links, metadata, media, errors."""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from helpers.web import TEMPLATES, make_story, make_video
from storymaker.errors import InputError, RenderError
from storymaker.model import StoryBeat, WebSettings
from storymaker.render.web import render_site
from storymaker.render.web_meta import iso_duration


def build(tmp_path: Path, stories, videos=(), **options) -> Path:
    out = tmp_path / "web"
    options.setdefault("site_title", "Kindness at work")
    render_site(stories, list(videos), out, templates_dir=options.pop("templates_dir", TEMPLATES), **options)
    return out


@pytest.fixture(scope="module")
def video(tmp_path_factory):
    return make_video(tmp_path_factory.mktemp("video"))


@pytest.fixture
def site(tmp_path, video) -> Path:
    stories = [make_story(), make_story(audience="community", title="A cup of tea"),
               make_story(slug="zebra", title="Another story", summary="")]
    return build(tmp_path, stories, [video])


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_when_site_is_built_then_index_lists_stories_by_audience_in_order(site):
    html = read(site / "index.html")
    staff, community = html.index('id="staff"'), html.index('id="community"')
    assert staff < html.index('href="staff/zebra.html"') < html.index('href="staff/night-shift.html"') < community
    assert community < html.index('href="community/night-shift.html"')


def test_when_pages_link_to_each_other_then_every_local_link_resolves_to_a_file(site):
    for page in site.rglob("*.html"):
        for url in re.findall(r'(?:href|src|poster)="([^"]+)"', read(page)):
            if urlparse(url).scheme or url.startswith("#"):
                continue
            target = urljoin(page.relative_to(site).as_posix(), url.split("#")[0]).lstrip("/")  # 404.html: site root
            assert (site / target).is_file(), f"{page.name}: {url}"


def test_when_story_has_video_then_media_is_copied_and_embedded_with_captions(site, video):
    html = read(site / "staff" / "night-shift.html")
    assert '<video controls preload="metadata" poster="../media/staff/night-shift-16x9-poster.jpg"' in html
    assert '<track kind="captions" srclang="en-GB" label="English" default src="../media/staff/night-shift-16x9.vtt">' in html
    assert (site / "media/staff/night-shift-16x9.mp4").read_bytes() == video.mp4.read_bytes()
    assert "and then one day my manager just sat down with me." in html.split('class="transcript"')[1]


def test_when_story_has_no_video_then_page_has_no_video_or_transcript(site):
    html = read(site / "community" / "night-shift.html")
    assert "<video" not in html and 'class="transcript"' not in html and '"VideoObject"' not in html


def test_when_quotes_and_linking_text_are_shown_then_they_are_marked_apart(site):
    html = read(site / "staff" / "night-shift.html")
    assert '<blockquote class="quote">\n      <p>We stopped counting calls for a week and the whole place breathed out.</p>' in html
    assert re.search(r'<div class="linking"><p class="linking-label">Linking text from the editors</p>'
                     r'<p>Later, the team changed how it worked.</p></div>', html)
    assert "Told by <strong>Alex</strong>, a composite character" in html
    assert "<strong>composite</strong> story" in html.split('id="about-this-story"')[1]


def jsonld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_when_story_has_video_then_json_ld_describes_article_and_video(site):
    data = jsonld(read(site / "staff" / "night-shift.html"))
    assert data["@type"] == "Article" and data["headline"] == "Nobody asked me how I was (staff version)"
    assert data["video"]["@type"] == "VideoObject" and data["video"]["duration"] == "PT2S"
    assert data["video"]["thumbnailUrl"][0] == "../media/staff/night-shift-16x9-poster.jpg"
    assert data["video"]["transcript"].startswith("Nobody asked me how I was. Told by Alex")
    assert data["video"]["uploadDate"] == data["datePublished"]


@pytest.mark.parametrize("seconds, expected", [(2.0, "PT2S"), (92.5, "PT1M32.5S"), (3600, "PT1H0S"),
                                               (3725.25, "PT1H2M5.25S"), (0, "PT0S")])
def test_when_duration_is_given_then_it_is_written_in_iso_8601(seconds, expected):
    assert iso_duration(seconds) == expected


def test_when_base_url_is_given_then_sharing_urls_are_absolute_and_canonical_is_set(tmp_path):
    out = build(tmp_path, [make_story()], base_url="https://example.org/stories")
    html = read(out / "staff" / "night-shift.html")
    assert '<link rel="canonical" href="https://example.org/stories/staff/night-shift.html">' in html
    assert '<meta property="og:image" content="https://example.org/stories/media/staff/night-shift-card.png">' in html
    assert '<meta property="og:url" content="https://example.org/stories/staff/night-shift.html">' in html


def test_when_base_url_is_empty_then_canonical_and_og_url_are_left_out(site):
    html = read(site / "staff" / "night-shift.html")
    assert "canonical" not in html and "og:url" not in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:description" content="For staff: A story about being noticed at work.">' in html


def test_when_built_twice_then_every_file_is_byte_identical(tmp_path, video):
    stories = [make_story(), make_story(slug="b", title="Bee"), make_story(audience="community")]
    first = build(tmp_path / "one", stories, [video])
    second = build(tmp_path / "two", list(reversed(stories)), [video])
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_when_two_videos_match_then_the_16x9_one_is_used(tmp_path, video):
    square = replace(video, format="1:1")
    out = build(tmp_path, [make_story()], [square, video])
    assert "night-shift-16x9.mp4" in read(out / "staff" / "night-shift.html")
    assert not list(out.rglob("*1x1*"))


def test_when_only_video_stories_are_given_then_no_story_page_is_written(tmp_path):
    out = build(tmp_path, [make_story(channel="video")])
    assert sorted(p.name for p in out.rglob("*.html")) == ["404.html", "index.html"]


def test_when_two_stories_share_slug_and_audience_then_build_is_refused(tmp_path):
    with pytest.raises(InputError, match="give each story its own slug"):
        build(tmp_path, [make_story(), make_story(title="Other")])


def test_when_a_template_is_missing_then_the_problem_names_it(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "story.html").unlink()
    with pytest.raises(InputError) as caught:
        build(tmp_path, [make_story()], templates_dir=templates)
    assert caught.value.problems[0].path.endswith("story.html")


def test_when_a_template_uses_an_unknown_name_then_a_one_line_problem_is_raised(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "index.html").write_text('{% extends "base.html" %}{% block main %}{{ nope.title }}{% endblock %}')
    with pytest.raises(InputError, match="unknown value"):
        build(tmp_path, [make_story()], templates_dir=templates)


def test_when_user_overrides_the_css_then_the_override_is_published(tmp_path):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "style.css").write_text("body { color: #000; }\n")
    out = build(tmp_path, [make_story()], templates_dir=templates)
    assert read(out / "style.css") == "body { color: #000; }\n"


def test_when_video_file_is_missing_then_a_render_error_says_how_to_fix_it(tmp_path, video):
    with pytest.raises(RenderError, match="render the video again"):
        build(tmp_path, [make_story()], [replace(video, mp4=tmp_path / "gone.mp4")])


def test_when_beat_has_image_then_it_is_re_encoded_without_metadata_and_has_alt_text(tmp_path):
    from PIL import Image
    src = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    Image.new("RGB", (2000, 1000), "#336699").save(src, exif=exif)
    beat = StoryBeat("With a picture", "Linking words.", ("A quote of some length here.",), image=str(src))
    out = build(tmp_path, [make_story(beats=(beat,))])
    copies = sorted((out / "media/staff").glob("night-shift-1-*.*"))
    assert [c.name for c in copies] == [f"night-shift-1-{w}.{e}" for w in (1280, 400, 640, 960) for e in ("jpg", "webp")]
    for copied in copies:
        with Image.open(copied) as img:
            assert img.width <= 1280 and not img.getexif()
        assert b"SecretCameraMaker" not in copied.read_bytes()
    html = read(out / "staff" / "night-shift.html")  # no image_alt: decorative, never a made-up description
    assert re.search(r'<img class="lead-image" [^>]*alt=""', html) and "Illustration for the part" not in html


def test_when_an_image_carries_a_comment_icc_or_xmp_then_no_published_copy_keeps_any_of_it(tmp_path):
    """anon-attack LEAK 18: Pillow copies a JPEG's COM comment into every JPEG it saves from the picture."""
    from PIL import Image, ImageCms
    secret = b"Photo: Ffion Fictional, 4 Made-up Road, Nowhereton"
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    src, logo = tmp_path / "photo.jpg", tmp_path / "logo.png"
    Image.new("RGB", (2000, 1000), "#336699").save(src, comment=secret, icc_profile=icc, xmp=b"<x>" + secret + b"</x>")
    Image.new("RGB", (300, 100), "#336699").save(logo, icc_profile=icc, pnginfo=_text_chunk(secret))
    beat = StoryBeat("With a picture", "Linking words.", ("A quote of some length here.",), image=str(src))
    render_site([make_story(beats=(beat,))], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S",
                web=WebSettings(logo=str(logo)))
    published = [f for f in (tmp_path / "web").rglob("*") if f.is_file()]
    assert len([f for f in published if f.suffix in (".jpg", ".webp", ".png")]) > 10
    assert [f.name for f in published if secret in f.read_bytes() or b"Ffion" in f.read_bytes()] == []
    for f in (f for f in published if f.suffix in (".jpg", ".webp", ".png")):
        with Image.open(f) as img:
            assert not {"comment", "icc_profile", "xmp", "exif"} & set(img.info), f.name


def _text_chunk(text: bytes):
    from PIL.PngImagePlugin import PngInfo
    info = PngInfo()
    info.add_text("Author", text.decode())
    return info


def test_when_beat_image_has_a_description_then_it_is_the_alt_text(tmp_path):
    from PIL import Image
    src = tmp_path / "photo.jpg"
    Image.new("RGB", (800, 400), "#336699").save(src)
    beat = StoryBeat("With a picture", "Linking words.", ("A quote.",), image=str(src), image_alt="A headset on a desk <b>")
    html = read(build(tmp_path, [make_story(beats=(beat,))]) / "staff" / "night-shift.html")
    assert 'alt="A headset on a desk &lt;b&gt;"' in html


@pytest.mark.parametrize("text, present, absent", [
    ("Read [our method](https://example.org/m).", '<a href="https://example.org/m" rel="noopener noreferrer">', "javascript"),
    ("[bad](javascript:alert(1)) link", "<p>bad link</p>", "javascript:"),  # the words stay, no <a> to nowhere
    ("<script>alert(1)</script>Words", "Words", "<script>alert"),
    ("<img src=x onerror=alert(1)>Words", "Words", "onerror"),
    ('<p style="color:red">Words</p>', "Words", "style="),
    ("<iframe src=https://evil.example></iframe>Words", "Words", "<iframe"),
])
def test_when_linking_text_has_markdown_or_html_then_only_safe_markup_survives(tmp_path, text, present, absent):
    beat = StoryBeat("Part", text, ("A quote.",))
    html = read(build(tmp_path, [make_story(beats=(beat,))]) / "staff" / "night-shift.html")
    part = html.split('<h2 id="part-1">')[1]
    assert present in part and absent not in part


def test_when_only_one_audience_has_stories_then_navigation_offers_only_that_one(tmp_path):
    html = read(build(tmp_path, [make_story(audience="community")]) / "index.html")
    assert 'href="index.html#community"' in html and "#staff" not in html and 'id="staff"' not in html


def test_when_video_has_no_cues_then_transcript_is_taken_from_the_story_text(tmp_path, video):
    out = build(tmp_path, [make_story()], [replace(video, cues=(), chapters=())])
    transcript = read(out / "staff" / "night-shift.html").split('class="transcript"')[1].split("</details>")[0]
    assert "<h3>Turning off the targets</h3>" in transcript
    assert "We stopped counting calls for a week and the whole place breathed out." in transcript
    assert ('<p class="said said-linking"><span class="said-label">Linking text:</span> '
            'When Alex first joined, the team was stretched.</p>') in transcript  # Markdown shown as plain text
