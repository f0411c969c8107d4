"""Helpers for the caption tests: a story's cues made the way the renderer makes them (real
narration, no encoding), and cues checked against the words a speech recogniser hears."""
from __future__ import annotations

import dataclasses
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

from storymaker.assets import video_assets
from storymaker.assets.theme import load_theme
from storymaker.assets.voice import describe_voice
from storymaker.model import Cue, Story
from storymaker.render.video.align import norm
from storymaker.render.video.cache import Cache
from storymaker.render.video.captions import CaptionRules, build_cues
from storymaker.render.video.narration import Narrating
from storymaker.render.video.plan import plan_slides, timeline, total_frames
from storymaker.render.video.recogniser import Word, model_dir, transcribe
from storymaker.render.video.voices import make_engine

from .video import TEMPLATES


def story_cues(story: Story, root: Path, cache_dir: Path, templates: Path = TEMPLATES) -> tuple[Cue, ...]:
    """The cues ``render_videos`` writes for ``story`` (as in ``render._story``, up to the cues)."""
    spec = story.video
    assets = video_assets(spec, root, load_theme(templates, spec.theme, root))
    settings = assets.theme.settings
    slides = plan_slides(story, ("", ""), settings.labels, story.voice_credit or describe_voice(spec))
    rules = CaptionRules.from_theme(dataclasses.asdict(settings.captions), spec.fps)
    with ThreadPoolExecutor(max_workers=2) as pool:
        job = Narrating(Cache(cache_dir), pool, settings.timing.sentence_gap, story.key, lambda: None, rules)
        timed = timeline(slides, make_engine(assets.voice).narrate(slides, job), spec.fps, settings.timing, rules.max_wpm)
    return build_cues(timed, total_frames(timed) / spec.fps, rules)


def shared_recogniser(cache_dir: Path, joined: Path) -> Path:
    """``cache_dir`` with the Whisper model joined once per test session (in ``joined``) linked in."""
    model = model_dir(joined)
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / "whisper-base"
    if not target.exists():
        try:
            target.symlink_to(model, target_is_directory=True)
        except OSError:
            shutil.copytree(model, target)
    return cache_dir


def heard_words(media: Path, cache_dir: Path) -> list[Word]:
    """The recogniser's words in ``media``, each narrowed to where its sound really is.

    Whisper's word times come from its attention, and a word after a pause often starts inside the
    pause (by up to half a second here); so within each word's time the sound is measured (10 ms
    steps; quiet means 20 dB under the word's loudest, which the music bed, mostly further under the
    voice, stays below) and the word starts after the last quiet stretch (120 ms or more) before its
    loudest moment and ends at the first one after it."""
    run = subprocess.run(["ffmpeg", "-v", "error", "-i", str(media), "-map", "0:a", "-ac", "1", "-ar", "16000", "-f", "s16le", "-"],
                         capture_output=True, check=True)
    pcm = np.frombuffer(run.stdout, dtype="<i2").astype(np.float64) / 32768
    steps = len(pcm) // 160
    level = 10 * np.log10(np.square(pcm[:steps * 160]).reshape(steps, 160).mean(axis=1) + 1e-10)
    out = []
    for word in transcribe(media, cache_dir):
        a = min(int(word.start * 100), steps - 1)
        b = max(a + 1, min(steps, int(np.ceil(word.end * 100))))
        out.append(Word(word.text, *(_sounding(level[a:b]) + a) / 100))
    return out


def _sounding(level: np.ndarray, shortest: int = 12) -> np.ndarray:
    """[first, last + 1] step of the sound around the loudest step, bounded by quiet runs of ``shortest`` steps."""
    peak = int(np.argmax(level))
    quiet = np.concatenate([[False], level < level[peak] - 20.0, [False]])
    edges = np.flatnonzero(np.diff(quiet.astype(int)))
    runs = [(a, b) for a, b in zip(edges[::2], edges[1::2]) if b - a >= shortest]
    start = max([b for a, b in runs if b <= peak], default=0)
    end = min([a for a, b in runs if a > peak], default=len(level))
    loud = np.flatnonzero(level[start:end] >= level[peak] - 20.0) + start
    return np.array([loud[0], loud[-1] + 1], dtype=float)


def out_of_sync(cues: tuple[Cue, ...], heard: list[Word], tolerance: float = 0.3, hang: float = 1.5) -> tuple[int, list[str]]:
    """How many cues could be checked (their first and last words heard as written), and every way
    one of them is out of step with the voice: appearing more than ``tolerance`` seconds from its
    first word, gone before its last word is over (less ``tolerance``), or staying up more than
    ``hang`` seconds after it (the BBC's limit for a caption hanging on after the speech)."""
    said = [norm(w) for c in cues for w in c.text.split()]
    matched: dict[int, Word] = {}
    for a, b, size in SequenceMatcher(None, said, [norm(w.text) for w in heard], autojunk=False).get_matching_blocks():
        matched.update({a + k: heard[b + k] for k in range(size)})
    checked, problems, at = 0, [], 0
    for cue in cues:
        first, last = at, at + len(cue.text.split()) - 1
        at = last + 1
        if first not in matched or last not in matched:
            continue
        checked += 1
        begins, ends, shown = matched[first].start, matched[last].end, cue.text.replace("\n", " ")
        if abs(cue.start - begins) > tolerance:
            problems.append(f"{shown!r} appears at {cue.start:.2f}s, its first word is heard at {begins:.2f}s")
        if cue.end < ends - tolerance:
            problems.append(f"{shown!r} goes at {cue.end:.2f}s, its last word ends at {ends:.2f}s")
        if cue.end > ends + hang:
            problems.append(f"{shown!r} stays until {cue.end:.2f}s, its last word ends at {ends:.2f}s")
    return checked, problems
