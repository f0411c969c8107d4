"""Generate storymaker's bundled sample pictures and background music.

Everything here is drawn or synthesised from scratch by this script (no third-party
material), and dedicated to the public domain (CC0 1.0). Re-run to regenerate:

    .venv/bin/python assets/make_assets.py
"""
from __future__ import annotations

import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
W, H = 2400, 1600
WARM = [((250, 214, 165), (214, 120, 92)), ((190, 222, 214), (82, 126, 150)), ((247, 231, 190), (120, 160, 110))]


def gradient(top: tuple, bottom: tuple) -> Image.Image:
    t = np.linspace(0, 1, H)[:, None, None]
    x = np.linspace(-1, 1, W)[None, :, None]
    rgb = np.array(top)[None, None] * (1 - t) + np.array(bottom)[None, None] * t
    rgb = rgb * (1 - 0.10 * x**2)  # soft vignette
    return Image.fromarray(np.clip(rgb, 0, 255).astype("uint8"))


def soft(im: Image.Image, shapes, blur: int = 6) -> Image.Image:
    """Paint each shape in flat colour through a blurred mask (no dark halos)."""
    for kind, box, colour, *extra in shapes:
        mask = Image.new("L", im.size, 0)
        getattr(ImageDraw.Draw(mask), kind)(box, fill=colour[3], **(extra[0] if extra else {}))
        im = Image.composite(Image.new("RGB", im.size, colour[:3]), im, mask.filter(ImageFilter.GaussianBlur(blur)))
    return im


def kitchen_table() -> Image.Image:
    im = gradient(*WARM[0])
    return soft(im, [
        ("ellipse", (1500, 160, 2100, 760), (255, 240, 200, 150)),           # window light
        ("rectangle", (0, 1060, W, 1600), (120, 72, 50, 200)),               # table top
        ("ellipse", (600, 880, 1000, 1010), (250, 250, 245, 230)),           # saucer
        ("rounded_rectangle", (700, 700, 900, 950), (235, 120, 90, 235)),    # mug
        ("ellipse", (1300, 900, 1900, 1040), (250, 246, 236, 220)),          # plate
        ("ellipse", (1450, 820, 1750, 960), (230, 170, 90, 230)),            # cake
    ])


def helpline() -> Image.Image:
    im = gradient(*WARM[1])
    return soft(im, [
        ("arc", (850, 330, 1550, 1030), (50, 70, 90, 230), {"start": 180, "end": 360, "width": 60}),  # headband
        ("rounded_rectangle", (780, 640, 930, 900), (245, 180, 90, 240)),    # ear pads
        ("rounded_rectangle", (1470, 640, 1620, 900), (245, 180, 90, 240)),
        ("rectangle", (850, 880, 880, 1080), (50, 70, 90, 220)),             # mic arm
        ("ellipse", (840, 1060, 1000, 1140), (245, 180, 90, 240)),
        ("ellipse", (1800, 200, 2200, 600), (255, 255, 255, 90)),
    ])


def park_bench() -> Image.Image:
    im = gradient(*WARM[2])
    trunks = [("rectangle", (x + 235, 700, x + 285, 1230), (95, 80, 60, 200)) for x in (-100, 300, 1880)]
    trees = trunks + [("ellipse", (x, 250 + (x % 3) * 40, x + 520, 850), (90, 140, 90, 240)) for x in (-100, 300, 1880)]
    return soft(im, trees + [
        ("rectangle", (0, 1200, W, 1600), (110, 150, 90, 220)),              # grass
        ("rectangle", (700, 900, 1700, 960), (130, 85, 55, 240)),            # backrest
        ("rectangle", (700, 1010, 1700, 1070), (130, 85, 55, 240)),
        ("rectangle", (660, 1110, 1740, 1170), (120, 78, 50, 250)),          # seat
        ("rectangle", (740, 1170, 790, 1330), (70, 60, 55, 250)),            # legs
        ("rectangle", (1610, 1170, 1660, 1330), (70, 60, 55, 250)),
    ])



def music(seconds: float = 24.0, rate: int = 44100) -> np.ndarray:
    """Gentle pads: four slow chords of soft sine partials with long fades, loops cleanly."""
    t = np.arange(int(seconds * rate)) / rate
    chords = [(220.0, 277.18, 329.63), (196.0, 246.94, 293.66), (174.61, 220.0, 261.63), (196.0, 246.94, 329.63)]
    span = seconds / len(chords)
    out = np.zeros_like(t)
    for i, chord in enumerate(chords):
        env = np.clip(1 - np.abs((t - (i + 0.5) * span) / (span * 0.75)), 0, 1) ** 1.5
        env += np.clip(1 - np.abs((t - (i + 0.5 - len(chords)) * span) / (span * 0.75)), 0, 1) ** 1.5  # wrap for looping
        for f in chord:
            out += env * (np.sin(2 * np.pi * f * t) + 0.3 * np.sin(2 * np.pi * 2 * f * t + 0.5)) / len(chord)
    out *= 0.25 / np.abs(out).max()
    return np.stack([out, np.roll(out, int(0.013 * rate))], 1)  # a touch of stereo width


def write_music(path: Path) -> None:
    pcm = (music() * 32767).astype("<i2")
    with tempfile.TemporaryDirectory() as tmp:
        wav_path = Path(tmp) / "m.wav"
        with wave.open(str(wav_path), "wb") as w:
            w.setnchannels(2), w.setsampwidth(2), w.setframerate(44100), w.writeframes(pcm.tobytes())
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav_path), "-c:a", "libvorbis", "-q:a", "3", str(path)], check=True)


def main() -> None:
    for name, make in (("kitchen-table", kitchen_table), ("helpline", helpline), ("park-bench", park_bench)):
        make().save(HERE / "images" / f"{name}.jpg", quality=82, optimize=True, progressive=True)
    write_music(HERE / "music" / "gentle-pads.ogg")


if __name__ == "__main__":
    main()
