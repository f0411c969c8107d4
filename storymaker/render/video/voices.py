"""Voice engines: a protocol with one method, ``synthesize(text, wav_path)``, and a registry.

    espeak    espeak-ng, offline, installed with the system (default)
    piper     neural voices from a ``.onnx`` voice file you supply (``pip install piper-tts``)
    recorded  a voice artist's audio files, one per beat (see ``narration.py`` for the names)
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import wave
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ...errors import RenderError
from ...model import Problem, VideoSpec

DEFAULT_ESPEAK_VOICE = "en-gb"


class VoiceEngine(Protocol):
    def synthesize(self, text: str, wav_path: Path) -> None: ...


@dataclass(frozen=True)
class VoiceInfo:
    engine: str
    name: str
    language: str
    licence: str
    available: bool
    why_not: str = ""


@dataclass(frozen=True)
class EspeakVoice:
    voice: str = DEFAULT_ESPEAK_VOICE
    rate: int = 160

    def synthesize(self, text: str, wav_path: Path) -> None:
        cmd = ["espeak-ng", "-v", self.voice, "-s", str(self.rate), "-w", str(wav_path), "--stdin"]
        run = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True)
        if run.returncode or not wav_path.is_file() or wav_path.stat().st_size <= 44:
            raise RenderError(f"espeak-ng could not speak with voice {self.voice!r} "
                              f"({run.stderr.decode(errors='replace').strip()[:120]}); run `storymaker voices`")


@dataclass(frozen=True)
class PiperVoice:
    model: Path

    def synthesize(self, text: str, wav_path: Path) -> None:
        voice = _piper_model(str(self.model))
        with wave.open(str(wav_path), "wb") as wav:
            if hasattr(voice, "synthesize_wav"):  # piper-tts >= 1.3
                voice.synthesize_wav(text, wav)
            else:
                voice.synthesize(text, wav)


@dataclass(frozen=True)
class RecordedVoice:
    folder: Path

    def synthesize(self, text: str, wav_path: Path) -> None:
        raise RenderError(Problem(str(self.folder), 0, "a recorded voice reads files, not text; "
                                  "name the recordings as described in the README (00-title.wav, 01.wav, ...)"))


ENGINES = ("espeak", "piper", "recorded")


def make_engine(spec: VideoSpec, project_root: Path, rate: int = 160) -> VoiceEngine:
    """The engine a story asks for; an unknown name lists the valid choices."""
    problems = check_voice(spec, project_root)
    if problems:
        raise RenderError([Problem("video.voice", 0, p) for p in problems])
    if spec.voice_engine == "piper":
        return PiperVoice(project_root / spec.voice)
    if spec.voice_engine == "recorded":
        return RecordedVoice(project_root / spec.voice)
    return EspeakVoice(spec.voice or DEFAULT_ESPEAK_VOICE, rate)


def check_voice(spec: VideoSpec, project_root: Path) -> list[str]:
    """Problems with a story's voice, one line each with the fix."""
    engine = spec.voice_engine or "espeak"
    if engine not in ENGINES:
        return [f"unknown voice engine {engine!r}; choose one of: {', '.join(ENGINES)}"]
    return {"espeak": _check_espeak, "piper": _check_piper, "recorded": _check_recorded}[engine](spec, project_root)


def _check_espeak(spec: VideoSpec, project_root: Path) -> list[str]:
    if not shutil.which("espeak-ng"):
        return ["espeak-ng is not installed; apt-get install espeak-ng (or choose voice: {engine: piper} or {engine: recorded})"]
    name = (spec.voice or DEFAULT_ESPEAK_VOICE).split("+")[0]
    known = _espeak_voices()
    if name.lower() not in {k.lower() for v in known for k in (v[0], v[1], v[2])}:
        return [f"unknown espeak-ng voice {name!r}; run `storymaker voices` and pick one (e.g. {DEFAULT_ESPEAK_VOICE})"]
    return []


def _check_piper(spec: VideoSpec, project_root: Path) -> list[str]:
    out = []
    if importlib.util.find_spec("piper") is None:
        out.append("the piper engine needs the piper-tts package; pip install piper-tts")
    model = project_root / spec.voice if spec.voice else None
    if model is None or model.suffix != ".onnx":
        out.append("piper needs voice: {engine: piper, name: voices/en_GB-alba-medium.onnx}, a .onnx voice file inside the project")
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
    return []


def describe_voice(spec: VideoSpec) -> str:
    """One sentence for the disclosure and the end card."""
    engine = spec.voice_engine or "espeak"
    if engine == "recorded":
        return "Narrated by a voice artist reading the participants' words."
    if engine == "piper":
        return f"Narrated by a synthetic voice (Piper, {Path(spec.voice).stem or 'neural voice'})."
    name = (spec.voice or DEFAULT_ESPEAK_VOICE).split("+")[0].lower()
    language = next((v[1] for v in _espeak_voices() if name in (v[0].lower(), v[1].lower(), v[2].lower())), name)
    return f"Narrated by a synthetic voice (espeak-ng, {language.replace('_', ' ')})."


def list_voices() -> list[VoiceInfo]:
    rows = [VoiceInfo("espeak", code, name.replace("_", " "), "GPL-3.0 (espeak-ng)", *_espeak_state(file))
            for code, name, file in _espeak_voices() if code.startswith("en")]
    if not shutil.which("espeak-ng"):
        rows.append(VoiceInfo("espeak", DEFAULT_ESPEAK_VOICE, "English", "GPL-3.0", False, "apt-get install espeak-ng"))
    has_piper = importlib.util.find_spec("piper") is not None
    rows.append(VoiceInfo("piper", "<voice file>.onnx", "per voice file", "per voice (see its model card)",
                          has_piper, "" if has_piper else "pip install piper-tts, then set voice: to a .onnx file"))
    rows.append(VoiceInfo("recorded", "<folder>", "as recorded", "yours (get the artist's consent)", True))
    return rows


def _espeak_state(file: str) -> tuple[bool, str]:
    if file.startswith("mb/") and not Path("/usr/share/mbrola").is_dir():
        return False, "needs MBROLA voice data: apt-get install mbrola and the matching mbrola-* package"
    return True, ""


@lru_cache(maxsize=1)
def _espeak_voices() -> tuple[tuple[str, str, str], ...]:
    """(language code, voice name, file) for every voice espeak-ng knows."""
    if not shutil.which("espeak-ng"):
        return ()
    text = subprocess.run(["espeak-ng", "--voices"], capture_output=True, text=True).stdout
    rows = [line.split() for line in text.splitlines()[1:]]
    return tuple((r[1], r[3], r[4]) for r in rows if len(r) >= 5 and r[1] != "variant")


@lru_cache(maxsize=4)
def _piper_model(path: str):
    from piper import PiperVoice as _Piper  # optional dependency: checked by check_voice
    return _Piper.load(path)
