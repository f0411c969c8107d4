"""Video themes found and resolved: ``templates/video/<theme>/theme.yaml`` read into typed
settings (:mod:`parse`), its font and logo files found. Renderers receive the :class:`Theme`
and never look for a file themselves.

Fonts resolve relative to the theme folder, then the project's ``assets/fonts/``, then
``/usr/share/fonts/truetype/`` (searched by file name); a logo beside the theme, then in
``assets/images/``. A font is checked to be a TrueType/OpenType file by its signature here,
without loading a font engine (so ``storymaker check`` stays light); the renderer loads it.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import RenderError
from ..model import Problem
from .parse import parse_theme
from .settings import Boxes, ThemeSettings

SYSTEM_FONTS = Path("/usr/share/fonts/truetype")
FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")  # TrueType, CFF OpenType, Apple, collection


@dataclass(frozen=True)
class Theme:
    name: str
    folder: Path
    settings: ThemeSettings = field(repr=False, hash=False, compare=False)
    fonts: dict[str, Path] = field(repr=False, hash=False, compare=False)
    logo: Path | None
    digest: str  # changes whenever the theme file, a font or the logo changes

    def box(self, fmt: str, name: str) -> tuple[float, float, float, float]:
        value = getattr(self.settings.boxes(fmt), name)
        if value is None:
            raise RenderError(Problem(str(self.folder / "theme.yaml"), 0,
                                      f"formats.{fmt}.{name} must be [x, y, width, height] fractions; add it to the theme"))
        return value


def theme_folder(templates_dir: Path, name: str) -> Path:
    """``templates_dir`` may be ``templates/`` or ``templates/video/``: accept both."""
    for candidate in (templates_dir / name, templates_dir / "video" / name):
        if (candidate / "theme.yaml").is_file():
            return candidate
    raise RenderError(Problem(str(templates_dir / name / "theme.yaml"), 0,
                              f"video theme {name!r} not found; create it or set video: theme: default"))


def load_theme(templates_dir: Path, name: str, project_root: Path) -> Theme:
    """The theme, its settings checked and its files found; every problem at once as a RenderError."""
    folder = theme_folder(templates_dir, name)
    path = folder / "theme.yaml"
    try:
        settings, problems = parse_theme(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RenderError(Problem(str(path), mark.line + 1 if mark else 0,
                                  f"cannot read the theme ({exc.__class__.__name__}); fix the YAML")) from None
    if problems:
        raise RenderError(problems)
    fonts = {}
    for role, file in dataclasses.asdict(settings.fonts).items():
        if not file:
            raise RenderError(Problem(str(path), 0, f"fonts.{role} is missing; name a font file for every role "
                                      f"({', '.join(dataclasses.asdict(settings.fonts))})"))
        fonts[role] = resolve_font(file, folder, project_root, path)
    logo = _resolve_logo(folder, project_root, settings.logo.file, path) if settings.logo.file else None
    digest = _digest([path, *fonts.values(), *([logo] if logo else [])])
    return Theme(name, folder, settings, fonts, logo, digest)


def resolve_font(file: str, folder: Path, project_root: Path, theme_path: Path) -> Path:
    for candidate in (folder / file, project_root / "assets" / "fonts" / file):
        if candidate.is_file():
            return _check_font(candidate, theme_path)
    found = _system_font(Path(file).name)
    if found:
        return _check_font(found, theme_path)
    raise RenderError(Problem(str(theme_path), 0, f"font {file!r} not found in the theme folder, assets/fonts/ or "
                              f"{SYSTEM_FONTS}; install it (e.g. apt-get install fonts-open-sans) or fix fonts: in the theme"))


@lru_cache(maxsize=64)
def _system_font(name: str) -> Path | None:
    return next(iter(sorted(SYSTEM_FONTS.rglob(name))), None) if SYSTEM_FONTS.is_dir() else None


def _check_font(path: Path, theme_path: Path) -> Path:
    with open(path, "rb") as f:
        head = f.read(12)
    if len(head) < 12 or head[:4] not in FONT_SIGNATURES:
        raise RenderError(Problem(str(path), 0, f"font file is not a readable TrueType/OpenType font (named in {theme_path}); "
                                  "replace it"))
    return path


def _resolve_logo(folder: Path, project_root: Path, name: str, theme_path: Path) -> Path:
    for candidate in (folder / name, project_root / "assets" / "images" / name):
        if candidate.is_file():
            return candidate
    raise RenderError(Problem(str(theme_path), 0, f"logo {name!r} not found beside the theme; add it or remove logo: file"))


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p.name).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


__all__ = ["Boxes", "Theme", "ThemeSettings", "load_theme", "resolve_font", "theme_folder"]
