"""When each word of a spoken sentence is heard, for captions timed to the voice.

The synthetic engines give audio without word timings, so the words are placed by their
share of the syllables (counted with pyphen's hyphenation dictionary) between anchors that
the audio itself gives: the start and end of the speech, and the pauses the voice makes at
commas, semicolons and dashes, found as the quiet stretches of the clip. Where the narration
adds silence so that a caption can be read (``paused``), it goes in at the quietest moment near
the word boundary and the words after it move by exactly its length; those timings are kept
beside the clip (``<clip>.words.json``) rather than estimated again. A recording aligned by the
speech recogniser brings its own timings (see ``align.py``) and skips this.
"""
from __future__ import annotations

import json
import re
import wave
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyphen

Span = tuple[float, float]
_CLAUSE = re.compile(r"[,;:\u2013\u2014]$|[,;:][\"'\u201d\u2019)]$")
WINDOW = 0.01  # seconds per loudness step


def word_spans(text: str, wav: Path) -> tuple[Span, ...]:
    """(start, end) seconds of every word of ``text`` within its clip ``wav``: as kept beside it, or estimated."""
    kept = _kept(wav).get("words")
    if kept is not None and len(kept) == len(text.split()):
        return tuple((float(a), float(b)) for a, b in kept)
    with wave.open(str(wav), "rb") as f:
        rate, channels = f.getframerate(), f.getnchannels()
        pcm = np.frombuffer(f.readframes(f.getnframes()), dtype="<i2").reshape(-1, channels)
    return spans_of(text, pcm[:, 0].astype(np.float32) / 32768, rate)


def spans_of(text: str, samples: np.ndarray, rate: int) -> tuple[Span, ...]:
    """(start, end) seconds of every word of ``text`` within ``samples`` (mono floats)."""
    words = text.split()
    if not words:
        return ()
    level = _levels(samples, rate)
    pauses = _pauses(level)
    weights = [_syllables(w) for w in words]
    anchors = _anchors(words, weights, pauses, len(level) * WINDOW)
    return _spread(weights, anchors)


def keep_spans(wav: Path, spans: tuple[Span, ...], cue_ends: list[int]) -> None:
    """Write the words' timings, and the word counts of the cues the voice was paced for (given by the
    index of each cue's last word), beside the clip (before the clip itself, so a clip never lacks them)."""
    from .cache import write_text
    counts = [b - a for a, b in zip([0] + [i + 1 for i in cue_ends], [i + 1 for i in cue_ends])]
    write_text(wav.with_suffix(".words.json"), json.dumps({"words": [list(s) for s in spans], "cues": counts}))


def kept_cues(wav: str | Path) -> list[int] | None:
    """The word counts of the cues a clip's voice was paced for (see ``keep_spans``), if known."""
    cues = _kept(Path(wav)).get("cues")
    return [int(n) for n in cues] if isinstance(cues, list) else None


def _kept(wav: Path) -> dict:
    try:
        data = json.loads(wav.with_suffix(".words.json").read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def paused(samples: np.ndarray, rate: int, spans: tuple[Span, ...],
           pauses: list[tuple[int, float]]) -> tuple[np.ndarray, tuple[Span, ...]]:
    """``samples`` (frames x channels) with ``seconds`` of silence after word ``index`` for each
    (index, seconds), put at the quietest moment near the boundary, and the words' new timings."""
    level = _levels(samples[:, 0], rate)
    parts, at, out, shift = [], 0, list(spans), 0.0
    for index, seconds in sorted(p for p in pauses if p[1] > 0):
        cut = _quietest(level, spans, index)
        parts += [samples[at:round(cut * rate)], np.zeros((round(seconds * rate), samples.shape[1]), samples.dtype)]
        at = round(cut * rate)
        out[index] = (out[index][0], min(out[index][1], cut + shift))
        shift += round(seconds * rate) / rate
        for k in range(index + 1, len(out)):
            out[k] = (max(spans[k][0], cut) + shift, spans[k][1] + shift)
    spans_out = tuple((round(a, 3), round(b, 3)) for a, b in out)
    return (np.concatenate(parts + [samples[at:]]) if parts else samples), spans_out


def _quietest(level: np.ndarray, spans: tuple[Span, ...], index: int, within: float = 0.2) -> float:
    """The quietest moment (seconds) near the end of word ``index``, between the middles of it and the next word."""
    end = spans[index][1]
    low = max(end - within, sum(spans[index]) / 2)
    high = min(end + within, sum(spans[index + 1]) / 2 if index + 1 < len(spans) else len(level) * WINDOW)
    a, b = int(low / WINDOW), max(int(low / WINDOW) + 1, min(len(level), int(high / WINDOW) + 1))
    return (a + int(np.argmin(level[a:b]))) * WINDOW + WINDOW / 2 if a < len(level) else end


def sounding(spans: tuple[Span, ...], samples: np.ndarray, rate: int, quiet_db: float = 20.0,
             shortest: float = 0.12) -> tuple[Span, ...]:
    """Word times from a speech recogniser narrowed to where each word sounds in ``samples``.

    Whisper's word times come from its attention; a word after a pause often starts inside the
    pause (by up to half a second). Within each word's time, a stretch ``quiet_db`` under the word's
    loudest moment lasting ``shortest`` seconds or more is silence: the word starts after the last
    one before its loudest moment and ends at the first one after it."""
    level = _levels(samples, rate)
    out = []
    for a, b in spans:
        i = int(a / WINDOW)
        j = max(i + 1, min(len(level), int(np.ceil(b / WINDOW))))
        if i >= len(level) or b <= a:
            out.append((a, b))
            continue
        first, last = _sounding(level[i:j], quiet_db, round(shortest / WINDOW))
        out.append((round((i + first) * WINDOW, 3), round((i + last) * WINDOW, 3)))
    return tuple(out)


def _sounding(level: np.ndarray, quiet_db: float, shortest: int) -> tuple[int, int]:
    """[first, last + 1) step of the sound around the loudest step, bounded by long quiet runs."""
    peak = int(np.argmax(level))
    quiet = np.concatenate([[False], level < level[peak] - quiet_db, [False]])
    edges = np.flatnonzero(np.diff(quiet.astype(int)))
    runs = [(a, b) for a, b in zip(edges[::2], edges[1::2]) if b - a >= shortest]
    start = max([b for a, b in runs if b <= peak], default=0)
    end = min([a for a, b in runs if a > peak], default=len(level))
    loud = np.flatnonzero(level[start:end] >= level[peak] - quiet_db) + start
    return int(loud[0]), int(loud[-1]) + 1


def _levels(samples: np.ndarray, rate: int) -> np.ndarray:
    step = max(1, round(rate * WINDOW))
    frames = len(samples) // step
    if frames == 0:
        return np.zeros(1)
    power = np.square(samples[:frames * step]).reshape(frames, step).mean(axis=1)
    return 10 * np.log10(power + 1e-10)


def _pauses(level: np.ndarray, below: float = 30.0, shortest: float = 0.09) -> list[Span]:
    """Quiet stretches inside the speech (not at its ends), as (start, end) seconds."""
    quiet = level < level.max() - below
    out, start = [], None
    for i, q in enumerate(quiet):
        if q and start is None:
            start = i
        elif not q and start is not None:
            if start > 0 and (i - start) * WINDOW >= shortest:
                out.append((start * WINDOW, i * WINDOW))
            start = None
    return out


def _anchors(words: list[str], weights: list[float], pauses: list[Span], total: float) -> list[tuple[int, float, float]]:
    """(word index, end of the speech before, start of the speech after) at each clause pause found."""
    anchors: list[tuple[int, float, float]] = [(0, 0.0, 0.0)]
    whole = sum(weights) or 1.0
    done = 0.0
    for i, word in enumerate(words[:-1]):
        done += weights[i]
        if not _CLAUSE.search(word) or not pauses:
            continue
        guess = total * done / whole
        near = min(pauses, key=lambda p: abs((p[0] + p[1]) / 2 - guess))
        if abs((near[0] + near[1]) / 2 - guess) < 0.6 and near[0] > anchors[-1][2]:
            anchors.append((i + 1, near[0], near[1]))
    return anchors + [(len(words), total, total)]


def _spread(weights: list[float], anchors: list[tuple[int, float, float]]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for (a, _, start), (b, end, _) in zip(anchors, anchors[1:]):
        share = sum(weights[a:b]) or 1.0
        at = start
        for w in weights[a:b]:
            step = (end - start) * w / share
            spans.append((round(at, 3), round(at + step, 3)))
            at += step
    return tuple(spans)


def _syllables(word: str) -> float:
    letters = re.sub(r"[^A-Za-z']", "", word)
    if not letters:
        return 1.0 if any(ch.isdigit() for ch in word) else 0.3
    count = len(_dictionary().positions(letters.lower())) + 1
    vowels = len(re.findall(r"[aeiouy]+", letters.lower()))
    return float(max(count, vowels - (1 if letters.lower().endswith("e") and vowels > 1 else 0), 1))


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")
