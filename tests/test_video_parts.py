"""The video renderer's parts without encoding: text fitting, captions, chapters, voices,
themes and the Ken Burns move."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from helpers.video import ROOT, TEMPLATES, short_story
from storymaker.errors import RenderError
from storymaker.model import VideoSpec
from storymaker.render.video.breaks import NEVER_AFTER, _bare
from storymaker.render.video.captions import CaptionRules, build_cues, caption_chunks, chapters, ffmetadata, to_srt, to_vtt
from storymaker.render.video.frames import Art, ken_burns_box
from storymaker.render.video.layout import wrap_balanced
from storymaker.render.video.plan import Clip, Slide, TimedSlide, plain, plan_slides, timeline
from storymaker.assets.settings import Labels, Timing
from storymaker.assets.theme import load_theme, resolve_font
from storymaker.assets.voice import check_voice, describe_voice, resolve_voice
from storymaker.assets.voice_list import list_voices
from storymaker.render.video.voices import make_engine

SENTENCES = [
    "It was the way she sat with me at the kitchen table and just listened to me.",
    "We turned the targets off for a month and honestly the team started talking to people again, properly.",
    "Yes.",
    "Nobody had asked me how I was in years, and then one day my manager just sat down with me and asked, "
    "and I cried, and she waited, and then we made a plan together that actually fitted my life.",
]


@pytest.mark.parametrize("text", SENTENCES[:2] + SENTENCES[3:])
@pytest.mark.parametrize("width", [20, 30, 42])
def test_when_text_wraps_then_lines_fit_and_are_balanced_with_no_orphan(text, width):
    lines = wrap_balanced(text, width, len)
    assert " ".join(lines) == text
    assert all(len(line) <= width for line in lines)
    if len(lines) > 1:
        assert len(lines[-1].split()) > 1, f"orphan word on the last line: {lines}"
        assert max(map(len, lines)) - min(map(len, lines)) <= width * 0.6


@pytest.mark.parametrize("sentence", SENTENCES)
def test_when_sentence_is_captioned_then_cues_have_two_lines_of_37_at_most_broken_at_boundaries(sentence):
    chunks = caption_chunks(sentence)
    assert " ".join(" ".join(c.split("\n")) for c in chunks) == sentence
    for chunk in chunks:
        lines = chunk.split("\n")
        assert 1 <= len(lines) <= 2 and all(len(line) <= 37 for line in lines)
        assert not any(_bare(line.split()[-1]) in NEVER_AFTER for line in lines[:-1]), chunk
    assert not any(_bare(c.split()[-1]) in NEVER_AFTER for c in chunks[:-1]), chunks


@pytest.mark.parametrize("text, unbroken", [
    ("Then I rang the helpline and Mary Okafor answered on the first ring, which surprised me.", "Mary Okafor"),
    ("We were sent to the office at the back of the building with a form we did not understand.", "the building"),
])
def test_when_a_cue_breaks_then_never_inside_a_name_or_after_an_article(text, unbroken):
    rules = CaptionRules(max_chars=30)
    for chunk in caption_chunks(text, rules):
        for line in chunk.split("\n"):
            assert len(line) <= 30
        joined = " | ".join(chunk.split("\n"))
        assert unbroken.replace(" ", " | ") not in joined
    assert all(unbroken.split()[0] != c.split()[-1] for c in caption_chunks(text, rules))


def test_when_the_theme_asks_for_longer_lines_then_42_is_the_most_it_gets():
    assert CaptionRules.from_theme({"max_chars": 60}, 25).max_chars == 42
    assert CaptionRules.from_theme({"max_chars": 40}, 25).max_chars == 40
    assert CaptionRules.from_theme(None, 25).max_chars == 37


def _timed(texts: list[list[tuple[str, float]]], fps: int = 25) -> tuple[TimedSlide, ...]:
    slides = tuple(Slide("quote", " ".join(t for t, _ in clips), "", beat=i, heading=f"Beat {i}") for i, clips in enumerate(texts))
    clips = []
    for group in texts:
        offset, out = 0.0, []
        for text, seconds in group:
            out.append(Clip("x.wav", offset, seconds, text))
            offset += seconds + 0.3
        clips.append(tuple(out))
    return timeline(slides, clips, fps, Timing(lead_in=0.35, pause=0.7))


def test_when_a_sentence_is_very_short_then_its_cue_still_lasts_a_second_with_two_frame_gaps():
    timed = _timed([[("Yes.", 0.3), ("We did.", 0.4), (SENTENCES[0], 4.0)]])
    cues = build_cues(timed, timed[-1].end / 25)
    assert all(c.end - c.start >= 1.0 - 1e-9 for c in cues)
    gaps = [b.start - a.end for a, b in zip(cues, cues[1:])]
    assert all(g >= 2 / 25 - 1e-3 for g in gaps) and not any(0.09 < g < 0.5 for g in gaps)


def test_when_slides_are_timed_then_each_lasts_its_narration_plus_pause_in_whole_frames():
    timed = _timed([[("One.", 1.0)], [("Two.", 2.0), ("Three.", 1.0)]])
    assert [t.frames for t in timed] == [round((0.35 + 1.0 + 0.7) * 25 + 0.49), round((0.35 + 3.3 + 0.7) * 25 + 0.49)]
    assert timed[1].start == timed[0].end


def test_when_chapters_are_made_then_there_is_one_per_beat_covering_the_video():
    timed = _timed([[("One.", 1.0)], [("Two.", 2.0)], [("Three.", 1.0)]])
    chaps = chapters(timed, 25)
    assert [c.title for c in chaps] == ["Beat 0", "Beat 1", "Beat 2"]
    assert chaps[0].start == 0 and chaps[-1].end == timed[-1].end / 25
    assert all(a.end == b.start for a, b in zip(chaps, chaps[1:]))
    meta = ffmetadata("A = B; #1", chaps)
    assert meta.startswith(";FFMETADATA1\ntitle=A \\= B\\; \\#1\n") and meta.count("[CHAPTER]") == 3


def test_when_cues_are_written_then_vtt_and_srt_use_their_own_time_formats():
    timed = _timed([[("One two three.", 1.5)]])
    cues = build_cues(timed, 5.0)  # spoken 0.35-1.85: shown from a tenth of a second before, lingering 0.8 s
    assert to_vtt(cues) == "WEBVTT\n\n1\n00:00:00.250 --> 00:00:02.650\nOne two three.\n"
    assert to_srt(cues).startswith("1\n00:00:00,250 --> 00:00:02,650\nOne two three.\n")


def test_when_story_is_planned_then_it_has_title_linking_quote_and_end_slides():
    slides = plan_slides(short_story(), ("Narrated by a voice.", ""), Labels(told_by="Told by {narrator}"))
    assert [s.kind for s in slides] == ["title", "linking", "quote", "quote", "end"]
    assert slides[0].subtitle == "Told by Sam, a support worker"
    assert slides[1].image and slides[1].unit == "01-1" and slides[3].unit == "02-1"
    assert "composite" in slides[-1].text and slides[-1].subtitle == "Narrated by a voice."


def test_when_text_has_markdown_then_the_video_shows_plain_words():
    assert plain("A **composite** story. [Method](https://example.org).") == "A composite story. Method."


def _art(frames: int, motion: int = 0) -> Art:
    ts = TimedSlide(Slide("linking", "x", "x", image="i.jpg", motion=motion), 0, 100, frames, 4.0, ())
    import numpy as np
    return Art(ts, np.zeros((4, 4, 3), "uint8"), (0, 0, 960, 1080), 0.1, 6)


@pytest.mark.parametrize("motion", [0, 1, 2, 3])
def test_when_ken_burns_moves_then_it_is_smooth_and_sub_pixel(motion):
    art = _art(200, motion)
    boxes = [ken_burns_box(art, f) for f in range(94, 306)]
    widths = [b[2] - b[0] for b in boxes]
    steps = [b - a for a, b in zip(widths, widths[1:])]
    assert all(s < 0 for s in steps) or all(s > 0 for s in steps), "zooms one way only"
    assert max(abs(s) for s in steps) < 1.0, "less than a pixel a frame: a slow move"
    assert max(abs(b - a) for a, b in zip(steps, steps[1:])) < 0.01, "steady speed: no jitter"
    assert any(abs(x - round(x)) > 0.01 for b in boxes for x in b), "positions are not rounded to whole pixels"
    assert all(b[0] >= -1e-6 and b[1] >= -1e-6 and b[2] <= 1056 + 1e-6 and b[3] <= 1188 + 1e-6 for b in boxes)


def test_when_voices_are_listed_then_each_has_licence_and_accent_and_the_default_is_hibari():
    voices = list_voices()
    assert any(v.engine == "espeak" and v.name == "en-gb" and v.available for v in voices)
    default = next(v for v in voices if v.engine == "hibari" and v.name == "heart (default)")
    assert default.available and default.licence == "Apache-2.0" and default.accent.startswith("American")
    assert all(v.licence and v.accent for v in voices)
    joe = next(v for v in voices if v.engine == "piper" and v.name == "joe")
    assert joe.available and "CC0" in joe.licence
    fetched = [v for v in voices if v.engine == "hibari" and not v.available]
    assert all("never" in v.why_not for v in fetched), "voices hibari would download are offered only with a warning"


def test_when_no_engine_is_named_then_hibari_speaks_and_without_it_espeak(monkeypatch):
    from storymaker.assets import voice
    from storymaker.render.video import voices
    assert isinstance(make_engine(resolve_voice(VideoSpec(), ROOT)), voices.HibariVoice)
    monkeypatch.setattr(voice, "hibari_installed", lambda: False)
    assert isinstance(make_engine(resolve_voice(VideoSpec(), ROOT)), voices.EspeakVoice)


@pytest.mark.parametrize("spec", [VideoSpec(), VideoSpec(voice_engine="espeak", voice="en-us"),
                                  VideoSpec(voice_engine="piper", voice="joe")])
def test_when_voice_is_described_then_the_credit_is_plain_words_with_no_file_or_brackets(spec):
    text = describe_voice(spec)
    assert text == "Narrated by a synthetic voice."


def test_when_narration_is_recorded_then_the_credit_names_the_voice_artist():
    assert describe_voice(VideoSpec(voice_engine="recorded", voice="r")) == "Narrated by a voice artist reading the participants' words."


@pytest.mark.parametrize("spec, expected", [
    (VideoSpec(voice_engine="festival"), "unknown voice engine 'festival'; choose one of: hibari, espeak, piper, recorded"),
    (VideoSpec(voice_engine="espeak", voice="xx-nope"), "unknown espeak-ng voice"),
    (VideoSpec(voice_engine="hibari", voice="nobody"), "unknown hibari voice"),
    (VideoSpec(voice_engine="hibari", voice="emma"), "never downloads during a build"),
    (VideoSpec(voice_engine="piper", voice="voices/missing.onnx"), "not found"),
    (VideoSpec(voice_engine="piper", voice="voice.txt"), ".onnx voice file"),
    (VideoSpec(voice_engine="recorded", voice="nowhere"), "not found"),
])
def test_when_voice_is_wrong_then_check_voice_says_how_to_fix_it(spec, expected, tmp_path, monkeypatch):
    monkeypatch.setenv("HIBARI_HOME", str(tmp_path / "empty-cache"))
    problems = check_voice(spec, tmp_path)
    assert problems and any(expected in p for p in problems)
    assert all("\n" not in p for p in problems)


def test_when_voice_is_fine_then_check_voice_is_quiet(tmp_path):
    (tmp_path / "rec").mkdir()
    assert check_voice(VideoSpec(), tmp_path) == []
    assert check_voice(VideoSpec(voice_engine="recorded", voice="rec"), tmp_path) == []


def test_when_theme_names_a_missing_font_then_error_says_where_it_looked(tmp_path):
    with pytest.raises(RenderError, match="font 'Nope.ttf' not found.*assets/fonts"):
        resolve_font("Nope.ttf", tmp_path, tmp_path, tmp_path / "theme.yaml")


def test_when_font_file_is_corrupt_then_error_names_it(tmp_path):
    (tmp_path / "Broken.ttf").write_bytes(b"\x00" * 64)
    with pytest.raises(RenderError, match="Broken.ttf: font file is not a readable"):
        resolve_font("Broken.ttf", tmp_path, tmp_path, tmp_path / "theme.yaml")


def test_when_default_theme_loads_then_fonts_resolve_to_open_sans():
    theme = load_theme(TEMPLATES, "default", ROOT)
    assert all(p.name.startswith("OpenSans-") and p.is_file() for p in theme.fonts.values())
    with pytest.raises(RenderError, match="video theme 'fancy' not found"):
        load_theme(TEMPLATES, "fancy", ROOT)
