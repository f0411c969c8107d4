"""Narrated slideshow videos from composed stories (see ``render.py`` for the pipeline).

    plan.py      story -> slides -> timeline        theme.py     templates/video/<theme>/theme.yaml
    layout.py    balanced text fitting             slides.py    Pillow drawing of slides and captions
    voices.py    voice engines and their registry  narration.py spoken sentences / recordings, cached
    audio.py     mix, music ducking, loudness      captions.py  WebVTT, SRT, chapters
    frames.py    any single frame; Ken Burns       segments.py  segments and their cache keys
    encode.py    FFmpeg encoding and the join      cache.py     content hashes, atomic writes
"""
from __future__ import annotations

from .render import render_videos

__all__ = ["render_videos"]
