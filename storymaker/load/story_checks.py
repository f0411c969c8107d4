"""What a story spec's own fields cannot show alone: translation links between stories, dates in
the future, a language with no catalogue of page words, and the voice that reads a story in it.

    translation_problems(specs, project_lang) -> [Problem]   # check and build refuse these
    story_warnings(project) -> [str]                          # check and build say these once
    language_voices(specs, project_lang) -> specs             # a Welsh story gets a Welsh voice

Each names the file and the field's own line. The clock is read for the future-date warning
only, never for anything published.
"""
from __future__ import annotations

import dataclasses
import difflib
from typing import Iterable

from ..model import Problem, Project
from ..storyspec import StorySpec
from .story_dates import future_warning


def primary(tag: str) -> str:
    return tag.split("-")[0].lower()


def _at(spec: StorySpec, key: str) -> int:
    return spec.lines.get(key) or spec.line or 1


def _translation_problem(spec: StorySpec, by_slug: dict[str, StorySpec], lang: str) -> str:
    name = spec.translation_of
    if name == spec.slug:
        return "'translation_of' names this story itself: name the story this one translates, or remove it"
    original = by_slug.get(name)
    if original is None:
        close = difflib.get_close_matches(name, sorted(by_slug), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "name a story's slug (its file name without .story.yaml)"
        return f"'translation_of' names '{name}', which is not a story: {hint}"
    if original.translation_of:
        return (f"'translation_of' names '{name}', which is itself a translation (of '{original.translation_of}'): "
                f"name the original, translation_of: {original.translation_of}")
    theirs = original.lang or lang
    if primary(theirs) == primary(spec.lang or lang):
        return (f"'translation_of' names '{name}', which is in the same language ({theirs}): set this story's lang: "
                "to the language it is written in, or remove translation_of")
    return ""


def translation_problems(specs: Iterable[StorySpec], project_lang: str) -> list[Problem]:
    """A ``translation_of`` that names no story, the story itself, a translation, or a story in the
    same language; two translations of one story into one language."""
    specs = list(specs)
    by_slug = {s.slug: s for s in specs}
    problems, seen = [], {}
    for spec in specs:
        if not spec.translation_of:
            continue
        why = _translation_problem(spec, by_slug, project_lang)
        key = (spec.translation_of, primary(spec.lang or project_lang))
        if not why and key in seen:
            why = (f"'{spec.translation_of}' already has a translation into {spec.lang or project_lang} "
                   f"('{seen[key]}'): keep one, or correct lang:")
        seen.setdefault(key, spec.slug)
        if why:
            problems.append(Problem(spec.source, _at(spec, "translation_of"), why))
    return problems


def _catalogued(project: Project, tag: str) -> bool:
    from ..i18n import wording
    return primary(tag) == "en" or wording(project.root, tag).catalogued


def language_warnings(project: Project) -> list[str]:
    """A language with no catalogue: the page's headings, key and disclosure would be English."""
    out = []
    fix = "add templates/web/locale/{tag}/LC_MESSAGES/messages.po (see README, 'Welsh and other languages'), or is that intended?"
    if not _catalogued(project, project.web.lang):
        out.append(f"stories/project.yaml: 'language' {project.web.lang} has no catalogue of page words, so every "
                   f"heading, the key and the disclosure will be in English: " + fix.format(tag=project.web.lang))
    for spec in project.stories:
        if spec.lang and not _catalogued(project, spec.lang):
            out.append(f"{spec.source}:{_at(spec, 'lang')}: 'lang' {spec.lang} has no catalogue of page words, so the "
                       "page's headings, key and disclosure will be in English: " + fix.format(tag=spec.lang))
    return out


def speaks_english(engine: str, name: str) -> bool:
    """A voice storymaker knows to be English: hibari's, piper's joe, espeak-ng's en-*."""
    return engine == "hibari" or (engine == "piper" and name == "joe") or (engine == "espeak" and name.lower().startswith("en"))


def voice_warnings(project: Project) -> list[str]:
    """A video story not in English read by an English voice: no voice installed speaks its language,
    or the one it names is English."""
    out = []
    for spec in project.stories:
        lang, video = spec.lang or project.web.lang, spec.video
        if "video" not in spec.outputs or primary(lang) == "en":
            continue
        if not video.voice_engine:
            out.append(f"{spec.source}:{_at(spec, 'lang')}: the story is in {lang} but no voice installed here speaks "
                       "it, so the default English voice would read it: install one (storymaker voices lists them) "
                       "or set video: voice: {engine: ..., name: ...}")
        elif speaks_english(video.voice_engine, video.voice):
            named = f"{video.voice_engine} {video.voice}".strip()
            out.append(f"{spec.source}:{_at(spec, 'video')}: the story is in {lang} but its voice ({named}) speaks "
                       f"English: set video: voice: {{engine: espeak, name: {primary(lang)}}} (see storymaker voices)")
    return out


def story_warnings(project: Project) -> list[str]:
    """Future dates, languages without a catalogue or a voice: one line each."""
    dates = [future_warning(s.source, _at(s, key), key, getattr(s, key)) for s in project.stories
             for key in ("published", "updated") if key in s.lines]
    return [w for w in dates if w] + language_warnings(project) + voice_warnings(project)


def language_voices(specs: Iterable[StorySpec], project_lang: str) -> tuple[StorySpec, ...]:
    """A story in another language than English that names no voice is read by an installed voice
    that speaks it (espeak-ng's ``cy`` for Welsh), not by the English default."""
    from ..assets.espeak import espeak_voices
    out = []
    for spec in specs:
        lang = spec.lang or project_lang
        if "video" in spec.outputs and primary(lang) != "en" and not spec.video.voice_engine:
            codes = [code for code, _name, _file in espeak_voices() if code.lower() in (lang.lower(), primary(lang))]
            if codes:
                spec = dataclasses.replace(spec, video=dataclasses.replace(spec.video, voice_engine="espeak", voice=codes[0]))
        out.append(spec)
    return tuple(out)
