"""Voice engines: one protocol, ``narrate(slides, job)``, that every engine implements.

    hibari    a neural voice whose model is inside the hibari-tts wheel   (neural.py)
    espeak    espeak-ng, installed with the system                          (here)
    piper     a packaged piper voice or a .onnx voice file                  (neural.py)
    recorded  a voice artist's audio files, read, aligned and checked       (recorded.py)

The engines that speak text share :class:`~.narration.SpeaksText` (``synthesize(text, wav_path)``,
one sentence at a time, cached); the recorded voice reads its files instead. Which engine and
which voice a story gets was settled before rendering (:mod:`storymaker.assets.voice`):
:func:`make_engine` only turns that :class:`Voice` into the engine.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ...assets.espeak import DEFAULT_ESPEAK_VOICE
from ...assets.voice import Voice
from ...errors import RenderError
from .narration import Narrating, SpeaksText
from .neural import HibariVoice, PiperVoice
from .plan import Clip, Slide
from .recorded import RecordedVoice


class VoiceEngine(Protocol):
    def narrate(self, slides: tuple[Slide, ...], job: Narrating) -> list[tuple[Clip, ...]]: ...


@dataclass(frozen=True)
class EspeakVoice(SpeaksText):
    voice: str = DEFAULT_ESPEAK_VOICE
    rate: int = 160

    def synthesize(self, text: str, wav_path: Path) -> None:
        cmd = ["espeak-ng", "-v", self.voice, "-s", str(self.rate), "-w", str(wav_path), "--stdin"]
        run = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True)
        if run.returncode or not wav_path.is_file() or wav_path.stat().st_size <= 44:
            raise RenderError(f"espeak-ng could not speak with voice {self.voice!r} "
                              f"({run.stderr.decode(errors='replace').strip()[:120]}); run `storymaker voices`")


def make_engine(voice: Voice) -> VoiceEngine:
    """The engine for a resolved voice (see :func:`storymaker.assets.voice.resolve_voice`)."""
    if voice.engine == "hibari":
        return HibariVoice(voice.name, voice.speed)
    if voice.engine == "piper" and voice.path:
        return PiperVoice(voice.path)
    if voice.engine == "recorded" and voice.path:
        return RecordedVoice(voice.path)
    if voice.engine == "espeak":
        return EspeakVoice(voice.name or DEFAULT_ESPEAK_VOICE, voice.rate)
    raise RenderError(f"voice engine {voice.engine!r} needs a resolved voice; run `storymaker check`")
