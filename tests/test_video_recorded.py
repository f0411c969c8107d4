"""Recorded narration: a 'voice artist' (hibari reading the script, once per module) aligned with
the speech recogniser, cut at the aligned words, checked against the verbatim quotes, and its
captions timed from the heard words. The Whisper model is joined once per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers.captions import heard_words, out_of_sync, shared_recogniser
from helpers.video import ROOT, probe, render, short_story, stream
from storymaker.errors import RenderError
from storymaker.render.video.cache import Cache

pytestmark = pytest.mark.video

READINGS = {
    "verbatim": {"01": "Small things mattered. She made me a cup of tea.", "turning-off-targets": "We switched the dashboard off."},
    "changed": {"01": "Small things mattered. She made me a cup of coffee.", "02": "We switched the dashboard off."},
}


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str, Path]:
    """One project per reading, each with its recordings/ folder: file name -> the words read."""
    from storymaker.render.video.neural import HibariVoice
    out = {}
    for name, lines in READINGS.items():
        project = tmp_path_factory.mktemp(name) / "project"
        (project / "assets" / "music").mkdir(parents=True)
        shutil.copy(ROOT / "assets" / "music" / "gentle-pads.ogg", project / "assets" / "music")
        (project / "recordings").mkdir()
        for file, text in lines.items():
            HibariVoice(speed=0.9).synthesize(text, project / "recordings" / f"{file}.wav")
        out[name] = project
    return out


@pytest.fixture(scope="module")
def whisper(tmp_path_factory) -> Path:
    return tmp_path_factory.getbasetemp() / "whisper-joined"


@pytest.fixture(scope="module")
def recorded(projects, whisper, tmp_path_factory):
    base = tmp_path_factory.mktemp("recorded-build")
    cache = shared_recogniser(base / "cache", whisper)
    story = short_story(voice_engine="recorded", voice="recordings", formats=("1:1", "4:5"))
    store = Cache(cache)
    arts = render([story], base / "out", store, root=projects["verbatim"])
    return arts[0], dict(store.stats.made), cache, arts, base


def test_when_narration_is_recorded_then_beat_files_are_cut_at_the_aligned_words(recorded):
    art, made, *_ = recorded
    assert abs(float(stream(probe(art.mp4), "audio")["duration"]) - art.duration) < 0.1
    assert [c.text for c in art.cues][:2] == ["Small things mattered.", "She made me a cup of tea."]
    assert made["narration"] == 3  # beat 1 cut in two at the aligned words, beat 2 whole; no title or end files


def test_when_narration_is_recorded_then_each_cue_is_on_screen_while_its_words_are_heard(recorded):
    """The video's own soundtrack heard again: each cue appears within 0.3 s of its first word and stays
    until its last word is over (it may stay up to 1.5 s longer, for reading)."""
    art, _, cache, *_ = recorded
    checked, problems = out_of_sync(art.cues, heard_words(art.mp4, cache))
    assert checked >= max(2, len(art.cues) - 1) and not problems, problems  # one cue may hold a misheard word


def test_when_a_recording_changes_a_word_of_a_quote_then_the_build_stops_naming_the_slide_and_the_words(projects, recorded, tmp_path):
    story = short_story(voice_engine="recorded", voice="recordings")
    with pytest.raises(RenderError) as err:  # the same cache: only the changed file is heard again
        render([story], tmp_path / "out", recorded[2], root=projects["changed"])
    text = str(err.value)
    assert "slide 01-2" in text and "'coffee' instead of 'tea'" in text and "recordings/01.wav" in text
    assert "02" not in text.split("slide")[1][:4]
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.mp4"))


def test_contact_sheets_of_frames_from_the_square_and_portrait_formats_are_written(recorded):
    """1:1 and 4:5 frames (16:9 and 9:16 come from test_video_render.py), for a person to look at."""
    from helpers.video import contact_sheet
    *_, arts, base = recorded
    assert {a.format for a in arts} == {"1:1", "4:5"}
    for art in arts:
        contact_sheet(art, base)
