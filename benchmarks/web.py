"""Benchmark: render 200 story pages (no videos) storymaker's way and a naive way, side by side.

    .venv/bin/python benchmarks/web.py [--stories 200] [--repeats 3]

storymaker's way: one Jinja2 environment (templates parsed once), fonts loaded
once, cards drawn as palette images, each index thumbnail resized from the
smallest copy already made that is twice as wide (240 px from 480 px) and
WebP at libwebp's effort 2. Naive baseline, same pages and cards: a new
Jinja2 environment per page (templates re-read and re-parsed), fonts loaded
afresh for every card with full text layout, cards drawn in RGB and written
as RGB PNGs, every thumbnail resized from the full card with plain Lanczos and
WebP at Pillow's default effort. Prints the median wall time of each, the
median CPU time of the process (a fairer figure on a shared machine) and the
load average, and the ratio. Target: the storymaker way renders 200 stories
in under 5 seconds.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storymaker.model import Story, StoryBeat, WebSettings  # noqa: E402
from storymaker.render import web, web_card  # noqa: E402
from storymaker.render.web_images import planned  # noqa: E402
from storymaker.render.web_files import in_language, write, write_site_files  # noqa: E402
from storymaker.render.web_story import Site, story_context  # noqa: E402

TEMPLATES = ROOT / "templates" / "web"
WORDS = ("kindness targets manager shift team tea listening risk wellbeing caring together time "
         "nobody asked how was noticed changed worked differently stopped counting calls").split()


def story(n: int) -> Story:
    """A generated story with three beats of realistic length."""
    pick = lambda k, length: " ".join(WORDS[(n * 7 + k * 3 + i) % len(WORDS)] for i in range(length))
    beats = tuple(StoryBeat(f"Part {b + 1}: {pick(b, 3)}", pick(b, 25).capitalize() + ".",
                            tuple(pick(b + q, 18 + q * 9).capitalize() + "." for q in range(3)),
                            outro=pick(b + 5, 12).capitalize() + ".")
                  for b in range(3))
    return Story(slug=f"story-{n}", audience=("staff", "community")[n % 2], channel="web",
                 title=f"Story {n}: {pick(1, 6)}", narrator="Sam", beats=beats, contributors=5,
                 disclosure="This is a composite story told in the words of five interviewees.",
                 summary=pick(2, 20).capitalize() + ".")


def naive_card(title: str, quote: str, site_title: str, fonts: web_card.CardFonts, dest: Path, thumb=None) -> None:
    """The obvious card: fonts loaded every time, RGB drawing, RGB PNG."""
    load = lambda path, size: ImageFont.truetype(path, size)
    img = Image.new("RGB", web_card.SIZE, web_card.BACKGROUND)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 15, web_card.SIZE[1]), fill=web_card.ACCENT)
    for colour, top, font, lines, step in web_card.layout(title, quote, site_title, fonts, load):
        for i, line in enumerate(lines):
            draw.text((web_card.MARGIN, top + i * step), line, font=font, fill=colour)
    dest.parent.mkdir(parents=True, exist_ok=True)
    img.save(dest, "PNG")
    if thumb:  # the index card's thumbnail, from the file just written
        with Image.open(dest) as again:
            naive_renditions(again.convert("RGB"), dest.parents[2] / thumb.stem, thumb.widths)


def naive_renditions(img: Image.Image, dest: Path, widths: tuple[int, ...]) -> None:
    """Every width resized from the full image with plain Lanczos; JPEG and WebP at Pillow's defaults."""
    for w in planned(img.width, img.height, "", widths).widths:
        small = img.resize((w, round(img.height * w / img.width)), Image.LANCZOS)
        small.save(f"{dest}-{w}.jpg", "JPEG", quality=82, optimize=True, progressive=True)
        small.save(f"{dest}-{w}.webp", "WEBP", quality=80)


def naive_site(stories: list[Story], out: Path) -> None:
    """Same pages and cards, with nothing reused between pages (a new environment and fonts each time)."""
    chosen = web.web_stories(stories)
    info = web.site_info("Kindness at work", "", "", WebSettings())
    out.mkdir(parents=True)
    draw = lambda s, dest, thumb: naive_card(s.title, web_card.short_quote(s), info["title"], web_card.CardFonts.find(), dest, thumb)
    site = Site(out, TEMPLATES, info, chosen, [], {}, draw)
    items = []
    for s in chosen:
        context = story_context(s, site)
        context["site"] = in_language(info, chosen, TEMPLATES, s.lang)
        write(out / context["story"]["url"], web.Renderer(TEMPLATES).render("story.html", context), [])
        items.append(context["story"])
    write_site_files(site, items, web.Renderer(TEMPLATES), web_card.CardFonts.find())


def storymaker_site(stories: list[Story], out: Path) -> None:
    web.render_site(stories, [], out, templates_dir=TEMPLATES, site_title="Kindness at work")


def timed(render, stories: list[Story], scratch: Path) -> tuple[float, float]:
    """Wall and CPU seconds (this process, every thread) of one render."""
    out = Path(tempfile.mkdtemp(dir=scratch)) / "web"
    start, cpu = time.perf_counter(), time.process_time()
    render(stories, out)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    stories = [story(n) for n in range(args.stories)]
    times: dict[str, list[tuple[float, float]]] = {"storymaker": [], "naive": []}
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(args.repeats):  # interleaved, so both see the same machine load
            times["storymaker"].append(timed(storymaker_site, stories, Path(scratch)))
            times["naive"].append(timed(naive_site, stories, Path(scratch)))
    (ours, ours_cpu), (naive, naive_cpu) = ([statistics.median(t[i] for t in times[k]) for i in (0, 1)]
                                             for k in ("storymaker", "naive"))
    print(f"{args.stories} story pages + social cards, median of {args.repeats} "
          f"(load average {load:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} cores):")
    print(f"  storymaker render_site : {ours:6.2f} s  ({1000 * ours / args.stories:.1f} ms per story), CPU {ours_cpu:.2f} s")
    print(f"  naive baseline         : {naive:6.2f} s  ({1000 * naive / args.stories:.1f} ms per story), CPU {naive_cpu:.2f} s")
    print(f"  ratio (naive / storymaker): {naive / ours:.2f}x wall, {naive_cpu / ours_cpu:.2f}x CPU   "
          + (f"target under 5 s: {'met' if ours < 5 else 'NOT met'}" if args.stories == 200 else "(the target is for 200)"))


if __name__ == "__main__":
    main()
