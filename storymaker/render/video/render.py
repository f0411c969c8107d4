"""render_videos: composed stories -> narrated MP4s with captions, chapters and posters.

Per story: plan slides -> narrate (cached) -> timeline -> soundtrack (in the background)
-> per format: draw slides, plan segments, encode what the cache lacks (both cores)
-> join with ``-c copy`` plus audio, captions and chapters -> move into place.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import replace
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

from PIL import Image

from ...errors import RenderError
from ...model import VIDEO_FORMATS, Problem, Story, VideoArtefact
from . import cache
from .audio import soundtrack
from .captions import CaptionRules, build_cues, chapters, chapters_vtt, ffmetadata, to_srt, to_vtt
from .encode import join
from .narration import narrate, sentences
from .plan import TimedSlide, plain, plan_slides, timeline, total_frames
from .progress import Bars
from .segments import Format, base_picture, draw_art, encode_segment, overlays_for, plan_segments
from .slides import Canvas
from .theme import Theme, load_theme
from .voices import describe_voice, engine_name, make_engine


def render_videos(stories: Sequence[Story], out_dir: Path, *, project_root: Path, templates_dir: Path,
                  cache_dir: Path, progress: bool = True) -> list[VideoArtefact]:
    """Render every video story in every format it asks for; see the module docstring."""
    cache.STATS.__init__()  # type: ignore[misc]
    made: list[VideoArtefact] = []
    pool = ThreadPoolExecutor(max_workers=(os.cpu_count() or 2) + 1)
    try:
        with Bars(progress) as bars:
            for story in stories:
                if story.channel == "video":
                    made += _story(story, Path(out_dir), Path(project_root), Path(templates_dir), Path(cache_dir), pool, bars)
    finally:  # on an error or Ctrl-C: drop queued work, let running encoders clean up after themselves
        pool.shutdown(wait=True, cancel_futures=True)
    return made


def _story(story: Story, out_dir: Path, root: Path, templates: Path, cache_dir: Path, pool: Executor, bars: Bars) -> list[VideoArtefact]:
    spec = story.video
    theme = load_theme(templates, spec.theme, root)
    _check_formats(story)
    engine = make_engine(_voice_spec(story, theme), root, int(theme.get("narration", "espeak_rate", default=160)),
                         float(theme.get("narration", "hibari_speed", default=1.0)))
    voice = story.voice_credit or describe_voice(spec)
    labels = theme.get("labels", default={})
    spoken = labels.get("short_disclosure", "")
    credits = ("" if voice in story.disclosure or "{voice}" in spoken or "{reader}" in spoken else voice,
               labels.get("music", "Music: {licence}").format(licence=spec.music_licence) if spec.music_licence else "")
    slides = plan_slides(story, credits, labels, voice)
    canvases = [Canvas(theme, fmt, story.key) for fmt in spec.formats]
    bases = [[base_picture(s, c, cache_dir) for s in slides] for c in canvases]  # layout errors before narrating
    tick = bars.add(f"Narrating {story.key}", sum(len(sentences(s.narration)) for s in slides))
    rules = CaptionRules.from_theme(theme.get("captions"), spec.fps)
    clips = narrate(slides, engine, cache_dir, pool, float(theme.get("timing", "sentence_gap", default=0.3)), story.key, tick,
                    rules)
    timed = timeline(slides, clips, spec.fps, {**theme.get("timing", default={}), "max_wpm": rules.max_wpm})
    seconds = total_frames(timed) / spec.fps
    audio = pool.submit(soundtrack, timed, seconds, _music(story, root), theme.get("audio", default={}), cache_dir, story.key)
    cues = build_cues(timed, seconds, rules)
    chaps = chapters(timed, spec.fps)
    formats = [_format(story, c, b, timed, cues) for c, b in zip(canvases, bases)]
    jobs = [(f, [pool.submit(encode_segment, s, f, cache_dir / "segments", bars.add_to(f"Encoding {story.key}"))
                 for s in f.segments]) for f in formats]
    bars.total(f"Encoding {story.key}", sum(s.end - s.start for f in formats for s in f.segments))
    out = []
    for fmt, futures in jobs:
        parts = [f.result() for f in futures]
        out.append(_finish(story, fmt, parts, audio, cues, chaps, seconds, out_dir, cache_dir))
    return out


def _voice_spec(story: Story, theme: Theme):
    spec = story.video
    if engine_name(spec) == "espeak" and not spec.voice:
        return replace(spec, voice=str(theme.get("narration", "espeak_voice", default="en-gb")))
    return spec


def _check_formats(story: Story) -> None:
    bad = [f for f in story.video.formats if f not in VIDEO_FORMATS]
    if bad or not story.video.formats:
        raise RenderError(Problem(f"story {story.key}", 0, f"unknown video format {', '.join(bad) or '(none)'}; "
                                  f"choose from {', '.join(VIDEO_FORMATS)}"))


def _music(story: Story, root: Path) -> Path | None:
    if not story.video.music:
        return None
    path = root / story.video.music
    if not path.is_file():
        raise RenderError(Problem(str(path), 0, f"story {story.key}: background music not found; fix video: music or add the file"))
    return path


def _format(story: Story, canvas: Canvas, bases, timed: tuple[TimedSlide, ...], cues) -> Format:
    fps, theme = story.video.fps, canvas.theme
    fade = round(float(theme.get("timing", "crossfade", default=0.5)) * fps)
    drawn = [draw_art(ts, base, canvas, fade) for ts, base in zip(timed, bases)]
    arts, keys = (tuple(x) for x in zip(*drawn))
    overlays = overlays_for(cues, canvas, fps, timed)
    hold = fps if theme.get("encoding", "hold_stills", default=True) else 1
    segments = plan_segments(timed, arts, keys, overlays, canvas, fps, fade, hold)
    return Format(canvas, fps, arts, keys, overlays, segments, hold)


def _finish(story: Story, fmt: Format, parts: list[Path], audio: Future, cues, chaps, seconds: float,
            out_dir: Path, cache_dir: Path) -> VideoArtefact:
    stem = out_dir / story.audience / f"{story.slug}-{fmt.canvas.fmt.replace(':', 'x')}"
    srt, meta = to_srt(cues), ffmetadata(story.title, chaps)
    lang = "eng" if story.lang.lower().startswith("en") else "und"
    sound = audio.result()
    final = cache_dir / "final" / f"{cache.key('final', [p.name for p in parts], sound.name, srt, meta, lang)}.mp4"
    fresh = not final.is_file()
    if fresh:
        with cache.atomic(final) as tmp:
            side = [tmp.with_suffix(".srt"), tmp.with_suffix(".ffmeta")]
            try:
                side[0].write_text(srt, encoding="utf-8")
                side[1].write_text(meta, encoding="utf-8")
                join(parts, sound, side[0], side[1], lang, tmp)
            finally:
                for p in side:
                    p.unlink(missing_ok=True)
    cache.STATS.count("final", fresh)
    poster = cache_dir / "posters" / f"{fmt.art_keys[0]}.png"  # the title card
    if not poster.is_file():
        with cache.atomic(poster) as tmp:
            Image.fromarray(fmt.arts[0].base).save(tmp, format="PNG")
    return _publish(story, fmt, final, poster, stem, cues, chaps, seconds)


def description(story: Story, theme: Theme) -> str:
    """What to paste under the video where it is posted: the summary, the full disclosure, the music credit."""
    music = story.video.music_licence
    credit = theme.get("labels", "music", default="Music: {licence}").format(licence=music) if music else ""
    parts = [plain(story.title), plain(story.summary), plain(story.disclosure), credit]
    return "\n\n".join(p for p in parts if p) + "\n"


def _publish(story: Story, fmt: Format, final: Path, poster: Path, stem: Path, cues, chaps, seconds: float) -> VideoArtefact:
    paths = {ext: stem.with_name(stem.name + ext) for ext in (".mp4", ".vtt", ".srt", ".chapters.vtt", ".png")}
    with cache.atomic(paths[".mp4"]) as tmp:
        shutil.copyfile(final, tmp)
    cache.write_text(paths[".vtt"], to_vtt(cues))
    cache.write_text(paths[".srt"], to_srt(cues))
    cache.write_text(paths[".chapters.vtt"], chapters_vtt(chaps))
    cache.write_text(stem.with_name(stem.name + ".description.txt"), description(story, fmt.canvas.theme))
    with cache.atomic(paths[".png"]) as tmp:
        shutil.copyfile(poster, tmp)
    return VideoArtefact(story.slug, story.audience, fmt.canvas.fmt, paths[".mp4"], paths[".vtt"], paths[".srt"],
                         paths[".png"], seconds, chaps, cues)
