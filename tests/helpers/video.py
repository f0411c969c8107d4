"""Helpers shared by the video renderer's tests (imported by tests/test_video_*.py)."""
from __future__ import annotations

import json
import re
import subprocess
from dataclasses import replace
from pathlib import Path

from storymaker.assets import video_assets
from storymaker.assets.theme import load_theme
from storymaker.model import Story, StoryBeat, VideoSpec
from storymaker.render.video import render_videos
from storymaker.render.video.cache import Cache

ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATES = ROOT / "templates" / "video"
IMAGE = ROOT / "assets" / "images" / "kitchen-table.jpg"
MUSIC = "assets/music/gentle-pads.ogg"


def short_story(slug: str = "tea", formats: tuple[str, ...] = ("16:9",), **video) -> Story:
    """Two beats, short quotes: a video of about 12 seconds."""
    beats = (
        StoryBeat("Caring about staff", "Small things mattered.", ("She made me a cup of tea.",), image=str(IMAGE)),
        StoryBeat("Turning off targets", "", ("We switched the dashboard off.",)),
    )
    spec = VideoSpec(formats=formats, music=MUSIC, music_licence="CC0, made for storymaker", **video)
    return Story(slug=slug, audience="staff", channel="video", title="Tea", narrator="Sam, a support worker",
                 beats=beats, disclosure="A composite of four interviews.", contributors=4, video=spec)


def with_quote(story: Story, beat: int, text: str) -> Story:
    beats = list(story.beats)
    beats[beat] = replace(beats[beat], quotes=(text,))
    return replace(story, beats=tuple(beats))


def render(stories, out: Path, cache: Path | Cache, root: Path = ROOT):
    """Render as a build does: the assets resolved first (the prepare stage's job), then the videos."""
    stories = list(stories)
    assets = {s.slug: video_assets(s.video, root, load_theme(TEMPLATES, s.video.theme, root)) for s in stories}
    store = cache if isinstance(cache, Cache) else Cache(Path(cache))
    return render_videos(stories, out, assets=assets, store=store, progress=False)


def probe(path: Path) -> dict:
    run = subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-show_format", "-show_chapters", "-of", "json",
                          str(path)], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def stream(info: dict, kind: str) -> dict:
    return next(s for s in info["streams"] if s["codec_type"] == kind)


def loudness(path: Path) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) measured by FFmpeg's ebur128 filter."""
    run = subprocess.run(["ffmpeg", "-nostats", "-i", str(path), "-map", "0:a", "-af", "ebur128=peak=true", "-f", "null", "-"],
                         capture_output=True, text=True)
    summary = run.stderr[run.stderr.rindex("Summary:"):]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))
    return integrated, peak


def parse_vtt(text: str) -> list[tuple[float, float, list[str]]]:
    cues = []
    for block in text.strip().split("\n\n")[1:]:
        lines = block.splitlines()
        timing = next(i for i, line in enumerate(lines) if "-->" in line)
        a, b = (_seconds(t.strip()) for t in lines[timing].split("-->"))
        cues.append((a, b, lines[timing + 1:]))
    return cues


def _seconds(stamp: str) -> float:
    h, m, s = stamp.replace(",", ".").split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def caption_stats(cues: list[tuple[float, float, list[str]]], fps: int = 25) -> dict:
    """Broadcast-rule statistics of one caption file's cues (start, end, lines)."""
    from storymaker.render.video.breaks import NEVER_AFTER, _bare, _capital
    gaps = [b[0] - a[1] for a, b in zip(cues, cues[1:])]
    wpm = sorted(sum(len(line.split()) for line in lines) * 60 / (end - start) for start, end, lines in cues)
    bad_breaks = []
    for _, _, lines in cues:
        for top, bottom in zip(lines, lines[1:]):
            last, first = top.split()[-1], bottom.split()[0]
            if re.search(r"[.!?,;:\u2014\u2013]$", last):
                continue
            if _bare(last) in NEVER_AFTER or (_capital(last) and _capital(first) and len(top.split()) > 1):
                bad_breaks.append(f"{top} / {bottom}")
    for (_, _, a), (_, _, b) in zip(cues, cues[1:]):
        last = a[-1].split()[-1]
        if not re.search(r"[.!?,;:\u2014\u2013\"'\u201d]$", last) and _bare(last) in NEVER_AFTER:
            bad_breaks.append(f"{a[-1]} | {b[0]}")
    return {"lines": max(len(lines) for *_, lines in cues), "chars": max(len(line) for *_, ls in cues for line in ls),
            "wpm": max(wpm), "wpm_p95": wpm[min(len(wpm) - 1, round(0.95 * (len(wpm) - 1)))], "shortest": min(end - start for start, end, _ in cues),
            "min_gap": min(gaps, default=1.0), "flicker_gaps": [g for g in gaps if 2.5 / fps < g < 0.5 - 1e-6],
            "overlaps": [g for g in gaps if g < 2 / fps - 2e-3], "bad_breaks": bad_breaks}


def assert_broadcast_rules(path: Path, fps: int = 25, max_chars: int = 37) -> dict:
    text = path.read_text(encoding="utf-8")
    cues = parse_vtt(text if text.startswith("WEBVTT") else "WEBVTT\n\n" + text)
    stats = caption_stats(cues, fps)
    assert stats["lines"] <= 2 and stats["chars"] <= max_chars, (path.name, stats)
    assert stats["wpm_p95"] <= 180 + 1e-6, (path.name, stats)  # as the BBC measures it: 95th percentile
    assert stats["shortest"] >= 1.0 - 2e-3, (path.name, stats)
    assert not stats["overlaps"] and not stats["flicker_gaps"], (path.name, stats)
    assert not stats["bad_breaks"], (path.name, stats["bad_breaks"])
    return stats


def contact_sheet(art, work: Path) -> Path:
    """Six frames pulled with ffmpeg from a rendered video, side by side, in tests/artefacts/frames-<format>.png."""
    from PIL import Image
    out = ROOT / "tests" / "artefacts"
    out.mkdir(exist_ok=True)
    name = art.format.replace(":", "x")
    frames = []
    for n, t in enumerate(art.duration * k / 7 for k in range(1, 7)):
        png = work / f"frame-{name}-{n}.png"
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{t:.2f}", "-i", str(art.mp4), "-frames:v", "1", str(png)], check=True)
        frames.append(Image.open(png).convert("RGB"))
    w, h = frames[0].size
    scale = 320 / max(w, h)
    tw, th = round(w * scale), round(h * scale)
    sheet = Image.new("RGB", (6 * (tw + 8) + 8, th + 16), "white")
    for n, frame in enumerate(frames):
        sheet.paste(frame.resize((tw, th), Image.LANCZOS), (8 + n * (tw + 8), 8))
    path = out / f"frames-{name}.png"
    sheet.save(path)
    assert path.stat().st_size > 10_000 and len({f.tobytes() for f in frames}) > 3, "frames differ over the video"
    return path
