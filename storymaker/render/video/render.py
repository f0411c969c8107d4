"""render_videos: composed stories -> narrated MP4s with captions, chapters and posters.

Per story, from its resolved assets (theme, voice, music; see :mod:`storymaker.assets`):
plan slides -> narrate (cached) -> timeline -> soundtrack (in the background)
-> per format: draw slides, plan segments, encode what the cache lacks (both cores)
-> join with ``-c copy`` plus audio, captions and chapters -> move into place.
"""
from __future__ import annotations

import dataclasses
import os
import shutil
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path
from typing import Mapping, Sequence

from PIL import Image

from ...assets import VideoAssets
from ...assets.labels import card_labels, told_in, track_language
from ...assets.settings import Labels
from ...assets.theme import Theme
from ...assets.voice import describe_voice
from ...errors import RenderError
from ...i18n import Language
from ...model import VIDEO_FORMATS, Problem, Story, VideoArtefact
from . import cache
from .cache import Cache
from .audio import soundtrack
from .captions import CaptionRules, build_cues, chapters, chapters_vtt, ffmetadata, to_srt, to_vtt
from .encode import join
from .narration import Narrating, sentences
from .plan import TimedSlide, plain, plan_slides, timeline, total_frames
from .progress import Bars
from .segments import Format, base_picture, draw_art, encode_segment, overlays_for, plan_segments
from .slides import Canvas
from .voices import make_engine


def render_videos(stories: Sequence[Story], out_dir: Path, *, assets: Mapping[str, VideoAssets], store: Cache,
                  progress: bool = True) -> list[VideoArtefact]:
    """Render every video story in every format it asks for, from the assets the prepare stage resolved
    (``assets[story.slug]``); ``store.stats`` says what was made afresh and what was reused."""
    made: list[VideoArtefact] = []
    pool = ThreadPoolExecutor(max_workers=(os.cpu_count() or 2) + 1)
    try:
        with Bars(progress) as bars:
            for story in stories:
                if story.channel == "video":
                    made += _story(story, assets[story.slug], Path(out_dir), store, pool, bars)
    finally:  # on an error or Ctrl-C: drop queued work, let running encoders clean up after themselves
        pool.shutdown(wait=True, cancel_futures=True)
    return made


def _story(story: Story, assets: VideoAssets, out_dir: Path, store: Cache, pool: Executor, bars: Bars) -> list[VideoArtefact]:
    spec, words = story.video, told_in(story.lang, assets.words)
    theme = dataclasses.replace(assets.theme, settings=dataclasses.replace(
        assets.theme.settings, labels=card_labels(assets.theme.settings.labels, words)))  # in the story's language
    settings = theme.settings
    _check_formats(story)
    voice = story.voice_credit or describe_voice(spec)
    slides = plan_slides(story, _credits(story, settings.labels, words.gettext(voice)), settings.labels, voice, words)
    canvases = [Canvas(theme, fmt, story.key) for fmt in spec.formats]
    bases = [[base_picture(s, c, store) for s in slides] for c in canvases]  # layout errors before narrating
    tick = bars.add(f"Narrating {story.key}", sum(len(sentences(s.narration)) for s in slides))
    rules = CaptionRules.from_theme(dataclasses.asdict(settings.captions), spec.fps)
    job = Narrating(store, pool, settings.timing.sentence_gap, story.key, tick, rules)
    timed = timeline(slides, make_engine(assets.voice).narrate(slides, job), spec.fps, settings.timing, rules.max_wpm)
    seconds = total_frames(timed) / spec.fps
    audio = pool.submit(soundtrack, timed, seconds, _music(story, assets.music), settings.audio, store, story.key)
    cues = build_cues(timed, seconds, rules)
    chaps = chapters(timed, spec.fps, words)
    formats = [_format(story, c, b, timed, cues) for c, b in zip(canvases, bases)]
    jobs = [(f, [pool.submit(encode_segment, s, f, store, bars.add_to(f"Encoding {story.key}"))
                 for s in f.segments]) for f in formats]
    bars.total(f"Encoding {story.key}", sum(s.end - s.start for f in formats for s in f.segments))
    out = []
    for fmt, futures in jobs:
        parts = [f.result() for f in futures]
        out.append(_finish(story, fmt, parts, audio, cues, chaps, seconds, out_dir, store))
    return out


def _credits(story: Story, labels: Labels, voice: str) -> tuple[str, str]:
    """The end card's credits: the voice (unless the disclosure already names it) and the music."""
    spoken = labels.short_disclosure
    named = voice in story.disclosure or "{voice}" in spoken or "{reader}" in spoken
    music = story.video.music_licence
    return ("" if named else labels.voice.format(voice=voice), labels.music.format(licence=music) if music else "")


def _check_formats(story: Story) -> None:
    bad = [f for f in story.video.formats if f not in VIDEO_FORMATS]
    if bad or not story.video.formats:
        raise RenderError(Problem(f"story {story.key}", 0, f"unknown video format {', '.join(bad) or '(none)'}; "
                                  f"choose from {', '.join(VIDEO_FORMATS)}"))


def _music(story: Story, path: Path | None) -> Path | None:
    if path is not None and not path.is_file():
        raise RenderError(Problem(str(path), 0, f"story {story.key}: background music not found; fix video: music or add the file"))
    return path


def _format(story: Story, canvas: Canvas, bases, timed: tuple[TimedSlide, ...], cues) -> Format:
    fps, theme = story.video.fps, canvas.theme
    fade = round(theme.settings.timing.crossfade * fps)
    drawn = [draw_art(ts, base, canvas, fade) for ts, base in zip(timed, bases)]
    arts, keys = (tuple(x) for x in zip(*drawn))
    overlays = overlays_for(cues, canvas, fps, timed)
    hold = fps if theme.settings.encoding.hold_stills else 1
    segments = plan_segments(timed, arts, keys, overlays, canvas, fps, fade, hold)
    return Format(canvas, fps, arts, keys, overlays, segments, hold)


def _finish(story: Story, fmt: Format, parts: list[Path], audio: Future, cues, chaps, seconds: float,
            out_dir: Path, store: Cache) -> VideoArtefact:
    stem = out_dir / story.audience / f"{story.slug}-{fmt.canvas.fmt.replace(':', 'x')}"
    srt, meta = to_srt(cues), ffmetadata(story.title, chaps)
    lang = track_language(story.lang)
    sound = audio.result()

    def joined(tmp: Path) -> None:
        side = [tmp.with_suffix(".srt"), tmp.with_suffix(".ffmeta")]
        try:
            side[0].write_text(srt, encoding="utf-8")
            side[1].write_text(meta, encoding="utf-8")
            join(parts, sound, side[0], side[1], lang, tmp)
        finally:
            for p in side:
                p.unlink(missing_ok=True)
    final = store.file(store.folder / "final" / f"{cache.key('final', [p.name for p in parts], sound.name, srt, meta, lang)}.mp4",
                       joined, "final")
    poster = store.file(store.folder / "posters" / f"{fmt.art_keys[0]}.png",  # the title card
                        lambda tmp: Image.fromarray(fmt.arts[0].base).save(tmp, format="PNG"), "poster")
    return _publish(story, fmt, final, poster, stem, cues, chaps, seconds)


def description(story: Story, theme: Theme, words: Language | None = None) -> str:
    """What to paste under the video where it is posted: the summary, the full disclosure, the music credit."""
    music = story.video.music_licence
    credit = card_labels(theme.settings.labels, told_in(story.lang, words)).music.format(licence=music) if music else ""
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
