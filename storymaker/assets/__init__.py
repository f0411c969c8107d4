"""Assets: the files a video is made from, found and checked before anything renders.

    theme.py      templates/video/<theme>/theme.yaml -> Theme (typed settings, font and logo files)
    settings.py   every theme key: type, default, one line of meaning   parse.py  YAML -> settings, path:line
    table.py      the README's table of theme keys, made from settings.py
    voice.py      a story's voice -> Voice (engine, name, file or folder)   installed.py  which engines are here
    espeak.py     espeak-ng's voices                                   voice_list.py  `storymaker voices`

The prepare stage resolves a story's assets into a :class:`VideoAssets`; the video renderer
gets those values and never looks for a file in the project itself. Nothing here imports a
renderer or an engine, so ``storymaker check`` stays light.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..bundled import templates_dir
from ..i18n import Language, wording
from ..model import VideoSpec
from .theme import Theme, load_theme
from .voice import Voice, resolve_voice


@dataclass(frozen=True)
class VideoAssets:
    """Everything a story's video is made from besides the story: resolved values, absolute paths."""

    theme: Theme
    voice: Voice
    music: Path | None = None
    words: Language | None = None  # the catalogue the cards are worded from (the project's templates/web/ first)


def video_assets(spec: VideoSpec, project_root: Path, theme: Theme | None = None,
                 lang: str | None = None) -> VideoAssets:
    """A story's theme, voice, music and wording; raises the project's own errors with what to fix."""
    root = Path(project_root)
    theme = theme or load_theme(templates_dir(root, "video"), spec.theme, root)
    music = root / spec.music if spec.music else None
    return VideoAssets(theme, resolve_voice(spec, root, theme.settings.narration), music,
                       wording(root, lang) if lang else None)
