"""Real renders of a short story, probed with ffprobe/ffmpeg: codecs, sizes, timing,
captions, chapters, loudness, the cache, errors and clean failure."""
from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from helpers.video import ROOT, assert_broadcast_rules, loudness, parse_vtt, probe, render, short_story, stream, with_quote
from storymaker.errors import RenderError
from storymaker.model import VIDEO_FORMATS
from storymaker.render.video.audio import PRIMING
from storymaker.render.video.cache import Cache

pytestmark = pytest.mark.video


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("video")
    story = short_story(formats=("16:9", "9:16"))
    artefacts = render([story], base / "out", base / "cache")
    return story, {a.format: a for a in artefacts}, base


@pytest.mark.parametrize("fmt", ["16:9", "9:16"])
def test_when_rendered_then_video_is_h264_high_yuv420p_at_the_format_size(built, fmt):
    _, arts, _ = built
    video = stream(probe(arts[fmt].mp4), "video")
    assert (video["codec_name"], video["profile"], video["pix_fmt"]) == ("h264", "High", "yuv420p")
    assert (video["width"], video["height"]) == VIDEO_FORMATS[fmt]
    assert video["r_frame_rate"] == "25/1"


def test_when_rendered_then_audio_is_aac_48khz_stereo(built):
    audio = stream(probe(built[1]["16:9"].mp4), "audio")
    assert (audio["codec_name"], audio["sample_rate"], audio["channels"]) == ("aac", "48000", 2)


@pytest.mark.parametrize("fmt", ["16:9", "9:16"])
def test_when_rendered_then_video_and_audio_last_as_long_as_the_narration(built, fmt):
    _, arts, _ = built
    info = probe(arts[fmt].mp4)
    assert 5 < arts[fmt].duration < 30
    for s in (stream(info, "video"), stream(info, "audio")):
        assert abs(float(s["duration"]) - arts[fmt].duration) < 0.1
    assert arts[fmt].cues[-1].end <= arts[fmt].duration + 0.05


def test_when_rendered_then_the_end_card_lasts_at_most_8_seconds_and_the_description_has_the_full_disclosure(built):
    story, arts, _ = built
    last = arts["16:9"].chapters[-1]
    end_card = next(c for c in arts["16:9"].cues if "composite" in c.text)
    assert arts["16:9"].duration - end_card.start <= 8.0
    assert last.end == arts["16:9"].duration
    text = arts["16:9"].mp4.with_name(arts["16:9"].mp4.stem + ".description.txt").read_text(encoding="utf-8")
    assert "A composite story from four" in " ".join(c.text.replace("\n", " ") for c in arts["16:9"].cues), arts["16:9"].cues
    assert story.disclosure in text and story.title in text


def test_when_rendered_then_captions_and_chapters_are_muxed_in(built):
    story, arts, _ = built
    info = probe(arts["16:9"].mp4)
    assert stream(info, "subtitle")["codec_name"] == "mov_text"
    assert [c["tags"]["title"] for c in info["chapters"]] == [b.heading for b in story.beats]
    assert float(info["chapters"][0]["start_time"]) == 0.0
    assert abs(float(info["chapters"][-1]["end_time"]) - arts["16:9"].duration) < 0.05


def test_when_rendered_then_the_only_metadata_title_is_the_story_title(built):
    story, arts, _ = built
    tags = probe(arts["16:9"].mp4)["format"]["tags"]
    assert tags["title"] == story.title
    assert not {"artist", "comment", "author", "description"} & set(tags)


@pytest.mark.parametrize("side", [".vtt", ".srt"])
def test_when_rendered_then_side_captions_are_short_monotonic_and_readable(built, side):
    _, arts, _ = built
    path = arts["16:9"].mp4.with_suffix(side)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT\n\n") == (side == ".vtt")
    cues = parse_vtt(text if side == ".vtt" else "WEBVTT\n\n" + text)
    assert len(cues) >= 5
    previous_end = 0.0
    for start, end, lines in cues:
        assert start >= previous_end - 1e-6 and end > start
        previous_end = end
    for art in arts.values():
        assert_broadcast_rules(art.mp4.with_suffix(side))


def test_when_rendered_then_each_cue_is_on_screen_while_its_words_are_heard(built, tmp_path_factory):
    """Whisper (through faster-whisper, the packaged base model) hears the video's soundtrack with word
    timestamps: each cue appears within 0.3 s of its first word and stays until its last word is over
    (up to 1.5 s longer, for reading). The default voice gives no timings of its own, so the cues'
    come from the syllables between the pauses in its audio; this checks them against a listener."""
    from helpers.captions import heard_words, out_of_sync, shared_recogniser
    _, arts, base = built
    cache = shared_recogniser(base / "whisper-cache", tmp_path_factory.getbasetemp() / "whisper-joined")
    cues = arts["16:9"].cues
    checked, problems = out_of_sync(cues, heard_words(arts["16:9"].mp4, cache))
    assert checked >= len(cues) - 1 and not problems, problems  # one cue may hold a misheard word


def test_when_rendered_then_chapters_track_and_poster_are_written(built):
    story, arts, _ = built
    chapters = parse_vtt(arts["9:16"].mp4.with_suffix(".chapters.vtt").read_text(encoding="utf-8"))
    assert [lines[0] for _, _, lines in chapters] == [b.heading for b in story.beats]
    from PIL import Image
    assert Image.open(arts["9:16"].poster).size == VIDEO_FORMATS["9:16"]


def test_when_rendered_then_loudness_is_minus_16_lufs_with_peaks_under_minus_1(built):
    integrated, peak = loudness(built[1]["16:9"].mp4)
    assert abs(integrated + 16) <= 1.0
    assert peak <= -1.0


def test_when_rendered_then_the_soundtrack_starts_with_the_video_not_after_the_encoder_priming(built):
    """The AAC stream starts with 1024 samples of encoder priming; the MP4's edit list must
    hide exactly those, so the narration lines up with the slides to the sample."""
    _, arts, base = built
    soundtrack = next((base / "cache" / "audio").glob("*.aac"))

    def pcm(path, *fmt):
        run = subprocess.run(["ffmpeg", "-v", "error", *fmt, "-i", str(path), "-map", "0:a", "-f", "s16le", "-"],
                             capture_output=True, check=True)
        return np.frombuffer(run.stdout, dtype="<i2").reshape(-1, 2)

    muxed, raw = pcm(arts["16:9"].mp4), pcm(soundtrack, "-f", "aac")
    assert np.abs(raw[:PRIMING]).max() < 64  # the priming really is (near) silence
    assert len(muxed) == len(raw) - PRIMING and np.array_equal(muxed, raw[PRIMING:])


def test_when_nothing_changed_then_nothing_is_encoded_again(built):
    story, _, base = built
    store = Cache(base / "cache")
    render([story], base / "out", store)
    stats = store.stats
    assert stats.made["segment"] == 0 and stats.made["final"] == 0 and stats.made["narration"] == 0
    assert stats.reused["segment"] > 5


def test_when_one_word_changes_then_only_that_slide_and_its_fades_are_encoded(built):
    story, _, base = built
    changed = with_quote(story, 1, "We switched the dashboards off.")
    from dataclasses import replace
    changed = replace(changed, video=replace(changed.video, formats=("16:9",)))
    store = Cache(base / "cache")
    render([changed], base / "out", store)
    stats = store.stats
    assert stats.made["segment.hold"] == 1 and stats.made["segment.moving"] == 0
    assert stats.made["segment.fade"] <= 2
    assert stats.reused["segment"] >= 5
    assert stats.made["narration"] == 1


def test_when_image_is_missing_then_error_names_the_file_and_story(tmp_path):
    story = short_story()
    beats = (story.beats[0].__class__(**{**story.beats[0].__dict__, "image": str(tmp_path / "gone.jpg")}),) + story.beats[1:]
    from dataclasses import replace
    with pytest.raises(RenderError) as err:
        render([replace(story, beats=beats)], tmp_path / "out", tmp_path / "cache")
    assert "gone.jpg" in str(err.value) and "staff/tea" in str(err.value) and "not found" in str(err.value)


@pytest.mark.parametrize("damage", ["not an image", "truncated"])
def test_when_image_is_corrupt_then_error_says_it_cannot_be_read(tmp_path, damage):
    from helpers.video import IMAGE
    bad = tmp_path / "bad.jpg"
    whole = Path(IMAGE).read_bytes()
    bad.write_bytes(b"not a picture at all" if damage == "not an image" else whole[:len(whole) // 2])
    story = short_story()
    from dataclasses import replace
    beats = (replace(story.beats[0], image=str(bad)),) + story.beats[1:]
    with pytest.raises(RenderError, match="cannot read this image"):
        render([replace(story, beats=beats)], tmp_path / "out", tmp_path / "cache")


@pytest.mark.parametrize("engine, voice, expected", [
    ("festival", "", "choose one of: hibari, espeak, piper, recorded"),
    ("espeak", "klingon-x", "unknown espeak-ng voice"),
    ("recorded", "no/such/folder", "recorded narration folder"),
])
def test_when_voice_is_unknown_then_error_lists_the_fix(tmp_path, engine, voice, expected):
    with pytest.raises(RenderError, match=expected):
        render([short_story(voice_engine=engine, voice=voice)], tmp_path / "out", tmp_path / "cache")


def test_when_quote_is_too_long_for_the_frame_then_error_names_the_story(tmp_path):
    story = with_quote(short_story(formats=("9:16",)), 1, "and then we talked " * 120)
    with pytest.raises(RenderError, match=r"staff/tea.*too long"):
        render([story], tmp_path / "out", tmp_path / "cache")
    assert not list((tmp_path / "cache").rglob("narration/*.wav")), "layout is checked before any narration"


def test_when_encoding_is_interrupted_then_no_partial_files_are_left(tmp_path, monkeypatch):
    import storymaker.render.video.segments as segments

    def interrupted(frames, size, count, fps, out, tick=None):
        out.write_bytes(b"half a video")
        next(iter(frames))
        raise KeyboardInterrupt

    monkeypatch.setattr(segments, "encode_frames", interrupted)
    with pytest.raises(KeyboardInterrupt):
        render([short_story()], tmp_path / "out", tmp_path / "cache")
    leftovers = [p for p in tmp_path.rglob("*") if ".part" in p.name or p.name.startswith(".hold-")]
    assert leftovers == []
    assert not list((tmp_path / "out").rglob("*.mp4"))


def test_when_music_is_missing_then_error_names_the_file(tmp_path):
    story = short_story()
    from dataclasses import replace
    story = replace(story, video=replace(story.video, music="assets/music/nothing.ogg"))
    with pytest.raises(RenderError, match=r"nothing.ogg.*staff/tea.*not found"):
        render([story], tmp_path / "out", tmp_path / "cache")


def test_contact_sheets_of_frames_from_every_format_built_are_written(built):
    """Frames pulled with ffmpeg from each rendered format, side by side, for a person to look at
    (1:1 and 4:5 come from the recorded-narration build in test_video_recorded.py)."""
    from helpers.video import contact_sheet
    _, arts, base = built
    for art in arts.values():
        contact_sheet(art, base)
