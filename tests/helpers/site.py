"""A small fictional project written fresh for the site-build tests: a harbour library's staff and
visitors, three web stories (two staff, one community), one of them with a video too."""
from __future__ import annotations

from pathlib import Path

PROJECT = """title: "Harbour Library Stories"
description: "Composite stories about a small library and the people who use it."
base_url: "https://stories.example.org/harbour/"
"""

CODEBOOK = """themes:
  welcome.first: Being welcomed on the first day.
  team.help: Colleagues helping each other.
"""

ANONYMISE = """people:
  - "Morwenna Tregear"
places:
  - "Porthgwidden"
"""

EXCERPTS = [  # id, participant, theme, text
    ("L-Q01-01", "Q01", "welcome.first", "On my first morning someone had left a note on the desk saying where the kettle was."),
    ("L-Q01-02", "Q01", "team.help", "When the returns trolley overflowed, three of us sorted it together in ten minutes."),
    ("L-Q02-01", "Q02", "welcome.first", "Nobody expected me to know the catalogue, they just sat with me until I did."),
    ("L-Q02-02", "Q02", "team.help", "If I was stuck at the counter, somebody always came over without being asked."),
    ("L-Q03-01", "Q03", "welcome.first", "I was shown round the stacks as if I had always worked there."),
    ("L-Q03-02", "Q03", "team.help", "We swapped shifts whenever a child was ill, and nobody kept score."),
    ("L-Q04-01", "Q04", "welcome.first", "The first week felt slow in the best way, with time to ask silly questions."),
    ("L-Q04-02", "Q04", "team.help", "The old hands taught us the shortcuts they had worked out over the years."),
    ("L-Q05-01", "Q05", "welcome.first", "A regular reader brought in biscuits for the new starters, which made me laugh."),
    ("L-Q05-02", "Q05", "team.help", "On the wet days we took turns at the door with the towels and the umbrellas."),
]

STORIES = {
    "the-quiet-desk": ("staff", "The quiet desk", "web", "Rhys, who shelves books on the early shift"),
    "a-chair-by-the-window": ("community", "A chair by the window", "web", "Nia, who reads the papers every morning"),
    "the-late-bus": ("staff", "The late bus", "web, video", "Tom, who locks up on a Thursday"),
}


def story_yaml(audience: str, title: str, outputs: str, narrator: str, extra: str = "") -> str:
    return (f'title: "{title}"\naudience: {audience}\nnarrator: "{narrator}"\n'
            f'summary: "What the first weeks at the library were like."\noutputs: [{outputs}]\n'
            f"min_contributors: 3\npublished: 2026-03-02\n{extra}"
            "video:\n  formats: [\"16:9\"]\n  voice: {engine: espeak, name: en-gb}\n"
            "beats:\n  - heading: \"Arriving\"\n    themes: [welcome.first]\n    excerpts: 2\n"
            "    intro: \"The first days were the ones people remembered.\"\n"
            "  - heading: \"Helping out\"\n    themes: [team.help]\n    excerpts: 2\n"
            "    intro: \"Then the work itself.\"\n")


def write_project(root: Path, stories: dict | None = None) -> Path:
    """Write the project under ``root`` (made if need be) and return ``root``."""
    s = root / "stories"
    (s / "excerpts").mkdir(parents=True, exist_ok=True)
    (s / "project.yaml").write_text(PROJECT, encoding="utf-8")
    (s / "codebook.yaml").write_text(CODEBOOK, encoding="utf-8")
    (s / "anonymise.yaml").write_text(ANONYMISE, encoding="utf-8")
    rows = ["id,participant,text,themes,audience,consent"]
    rows += [f'{i},{p},"{t}",{th},both,web;video' for i, p, th, t in EXCERPTS]
    (s / "excerpts" / "library.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    for slug, fields in (STORIES if stories is None else stories).items():
        (s / f"{slug}.story.yaml").write_text(story_yaml(*fields), encoding="utf-8")
    return root
