"""Factories for the compose tests: Projects, specs and safe texts built directly.

(Imported by tests/test_compose_*.py; the loader is not needed to test compose.)
"""
from __future__ import annotations

import random
from pathlib import Path

from storymaker.model import Beat, Excerpt, Project, Redaction, Register, Replacement, StorySpec

SENTENCES = (
    "Our manager sat down with me and asked how I was really doing.",
    "We stopped counting calls and started counting the people we had helped.",
    "It made a difference to how I felt about coming in each morning.",
    "Nobody had ever asked me that before, not in twenty years.",
    "The team shared the load when someone was struggling at home.",
    "I was allowed to take the time a person needed, not the time the system allowed.",
    "We changed the form so it asked what mattered to the person.",
    "That was the first time the risk felt shared rather than mine alone.",
    "I could finally breathe at work.",
    "The new tablet meant I could look at her while we talked, not at a screen.",
)


def text_for(rng: random.Random, sentences: int = 2) -> str:
    return " ".join(rng.sample(SENTENCES, sentences))


def excerpt(id: str, participant: str, text: str = "", themes=("care",), audience: str = "both",
            consent=("web", "video"), sensitive: bool = False, line: int = 0) -> Excerpt:
    words = text or f"{SENTENCES[hash(id) % 3]} I said so in interview {id}."
    return Excerpt(id, participant, words, tuple(themes), audience, frozenset(consent),
                   sensitive=sensitive, source="stories/excerpts/test.csv", line=line)


def corpus(participants: int = 6, each: int = 3, themes=("care", "targets"), seed: int = 1, **kw) -> list[Excerpt]:
    """*each* excerpts per participant per theme, with seeded texts."""
    rng = random.Random(seed)
    out = []
    for p in range(1, participants + 1):
        for theme in themes:
            for k in range(each):
                eid = f"P{p:02d}-{theme}-{k}"
                out.append(excerpt(eid, f"P{p:02d}", f"{text_for(rng)} ({eid})", (theme,), **kw))
    return out


def beat(heading: str, themes=("care",), excerpts: int = 2, intro: str = "", outro: str = "", line: int = 0) -> Beat:
    return Beat(heading, tuple(themes), intro, outro, excerpts, "", line)


def spec(beats=None, slug: str = "kind-manager", audiences=("staff", "community"), **kw) -> StorySpec:
    beats = beats or (beat("Being asked", ("care",), 2, "It started with a question.", line=4),
                      beat("When the targets stopped", ("targets",), 2, "Then the targets went.", line=9))
    kw.setdefault("source", "stories/kind-manager.yaml")
    kw.setdefault("line", 1)
    return StorySpec(slug, "A manager who asked", tuple(audiences), "Sam, a support worker", tuple(beats), **kw)


def project(excerpts, stories=(), glossary=None, withdrawn=()) -> Project:
    return Project(Path("/tmp/project"), tuple(excerpts), {}, tuple(stories), Register(),
                   dict(glossary or {}), frozenset(withdrawn))


def safe_for(excerpts) -> dict[str, Redaction]:
    """Safe texts equal to the originals (nothing to anonymise)."""
    return {e.id: Redaction(e.text) for e in excerpts}


def redacted(text: str, original: str, replacement: str, kind: str = "person") -> Redaction:
    """The Redaction of *text* where *original* was replaced by *replacement*."""
    start = text.index(original)
    safe = text.replace(original, replacement, 1)
    return Redaction(safe, (Replacement(start, start + len(original), original, replacement, kind, "register: people"),))
