"""Video rendering speed: storymaker's renderer against a naive moviepy pipeline, same run.

    .venv/bin/python benchmarks/video.py [--quick] [--repeats N]

Renders one 1080p narrated story of about 60 seconds (three beats, each with an image
that gets a Ken Burns move, and quotes) and prints wall time / video duration (the
"real-time factor", lower is faster) for:

  storymaker, Ken Burns   a cold build (empty cache: narration, slides, segments, mux)
  storymaker, still       the same story without images (every slide a still)
  storymaker, rebuild     a warm rebuild after changing one word in one beat
  ... in a fresh process  the same, each build in its own Python process (as
                          ``storymaker build`` runs): whole-process wall time, so
                          Python's start-up and imports count (about a second,
                          most of it SciPy, which pyloudnorm imports)
  naive moviepy           ImageClip per slide with a per-frame ``resized`` zoom,
                          ``concatenate_videoclips`` and ``write_videofile``

The naive pipeline runs at several times real time; ``--quick`` runs it on the first
~12 seconds only and reports its factor from that (say so when quoting the result).
Medians over ``--repeats`` runs. Not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storymaker.model import Story, StoryBeat, VideoSpec  # noqa: E402
from storymaker.assets import video_assets  # noqa: E402
from storymaker.render.video import render_videos  # noqa: E402
from storymaker.render.video.cache import Cache, Stats  # noqa: E402

STATS = Stats()  # the last render's: what it made afresh and what it reused

IMAGES = [ROOT / "assets" / "images" / f"{n}.jpg" for n in ("kitchen-table", "helpline", "park-bench")]
QUOTES = [
    ("Caring about staff", "Some days the smallest gesture carried the whole shift.",
     ["She made me a cup of tea and just listened. Nobody had done that in years.",
      "My manager asked how I was, and waited for the real answer, not the polite one."]),
    ("Turning off targets", "For one month the team switched the dashboard off.",
     ["We stopped counting calls and started hearing people again. It felt strange at first.",
      "Without the numbers on the wall, we had time to ring people back and finish a conversation."]),
    ("Working together", "People began to share the load across teams.",
     ["The housing officer and the nurse sat at the same table for once, and the plan finally made sense.",
      "It was not one person being kind. It was all of us deciding that kindness was the job."]),
]


def story(images: bool, slug: str = "bench") -> Story:
    beats = tuple(StoryBeat(h, intro, tuple(q), image=str(IMAGES[i]) if images else "")
                  for i, (h, intro, q) in enumerate(QUOTES))
    return Story(slug=slug, audience="staff", channel="video", title="What kindness looks like at work",
                 narrator="Sam, a support worker", beats=beats, disclosure="This is a composite of six interviews.",
                 contributors=6, video=VideoSpec(formats=("16:9",), music="assets/music/gentle-pads.ogg",
                                                 music_licence="CC0, generated for storymaker"))


def render(s: Story, out: Path, cache: Path):
    global STATS
    store = Cache(cache)
    t = time.perf_counter()
    art = render_videos([s], out, assets={s.slug: video_assets(s.video, ROOT)}, store=store, progress=False)[0]
    STATS = store.stats
    return time.perf_counter() - t, art


def cold(s: Story, repeats: int, work: Path) -> tuple[list[float], float, Path]:
    times, art = [], None
    for r in range(repeats):
        shutil.rmtree(work / "cache", ignore_errors=True)
        seconds, art = render(s, work / "out", work / "cache")
        times.append(seconds / art.duration)
    return times, art.duration, art.mp4


def one_word(s: Story, r: int) -> Story:
    """``s`` with one word of the second beat's first quote changed (``r`` > 0 gives a new change)."""
    if not r:
        return s
    words = list(s.beats[1].quotes)
    words[0] = words[0].replace("calls", f"calls{'!' * r}")
    beats = list(s.beats)
    beats[1] = replace(beats[1], quotes=tuple(words))
    return replace(s, beats=tuple(beats))


def rebuild(s: Story, repeats: int, work: Path) -> tuple[list[float], list[float], dict]:
    factors, shares = [], []
    render(s, work / "out", work / "cache")
    full, art = render(replace(s, slug=s.slug + "-full"), work / "out", work / "cache2")
    for r in range(repeats):
        seconds, art = render(one_word(s, r + 1), work / "out", work / "cache")
        factors.append(seconds / art.duration)
        shares.append(seconds / full)
    return factors, shares, dict(made=dict(STATS.made), reused=dict(STATS.reused))


def in_process(work: Path, change: int) -> float:
    """Wall time of one build in a new Python process (this script with --child)."""
    t = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--child", str(work), str(change)], check=True)
    return time.perf_counter() - t


def fresh_process(repeats: int, work: Path) -> list[float]:
    """Share of a cold full build that a one-word rebuild takes, each in its own process."""
    shares = []
    for r in range(repeats):
        shutil.rmtree(work, ignore_errors=True)
        full = in_process(work, 0)
        shares.append(in_process(work, r + 1) / full)
    return shares


def naive(s: Story, work: Path, limit: float | None) -> tuple[float, float]:
    """ImageClip per slide, per-frame zoom with resized(), concatenate, write_videofile."""
    try:
        from moviepy import AudioFileClip, ImageClip, concatenate_videoclips
    except ImportError:
        raise SystemExit("benchmarks/video.py needs moviepy for its baseline: pip install -e '.[bench]'")
    slides = sorted((work / "cache" / "slides").glob("*.png"), key=os.path.getmtime)
    audio = next((work / "cache" / "audio").glob("*.aac"))
    total = AudioFileClip(str(audio)).duration
    each = total / len(slides)
    clips = [ImageClip(str(p)).with_duration(each).resized(lambda t: 1 + 0.02 * t).with_position("center")
             for p in slides]
    video = concatenate_videoclips(clips, method="compose").with_audio(AudioFileClip(str(audio)))
    if limit:
        video = video.subclipped(0, limit)
    t = time.perf_counter()
    video.write_videofile(str(work / "naive.mp4"), fps=25, codec="libx264", audio_codec="aac", logger=None)
    return time.perf_counter() - t, video.duration


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="naive pipeline on the first 12 s only")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--child", nargs=2, metavar=("WORK", "CHANGE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        render(one_word(story(True, "proc"), int(args.child[1])), Path(args.child[0]) / "out", Path(args.child[0]) / "cache")
        return
    med = statistics.median
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        kb, duration, _ = cold(story(True), args.repeats, work)
        still, _, _ = cold(story(False, "still"), args.repeats, work / "still")
        re_factors, re_shares, stats = rebuild(story(True, "re"), args.repeats, work / "re")
        process_shares = fresh_process(args.repeats, work / "proc")
        naive_seconds, naive_duration = naive(story(True), work, 12.0 if args.quick else None)
    naive_factor = naive_seconds / naive_duration
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end")
    print(f"story: {duration:.1f} s of 1080p video, 25 fps; medians of {args.repeats} runs (x real time, lower is faster)")
    print(f"  storymaker, Ken Burns, cold cache   {med(kb):6.3f} x   runs: {', '.join(f'{x:.3f}' for x in kb)}")
    print(f"  storymaker, still slides, cold      {med(still):6.3f} x   runs: {', '.join(f'{x:.3f}' for x in still)}")
    print(f"  storymaker, rebuild after one word  {med(re_factors):6.3f} x   = {med(re_shares):.3f} of a full build (target <= 0.25)   runs: " + ", ".join(f"{x:.3f}" for x in re_shares))
    print(f"  ... each build in a fresh process          = {med(process_shares):.3f} of a full build (imports included)   runs: "
          + ", ".join(f"{x:.3f}" for x in process_shares))
    print(f"  naive moviepy ({naive_duration:.0f} s {'clip' if args.quick else 'video'})      {naive_factor:6.3f} x")
    print(f"  speed-up over naive: {naive_factor / med(kb):.1f} x (Ken Burns), {naive_factor / med(still):.1f} x (still)")
    print(f"  last rebuild encoded: {stats['made']}  reused: {stats['reused']}")


if __name__ == "__main__":
    main()
