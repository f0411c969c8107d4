"""Benchmark: the publish gate over a 200-page site, beside a naive substring scan of the same files.

    .venv/bin/python benchmarks/gate.py [--pages 200] [--needles 300] [--repeats 5]

storymaker's gate: every file's text parts (HTML text and attributes, the source, JSON strings)
folded, number words read as digits, and searched for every needle on whole words with any
separators, spelt out, run together inside links and handles, phone numbers in any grouping.
Naive baseline: lower-case each file once and test ``needle in text`` for every needle
(which finds far less: no separators, no accents, no number words, no links). Prints the
median of each and the ratio; the gate runs once per build.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storymaker.anonymise import scan_tree  # noqa: E402

WORDS = ("kindness targets manager shift team tea listening risk wellbeing caring together time nobody asked "
         "how was noticed changed worked differently stopped counting calls the a and of to in").split()
FIRST = "Ainsley Arden Ellery Emerson Reese Remy Tatum Teagan Wynn Lennox Presley Peyton Skyler".split()


def needles(n: int) -> list[str]:
    out = [f"Zorvan{i} Quillet{i % 17}" for i in range(n // 2)] + [f"Marrowby{i}" for i in range(n // 4)]
    out += [f"0770{i:07d}"[:11] for i in range(n // 8)] + ["Hope", "Grace", "Will"][: max(0, n - len(out))]
    return out


def site(folder: Path, pages: int) -> None:
    for p in range(pages):
        words = " ".join(WORDS[(p * 5 + i) % len(WORDS)] for i in range(1500))
        quote = " ".join(f"<blockquote><p>{words[i * 300:(i + 1) * 300]} {FIRST[i % len(FIRST)]}.</p></blockquote>"
                         for i in range(5))
        (folder / f"page-{p:03d}.html").write_text(
            f'<!doctype html><html lang="en-GB"><head><title>Story {p}</title><meta name="description" content="{words[:150]}">'
            f'<script type="application/ld+json">{{"headline": "Story {p}", "text": "{words[:2000]}"}}</script></head>'
            f'<body><h1>Story {p}</h1>{quote}<a href="https://example.org/stories/page-{p}.html">link</a></body></html>',
            encoding="utf-8")


def naive(folder: Path, found: list[str]) -> list[str]:
    hits = []
    lowered = [n.lower() for n in found]
    for path in sorted(folder.iterdir()):
        text = path.read_text(encoding="utf-8").lower()
        hits += [n for n in lowered if n in text]
    return hits


def median(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--needles", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        site(folder, args.pages)
        found = needles(args.needles)
        assert scan_tree(folder, found) == [] and naive(folder, found) == []
        gate = median(lambda: scan_tree(folder, found), args.repeats)
        base = median(lambda: naive(folder, found), args.repeats)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(f"{args.pages} pages ({size:.1f} MB), {len(found)} needles, median of {args.repeats}:")
    print(f"  publish gate      {gate:7.3f} s")
    print(f"  naive substring   {base:7.3f} s   (gate / naive = {gate / base:.1f}x)")


if __name__ == "__main__":
    main()
