"""Helpers shared by the web renderer's tests (imported by tests/test_web_*.py)."""
from __future__ import annotations

import subprocess
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from PIL import Image

from dataclasses import replace

from storymaker.compose.disclosure import disclosure, wording
from storymaker.model import Chapter, Cue, Story, StoryBeat, VideoArtefact, WebSettings
from storymaker.serve import make_server

ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATES = ROOT / "templates" / "web"
ARTEFACTS = ROOT / "tests" / "artefacts"
HOSTILE = ROOT / "tests" / "data" / "hostile"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DISCLOSURE = ("This is a **composite** story. Its narrator is fictional; the words are those of "
              "several people we interviewed. [Read about the method](https://example.org/method).")


def make_story(slug: str = "night-shift", audience: str = "staff", **changes) -> Story:
    """A small but complete web story."""
    beats = (
        StoryBeat("Starting out", "When *Alex* first joined, the team was stretched.",
                  ("Nobody asked me how I was for the first month, and then one day my manager just sat down with me.",
                   "It was the little things, like someone making me a cup of tea after a hard call.")),
        StoryBeat("Turning off the targets", "Later, the team changed how it worked.",
                  ("We stopped counting calls for a week and the whole place breathed out.",),
                  outro="The targets came back, but differently."),
    )
    fields = dict(slug=slug, audience=audience, channel="web", title="Nobody asked me how I was",
                  narrator="Alex", beats=beats, disclosure=DISCLOSURE, contributors=5,
                  summary="A story about being *noticed* at work.", voice_credit="espeak-ng (English)",
                  published="2026-01-10")  # load always gives a date (spec, SOURCE_DATE_EPOCH or file date)
    fields.update(changes)
    return Story(**fields)


CUES = (  # what the video of make_story() says: title card, passages (one cut mid-sentence), end card
    Cue(0.0, 0.3, "Nobody asked me how I was. Told by Alex, a composite character."),
    Cue(0.3, 0.6, "When Alex first joined, the team was stretched."),
    Cue(0.6, 0.9, "Nobody asked me how I was for the first month,"),
    Cue(0.9, 1.2, "and then one day my manager just sat down with me."),
    Cue(1.2, 1.4, "It was the little things, like someone making me a cup of tea after a hard call."),
    Cue(1.4, 1.6, "Later, the team changed how it worked."),
    Cue(1.6, 1.8, "We stopped counting calls for a week and the whole place breathed out."),
    Cue(1.8, 1.9, "The targets came back, but differently."),
    Cue(1.9, 2.0, "This is a composite story."),
)
CHAPTERS = (Chapter("Starting out", 0.0, 1.4), Chapter("Turning off the targets", 1.4, 2.0))


def vtt(cues) -> str:
    stamp = lambda t: f"00:00:{int(t):02d}.{round(t * 1000) % 1000:03d}"
    return "WEBVTT\n\n" + "\n".join(f"{stamp(c.start)} --> {stamp(c.end)}\n{c.text}\n" for c in cues)


def make_video(folder: Path, slug: str = "night-shift", audience: str = "staff", fmt: str = "16:9") -> VideoArtefact:
    """A real 2-second video with WebVTT captions and chapters (as the video build writes them) and a PNG poster."""
    folder = folder / audience
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"{slug}-{fmt.replace(':', 'x')}"
    mp4, vtt_path, srt, poster = (stem.with_suffix(s) for s in (".mp4", ".vtt", ".srt", ".png"))
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x123b4a:s=320x180:d=2",
                    "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-shortest", "-movflags", "+faststart", str(mp4)], check=True)
    vtt_path.write_text(vtt(CUES), encoding="utf-8")
    stem.with_suffix(".chapters.vtt").write_text(vtt([Cue(c.start, c.end, c.title) for c in CHAPTERS]), encoding="utf-8")
    srt.write_text("1\n00:00:00,000 --> 00:00:01,000\nNobody asked me how I was.\n", encoding="utf-8")
    Image.new("RGB", (1920, 1080), "#123b4a").save(poster)
    return VideoArtefact(slug, audience, fmt, mp4, vtt_path, srt, poster, 2.0, chapters=CHAPTERS, cues=CUES)


@contextmanager
def served(folder: Path, base_url: str = "") -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 in a thread (at ``base_url``'s path); yield its base URL."""
    server = make_server(folder, 0, base_url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch_browser(playwright):
    """Debian's Chromium, headless, through Playwright (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


DESKTOP = (1280, 900)


def open_page(browser, url: str, size: tuple[int, int] = DESKTOP, **media):
    """A fresh page at ``url`` and the list of what went wrong loading it: console errors, page
    errors, failed requests (not those the page cancelled itself), HTTP errors. ``media`` is passed to ``emulate_media`` (print,
    forced_colors ...). The site's own address (``BASE``: absolute links, as in 404.html) is
    answered by the local server the page came from."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}")
            if r.failure != "net::ERR_ABORTED" else None)  # aborted: the page gave it up (srcset after a resize)
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    if media:
        page.emulate_media(**media)
    if url.startswith("http://127.0.0.1"):
        local = "/".join(url.split("/")[:3]) + "/"
        page.route(BASE + "**", lambda route: route.fulfill(response=route.fetch(url=route.request.url.replace(BASE, local))))
    page.goto(url, wait_until="networkidle")
    return page, problems


BASE = "https://stories.example.org/kindness/"
WEB = WebSettings(lang="en-GB", contact_url="https://example.org/contact",
                  accessibility_url="https://example.org/accessibility")


def welsh_story(**changes) -> Story:
    """The Welsh version of make_story() (its own slug, ``translation_of`` the English one)."""
    beats = (StoryBeat("Dechrau", "Pan ymunodd *Alex* gyntaf, roedd y tîm dan bwysau.",
                       ("Ofynnodd neb i mi sut oeddwn i am y mis cyntaf.",), discuss=("Beth sy’n newid pan fydd rhywun yn gofyn?",)),)
    fields = dict(slug="neb-yn-gofyn", title="Ofynnodd neb sut oeddwn i", lang="cy", translation_of="night-shift",
                  beats=beats, summary="Stori am gael eich *sylwi* yn y gwaith.",
                  disclosure=disclosure(5, "staff", "web", words=wording(ROOT, "cy")))  # as compose writes it
    fields.update(changes)
    return make_story(**fields)


def full_site(folder: Path, **options) -> Path:
    """A site with every feature on: base_url, video, images, Welsh, two audiences, discussion prompts."""
    folder.mkdir(parents=True, exist_ok=True)
    photo = folder / "photo.jpg"
    Image.new("RGB", (2000, 1200), "#6a8a5a").save(photo)
    video = make_video(folder / "video")
    first, second = make_story().beats
    beats = (replace(first, image=str(photo), image_alt="A mug of tea on a desk.",
                     discuss=("Who noticed you when you started?", "What did they do?")),
             replace(second, discuss=("What would you stop counting?",)))
    stories = [make_story(beats=beats, published="2026-03-14", updated="2026-04-02"),
               make_story(audience="community", title="A cup of tea", published="2026-03-20"),
               make_story(slug="turning", title="Turning off the targets", summary="", published="2026-02-01"),
               welsh_story(published="2026-03-14")]
    settings = dict(site_title="Kindness at work", site_description="Composite stories about kindness in organisations.",
                    base_url=BASE, web=WEB)
    settings.update(options)
    from storymaker.render.web import render_site
    render_site(stories, [video], folder / "web", templates_dir=TEMPLATES, **settings)
    return folder / "web"
