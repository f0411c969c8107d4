"""Detection of many texts in worker processes; replacement stays in the parent, in reading order.

    for hits in detected(detector, texts):   # in order: a list of hits, or None ("detect it here")
        ...

Detection is most of the anonymiser's time and each text's detection is its own, except for
one thing: the words of our own pseudonyms are never re-detected, and the parent learns them
as it replaces, text by text. So each worker records every word it asked that set about; when
one of them became a pseudonym's word after the workers were started, the parent detects that
text again itself (None), and the answers are exactly those of the one-process path.

The pool is used only from :data:`POOL_FROM` texts up (a small project never pays its start-up),
with more than one CPU, on Linux (it forks: the workers inherit the tables already built), from
a process that runs no other thread (forking a threaded process can copy a held lock) and is
not itself a pool's worker; and only with cores to spare: one worker per CPU that other
processes left idle over a fifth of a second (on a machine whose cores are all busy, workers
only take turns with each other and cost more time, not less). ``STORYMAKER_WORKERS=N`` says
how many instead (0 or 1: none).
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import fields
from operator import attrgetter
from typing import TYPE_CHECKING

from .hits import Hit
from .normalise import normalise

if TYPE_CHECKING:
    from .detect import Detector

POOL_FROM = 2000  # texts: below this the pool's start-up costs more than it saves
_CHUNK = 32  # texts sent to a worker at a time
_FIELDS = attrgetter(*(f.name for f in fields(Hit)))
_detector: Detector | None = None  # the Detector a worker inherited when it was forked


class _Asked(set):
    """The pseudonyms' words, remembering each word asked about (a worker's copy only). A
    recognizer may only ask ``word in tables.produced``: any other use would go unrecorded, so it
    is refused here (and the test that compares both paths fails) rather than silently inexact."""

    asked: list[str]

    def __contains__(self, key: object) -> bool:
        self.asked.append(key)  # type: ignore[arg-type]
        return set.__contains__(self, key)

    def _refused(self, *args: object) -> object:
        raise TypeError("a recognizer may only ask `word in tables.produced` (see anonymise/parallel.py)")

    __iter__ = __len__ = __and__ = __rand__ = __sub__ = __rsub__ = __or__ = __ror__ = __xor__ = _refused
    __le__ = __lt__ = __ge__ = __gt__ = isdisjoint = intersection = issubset = issuperset = difference = _refused


def _start() -> None:
    tables = _detector.tables
    tables.produced = _detector.produced = _Asked(tables.produced)


def _detect(text: str) -> tuple[list[tuple], list[str]]:
    produced = _detector.produced
    produced.asked = []
    hits = _detector.detect_joined(normalise(text).text)
    return [_FIELDS(h) for h in hits], produced.asked


def workers(count: int) -> int:
    """How many worker processes to use for ``count`` texts: 0 for none (detect here). One per
    CPU that other processes leave idle; ``STORYMAKER_WORKERS=N`` sets how many (0 or 1: none)."""
    if count < POOL_FROM or not sys.platform.startswith("linux"):
        return 0
    if threading.active_count() > 1 or multiprocessing.current_process().daemon:
        return 0
    wanted = os.environ.get("STORYMAKER_WORKERS", "").strip()
    n = int(wanted) if wanted.isdigit() else round(idle_cpus(len(os.sched_getaffinity(0))))
    return n if n > 1 else 0


def _ticks() -> tuple[int, int]:
    with open("/proc/stat", encoding="ascii") as f:
        ticks = [int(t) for t in f.readline().split()[1:]]
    return ticks[3] + ticks[4], sum(ticks)  # idle and waiting for a disk; all


def idle_cpus(cpus: int, sample: float = 0.2) -> float:
    """How many of ``cpus`` other processes left idle over the last ``sample`` seconds: on a
    machine whose cores are all busy, workers would only take turns with this process."""
    try:
        idle, total = _ticks()
        time.sleep(sample)
        idle2, total2 = _ticks()
    except (OSError, ValueError, IndexError):
        return float(cpus)
    return cpus * (idle2 - idle) / max(1, total2 - total)


def detected(detector: Detector, texts: Sequence[str], processes: int) -> Iterator[list[Hit] | None]:
    """For each text in order, its hits as ``detector.detect_joined`` finds them in a worker, or
    None where the parent must detect it (no pool, or a pseudonym's word the worker asked about)."""
    if processes < 2:
        yield from (None for _ in texts)
        return
    global _detector
    _detector, before, fresh = detector, frozenset(detector.produced), frozenset()
    try:
        pool = multiprocessing.get_context("fork").Pool(processes, initializer=_start)
    except OSError:  # no processes to be had: detect here
        _detector = None
        yield from (None for _ in texts)
        return
    try:
        with pool:
            for found, asked in pool.imap(_detect, texts, _CHUNK):
                if len(fresh) + len(before) != len(detector.produced):  # it only grows
                    fresh = frozenset(detector.produced - before)
                yield [Hit(*h) for h in found] if fresh.isdisjoint(asked) else None
    finally:
        _detector = None
