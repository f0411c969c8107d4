"""Caption cues to broadcast rules, timed to the spoken words.

Each spoken sentence is cut into cues by a dynamic programme over its words: every cue
fits in ``max_lines`` lines of ``max_chars`` characters (37 by default, as the BBC asks;
42 at most), breaks fall at linguistic boundaries (see ``breaks.py``), and short cues,
one-word cues and cues read faster than ``max_wpm`` cost more, so the cheapest cut is the
readable one. A cue starts when its first word is heard and stays until the next cue
(less a two-frame gap), lingering a little after the sentence ends; small gaps are closed
to two frames so captions do not flicker, and every cue lasts at least ``min_seconds``.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...model import Cue
from .breaks import BAD, best_lines, penalty
from .plan import TimedSlide
from .timing import Span, kept_cues


@dataclass(frozen=True)
class CaptionRules:
    max_chars: int = 37
    max_lines: int = 2
    max_wpm: float = 180.0
    min_seconds: float = 1.0
    gap_frames: int = 2
    close_below: float = 0.5  # seconds: gaps shorter than this are closed to two frames
    linger: float = 0.8  # seconds a sentence's last cue may stay after its last word
    fps: int = 25
    lead: float = 0.1  # seconds a cue may appear before its first word, after a pause
    after: float = 0.3  # seconds of silence that follow every spoken sentence at the least
    longest_pause: float = 1.2  # seconds the voice may pause after a cue so that it can be read

    @classmethod
    def from_theme(cls, settings: dict | None, fps: int) -> "CaptionRules":
        s = settings or {}
        chars = min(42, max(20, int(s.get("max_chars", 37))))
        return cls(chars, min(2, max(1, int(s.get("max_lines", 2)))), float(s.get("max_wpm", 180)),
                   float(s.get("min_seconds", 1.0)), int(s.get("gap_frames", 2)), float(s.get("close_below", 0.5)),
                   float(s.get("linger", 0.8)), fps)

    @property
    def gap(self) -> float:
        return self.gap_frames / self.fps


def build_cues(timed: tuple[TimedSlide, ...], total: float, rules: CaptionRules | None = None) -> tuple[Cue, ...]:
    rules = rules or CaptionRules(fps=25)
    raw = []
    for ts in timed:
        for clip in ts.clips:
            base = ts.voice_start + clip.offset
            words = clip.text.split()
            spans = list(clip.words) if len(clip.words) == len(words) else _even(len(words), clip.duration)
            spans = [(base + a, base + b) for a, b in spans]
            paced = kept_cues(clip.wav) if clip.words else None  # the cues the voice paused for, when it did
            raw += _cues_of(words, spans, paced, rules) if paced and sum(paced) == len(words) else _sentence_cues(words, spans, rules)
    return tuple(_timed(_merged(raw, rules), total, rules))


def _cues_of(words: list[str], spans: list[Span], sizes: list[int], rules: CaptionRules) -> list[tuple[str, float, float]]:
    """(text, first word start, last word end) of cues of the given word counts."""
    out, at = [], 0
    for n in sizes:
        fitted = best_lines(words[at:at + n], rules.max_chars, rules.max_lines)
        out.append(("\n".join(fitted[0]) if fitted else " ".join(words[at:at + n]), spans[at][0], spans[at + n - 1][1]))
        at += n
    return out


def _merged(raw: list[tuple[str, float, float]], rules: CaptionRules) -> list[tuple[str, float, float]]:
    """A cue that is too short or too fast is joined to the next one (across a full stop) when they fit together."""
    out = list(raw)
    n = 0
    while n + 1 < len(out):
        (text, start, end), (text2, start2, end2) = out[n], out[n + 1]
        words = text.split() + text2.split()
        shown, after = start2 - start, (out[n + 2][1] - rules.lead if n + 2 < len(out) else end2 + rules.linger) - start2
        hurried = (len(text.split()) * 60 / max(shown, 0.05) > rules.max_wpm or shown < rules.min_seconds
                   or after < rules.min_seconds)
        fitted = best_lines(words, rules.max_chars, rules.max_lines) if hurried and start2 - end < 1.2 else None
        if fitted and fitted[1] < 8:
            out[n:n + 2] = [("\n".join(fitted[0]), start, end2)]
            continue
        n += 1
    return out


def caption_chunks(sentence: str, rules: CaptionRules | None = None) -> list[str]:
    """A sentence as cue texts ('\\n' between lines), timed as if spoken at an even pace."""
    words = sentence.split()
    return [text for text, _, _ in _sentence_cues(words, _even(len(words), len(words) * 0.33), rules or CaptionRules())]


def reading_pauses(text: str, spans: tuple[Span, ...], rules: CaptionRules) -> list[tuple[int, float]]:
    """(word index, seconds) for the last word of every cue: the silence the voice adds after it (often 0)
    so that the cue can be read at ``max_wpm`` (and lasts ``min_seconds``) before the next cue appears. Inside a sentence the
    next cue appears with the next word; after the sentence's last word, ``rules.after`` seconds of silence
    always follow, so only what they lack is added."""
    words = text.split()
    if len(spans) != len(words):
        return []
    out, at = [], 0
    for cue_text, start, end in _sentence_cues(words, list(spans), rules):
        at += len(cue_text.split())
        shown = (end + rules.after if at == len(words) else spans[at][0]) - start
        need = _reading(cue_text, rules) + rules.gap - shown
        out.append((at - 1, round(min(need + 0.02, rules.longest_pause), 3) if need > 0.01 else 0.0))
    return out


def _reading(text: str, rules: CaptionRules) -> float:
    """The least time a cue stays up: its words at ``max_wpm``, and never under ``min_seconds``
    (and 20 ms more, so the times rounded to milliseconds keep to the rule)."""
    return max(len(text.split()) * 60 / rules.max_wpm, rules.min_seconds) + 0.02


def _even(n: int, seconds: float) -> list[Span]:
    step = seconds / max(n, 1)
    return [(i * step, (i + 1) * step) for i in range(n)]


def _sentence_cues(words: list[str], spans: list[Span], rules: CaptionRules) -> list[tuple[str, float, float]]:
    """(text, first word start, last word end) for each cue of one sentence."""
    n = len(words)
    best: list[tuple[float, int, list[str]]] = [(0.0, 0, [])] + [(float("inf"), 0, [])] * n
    for j in range(1, n + 1):
        for i in range(j - 1, -1, -1):
            fitted = best_lines(words[i:j], rules.max_chars, rules.max_lines)
            if fitted is None:
                if len(" ".join(words[i:j])) > rules.max_chars * rules.max_lines:
                    break
                continue
            lines, line_cost = fitted
            cost = best[i][0] + _cost(words, spans, i, j, rules) + line_cost + (penalty(words, j) if j < n else 0.0)
            if cost < best[j][0]:
                best[j] = (cost, i, lines)
        if best[j][0] == float("inf"):  # one word longer than a line: it gets a cue of its own
            best[j] = (best[j - 1][0] + BAD, j - 1, [words[j - 1]])
    out, j = [], n
    while j > 0:
        _, i, lines = best[j]
        out.append(("\n".join(lines), spans[i][0], spans[j - 1][1]))
        j = i
    return out[::-1]


def _cost(words: list[str], spans: list[Span], i: int, j: int, rules: CaptionRules) -> float:
    """A cue of words[i:j]: shown from its first word until the next word is heard (a pause included)."""
    seconds = max((spans[j][0] if j < len(words) else spans[j - 1][1]) - spans[i][0], 0.05)
    count = j - i
    cost = 4.0
    if count == 1 and len(words) > 1:
        cost += 40.0
    if seconds < rules.min_seconds:
        cost += 100.0 * (rules.min_seconds - seconds)
    wpm = count * 60 / (seconds + (rules.linger if j == len(words) else 0.0))
    if wpm > rules.max_wpm:
        cost += (wpm - rules.max_wpm) * 0.5
    if seconds > 6.0:
        cost += (seconds - 6.0) * 5
    pause = _reading(" ".join(words[i:j]), rules) + rules.gap - seconds - (rules.after if j == len(words) else 0.0)
    if pause > rules.longest_pause:  # more reading time than the voice may pause for: split the cue
        cost += 400.0 * (pause - rules.longest_pause)
    return cost


def _timed(raw: list[tuple[str, float, float]], total: float, rules: CaptionRules) -> list[Cue]:
    """Start at the first word (a little before, where there is a pause and the cue before has had its
    reading time), end at the next cue less the gap, or after a short linger; a cue still too short
    starts a little earlier, never more than ``lead`` before its first word."""
    starts: list[float] = []
    for n, (_, first, _) in enumerate(raw):
        if n == 0:
            starts.append(round(max(first - rules.lead, 0.0), 3))
            continue
        text, _, spoken_end = raw[n - 1]
        earliest = max(spoken_end, starts[-1] + _reading(text, rules)) + rules.gap
        starts.append(round(first if first - spoken_end <= rules.gap else min(first, max(first - rules.lead, earliest)), 3))
    out: list[Cue] = []
    for n, (text, first, spoken_end) in enumerate(raw):
        start, nxt = starts[n], starts[n + 1] if n + 1 < len(raw) else total
        end = min(nxt - rules.gap, max(spoken_end + rules.linger, start + _reading(text, rules)), total)
        if nxt - end < rules.close_below:
            end = nxt - rules.gap
        if end - start < rules.min_seconds and out:
            start = max(out[-1].end + rules.gap, end - rules.min_seconds, first - rules.lead)
        out.append(Cue(round(start, 3), round(max(end, start + 0.04), 3), text))
    return out
