"""The nouns of storymaker: plain frozen dataclasses passed between stages.

Pipeline (see ARCHITECTURE.md)::

    stories/ --load--> Project --check--> Problems --anonymise--> safe excerpts
      --compose--> Story (per audience and channel) --render--> output/ (+ private/)

Renderers only ever see :class:`Story` (and :class:`VideoArtefact`), never
:class:`Excerpt`, participant ids, the register or the anonymisation log.
New values are made with :func:`dataclasses.replace`. The story spec's types (:class:`StorySpec`,
:class:`Beat`, :class:`VideoSpec`) live in :mod:`storymaker.storyspec` with their defaults and docs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .storyspec import AUDIENCES, CHANNELS, ORDERS, VIDEO_FORMATS, Beat, StorySpec, VideoSpec  # noqa: F401 (the nouns in one place)

EXCERPT_AUDIENCES = ("staff", "community", "both")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's input, printed as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Excerpt:
    """One tagged quotation from one interview."""

    id: str
    participant: str  # pseudonymous participant id, e.g. P03
    text: str
    themes: tuple[str, ...]
    audience: str  # staff | community | both
    consent: frozenset[str]  # subset of CHANNELS; empty: publish nowhere
    role: str = ""
    sector: str = ""
    stage: str = ""
    sensitive: bool = False
    source: str = ""  # file it came from, relative to the project
    line: int = 0  # line (CSV row / YAML item) in that file
    lang: str = ""  # BCP 47 tag of the language spoken; "": the project's (see compose/language.py)

    def admits(self, audience: str, channel: str) -> bool:
        return (
            not self.sensitive
            and self.audience in (audience, "both")
            and channel in self.consent
        )


@dataclass(frozen=True)
class RegisterEntry:
    """A real identifier that must never be published."""

    kind: str  # person | place | organisation | other
    value: str
    replacement: str = ""  # chosen replacement; empty: storymaker picks one
    aliases: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Register:
    entries: tuple[RegisterEntry, ...] = ()
    allow: frozenset[str] = frozenset()
    source: str = "stories/anonymise.yaml"

    def values(self) -> list[str]:
        """Every registered string (values and aliases)."""
        out: list[str] = []
        for e in self.entries:
            out.append(e.value)
            out.extend(e.aliases)
        return out


@dataclass(frozen=True)
class WebSettings:
    """The web site's settings from ``stories/project.yaml`` (besides title, description, base_url)."""

    lang: str = "en-GB"  # the project's language (BCP 47)
    share: bool = True  # the site is meant for sharing: warn when base_url is missing
    contact_url: str = ""
    accessibility_url: str = ""  # the accessibility statement
    logo: str = ""  # absolute path of a checked image inside the project, or ""
    noindex_staff: bool = False  # keep staff stories out of search engines, feeds and the sitemap
    theme_color: str = "#123b4a"


@dataclass(frozen=True)
class Project:
    root: Path
    excerpts: tuple[Excerpt, ...]
    codebook: dict[str, str]
    stories: tuple[StorySpec, ...]
    register: Register
    glossary: dict[str, str] = field(default_factory=dict)
    withdrawn: frozenset[str] = frozenset()
    title: str = "Stories"
    description: str = ""
    base_url: str = ""  # where the site will live, for absolute share links (optional)
    decisions: tuple[Decision, ...] = ()  # per-occurrence review decisions (stories/decisions.yaml)
    web: WebSettings = field(default_factory=WebSettings)


@dataclass(frozen=True)
class Span:
    """A detected identifier in a text (Presidio's RecognizerResult)."""

    start: int
    end: int
    kind: str  # person | place | organisation | other | email | phone | nhs | ni | postcode | address | date | age | unreviewed ...
    score: float = 1.0
    replacement: str = ""  # empty: remove / flag


@dataclass(frozen=True)
class Replacement:
    """One identifier the anonymiser replaced (private: goes to the log only)."""

    start: int  # offsets in the original text
    end: int
    original: str
    replacement: str  # "" when removed
    kind: str
    reason: str  # e.g. "register: people", "phone number", "gazetteer: town"


@dataclass(frozen=True)
class Flag:
    """A token nobody has reviewed yet (default deny): blocks publishing."""

    start: int
    end: int
    token: str
    kind: str  # e.g. "capitalised word", "number", "possible name"
    suggestion: str  # what the user can do, e.g. "add to people: or allow: in stories/anonymise.yaml"
    context: str = ""  # hash of the words around it (see anonymise/decisions.py): what a decision is tied to
    stale: int = 0  # line in stories/decisions.yaml of a decision made when the words around it differed


@dataclass(frozen=True)
class FlaggedText:
    """One flag where it was found: what ``storymaker check --json`` prints and review tools use."""

    id: str  # stable while the occurrence and its neighbouring words stay the same
    path: str  # the file the text is in
    line: int
    where: str  # "excerpt S-P01-09" or "story <slug>, <field>": what a decision is recorded against
    text: str  # the whole text the flag is in (offsets are into this)
    flag: Flag
    message: str  # the masked, one-line message
    excerpt: str = ""  # excerpt id, or
    story: str = ""  # story slug and
    field: str = ""  # authored field ("story title", "beat 2 intro" ...)


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision about one flagged occurrence (``stories/decisions.yaml``)."""

    where: str  # "excerpt S-P01-09" or "story <slug>, <field>" (e.g. "story x, beat 2 intro")
    text: str  # the flagged text, exactly as written
    context: str  # hash of the words around it: the decision goes stale when they change
    decision: str  # safe | person | place | organisation | other
    line: int = 0


@dataclass(frozen=True)
class Redaction:
    """The anonymiser's answer for one text."""

    text: str  # safe text
    replacements: tuple[Replacement, ...] = ()
    flags: tuple[Flag, ...] = ()


# ----- composed stories: all a renderer ever sees --------------------------------


@dataclass(frozen=True)
class StoryBeat:
    heading: str
    intro: str  # authored connective text
    quotes: tuple[str, ...]  # participants' words, anonymised, verbatim otherwise
    outro: str = ""
    image: str = ""  # absolute path of a checked image inside the project, or ""
    image_alt: str = ""
    discuss: tuple[str, ...] = ()  # discussion prompts (authored, anonymised)
    quote_langs: tuple[str, ...] = ()  # per quote: its language where it is not the story's, else ""


@dataclass(frozen=True)
class Story:
    slug: str
    audience: str  # staff | community
    channel: str  # web | video
    title: str
    narrator: str
    beats: tuple[StoryBeat, ...]
    disclosure: str  # the methods note: says it is a composite of N interviews
    contributors: int
    summary: str = ""
    video: VideoSpec = field(default_factory=VideoSpec)
    voice_credit: str = ""  # which voice narrates it (video)
    reading_ease: float | None = None
    lang: str = "en-GB"
    published: str = ""  # ISO date (YYYY-MM-DD)
    updated: str = ""  # ISO date, or empty
    translation_of: str = ""  # slug of the story this one translates

    def __post_init__(self) -> None:
        if not self.disclosure.strip() or (self.lang[:2] == "en" and "composite" not in self.disclosure.lower()):
            raise ValueError(f"story {self.slug!r} has no composite disclosure; refusing to build it")

    @property
    def key(self) -> str:
        return f"{self.audience}/{self.slug}"


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float
    end: float


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class VideoArtefact:
    """One rendered video, as the web renderer needs to know it."""

    slug: str
    audience: str
    format: str  # "16:9" etc.
    mp4: Path
    vtt: Path
    srt: Path
    poster: Path
    duration: float
    chapters: tuple[Chapter, ...] = ()
    cues: tuple[Cue, ...] = ()
    voice_credit: str = ""  # which voice narrates it, as the page's figure caption says
