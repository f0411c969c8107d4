"""A story's voice, checked and resolved before anything renders.

    hibari    a neural voice whose model is inside the hibari-tts wheel (the default when installed)
    espeak    espeak-ng, installed with the system: the fallback, and for languages hibari lacks
    piper     neural voices: a packaged one (``joe``) or a ``.onnx`` voice file inside the project
    recorded  a voice artist's audio files, one per beat (see ``render/video/recorded.py`` for the names)

A story that names no engine (``voice_engine: ""``) gets hibari's bundled voice if hibari is
installed and espeak-ng's ``en-gb`` if not. :func:`resolve_voice` turns the spec into a
:class:`Voice` (the engine, the voice's name or its file or folder as an absolute path, the
theme's pace); the renderer makes the engine from that alone. No engine ever downloads
anything during a build, and nothing here loads one.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import RenderError
from ..model import Problem, VideoSpec
from .espeak import DEFAULT_ESPEAK_VOICE, espeak_voices
from .installed import (HIBARI_DEFAULT, PIPER_PACKAGED, hibari_installed, hibari_on_disk, hibari_voices,
                        packaged_piper_model, piper_installed, recogniser_missing)
from .settings import Narration

ENGINES = ("hibari", "espeak", "piper", "recorded")


@dataclass(frozen=True)
class Voice:
    """Everything the renderer needs to make a story's voice engine."""

    engine: str  # hibari | espeak | piper | recorded
    name: str = ""  # the hibari or espeak-ng voice
    path: Path | None = None  # the piper model, or the recorded voice's folder
    rate: int = 160  # espeak-ng's words a minute
    speed: float = 1.0  # hibari's pace


def engine_name(spec: VideoSpec) -> str:
    """The engine a story gets: its own choice, else hibari when installed, else espeak-ng."""
    if spec.voice_engine:
        return spec.voice_engine
    return "hibari" if hibari_installed() else "espeak"


def resolve_voice(spec: VideoSpec, project_root: Path, narration: Narration = Narration()) -> Voice:
    """The story's voice as values; a voice :func:`check_voice` refuses raises its problems."""
    problems = check_voice(spec, project_root)
    if problems:
        raise RenderError([Problem("video.voice", 0, p) for p in problems])
    engine = engine_name(spec)
    if engine == "hibari":
        return Voice(engine, spec.voice or HIBARI_DEFAULT, speed=narration.hibari_speed)
    if engine == "piper":
        return Voice(engine, path=packaged_piper_model(spec.voice) or Path(project_root) / spec.voice)
    if engine == "recorded":
        return Voice(engine, path=Path(project_root) / spec.voice)
    return Voice(engine, spec.voice or narration.espeak_voice, rate=narration.espeak_rate)


def check_voice(spec: VideoSpec, project_root: Path) -> list[str]:
    """Problems with a story's voice, one line each with the fix."""
    engine = engine_name(spec)
    if engine not in ENGINES:
        return [f"unknown voice engine {engine!r}; choose one of: {', '.join(ENGINES)}"]
    checks = {"hibari": _check_hibari, "espeak": _check_espeak, "piper": _check_piper, "recorded": _check_recorded}
    return checks[engine](spec, Path(project_root))


def _check_hibari(spec: VideoSpec, project_root: Path) -> list[str]:
    if not hibari_installed():
        return ["the hibari engine needs the hibari-tts package; pip install hibari-tts (or choose voice: {engine: espeak})"]
    name = spec.voice or HIBARI_DEFAULT
    if name not in hibari_voices():
        return [f"unknown hibari voice {name!r}; run `storymaker voices` and pick one (e.g. {HIBARI_DEFAULT})"]
    if not hibari_on_disk(name):
        return [f"hibari voice {name!r} is not on this machine: hibari would download it on first use, and storymaker "
                f"never downloads during a build; use {HIBARI_DEFAULT} (inside the package) or fetch it first with "
                f"`hibari --voice {name} -o /tmp/x.wav hello`"]
    return []


def _check_espeak(spec: VideoSpec, project_root: Path) -> list[str]:
    if not shutil.which("espeak-ng"):
        return ["espeak-ng is not installed; apt-get install espeak-ng (or choose voice: {engine: hibari})"]
    name = (spec.voice or DEFAULT_ESPEAK_VOICE).split("+")[0]
    known = espeak_voices()
    if name.lower() not in {k.lower() for v in known for k in (v[0], v[1], v[2])}:
        return [f"unknown espeak-ng voice {name!r}; run `storymaker voices` and pick one (e.g. {DEFAULT_ESPEAK_VOICE})"]
    return []


def _check_piper(spec: VideoSpec, project_root: Path) -> list[str]:
    out = [] if piper_installed() else ["the piper engine needs the piper-tts package; pip install piper-tts"]
    if spec.voice in PIPER_PACKAGED:
        if packaged_piper_model(spec.voice) is None:
            package = PIPER_PACKAGED[spec.voice].replace("_", "-")
            out.append(f"piper voice {spec.voice!r} comes in the {package} package; pip install {package}")
        return out
    model = project_root / spec.voice if spec.voice else None
    if model is None or model.suffix != ".onnx":
        out.append("piper needs voice: {engine: piper, name: joe} (a packaged voice) or a .onnx voice file "
                   "inside the project, e.g. voices/en_GB-alba-medium.onnx")
    elif not model.is_file():
        out.append(f"piper voice file {spec.voice} not found; put the .onnx file (and its .onnx.json) there")
    elif not model.with_suffix(".onnx.json").is_file():
        out.append(f"piper voice config {spec.voice}.json not found; it comes with the .onnx file, put it beside it")
    return out


def _check_recorded(spec: VideoSpec, project_root: Path) -> list[str]:
    folder = project_root / spec.voice if spec.voice else None
    if folder is None or not folder.is_dir():
        return [f"recorded narration folder {spec.voice or '(none)'!r} not found; set voice: to a folder of "
                "recordings named 00-title.wav, 01.wav, 02.wav ... (one per beat)"]
    missing = recogniser_missing()  # recordings are checked against the script by the speech recogniser
    return [f"{missing} to check recordings against the script"] if missing else []


def describe_voice(spec: VideoSpec) -> str:
    """One plain sentence for the disclosure and the end card: read aloud, so no names of files or engines."""
    if engine_name(spec) == "recorded":
        return "Narrated by a voice artist reading the participants' words."
    return "Narrated by a synthetic voice."
