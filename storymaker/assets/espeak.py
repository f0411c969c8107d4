"""The voices espeak-ng knows on this machine (asked once, from ``espeak-ng --voices``)."""
from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache

DEFAULT_ESPEAK_VOICE = "en-gb"


@lru_cache(maxsize=1)
def espeak_voices() -> tuple[tuple[str, str, str], ...]:
    """(language code, voice name, file) for every voice espeak-ng knows."""
    if not shutil.which("espeak-ng"):
        return ()
    text = subprocess.run(["espeak-ng", "--voices"], capture_output=True, text=True).stdout
    rows = [line.split() for line in text.splitlines()[1:]]
    return tuple((r[1], r[3], r[4]) for r in rows if len(r) >= 5 and r[1] != "variant")
