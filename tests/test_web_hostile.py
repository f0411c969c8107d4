"""Hostile input: OWASP XSS vectors in every story field execute nothing; bad slugs are refused."""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers.web import HOSTILE, TEMPLATES, make_story, make_video, served
from storymaker.errors import InputError
from storymaker.model import StoryBeat
from storymaker.render.web import render_site


def corpus(name: str) -> list[str]:
    lines = (HOSTILE / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


XSS = corpus("xss.txt")
PATHS = corpus("paths.txt")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background"}
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "base", "style", "form", "input", "svg", "math"}


def hostile_story(n: int, vector: str):
    """One story with the vector in every field a renderer shows."""
    beat = StoryBeat(vector, vector, (vector, f"Plain words, then {vector}"), outro=vector)
    return make_story(slug=f"hostile-{n}", title=vector, narrator=vector, summary=vector,
                      disclosure=f"A composite story. {vector}", beats=(beat,), voice_credit=vector)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    stories = [hostile_story(n, v) for n, v in enumerate(XSS)]
    video = make_video(tmp / "video", slug="hostile-0")
    render_site(stories, [video], tmp / "web", templates_dir=TEMPLATES, site_title=XSS[0],
                site_description=XSS[1], base_url="https://stories.example/kindness/")
    return tmp / "web"


class DomAudit(HTMLParser):
    """Collects anything in the markup that could run script or load foreign content."""

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[str] = []
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.findings.append(f"<{tag}>")
        if tag == "script":
            self.scripts.append(dict(attrs))
        for name, value in attrs:
            squashed = re.sub(r"[\x00-\x20]", "", (value or "")).lower()
            if name.startswith("on") or name == "style":
                self.findings.append(f"{tag} {name}=")
            if name in URL_ATTRIBUTES and squashed.startswith(("javascript:", "data:", "vbscript:")):
                self.findings.append(f"{tag} {name}={value[:30]}")


def test_when_vectors_fill_every_field_then_markup_has_no_active_content(hostile_site):
    for page in sorted(hostile_site.rglob("*.html")):
        audit = DomAudit()
        audit.feed(page.read_text(encoding="utf-8"))
        assert audit.findings == [], page.name
        assert all(s.get("type") == "application/ld+json" for s in audit.scripts), page.name


@pytest.mark.parametrize("n", range(len(XSS)))
def test_when_vector_is_in_title_then_json_ld_parses_and_keeps_it_verbatim(hostile_site, n):
    html = (hostile_site / "staff" / f"hostile-{n}.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["headline"] == XSS[n]
    assert "<" not in blocks[0]


def test_when_template_syntax_is_in_story_text_then_it_is_shown_not_evaluated(hostile_site):
    n = next(i for i, v in enumerate(XSS) if v.startswith("{{ 7*7 }}"))
    html = (hostile_site / "staff" / f"hostile-{n}.html").read_text(encoding="utf-8")
    assert "<h1 id=\"story-title\">{{ 7*7 }}{% raw %}" in html


@pytest.mark.parametrize("slug", PATHS)
def test_when_slug_is_hostile_then_it_is_refused_before_anything_is_written(tmp_path, slug):
    with pytest.raises(InputError) as caught:
        render_site([make_story(slug=slug)], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S")
    assert "slug" in str(caught.value) and "\n" not in str(caught.value)
    assert not list((tmp_path / "web").rglob("*.html"))


VIDEO_CHANGES = [{"slug": s} for s in PATHS[:6]] + [
    {"mp4": Path("/etc/passwd")}, {"poster": Path("/etc/shadow")}, {"vtt": Path("../../x.mp4")},
    {"format": "../16:9"}, {"audience": "../staff"}]


@pytest.mark.parametrize("changes", VIDEO_CHANGES, ids=lambda c: repr(c)[:40])
def test_when_video_is_hostile_then_it_is_refused_and_nothing_is_copied(tmp_path, changes):
    video = make_video(tmp_path / "video")
    with pytest.raises(InputError):
        render_site([make_story(slug="night-shift")], [replace(video, **changes)], tmp_path / "web",
                    templates_dir=TEMPLATES, site_title="S")
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert all(p.startswith(("web/", "video/")) for p in written)
    assert not list((tmp_path / "web").rglob("*.mp4"))


@pytest.mark.browser
def test_when_hostile_pages_open_in_chromium_then_nothing_executes(browser, hostile_site):
    fired: list[str] = []
    with served(hostile_site) as url:
        context = browser.new_context()
        context.add_init_script("for (const f of ['alert','confirm','prompt','print']) "
                                "window[f] = () => { window.__xss = (window.__xss || 0) + 1; };")
        context.route(re.compile(r"^(?!http://127\.0\.0\.1).*"),
                      lambda route: (fired.append(f"foreign request {route.request.url}"), route.abort()))
        page = context.new_page()
        page.on("dialog", lambda d: (fired.append(f"dialog {d.message}"), d.dismiss()))
        page.on("console", lambda m: fired.append(f"console {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: fired.append(f"page error {e}"))
        for path in ["index.html"] + [f"staff/hostile-{n}.html" for n in range(len(XSS))]:
            page.goto(url + path, wait_until="load")
            page.mouse.move(200, 300)
            page.keyboard.press("Tab")
            state = page.evaluate("""() => ({
                xss: window.__xss || 0,
                scripts: Array.from(document.scripts, s => s.type),
                handlers: Array.from(document.querySelectorAll('*')).flatMap(
                    el => Array.from(el.attributes, a => a.name).filter(n => n.startsWith('on'))),
                jsLinks: Array.from(document.querySelectorAll('[href],[src],[action]')).map(
                    el => el.getAttribute('href') || el.getAttribute('src') || el.getAttribute('action'))
                    .filter(v => /^\\s*javascript:/i.test(v)),
            })""")
            assert state == {"xss": 0, "scripts": ["application/ld+json"],
                             "handlers": [], "jsLinks": []}, path
        context.close()
    assert fired == []


E2E_STORY = """\
title: "<script>window.__xss=true</script> talk"
audience: community
narrator: "jo \\" onfocus=\\"window.__xss=true\\" autofocus=\\""
summary: "</script><script>window.__xss=true</script> [x](javascript:window.__xss=true)"
beats:
  - heading: "<img src=x onerror=window.__xss=true> rushed"
    themes: [targets.off]
    intro: "<svg/onload=window.__xss=true> i used to feel rushed. <a href='javascript:window.__xss=true'>x</a>"
  - heading: "happier staff"
    themes: [staff.care]
    intro: "<iframe src=javascript:window.__xss=true></iframe> and the staff were looked after too."
"""


def test_when_story_file_is_hostile_then_the_whole_build_publishes_only_inert_text(tmp_path):
    from storymaker.build import build
    project = tmp_path / "project"
    shutil.copytree(Path(__file__).parent / "project", project)
    (project / "stories" / "short-community.story.yaml").write_text(E2E_STORY, encoding="utf-8")
    build(project, web=True, video=False)
    pages = sorted((project / "output" / "web").rglob("*.html"))
    assert len(pages) >= 2
    for page in pages:
        audit = DomAudit()
        audit.feed(page.read_text(encoding="utf-8"))
        assert audit.findings == [], page.name
    story = (project / "output/web/community/short-community.html").read_text(encoding="utf-8")
    assert "<h1 id=\"story-title\">&lt;script&gt;window.__xss=true&lt;/script&gt; talk</h1>" in story


@pytest.mark.parametrize("summary, shown", [
    ("Click [here](javascript:alert(1)) to see.", "<p>Click here to see.</p>"),
    ("Read <a href='a website'>this</a> now.", "<p>Read this now.</p>"),  # the anonymiser took the address
    ("Read <a href=''>this</a> now.", "<p>Read this now.</p>"),
    ("See [our page](https://example.org/welcome).",
     '<p>See <a href="https://example.org/welcome" rel="noopener noreferrer">our page</a>.</p>'),
])
def test_when_a_summary_link_loses_its_address_then_its_words_stay_without_a_broken_link(tmp_path, summary, shown):
    """web-test 41: never <a href="a website"> (a relative link to nowhere) or an <a> with rel but no href."""
    render_site([make_story(summary=summary)], [], tmp_path / "web", templates_dir=TEMPLATES, site_title="S")
    html = (tmp_path / "web/staff/night-shift.html").read_text(encoding="utf-8")
    assert shown in html
    assert not re.search(r'<a (?![^>]*href=)[^>]*>', html) and 'href="a website"' not in html
