"""One cache helper (fresh check, atomic write, stats per render) and one voice protocol that
every engine implements, exercised with the real espeak-ng."""
from __future__ import annotations

import ast
import inspect
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from storymaker.assets.voice import Voice
from storymaker.render.video import narration
from storymaker.render.video.cache import Cache
from storymaker.render.video.narration import Narrating
from storymaker.render.video.neural import HibariVoice, PiperVoice
from storymaker.render.video.plan import Slide
from storymaker.render.video.recorded import RecordedVoice
from storymaker.render.video.voices import EspeakVoice, make_engine

ENGINES = (EspeakVoice, HibariVoice, PiperVoice, RecordedVoice)


def test_when_a_file_is_cached_then_it_is_made_once_and_each_render_counts_its_own(tmp_path):
    made = []
    first, second = Cache(tmp_path), Cache(tmp_path)
    target = tmp_path / "slides" / "abc.txt"
    for store in (first, first, second):
        store.file(target, lambda tmp: made.append(tmp.write_text("drawn", encoding="utf-8")), "slide")
    assert target.read_text(encoding="utf-8") == "drawn" and len(made) == 1
    assert (first.stats.made["slide"], first.stats.reused["slide"]) == (1, 1)
    assert (second.stats.made["slide"], second.stats.reused["slide"]) == (0, 1)


def test_when_making_a_cached_file_fails_then_nothing_is_left_behind_and_nothing_counted(tmp_path):
    store = Cache(tmp_path)

    def half_written(tmp: Path) -> None:
        tmp.write_bytes(b"half a picture")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.file(tmp_path / "slides" / "abc.png", half_written, "slide")
    assert list((tmp_path / "slides").iterdir()) == [] and store.stats.made["slide"] == 0


def test_every_engine_narrates_through_the_one_protocol_and_none_refuses_a_method_it_has():
    for engine in ENGINES:
        assert list(inspect.signature(engine.narrate).parameters) == ["self", "slides", "job"], engine
    assert not hasattr(RecordedVoice, "synthesize"), "a recorded voice reads files; it has no text to speak"
    tree = ast.parse(inspect.getsource(narration))
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "isinstance"]


def test_when_espeak_narrates_then_each_sentence_is_spoken_once_and_reused_on_the_next_render(tmp_path):
    engine = make_engine(Voice("espeak", "en-gb", rate=170))
    slides = (Slide("quote", "She made me tea.", "She made me tea. It helped."),
              Slide("quote", "We switched it off.", "We switched it off."))
    with ThreadPoolExecutor(2) as pool:
        first = Cache(tmp_path)
        clips = engine.narrate(slides, Narrating(first, pool, 0.3, "staff/tea"))
        again = Cache(tmp_path)
        assert engine.narrate(slides, Narrating(again, pool, 0.3, "staff/tea")) == clips
    assert [[c.text for c in own] for own in clips] == [["She made me tea.", "It helped."], ["We switched it off."]]
    assert all(Path(c.wav).is_file() and c.duration > 0.3 for own in clips for c in own)
    assert clips[0][1].offset > clips[0][0].duration  # the second sentence follows the first, after a gap
    assert (first.stats.made["narration"], again.stats.made["narration"], again.stats.reused["narration"]) == (3, 0, 3)
