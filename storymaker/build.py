"""build: the whole pipeline, one line per stage.

    load -> prepare (anonymise, compose) -> render video -> render web
         -> write private material -> publish gate -> swap into output/ and private/

Everything is written into temporary folders first; the publish gate scans
every file that would be published, and only a clean build replaces the
previous ``output/`` and ``private/``.
"""
from __future__ import annotations

import dataclasses
import glob
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .anonymise import gate_problems, scan_tree, write_log
from .compose import write_private, write_scripts
from .bundled import templates_dir
from .check import cross_check
from .console import Console
from .errors import AnonymisationError, InputError, OutputError
from .faults import write_problem
from .load import load_project
from .lock import build_lock
from .model import VIDEO_FORMATS, Chapter, Cue, Problem, Project, Story, VideoArtefact
from .outguard import MARKER, check_out
from .prepare import Prepared, prepare
from .staging import slot, staged_pair



@dataclass
class BuildResult:
    output: Path
    pages: list[Path] = field(default_factory=list)
    videos: list[VideoArtefact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load(root: Path) -> Project:
    project, problems = load_project(root)
    if problems:
        raise InputError(problems)
    return project


def prepared(project: Project, channels: tuple[str, ...] | None, only: str | None, site: bool = False) -> Prepared:
    problems = cross_check(project)
    if only and only not in {s.slug for s in project.stories}:
        known = ", ".join(s.slug for s in project.stories)
        problems.append(Problem("stories", 0, f"no story with slug '{only}'; known stories: {known}"))
    if problems:
        raise InputError(problems)
    prep = prepare(project, channels, only, site=site)
    if prep.problems:
        raise (AnonymisationError if prep.unreviewed else InputError)(prep.problems)
    return prep


def build(root: Path, *, web: bool = False, video: bool = False, only: str | None = None,
          out: Path | None = None, quiet: bool = True) -> BuildResult:
    """Build the project at ``root``; no flags builds what each story's ``outputs`` asks for."""
    console = Console(quiet)
    root = Path(root).resolve()
    channels = tuple(c for c, on in (("web", web), ("video", video)) if on) or None
    given = out is not None
    target = check_out(root, out if given else root / "output", f"--out {out}" if given else "output")
    project = console.stage("Loading", lambda: load(root))
    prep = console.stage("Anonymising and composing", lambda: prepared(project, channels, only, site=True))
    result = BuildResult(target, warnings=list(prep.warnings))
    partial = bool(only or channels)
    stages = {slot(target).tmp: str(target), slot(root / "private").tmp: str(root / "private")}
    try:
        with build_lock(root), staged_pair([target, root / "private"], root / ".storymaker-cache" / "swap.json",
                                           shown=[str(target), "private"], carry_over=partial) as (stage, private):
            sort_carried(stage, private)
            render_all(prep, result, stage, private, root, console)
    except OSError as exc:
        raise OutputError(write_problem(exc, stages)) from None
    result.pages = [target / Path(p).relative_to(stage) for p in result.pages]
    result.videos = [moved(v, stage, target) for v in result.videos]
    console.done(result)
    return result


OUTPUT_PARTS = ("web", "video")  # all a build publishes; private/ holds none of them


def sort_carried(stage: Path, private: Path) -> None:
    """What a partial build carried over, kept where it belongs: only web/ and video/ in the output,
    none of them in private/ (a folder given as --out may have held another project's private files)."""
    for child in sorted(stage.iterdir()):
        if child.name not in OUTPUT_PARTS and child.name != MARKER:
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    for name in OUTPUT_PARTS:
        if (private / name).is_dir() and not (private / name).is_symlink():
            shutil.rmtree(private / name)


def render_all(prep: Prepared, result: BuildResult, stage: Path, private: Path, root: Path,
               console: Console) -> None:
    """Everything a build writes, into the staging folders; the publish gate runs last."""
    result.videos = render_video(prep, stage, root, console)
    result.pages = render_web(prep, stage, root, result.videos, console) if _wants(prep, "web") else []
    console.stage("Writing private material", lambda: write_private_material(prep, private))
    console.stage("Checking every published file", lambda: publish_gate(stage, prep, result.output))


def moved(v: VideoArtefact, old: Path, new: Path) -> VideoArtefact:
    """The artefact's paths after the staging folder was swapped into place."""
    at = lambda p: new / Path(p).relative_to(old)
    return dataclasses.replace(v, mp4=at(v.mp4), vtt=at(v.vtt), srt=at(v.srt), poster=at(v.poster))


def _wants(prep: Prepared, channel: str) -> bool:
    return any(c.story.channel == channel for c in prep.compositions)


def video_files(folder: Path, audience: str, slug: str) -> list[Path]:
    """The files of one story's videos (every format): ``<slug>-16x9.mp4``, ``.vtt``, ``.chapters.vtt`` ...,
    never another story's whose slug starts the same (``rota`` is not ``rota-talk``)."""
    tokens = [f.replace(":", "x") for f in VIDEO_FORMATS]
    return sorted(p for t in tokens for p in (folder / audience).glob(f"{glob.escape(slug)}-{t}.*"))


def carried_videos(prep: Prepared, folder: Path) -> list[VideoArtefact]:
    """The videos of the last build that belong to this project's stories; every other file carried over
    into the stage goes (a story since removed, or another project's output given as --out)."""
    versions = {(s.slug, a) for s in prep.project.stories if "video" in s.outputs for a in s.audiences}
    kept = [v for v in read_manifest(folder) if (v.slug, v.audience) in versions]
    keep = {folder / "videos.json"} | {p for v in kept for p in video_files(folder, v.audience, v.slug)}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if (path.is_file() or path.is_symlink()) and path not in keep:
            path.unlink()
    if folder.is_dir() and not kept:
        shutil.rmtree(folder)  # as a full build leaves it: no video folder without videos
    elif folder.is_dir():
        write_manifest(folder, kept)
    return kept


def render_video(prep: Prepared, stage: Path, root: Path, console: Console) -> list[VideoArtefact]:
    previous = carried_videos(prep, stage / "video")
    stories = [c.story for c in prep.compositions if c.story.channel == "video"]
    if not stories:
        return previous
    from .render.video import render_videos
    from .render.video.cache import Cache
    for s in stories:  # a story's files from the last build go: a format it no longer asks for too
        for old in video_files(stage / "video", s.audience, s.slug):
            old.unlink()
    made = console.stage("Rendering videos", lambda: render_videos(
        stories, stage / "video", assets=prep.assets, store=Cache(root / ".storymaker-cache"), progress=not console.quiet))
    credits = {s.key: s.voice_credit for s in stories}
    made = [dataclasses.replace(v, voice_credit=credits.get(f"{v.audience}/{v.slug}", "")) for v in made]
    fresh = {(v.slug, v.audience) for v in made}
    videos = [v for v in previous if (v.slug, v.audience) not in fresh] + list(made)
    write_manifest(stage / "video", videos)
    return videos


def render_web(prep: Prepared, stage: Path, root: Path, videos: list[VideoArtefact], console: Console) -> list[Path]:
    from .render.web import render_site
    shutil.rmtree(stage / "web", ignore_errors=True)
    # video versions give the transcripts their passages; one whose video is carried over, its voice credit too
    stories = [c.story for c in prep.compositions] + [credited(c.story, videos) for c in prep.told]
    return console.stage("Rendering web pages", lambda: render_site(
        stories, videos, stage / "web", templates_dir=templates_dir(root, "web"),
        site_title=prep.project.title, site_description=prep.project.description,
        base_url=prep.project.base_url, font_dir=_font_dir(root), web=prep.project.web))


def credited(story: Story, videos: list[VideoArtefact]) -> Story:
    """The video version of a story with the voice credit its video was made with, if it says."""
    made = [v.voice_credit for v in videos if (v.slug, v.audience) == (story.slug, story.audience) and v.voice_credit]
    return dataclasses.replace(story, voice_credit=made[0]) if made else story


def _font_dir(root: Path) -> Path | None:
    own = root / "assets" / "fonts"
    return own if any(own.glob("*.ttf")) else None


def write_private_material(prep: Prepared, private: Path) -> None:
    write_log(prep.log, private / "anonymisation-log.csv")
    write_private(prep.compositions, private)
    write_scripts(prep.compositions, private / "scripts")


def publish_gate(stage: Path, prep: Prepared, out: Path) -> None:
    anon = prep.anonymiser
    hits = scan_tree(stage, anon.needles(), anon.permits(), anon.origins(), prep.project.root, anon.published)
    if hits:  # name each file as it would have been published, not by its staging path
        shown = [dataclasses.replace(h, path=Path(out.name) / Path(h.path).relative_to(stage)) for h in hits]
        summary = Problem("publish gate", 0, f"{len(hits)} identifier(s) found in files about to be published; nothing was published")
        raise AnonymisationError([summary] + gate_problems(shown)[:50])


def write_manifest(folder: Path, videos: list[VideoArtefact]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rel = lambda p: Path(p).relative_to(folder).as_posix()
    rows = [{"slug": v.slug, "audience": v.audience, "format": v.format, "mp4": rel(v.mp4), "vtt": rel(v.vtt),
             "srt": rel(v.srt), "poster": rel(v.poster), "duration": round(v.duration, 3),
             "chapters": [[c.title, c.start, c.end] for c in v.chapters],
             "cues": [[c.start, c.end, c.text] for c in v.cues], "voice_credit": v.voice_credit} for v in videos]
    tmp = folder / "videos.json.tmp"
    tmp.write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(folder / "videos.json")


def read_manifest(folder: Path) -> list[VideoArtefact]:
    try:
        rows = json.loads((folder / "videos.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    for r in rows:
        v = VideoArtefact(r["slug"], r["audience"], r["format"], folder / r["mp4"], folder / r["vtt"], folder / r["srt"],
                          folder / r["poster"], r["duration"], tuple(Chapter(*c) for c in r["chapters"]),
                          tuple(Cue(*c) for c in r["cues"]), str(r.get("voice_credit", "")))
        if v.mp4.is_file():
            out.append(v)
    return out
