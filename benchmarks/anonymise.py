"""Throughput of the anonymiser on a generated corpus of 1,000,000 words.

    .venv/bin/python benchmarks/anonymise.py [--words 1000000] [--repeats 3] [--workers N]

The corpus is interview-style text (ordinary speech mixed with planted identifiers) cut
into excerpt-sized texts of about 60 words; the register has 200 entries. storymaker's way
is ``Anonymiser.anonymise_many``, what check and build call: detection runs in one worker
process per CPU that other processes leave idle (each run prints how many; ``--workers N``
fixes it, 1 for all in this process), replacement here in reading order. Alongside, a
naive baseline: one case-insensitive ``re.sub`` per register value and alias, then one pass
per structured-identifier pattern (no gazetteers, no default deny, no consistency). Prints
medians of the repeats (CPU time includes the workers'), words per second, and the ratio.
Target: storymaker's way under 10 s for 1,000,000 words on a 2-core machine. Measured on a
quiet 2-core machine (2026-12-02, medians of 3 interleaved runs, the anonymiser as of commit
6256eda with and without the speed work that followed, so both detect exactly the same):
9.8 s before; after, 8.7 s in one process (CPU 8.7 s) and 5.7 s with two workers (CPU 11.1 s).
The anonymiser as on main at 05:50 UTC the same day, with the recognizers added since (codes,
more quasi-identifiers, spelt-out names ...): 15.0 s in one process, 8.4 s with two workers
(CPU 16.5 s). On a machine whose cores are all busy the workers lose: none is started there.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storymaker.anonymise import Anonymiser  # noqa: E402
from storymaker.anonymise.lexicon import DATA  # noqa: E402
from storymaker.anonymise.parallel import workers  # noqa: E402
from storymaker.model import Register, RegisterEntry  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "anonymise"
NAIVE_PATTERNS = [re.compile(p, re.I) for p in (
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", r"(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}", r"\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b",
    r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b",
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)(?:\s+\d{4})?\b")]


def register(rng: random.Random) -> Register:
    firsts = (DATA / "first_names.txt").read_text().split()[:400]
    lasts = (DATA / "surnames.txt").read_text().split()[:400]
    towns = [t for t in (DATA / "places.txt").read_text().splitlines()][:300]
    people = {f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(150)}
    entries = [RegisterEntry("person", p) for p in sorted(people)][:150]
    entries += [RegisterEntry("place", t) for t in rng.sample(towns, 30)]
    entries += [RegisterEntry("organisation", f"{rng.choice(lasts)} {kind}")
                for kind in ["Surgery", "Housing Association", "Care Home", "Primary School"] * 5]
    return Register(tuple(entries[:200]))


def corpus(reg: Register, words: int, rng: random.Random) -> list[str]:
    ordinary = (CORPUS / "ordinary.txt").read_text(encoding="utf-8").splitlines()
    planted = [s["text"] for s in yaml.safe_load((CORPUS / "planted.yaml").read_text())["sentences"]]
    names = [e.value for e in reg.entries]
    texts, count = [], 0
    while count < words:
        parts = [rng.choice(ordinary) for _ in range(4)] + [rng.choice(planted)]
        parts.append(f"{rng.choice(names)} told me that, and I believed her.")
        rng.shuffle(parts)
        text = " ".join(parts)
        texts.append(text)
        count += len(text.split())
    return texts


def storymaker_way(reg: Register, texts: list[str], fixed: int | None = None) -> int:
    """``anonymise_many``, with as many detection workers as it would choose now (printed), or ``fixed``."""
    count = workers(len(texts)) if fixed is None else fixed
    os.environ["STORYMAKER_WORKERS"] = str(count)
    print(f"{'':>24}storymaker run: {count or 'no'} detection workers", flush=True)
    anon = Anonymiser(reg)
    return sum(len(red.replacements) for red in anon.anonymise_many(texts))


def naive_way(reg: Register, texts: list[str]) -> int:
    subs = [re.compile(r"\b" + re.escape(v) + r"\b", re.I) for v in reg.values()]
    n = 0
    for t in texts:
        for p in subs:
            t, k = p.subn("[removed]", t)
            n += k
        for p in NAIVE_PATTERNS:
            t, k = p.subn("[removed]", t)
            n += k
    return n


def cpu_time() -> float:
    """This process's CPU time and that of its finished children (the detection workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(fn, *args) -> tuple[float, int, float]:
    start, cpu = time.perf_counter(), cpu_time()
    result = fn(*args)
    return time.perf_counter() - start, result, cpu_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--workers", type=int, help="detection processes (default: one per idle CPU; 1: none)")
    args = ap.parse_args()
    rng = random.Random(1)
    reg = register(rng)
    texts = corpus(reg, args.words, rng)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {words:,} words in {len(texts):,} texts; register: {len(reg.entries)} entries")
    results = {}
    for name, fn, more in (("storymaker", storymaker_way, (args.workers,)), ("naive re.sub baseline", naive_way, ())):
        runs = [timed(fn, reg, texts, *more) for _ in range(args.repeats)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[2] for r in runs)
        results[name] = wall
        print(f"{name:>22}: median wall {wall:6.2f} s (cpu {cpu:6.2f} s) over {args.repeats} runs, "
              f"{words / wall:>10,.0f} words/s, {runs[0][1]:,} replacements")
    ratio = results["storymaker"] / results["naive re.sub baseline"]
    print(f"ratio storymaker / baseline wall time: {ratio:.2f}x")


if __name__ == "__main__":
    main()
