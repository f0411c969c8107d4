"""Benchmark: what a partial build (``--web``, ``--story``) pays to carry the last build's videos
into its stage, now that they are copies of their own instead of hard links.

    .venv/bin/python benchmarks/staging.py [--videos 8] [--mb 25] [--repeat 5]

Writes --videos files of --mb MB of random bytes as a previous build's output/, then, in the same
run, carries them into a fresh stage --repeat times each way:

* storymaker: ``staging._carry_over`` as shipped (a copy-on-write clone where the file system can,
  else a copy: a renderer rewriting the file in place cannot reach output/);
* baseline: ``os.link`` per file, what staging did before (free, but shares the live file).

Prints the median of each and says whether clones were possible here (ext4: no, btrfs/XFS: yes).
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storymaker import staging  # noqa: E402
from storymaker.outguard import write_marker  # noqa: E402


def previous_build(out: Path, videos: int, mb: int) -> list[str]:
    names = [f"staff/story-{n}-16x9.mp4" for n in range(videos)]
    (out / "staff").mkdir(parents=True)
    for name in names:
        (out / name).write_bytes(os.urandom(mb << 20))
    write_marker(out, names)
    return names


def timed(carry, out: Path, stage: Path, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir()
        start = time.perf_counter()
        carry(out, stage)
        times.append(time.perf_counter() - start)
    return times


def linked(out: Path, stage: Path) -> None:
    for rel in staging.read_marker(out) or []:
        (stage / rel).parent.mkdir(parents=True, exist_ok=True)
        os.link(out / rel, stage / rel)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--videos", type=int, default=8)
    ap.add_argument("--mb", type=int, default=25)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parents[1]) as work:
        out, stage = Path(work) / "output", Path(work) / "stage"
        names = previous_build(out, args.videos, args.mb)
        ours = statistics.median(timed(staging._carry_over, out, stage, args.repeat))
        cloned = (stage / names[0]).stat().st_nlink == 1 and staging.clone(out / names[0], Path(work) / "probe")
        base = statistics.median(timed(linked, out, stage, args.repeat))
    total = args.videos * args.mb
    print(f"carry-over of {args.videos} x {args.mb} MB ({total} MB), median of {args.repeat}:")
    print(f"  storymaker (own copies, {'clones' if cloned else 'no clones on this file system: full copies'}): "
          f"{ours:.3f} s ({total / max(ours, 1e-9):.0f} MB/s)")
    print(f"  baseline (hard links, shared with output/): {base:.3f} s")


if __name__ == "__main__":
    main()
