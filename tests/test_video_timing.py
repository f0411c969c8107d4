"""When words are heard and how long cues stay: pauses for reading, recogniser times narrowed to
the sound, and the cues built from them (no engine, no encoding: synthetic audio)."""
from __future__ import annotations

import numpy as np
import pytest

from storymaker.assets.settings import Timing
from storymaker.render.video.captions import CaptionRules, build_cues
from storymaker.render.video.cues import reading_pauses
from storymaker.render.video.plan import Clip, Slide, timeline
from storymaker.render.video.timing import keep_spans, paused, sounding

RATE = 48000
FAST = ("You had to have a voucher, and to get the voucher you had to see someone, "
        "and to see someone you had to ring at nine on a Monday.")


def _speech(words: int, wpm: float, gap: float = 0.06) -> tuple[np.ndarray, tuple[tuple[float, float], ...]]:
    """A tone burst per word at ``wpm`` with a short silence between, and each burst's (start, end)."""
    step = 60 / wpm
    spans, parts = [], []
    for n in range(words):
        tone = 0.3 * np.sin(2 * np.pi * 220 * np.arange(round((step - gap) * RATE)) / RATE)
        parts += [tone, np.zeros(round(gap * RATE))]
        spans.append((round(n * step, 3), round(n * step + step - gap, 3)))
    mono = np.concatenate(parts).astype(np.float32)
    return np.stack([mono, mono], axis=1), tuple(spans)


def test_when_the_voice_pauses_for_reading_then_the_words_after_move_by_exactly_the_pause():
    samples, spans = _speech(6, 200)
    out, moved = paused(samples, RATE, spans, [(2, 0.5)])
    assert len(out) == len(samples) + round(0.5 * RATE)
    assert np.allclose(moved[:3], spans[:3], atol=0.011)
    assert [s + 0.5 for s, _ in spans[3:]] == pytest.approx([s for s, _ in moved[3:]], abs=0.011)
    assert np.allclose(np.square(out).sum(), np.square(samples).sum()), "silence is added, never a word cut"
    cut = round(spans[2][1] * RATE)
    assert not np.abs(out[cut:cut + round(0.45 * RATE)]).any(), "the pause goes in at the word boundary"


@pytest.mark.parametrize("wpm", [200, 240, 280])
def test_when_the_voice_speaks_faster_than_180_wpm_then_the_pauses_give_every_cue_its_reading_time(wpm, tmp_path):
    """As narration does it: cues planned on the voice's own timing, a pause after each that needs one,
    the timings and the planned cues kept beside the clip, and the cues built from them."""
    rules = CaptionRules(fps=25)
    words = FAST.split()
    samples, spans = _speech(len(words), wpm)
    pauses = reading_pauses(FAST, spans, rules)
    _, moved = paused(samples, RATE, spans, pauses)
    keep_spans(tmp_path / "clip.wav", moved, [index for index, _ in pauses])
    clip = Clip(str(tmp_path / "clip.wav"), 0.0, moved[-1][1] + 0.02, FAST, moved)
    timed = timeline((Slide("quote", FAST, FAST, beat=0),), [(clip,)], 25, Timing(lead_in=0.35, pause=0.7))
    cues = build_cues(timed, timed[-1].end / 25, rules)
    assert len(cues) == len(pauses) >= 2
    at = 0
    for cue in cues:
        count = len(cue.text.split())
        assert count * 60 / (cue.end - cue.start) <= 180.0, cue
        first = timed[0].voice_start + moved[at][0]
        assert first - rules.lead - 1e-3 <= cue.start <= first + 1e-3, (cue, first)
        at += count
    gaps = [b.start - a.end for a, b in zip(cues, cues[1:])]
    assert all(g >= 2 / 25 - 1e-6 for g in gaps)


def test_when_the_recogniser_starts_a_word_inside_a_pause_then_it_is_moved_to_where_the_word_sounds():
    samples, _ = _speech(1, 150)  # one 0.34 s word
    quiet = np.full((round(0.5 * RATE), 2), 0.003, dtype=np.float32)  # a pause with a little room noise
    audio = np.concatenate([samples, quiet, samples])[:, 0]
    heard = ((0.0, 0.34), (0.36, 1.24))  # the second word "starts" just after the first ends, as Whisper has it
    first, second = sounding(heard, audio, RATE)
    assert np.allclose(first, (0.0, 0.34), atol=0.02) and np.allclose(second, (0.9, 1.24), atol=0.03), (first, second)


def test_when_a_word_is_heard_without_a_pause_inside_it_then_its_time_is_kept():
    samples, spans = _speech(3, 160, gap=0.0)
    assert np.allclose(sounding(spans, samples[:, 0], RATE), spans, atol=0.011)
