"""A story spec (``stories/<slug>.story.yaml``) as typed, frozen settings: the one place that gives
each key its default, its allowed values and a one-line doc.

:mod:`storymaker.load.specs` validates a spec file against these fields (once, with
``path:line`` problems); the README's table of keys is :func:`key_table` (a test compares them).
A field without ``doc`` metadata is filled in by the loader, not written by the user.
"""
from __future__ import annotations

from dataclasses import MISSING, Field, dataclass, field, fields

AUDIENCES = ("staff", "community")
CHANNELS = ("web", "video")
ORDERS = ("auto", "fixed")  # story order: pins then chosen quotes, or exactly the pins
VIDEO_FORMATS = {"16:9": (1920, 1080), "1:1": (1080, 1080), "4:5": (1080, 1350), "9:16": (1080, 1920)}
REQUIRED = "required"


def key(default: object = MISSING, doc: str = "", *, shown: str = "", low: float | None = None,
        high: float | None = None, choices: tuple[str, ...] = (), name: str = "", factory: object = MISSING) -> Field:
    """A spec key: its default, what it does, and its range or allowed values; ``shown`` is the
    default as the README says it, ``name`` the YAML key when it differs from the field."""
    meta = {"doc": doc, "shown": shown, "low": low, "high": high, "choices": choices, "name": name}
    if factory is not MISSING:
        return field(default_factory=factory, metadata=meta)  # type: ignore[arg-type]
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Beat:
    heading: str = key(doc="the beat's heading (a chapter of the video)", shown=REQUIRED)
    themes: tuple[str, ...] = key(doc="codebook tags; an excerpt with one of them (or a dotted child) fits", shown=REQUIRED)
    intro: str = key("", "authored linking text before the quotes, never a quote")
    outro: str = key("", "authored linking text after the quotes")
    excerpts: int = key(2, "how many quotes the beat draws (at least as many as its pins)", low=1, high=20)
    image: str = key("", "an image inside the project, shown with a slow zoom")
    line: int = 0
    image_alt: str = key("", "what the image shows, for screen readers")
    pin: tuple[str, ...] = key((), "excerpt ids used first, in this order (the editor's choice)")
    exclude: tuple[str, ...] = key((), "excerpt ids never used in this beat")
    pin_lines: tuple[int, ...] = ()  # the line of each pin, for problems
    discuss: tuple[str, ...] = key((), "discussion prompts for a printed handout")
    lines: dict = field(default_factory=dict, compare=False, repr=False)  # each key's line in the file, for messages


@dataclass(frozen=True)
class VideoSpec:
    formats: tuple[str, ...] = key(("16:9",), "one or more of " + ", ".join(VIDEO_FORMATS), choices=tuple(VIDEO_FORMATS))
    voice_engine: str = key("", "an engine (hibari, espeak, piper, recorded) or {engine, name}", name="voice",
                            shown="the best installed: hibari, else espeak; espeak's voice for a story's language (cy) if not English")
    voice: str = ""  # the engine's voice name, model path or recordings folder (voice: {name: ...})
    music: str = key("", "background music inside the project, ducked under the narration")
    music_licence: str = key("", "the music's licence, credited with the video")
    theme: str = key("default", "a folder under templates/video/")
    fps: int = key(25, "frames per second", low=1, high=60)


@dataclass(frozen=True)
class StorySpec:
    slug: str  # the file name without .story.yaml
    title: str = key(doc="the story's title", shown=REQUIRED)
    audiences: tuple[str, ...] = key(doc="staff, community, or both as a list: one version each", name="audience",
                                     shown=REQUIRED, choices=AUDIENCES)
    narrator: str = key(doc="who tells it: a composite character", shown=REQUIRED)
    beats: tuple[Beat, ...] = key(doc="the story's parts, in order (beat keys below)", shown=REQUIRED)
    outputs: tuple[str, ...] = key(CHANNELS, "web, video or both", choices=CHANNELS)
    min_contributors: int | None = key(None, "fewest different participants quoted", low=1, high=1000,
                                       shown="4 for staff, 3 for community")
    max_share: float = key(0.4, "the largest share of the quoted words one participant may supply",
                           low=0.01, high=1.0)
    target_words: int | None = key(None, "about how many quoted words; longer quotes are cut at a sentence",
                                   low=10, high=100000, shown="no limit")
    seed: int = key(0, "change it for a different (still valid) selection", low=0, high=2**31)
    summary: str = key("", "one or two sentences shown with the story and in link previews")
    video: VideoSpec = key(doc="the video's settings (video keys below)", factory=VideoSpec, shown="see below")
    source: str = ""
    line: int = 0
    exclude: tuple[str, ...] = key((), "excerpt ids never used anywhere in this story")
    order: str = key("auto", "auto: pins first, then chosen quotes; fixed: exactly the pins", choices=ORDERS)
    persona: tuple[str, ...] = key((), "facts about the narrator, checked against the quotes")
    lang: str = key("", "a BCP 47 language tag such as cy", shown="the project's language")
    published: str = key("", "the date first published (YYYY-MM-DD)",
                         shown="SOURCE_DATE_EPOCH's date, else the file's modification date")
    updated: str = key("", "the date of the last real change (YYYY-MM-DD)")
    translation_of: str = key("", "the slug of the story this one translates (language links)")
    lines: dict = field(default_factory=dict, compare=False, repr=False)  # each key's line in the file, for messages

    def contributors_needed(self, audience: str) -> int:
        if self.min_contributors is not None:
            return self.min_contributors
        return 4 if audience == "staff" else 3


def spec_keys(cls: type) -> dict[str, Field]:
    """The user's keys of a spec type, by their YAML name."""
    return {f.metadata.get("name") or f.name: f for f in fields(cls) if f.metadata.get("doc")}


def default_of(cls: type, name: str) -> object:
    f = spec_keys(cls)[name]
    return f.default_factory() if f.default_factory is not MISSING else f.default


def _shown(f: Field) -> str:
    if f.metadata["shown"]:
        return f.metadata["shown"]
    value = f.default
    if isinstance(value, tuple):
        return f"[{', '.join(value)}]" if value else "none"
    return f"`{value}`" if value not in ("", None) else "none"


def key_table() -> str:
    """The README's table of story spec keys, made from the fields above."""
    rows = ["| key | default | what it does |", "| --- | --- | --- |"]
    for prefix, cls in (("", StorySpec), ("beats[].", Beat), ("video.", VideoSpec)):
        for name, f in spec_keys(cls).items():
            rows.append(f"| `{prefix}{name}` | {_shown(f)} | {f.metadata['doc']} |")
    return "\n".join(rows) + "\n"
