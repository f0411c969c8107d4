"""The publish gate scans every file written under output/ (text, attributes, names,
captions, JSON, image metadata, video metadata) for every needle."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from storymaker.anonymise import GateHit, scan_tree
from storymaker.anonymise.mask import mask

NEEDLES = ["Margaret Owen", "Margaret", "Owen", "Reading", "07700 900123"]


def clean_tree(root: Path) -> Path:
    out = root / "output"
    (out / "web" / "staff").mkdir(parents=True)
    (out / "web" / "staff" / "index.html").write_text(
        '<html lang="en-GB"><head><title>A composite story</title></head><body class="reading-time">'
        '<p title="Ada Hallam">Ada said reading the notes helped.</p></body></html>', encoding="utf-8")
    (out / "web" / "style.css").write_text(".reading-time { colour: #123; }", encoding="utf-8")
    (out / "web" / "story.json").write_text(json.dumps({"title": "Kindness at work", "quotes": ["Ada rang."]}))
    (out / "video").mkdir()
    (out / "video" / "story.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\nAda rang me.\n", encoding="utf-8")
    return out


def test_when_output_is_clean_then_the_gate_finds_nothing(tmp_path):
    assert scan_tree(clean_tree(tmp_path), NEEDLES) == []


def _png_with_text(path: Path, key: str, value: str) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text(key, value)
    Image.new("RGB", (4, 4), "white").save(path, pnginfo=info)


def _jpeg_with_exif(path: Path, value: str) -> None:
    exif = Image.Exif()
    exif[0x010E] = value  # ImageDescription
    Image.new("RGB", (4, 4), "white").save(path, exif=exif)


def _mp4_with_title(path: Path, title: str) -> None:
    ffmpeg = shutil.which("ffmpeg")
    subprocess.run([ffmpeg, "-y", "-v", "error", "-f", "lavfi", "-i", "color=c=black:s=16x16:d=0.2",
                    "-c:v", "mpeg4", "-metadata", f"title={title}", str(path)], check=True, timeout=60)


def _mp4_with_subtitles(path: Path, line: str) -> None:
    srt = path.with_suffix(".tmp.srt")
    srt.write_text(f"1\n00:00:00,000 --> 00:00:00,200\n{line}\n", encoding="utf-8")
    subprocess.run([shutil.which("ffmpeg"), "-y", "-v", "error", "-f", "lavfi", "-i", "color=c=black:s=16x16:d=0.2",
                    "-i", str(srt), "-c:v", "mpeg4", "-c:s", "mov_text", str(path)], check=True, timeout=60)
    srt.unlink()


PLANTS = [  # (where the gate must say it found it, how to plant it)
    ("title attribute", lambda o: (o / "web" / "a.html").write_text('<p title="Margaret Owen">x</p>')),
    ("text", lambda o: (o / "web" / "b.html").write_text("<p>Margar&#101;t rang</p>")),
    ("alt attribute", lambda o: (o / "web" / "c.html").write_text('<img alt="O\u200bwen" src="x.png">')),
    ("text", lambda o: (o / "video" / "s.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nMARGARET\n")),
    ("text", lambda o: (o / "video" / "s.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nring 07700 900123\n")),
    ("JSON string", lambda o: (o / "web" / "d.json").write_text(json.dumps({"narrator": "M\u0430rgaret"}))),
    ("text", lambda o: (o / "web" / "e.css").write_text('.x::after { content: "Owen"; }')),
    ("PNG metadata 'Description'", lambda o: _png_with_text(o / "web" / "p.png", "Description", "by Margaret Owen")),
    ("EXIF tag 270", lambda o: _jpeg_with_exif(o / "web" / "p.jpg", "Photo of Owen")),
    ("file or folder name", lambda o: (o / "web" / "margaret-owen.html").write_text("<p>hello</p>")),
    ("metadata tag 'title'", lambda o: _mp4_with_title(o / "video" / "v.mp4", "Margaret Owen story")),
    ("text", lambda o: (o / "web" / "f.html").write_text("<p>Reading was home</p>")),
    ("subtitle stream 1", lambda o: _mp4_with_subtitles(o / "video" / "w.mp4", "Margaret rang")),
]


@pytest.mark.parametrize("where,plant", PLANTS, ids=[f"{i}-{p[0]}" for i, p in enumerate(PLANTS)])
def test_when_an_identifier_is_planted_then_the_gate_finds_it(tmp_path, where, plant):
    out = clean_tree(tmp_path)
    plant(out)
    hits = scan_tree(out, NEEDLES)
    assert where in [h.where for h in hits], [str(h) for h in hits]
    for hit in hits:
        assert all(n not in str(hit) for n in NEEDLES if len(n) > 1)  # masked, never raw


def test_gate_hit_reads_as_path_where_and_masked_word(tmp_path):
    out = clean_tree(tmp_path)
    (out / "web" / "x.html").write_text('<p title="Margaret">x</p>')
    hits = scan_tree(out, NEEDLES)
    assert str(hits[0]) == f"{out / 'web' / 'x.html'}: title attribute contains '{mask('Margaret')}'"
    assert isinstance(hits[0], GateHit)


def test_when_a_common_word_needle_appears_lowercase_then_it_is_not_a_hit(tmp_path):
    out = clean_tree(tmp_path)
    (out / "web" / "g.html").write_text("<p>I was reading all night</p>")
    assert scan_tree(out, NEEDLES) == []
