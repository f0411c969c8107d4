"""Benchmark: compose every story of a large synthetic project, indexed vs naive.

    .venv/bin/python benchmarks/compose.py [--excerpts 20000] [--participants 500] [--stories 50] [--repeat 3]

Generates (seeded) 20,000 excerpts from 500 participants over six themes with
dotted children, mixed audiences and consents, some sensitive excerpts and some
withdrawn participants, plus ~50 story specs for both audiences and both
channels. Then, in the same run, composes every (story, audience, channel):

* storymaker: ``storymaker.compose.compose`` as shipped (theme-prefix index,
  cached eligibility per beat, lazy quote preparation);
* baseline: the same compose, but each beat scans the whole excerpt list
  (no index, no cache), the simple way.

Prints the median of each over --repeat runs and the ratio, and asserts the
constraints on every composed story (contributors, max share, no excerpt
twice, themes, audience, consent for the channel, withdrawal, verbatim).
Target: storymaker under 5 s for the full corpus on the project machine.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storymaker.compose import assemble, compose  # noqa: E402
from storymaker.compose.edits import is_verbatim  # noqa: E402
from storymaker.compose.plain import _syllables  # noqa: E402
from storymaker.compose.pool import Pool, theme_matches  # noqa: E402
from storymaker.compose.search import rank  # noqa: E402
from storymaker.model import Beat, Excerpt, Project, Redaction, Register, StorySpec  # noqa: E402

THEMES = {
    "wellbeing": ("wellbeing.holistic", "wellbeing.home"),
    "staff.care": ("staff.care.manager", "staff.care.peer"),
    "targets": ("targets.off", "targets.pressure"),
    "together": ("together.teams", "together.partners"),
    "risk": ("risk.recalculate", "risk.shared"),
    "technology": ("technology.person", "technology.tools"),
}
WORDS = ("we", "I", "the", "team", "manager", "asked", "people", "time", "really", "changed", "helped",
         "listened", "targets", "form", "home", "risk", "shared", "felt", "work", "morning", "kind", "calls")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    return " ".join(words).capitalize() + rng.choice(".!.?.")


def make_excerpts(n: int, participants: int, rng: random.Random) -> list[Excerpt]:
    tags = [child for children in THEMES.values() for child in children] + list(THEMES)
    out = []
    for i in range(n):
        themes = tuple(rng.sample(tags, rng.choice((1, 1, 2))))
        consent = rng.choice((("web", "video"),) * 6 + (("web",), ("video",), ()))
        out.append(Excerpt(f"E{i:05d}", f"P{rng.randrange(participants):03d}",
                           " ".join(sentence(rng) for _ in range(rng.randint(1, 5))), themes,
                           rng.choice(("staff", "community", "both", "both")), frozenset(consent),
                           sensitive=rng.random() < 0.03, source="stories/excerpts/bench.csv", line=i + 2))
    return out


def make_specs(n: int, rng: random.Random) -> list[StorySpec]:
    specs = []
    for s in range(n):
        beats = tuple(Beat(f"Beat {b}", (rng.choice(list(THEMES)),), f"Linking text {b}.", "", rng.randint(1, 3))
                      for b in range(rng.randint(3, 5)))
        specs.append(StorySpec(f"story-{s:02d}", f"Story {s}", ("staff", "community"), "A narrator", beats,
                               target_words=rng.choice((None, 300, 500)), seed=rng.randrange(1000),
                               source=f"stories/story-{s:02d}.yaml", line=1))
    return specs


class NaivePool(Pool):
    """The baseline: every beat scans the whole excerpt list, nothing cached."""

    def __init__(self, project: Project) -> None:
        self.withdrawn, self.excerpts = project.withdrawn, project.excerpts

    def tagged(self, themes):
        return tuple(e for e in self.excerpts if any(theme_matches(t, th) for t in e.themes for th in themes))

    def groups(self, themes, audience, channels):
        grouped: dict[str, list[Excerpt]] = {}
        for e in self.tagged(themes):
            if self.usable(e, audience, channels):
                grouped.setdefault(e.participant, []).append(e)
        return {p: tuple(v) for p, v in grouped.items()}


def compose_all(excerpts, specs, withdrawn, safe):
    project = Project(Path("."), tuple(excerpts), {}, tuple(specs), Register(), {}, frozenset(withdrawn))
    return project, [compose(project, spec, aud, ch, safe) for spec in specs for aud in spec.audiences
                     for ch in spec.outputs]


def check(project: Project, spec_of: dict, comps, safe) -> None:
    """Assert every constraint on every composed story."""
    by_id = {e.id: e for e in project.excerpts}
    for c in comps:
        spec, story, prov = spec_of[c.story.slug], c.story, c.provenance
        ids = [q.excerpt for q in prov.quotes]
        assert len(ids) == len(set(ids)) == sum(b.excerpts for b in spec.beats), story.slug
        assert prov.contributors >= spec.contributors_needed(story.audience), story.slug
        assert max(s.share for s in prov.shares) <= spec.max_share + 1e-9, story.slug
        for q in prov.quotes:
            e = by_id[q.excerpt]
            assert e.admits(story.audience, story.channel) and e.participant not in project.withdrawn
            assert any(theme_matches(t, th) for t in e.themes for th in spec.beats[q.beat].themes)
            assert is_verbatim(q.text, q.edits, safe[q.excerpt].text)


def timed(fn):
    rank.cache_clear()  # every run starts cold: no help from the run before
    _syllables.cache_clear()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def measure(excerpts, specs, withdrawn, safe, repeat: int):
    """Time storymaker and the baseline alternately, *repeat* times each."""
    ours, base, real_pool_for = [], [], assemble.pool_for
    try:
        for _ in range(repeat):
            assemble.pool_for = real_pool_for
            seconds, (project, comps) = timed(lambda: compose_all(excerpts, specs, withdrawn, safe))
            ours.append(seconds)
            assemble.pool_for = NaivePool
            seconds, (_, naive) = timed(lambda: compose_all(excerpts, specs, withdrawn, safe))
            base.append(seconds)
    finally:
        assemble.pool_for = real_pool_for
    return ours, base, project, comps, naive


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--excerpts", type=int, default=20000)
    ap.add_argument("--participants", type=int, default=500)
    ap.add_argument("--stories", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(2026)
    excerpts, specs = make_excerpts(args.excerpts, args.participants, rng), make_specs(args.stories, rng)
    withdrawn = {f"P{i:03d}" for i in rng.sample(range(args.participants), 10)}
    safe = {e.id: Redaction(e.text) for e in excerpts}
    ours, base, project, comps, naive = measure(excerpts, specs, withdrawn, safe, args.repeat)
    check(project, {s.slug: s for s in specs}, comps, safe)
    assert [c.story for c in comps] == [c.story for c in naive], "baseline and storymaker disagree"
    report(args, excerpts, comps, ours, base)


def report(args, excerpts, comps, ours, base) -> None:
    same = sum(c.provenance.same_words_every_channel for c in comps)
    print(f"{len(excerpts)} excerpts, {args.participants} participants, {len(comps)} story versions composed; "
          f"constraints hold on all; {same} drew only on excerpts consented for every channel")
    print(f"storymaker (indexed):     median {statistics.median(ours):.3f} s over {args.repeat}")
    print(f"baseline (scan per beat): median {statistics.median(base):.3f} s over {args.repeat}")
    print(f"ratio baseline/storymaker: {statistics.median(base) / statistics.median(ours):.1f}x")


if __name__ == "__main__":
    main()
