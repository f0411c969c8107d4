"""Narrated slideshow videos from composed stories (see ``render.py`` for the pipeline).

    plan.py      story -> slides -> timeline        fonts.py     Pillow fonts (the theme: storymaker/assets/)
    layout.py    balanced text fitting             placement.py every element in its own box
    slides.py    Pillow drawing of slides          voices.py    voice engines and their registry
    neural.py    hibari and piper (PyPI models)    resample.py  soxr for every rate change
    narration.py spoken sentences, cached          recorded.py  a voice artist's files, aligned
    recogniser.py Whisper via faster-whisper       align.py     script against heard words
    timing.py    when each word is heard           breaks.py    where lines and cues may break
    cues.py      captions to broadcast rules       captions.py  WebVTT, SRT, chapters
    audio.py     mix, music bed, AAC               loudness.py  -16 LUFS, true peak
    frames.py    any single frame; Ken Burns       segments.py  segments and their cache keys
    encode.py    FFmpeg encoding and the join      cache.py     content hashes, atomic writes
"""
from __future__ import annotations

__all__ = ["render_videos"]


def __getattr__(name: str):
    """``render_videos`` imported on first use: the light modules (``plan.py``) load without the heavy ones."""
    if name == "render_videos":
        from .render import render_videos
        return render_videos
    raise AttributeError(name)
