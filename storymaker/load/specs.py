"""Read story specs (``stories/<slug>.story.yaml``) into :class:`StorySpec` values."""
from __future__ import annotations

import difflib
import re
from dataclasses import MISSING
from pathlib import Path

from ..model import Problem
from ..storyspec import Beat, StorySpec, VideoSpec, default_of, spec_keys
from .excerpts import split_list
from .story_dates import epoch_problem, fallback_date, fallback_source, read_date, read_lang, read_prompts
from .yamlio import LineDict, item_line, key_line_of, line_of, read_yaml

SUFFIX = ".story.yaml"
SUFFIXES = (SUFFIX, ".story.yml")  # .yml works too; the slug is the name before either
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STORY_KEYS = set(spec_keys(StorySpec)) | {"audiences"}  # audiences: [staff, community] reads better for two
BEAT_KEYS = set(spec_keys(Beat))
VIDEO_KEYS = set(spec_keys(VideoSpec))


class _Fields:
    """Collects problems while reading typed fields from one mapping."""

    def __init__(self, rel: str, data: LineDict, what: str):
        self.rel, self.data, self.what = rel, data, what
        self.line = line_of(data, 1)
        self.lead = "" if what == "story" else f"{what}: "  # the file says which story; a beat's number helps
        self.problems: list[Problem] = []

    def problem(self, message: str, key: str = "") -> None:
        """A problem at ``key``'s own line (the mapping's when no key, or the key is not there)."""
        message = message.removeprefix("story: ") if self.what == "story" else message  # callers' own wording
        self.problems.append(Problem(self.rel, key_line_of(self.data, key, self.line) if key else self.line, message))

    def at(self, key: str):
        """``problem`` for one key, for the readers that take a callback."""
        return lambda message: self.problem(message, key)

    def unknown(self, allowed: set[str]) -> None:
        for key in sorted(set(map(str, self.data)) - allowed):
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; known fields: {', '.join(sorted(allowed))}"
            self.problem(self.lead + f"unknown field '{key}'{hint}", key)

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(self.lead + f"missing '{key}'")
            return ""
        if not isinstance(value, (str, int, float)):
            self.problem(self.lead + f"'{key}' must be text", key)
            return ""
        return str(value).strip()

    def number(self, cls: type, key: str, kind: type, default: object = MISSING):
        """A number in the range the spec type gives ``key``, else its default (or ``default``)."""
        meta = spec_keys(cls)[key].metadata
        default = default_of(cls, key) if default is MISSING else default
        low, high = meta["low"], meta["high"]
        value = self.data.get(key, default)
        if value is None or value == default:
            return default
        try:
            number = kind(value)
        except (TypeError, ValueError):
            number = None
        if number is None or isinstance(value, bool) or not low <= number <= high:
            self.problem(self.lead + f"'{key}' must be a {'whole ' if kind is int else ''}number from {low} to {high}, not {value!r}", key)
            return default
        return number

    def choices(self, cls: type, key: str, as_key: str = "", required: bool = False) -> tuple[str, ...]:
        """One or more of the values the spec type allows ``key``, else its default."""
        allowed, default = spec_keys(cls)[key].metadata["choices"], default_of(cls, key)
        default = () if default is MISSING else (default,) if isinstance(default, str) else default
        key = as_key or key
        if key not in self.data:
            if required:
                self.problem(self.lead + f"missing '{key}' (one or more of {', '.join(allowed)})")
            return default
        values = [v.lower() if v.lower() in allowed else v for v in split_list(self.data.get(key))]
        bad = [v for v in values if v not in allowed]
        if bad or not values:
            self.problem(self.lead + f"'{key}' must be one or more of {', '.join(allowed)}, not {', '.join(bad) or '(empty)'}", key)
            return default
        return tuple(dict.fromkeys(values))

    def ids(self, key: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """A list of excerpt ids, each with its line; repeats and non-text items are problems."""
        value = self.data.get(key)
        if value is None:
            return (), ()
        items = value if isinstance(value, list) else [value]
        ids, lines = [], []
        for i, item in enumerate(items):
            line = item_line(value, i, line_of(value, key_line_of(self.data, key, self.line)))
            eid = str(item).strip() if isinstance(item, (str, int)) and not isinstance(item, bool) else ""
            if not eid:
                self.problems.append(Problem(self.rel, line, self.lead + f"'{key}' must be a list of excerpt ids, e.g. [S-P01-02]"))
            elif eid in ids:
                self.problems.append(Problem(self.rel, line, self.lead + f"excerpt {eid} is listed twice in '{key}'"))
            else:
                ids.append(eid)
                lines.append(line)
        return tuple(ids), tuple(lines)

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) and v.strip() for v in items):
            self.problem(self.lead + f"'{key}' must be a list of short facts, e.g. [\"cares for her mum\"]", key)
            return ()
        return tuple(v.strip() for v in items)


def _excerpts_wanted(f: _Fields, pins: tuple[str, ...], order: str) -> int:
    """How many quotes a beat draws: given, or as many as its pins (at least the default unless fixed)."""
    given = "excerpts" in f.data and f.data["excerpts"] is not None
    count = f.number(Beat, "excerpts", int, default=None) if given else None
    if order == "fixed":
        if not pins:
            f.problem(f"{f.what}: the story has order: fixed, so every beat needs a 'pin:' list of excerpt ids")
        elif count is not None and count != len(pins):
            f.problem(f"{f.what}: order: fixed uses exactly the {len(pins)} pinned quotes; remove 'excerpts: {count}'")
        return len(pins) or 1
    if count is not None and count < len(pins):
        f.problem(f"{f.what}: {len(pins)} quotes are pinned but 'excerpts' is {count}; raise excerpts or unpin some")
    return count if count is not None else max(default_of(Beat, "excerpts"), len(pins))


def _beat(rel: str, data: object, index: int, line: int, order: str = "auto") -> tuple[Beat | None, list[Problem]]:
    if not isinstance(data, LineDict):
        return None, [Problem(rel, line, f"beat {index + 1}: must be a mapping with heading and themes")]
    f = _Fields(rel, data, f"beat {index + 1}")
    f.unknown(BEAT_KEYS)
    heading = f.text("heading", required=True)
    themes = split_list(data.get("themes")) if not isinstance(data.get("themes"), dict) else []
    if not themes:
        f.problem(f"beat {index + 1}: missing 'themes' (codebook tags, as a list)" if "themes" not in data else
                  f"beat {index + 1}: 'themes' must be a list of codebook tags, e.g. [staff.care]", "themes")
    pins, pin_lines = f.ids("pin")
    exclude, _lines = f.ids("exclude")
    for eid in sorted(set(pins) & set(exclude)):
        f.problem(f"beat {index + 1}: excerpt {eid} is both pinned and excluded; keep it in one list")
    beat = Beat(heading=heading, themes=tuple(themes), intro=f.text("intro"), outro=f.text("outro"),
                excerpts=_excerpts_wanted(f, pins, order), image=f.text("image"),
                image_alt=f.text("image_alt"), line=f.line, pin=pins, exclude=exclude, pin_lines=pin_lines,
                discuss=read_prompts(data.get("discuss"), f.at("discuss"), f"beat {index + 1}"), lines=dict(data.key_lines))
    return (None if f.problems else beat), f.problems


def _video(rel: str, data: object, line: int) -> tuple[VideoSpec, list[Problem]]:
    if data is None:
        return VideoSpec(), []
    if not isinstance(data, LineDict):
        return VideoSpec(), [Problem(rel, line, "video: must be a mapping (formats, voice, music, theme)")]
    f = _Fields(rel, data, "video")
    f.unknown(VIDEO_KEYS)
    formats = f.choices(VideoSpec, "formats")
    voice = data.get("voice")
    engine, name = "", ""  # no engine named: the best one installed (see assets/voice.py)
    if isinstance(voice, dict):
        engine = str(voice.get("engine") or "").strip().lower()
        name = str(voice.get("name") or "").strip()
    elif isinstance(voice, str) and voice.strip():
        engine = voice.strip().lower()
    elif voice is not None:
        f.problem("video: 'voice' must be an engine name or a mapping {engine, name}", "voice")
    spec = VideoSpec(formats=formats, voice_engine=engine, voice=name, music=f.text("music"),
                     music_licence=f.text("music_licence"), theme=f.text("theme") or default_of(VideoSpec, "theme"),
                     fps=f.number(VideoSpec, "fps", int))
    return spec, f.problems


def read_spec(path: Path, rel: str) -> tuple[StorySpec | None, list[Problem]]:
    slug = next(path.name[: -len(s)] for s in SUFFIXES if path.name.endswith(s))
    data, problems = read_yaml(path, rel)
    if problems:
        return None, problems
    if not isinstance(data, LineDict):
        return None, [Problem(rel, 1, "a story spec must be a mapping with title, audience, narrator and beats")]
    f = _Fields(rel, data, "story")
    if not SLUG.match(slug):
        f.problem(f"file name gives the slug {slug!r}: rename it to lowercase letters, digits and hyphens, e.g. my-story{SUFFIX}")
    f.unknown(STORY_KEYS)
    key = "audiences" if "audiences" in data else "audience"
    audiences = f.choices(StorySpec, "audience", key, required=True)
    order = f.choices(StorySpec, "order")[0]
    exclude, _lines = f.ids("exclude")
    beats = _beats(f, data.get("beats"), order)
    f.problems += _pin_clashes(rel, beats, exclude)
    video, more = _video(rel, data.get("video"), key_line_of(data, "video", f.line))
    f.problems += more
    spec = StorySpec(
        slug=slug, title=f.text("title", required=True), audiences=audiences,
        narrator=f.text("narrator", required=True), beats=tuple(beats),
        outputs=f.choices(StorySpec, "outputs"),
        min_contributors=f.number(StorySpec, "min_contributors", int),
        max_share=f.number(StorySpec, "max_share", float),
        target_words=f.number(StorySpec, "target_words", int),
        seed=f.number(StorySpec, "seed", int), summary=f.text("summary"),
        video=video, source=rel, line=1, exclude=exclude, order=order, persona=f.texts("persona"),
        lang=read_lang(data.get("lang"), f.at("lang")),
        published=read_date(data.get("published"), "published", f.at("published")) or fallback_date(path),
        updated=read_date(data.get("updated"), "updated", f.at("updated")),
        translation_of=f.text("translation_of"), lines=dict(data.key_lines),
    )
    _date_problems(f, spec, bool(data.get("published")))
    return (None if f.problems else spec), f.problems


def _date_problems(f: _Fields, spec: StorySpec, given: bool) -> None:
    """A date the story cannot take from SOURCE_DATE_EPOCH; 'updated' before 'published'."""
    if not given and (why := epoch_problem()):
        f.problem(why)
    if spec.updated and spec.updated < spec.published and not given:
        f.problem(f"'updated' ({spec.updated}) is before 'published', which is not set, so it is {fallback_source()} "
                  f"({spec.published}): add published: YYYY-MM-DD (the date it was first published)", "updated")
    elif spec.updated and spec.updated < spec.published:
        f.problem(f"'updated' ({spec.updated}) is before 'published' ({spec.published}): correct one of them", "updated")


def _beats(f: _Fields, beats_data: object, order: str) -> list[Beat]:
    beats: list[Beat] = []
    if not isinstance(beats_data, list) or not beats_data:
        f.problem("'beats' must be a non-empty list", "beats")
        return beats
    for i, item in enumerate(beats_data):
        beat, more = _beat(f.rel, item, i, item_line(beats_data, i, f.line), order)
        f.problems += more
        if beat:
            beats.append(beat)
    return beats


def _pin_clashes(rel: str, beats: list[Beat], exclude: tuple[str, ...]) -> list[Problem]:
    """A quote pinned twice, or pinned and excluded from the whole story."""
    problems, first = [], {}
    for i, beat in enumerate(beats):
        for eid, line in zip(beat.pin, beat.pin_lines):
            if eid in exclude:
                problems.append(Problem(rel, line, f"beat '{beat.heading}': pin {eid} is excluded from the whole story "
                                        "(story 'exclude:'); keep it in one list"))
            elif eid in first:
                problems.append(Problem(rel, line, f"beat '{beat.heading}': pin {eid} is already used in beat "
                                        f"'{beats[first[eid]].heading}'; a quote appears once per story"))
            first.setdefault(eid, i)
    return problems


def read_specs(folder: Path, root: Path) -> tuple[list[StorySpec], list[Problem]]:
    specs: list[StorySpec] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in sorted(p for suffix in SUFFIXES for p in folder.glob("*" + suffix)):
        rel = path.relative_to(root).as_posix()
        spec, more = read_spec(path, rel)
        problems += more
        if spec and spec.slug in seen:
            problems.append(Problem(rel, 1, f"two specs give the slug '{spec.slug}' ({seen[spec.slug]} too): keep one"))
        elif spec:
            seen[spec.slug] = rel
            specs.append(spec)
    return specs, problems
