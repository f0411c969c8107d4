"""prepare: from a loaded Project to composed, anonymised stories (no rendering).

    anonymise every publishable excerpt  -> safe texts, log entries, flags
    anonymise the specs' own text        -> titles, narrators, intros made safe too
    compose each story per audience and channel -> Compositions (Story + provenance)

    resolve each video story's assets      -> theme, voice and music as values (storymaker/assets/)

Flags (unreviewed identifiers) and unmet constraints become Problems; nothing
here writes files or loads a renderer. ``storymaker check`` stops after this; ``build``
renders, from the compositions and the resolved assets only.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import urlsplit

from .anonymise import Anonymiser, LogEntry
from .assets import VideoAssets, video_assets
from .assets.theme import Theme, load_theme
from .assets.voice import check_voice, describe_voice
from .bundled import templates_dir
from .anonymise.gate import short_entry_warnings
from .anonymise.decisions import excerpt_where, field_where, flag_id, orphans, project_where
from .anonymise.narrator import NarratorCheck
from .anonymise.preflight import source_problems
from .anonymise.problems import flag_message
from .compose import Composition, compose
from .compose.explain import explain
from .compose.language import primary
from .compose.pins import pin_problems
from .errors import ComposeError, StorymakerError
from .load.settings import sharing_warnings
from .load.story_checks import story_warnings
from .model import Excerpt, FlaggedText, Problem, Project, Redaction, StorySpec
from .paths import IMAGE_TYPES, confined
from .videocheck import video_problems


@dataclass
class Prepared:
    project: Project
    anonymiser: Anonymiser
    safe: dict[str, Redaction] = field(default_factory=dict)
    log: list[LogEntry] = field(default_factory=list)
    compositions: list[Composition] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unreviewed: int = 0  # how many of the problems are anonymisation flags
    loaded: Project | None = None  # the project as loaded: every excerpt, for pins that break a rule
    flagged: list[FlaggedText] = field(default_factory=list)  # the flags themselves, for check --json and tools
    assets: dict[str, VideoAssets] = field(default_factory=dict)  # each video story's theme, voice and music, by slug
    told: list[Composition] = field(default_factory=list)  # video versions of pages whose video is carried over


def publishable(e: Excerpt, project: Project) -> bool:
    return bool(e.consent) and not e.sensitive and e.participant not in project.withdrawn


def _add_flags(prep: Prepared, red: Redaction, text: str, path: str, line: int, where: str, what: str,
               **site: str) -> None:
    for flag in red.flags:
        message = flag_message(flag, text, what, where)
        prep.flagged.append(FlaggedText(flag_id(where, flag.token, flag.context), path, line, where, text, flag,
                                        message, **site))
        prep.problems.append(Problem(path, line, message))
    prep.unreviewed += len(red.flags)


def _log(red: Redaction, where: str) -> list[LogEntry]:
    return [LogEntry(where=where, original=r.original, replacement=r.replacement, kind=r.kind, reason=r.reason)
            for r in red.replacements]


def anonymise_excerpts(prep: Prepared) -> None:
    excerpts = [e for e in prep.project.excerpts if publishable(e, prep.project)]
    wheres = [excerpt_where(e.id) for e in excerpts]
    # the same answers as one by one, in reading order; a large project's detection runs in worker processes
    redactions = prep.anonymiser.anonymise_many([e.text for e in excerpts], wheres=wheres)
    for e, where, red in zip(excerpts, wheres, redactions):
        prep.safe[e.id] = red
        prep.log += _log(red, f"{e.source}:{e.line} ({e.id})")
        _add_flags(prep, red, e.text, e.source, e.line, where, f"excerpt {e.id}", excerpt=e.id)


def project_anonymiser(project: Project) -> Anonymiser:
    """The project's anonymiser: its register and decisions, and the site's own addresses
    (``base_url``, the contact and accessibility-statement links) allowed with every page under
    them, so a summary that links to the site itself is not an identifier (web-test #42)."""
    own = {u for u in (project.base_url, project.web.contact_url, project.web.accessibility_url)
           if urlsplit(u).scheme in ("http", "https") and "." in (urlsplit(u).hostname or "")}
    register = dataclasses.replace(project.register, allow=project.register.allow | own) if own else project.register
    return Anonymiser(register, project.decisions)


def anonymise_settings(prep: Prepared) -> None:
    """The site's title and description (stories/project.yaml) are published as written: they
    are anonymised and flagged like any authored text, so a clean check means the gate passes."""
    from .load.settings import key_line
    path = prep.project.root / "stories/project.yaml"
    source = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    safe = {}
    for setting in ("title", "description"):
        text, where = getattr(prep.project, setting), project_where(setting)
        red = prep.anonymiser.anonymise(text, where=where, ask=True)  # the site's own name: never changed unasked
        line = key_line(source, setting)
        prep.log += _log(red, f"stories/project.yaml:{line} ({setting})")
        _add_flags(prep, red, text, "stories/project.yaml", line, where, f"the project {setting}", field=where)
        safe[setting] = red.text
    prep.project = dataclasses.replace(prep.project, **safe)


def _safe_text(prep: Prepared, text: str, spec: StorySpec, line: int, what: str) -> str:
    if not text:
        return text
    # the narrator is a fictional persona ("Sam, who ..."): its first name stays; registered names still go
    where = field_where(spec.slug, what)
    red = prep.anonymiser.anonymise(text, persona=what == "narrator", where=where,
                                    welsh=primary(spec.lang or prep.project.web.lang) == "cy")  # "Beth nesaf?": Welsh, however short
    prep.log += _log(red, f"{spec.source}:{line} ({what})")
    _add_flags(prep, red, text, spec.source, line, where, what, story=spec.slug, field=what)
    return red.text


def safe_spec(prep: Prepared, spec: StorySpec) -> StorySpec:
    """The spec with its own (authored) text anonymised and its image paths resolved."""
    at = lambda key: spec.lines.get(key) or spec.line  # a field's problems name its own line
    beats = []
    for n, beat in enumerate(spec.beats, start=1):
        image, problem = ("", None)
        if beat.image:
            path, problem = confined(prep.project.root, beat.image, Problem(spec.source, beat.line, ""), "image", IMAGE_TYPES)
            image = str(path) if path else ""
        beats.append(dataclasses.replace(
            beat, image=image,
            heading=_safe_text(prep, beat.heading, spec, beat.line, f"beat {n} heading"),
            intro=_safe_text(prep, beat.intro, spec, beat.line, f"beat {n} intro"),
            outro=_safe_text(prep, beat.outro, spec, beat.line, f"beat {n} outro"),
            image_alt=_safe_text(prep, beat.image_alt, spec, beat.line, f"beat {n} image description"),
            discuss=tuple(_safe_text(prep, d, spec, beat.line, f"beat {n} discussion prompt") for d in beat.discuss)))
    return dataclasses.replace(
        spec, beats=tuple(beats),
        video=dataclasses.replace(spec.video, music_licence=_safe_text(prep, spec.video.music_licence, spec, at("video"),
                                                                       "music credit")),
        title=_safe_text(prep, spec.title, spec, at("title"), "story title"),
        narrator=_safe_text(prep, spec.narrator, spec, at("narrator"), "narrator"),
        summary=_safe_text(prep, spec.summary, spec, at("summary"), "summary"))


def compose_story(prep: Prepared, spec: StorySpec, channels: Iterable[str]) -> None:
    for audience in spec.audiences:
        for channel in channels:
            credit = describe_voice(spec.video) if channel == "video" else ""
            loaded = prep.loaded or prep.project
            pins = pin_problems(loaded.excerpts, loaded.withdrawn, spec, audience, channel, prep.safe)
            if pins:  # a pin of a withdrawn or unconsented excerpt: say so, not "unknown id"
                prep.problems += pins
                continue
            try:
                comp = compose(prep.project, spec, audience, channel, prep.safe, voice_credit=credit)
            except ComposeError as exc:
                prep.problems += exc.problems
                continue
            comp = dataclasses.replace(comp, explanation=explain(loaded.excerpts, loaded.withdrawn, spec, comp, prep.safe))
            prep.compositions.append(comp)
            prep.warnings += [f"{spec.source}: {note}" for note in comp.notes]
            prep.warnings += [f"{spec.source}:{w.line}: story '{spec.slug}' ({audience}), {w}" for w in comp.warnings]


def voice_problems(prep: Prepared, spec: StorySpec) -> None:
    for message in check_voice(spec.video, prep.project.root):
        prep.problems.append(Problem(spec.source, spec.lines.get("video") or spec.line, f"video voice: {message}"))


def theme_of(spec: StorySpec, root) -> Theme | list[Problem]:
    """The story's video theme, or the problems that keep it from loading."""
    try:
        return load_theme(templates_dir(root, "video"), spec.video.theme, root)
    except StorymakerError as exc:
        return list(exc.problems)


def resolve_assets(prep: Prepared, themes: dict[str, Theme | list[Problem]]) -> None:
    """Each video story's assets, once nothing stands in the way of rendering it."""
    for comp in prep.compositions:
        theme, spec = themes.get(comp.story.slug), comp.story.video
        if comp.story.channel == "video" and isinstance(theme, Theme) and comp.story.slug not in prep.assets:
            prep.assets[comp.story.slug] = video_assets(spec, prep.project.root, theme, comp.story.lang)


def build_plan(specs: Iterable[StorySpec], wanted: tuple[str, ...] | None, only: str | None,
               site: bool) -> dict[str, tuple[list[str], bool]]:
    """Per story slug: the channels composed now, and whether its video version is wanted only for its
    page's transcript. With ``site`` (a build), once a page changes (its story or its video is made
    again), every story's page is made again, so the index, feeds, links between pages and the
    copies of the videos they show are those of a full build; ``only`` and ``wanted`` narrow the videos."""
    specs = list(specs)
    plan = {s.slug: [c for c in s.outputs if (wanted is None or c in wanted) and (not only or s.slug == only)]
            for s in specs}
    pages = site and any("web" in s.outputs and plan[s.slug] for s in specs)
    out = {}
    for spec in specs:
        chosen = plan[spec.slug]
        if pages and "web" in spec.outputs:
            chosen = [c for c in spec.outputs if c in chosen or c == "web"]
        out[spec.slug] = (chosen, site and "web" in chosen and "video" in spec.outputs and "video" not in chosen)
    return out


def compose_told(prep: Prepared, spec: StorySpec) -> None:
    """The video version of a story whose video is not made now: its page's transcript follows it.
    It is never rendered, so a version that cannot be composed is simply left out."""
    for audience in spec.audiences:
        try:
            prep.told.append(compose(prep.project, spec, audience, "video", prep.safe, voice_credit=describe_voice(spec.video)))
        except ComposeError:
            continue


def decisions_read(project: Project) -> tuple:
    """The decisions, less those about a story whose file is there but did not load: its own problem
    says why, and its decisions are not "about a story this project does not have"."""
    from .load.specs import SUFFIXES
    files = {p.name[: -len(sfx)] for sfx in SUFFIXES for p in (project.root / "stories").glob("*" + sfx)}
    unread = files - {s.slug for s in project.stories}
    return tuple(d for d in project.decisions if not any(d.where.startswith(f"story {slug},") for slug in unread))


def prepare(project: Project, channels: Iterable[str] | None = None, only: str | None = None,
            site: bool = False) -> Prepared:
    """Anonymise and compose; ``channels`` limits the outputs, ``only`` limits to one story slug
    (with ``site``, a build's: see :func:`build_plan`)."""
    prep = Prepared(project, project_anonymiser(project), loaded=project,
                    warnings=sharing_warnings(project) + short_entry_warnings(project.register)
                    + story_warnings(project))
    anonymise_excerpts(prep)
    # compose sees only excerpts that may be published and were anonymised
    prep.project = dataclasses.replace(project, excerpts=tuple(e for e in project.excerpts if e.id in prep.safe))
    anonymise_settings(prep)
    wanted = tuple(channels) if channels is not None else None
    narrators = NarratorCheck(project.excerpts, project.register) if project.stories else None
    themes: dict[str, Theme | list[Problem]] = {}
    plan = build_plan(project.stories, wanted, only, site)
    for spec in project.stories:
        chosen, told = plan[spec.slug]
        if only and spec.slug != only and not chosen:
            continue
        prep.problems += narrators.problems(spec)
        if "video" in chosen:
            voice_problems(prep, spec)
            themes[spec.slug] = theme_of(spec, project.root)
        safe = safe_spec(prep, spec)
        compose_story(prep, safe, chosen)
        if told:
            compose_told(prep, safe)
    prep.problems += video_problems(prep.compositions, {s.slug: s for s in project.stories}, themes)
    langs = {project.web.lang[:2]} | {getattr(s, "lang", "")[:2] for s in project.stories}
    prep.problems += source_problems(project.root, prep.anonymiser.needles(), prep.anonymiser.origins(), langs,
                                     [s.source for s in project.stories])
    if not only:  # decisions about texts that are not there decide nothing: say so
        prep.warnings += orphans(decisions_read(project), prep.anonymiser.wheres | {excerpt_where(e.id) for e in project.excerpts})
    prep.problems = list(dict.fromkeys(prep.problems))  # a pin's problem is the same in every version
    prep.warnings = list(dict.fromkeys(prep.warnings))  # ... and so is a coherence warning, mostly
    if not prep.problems:
        resolve_assets(prep, themes)
    return prep
