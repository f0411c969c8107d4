"""Video themes: ``templates/video/<theme>/theme.yaml`` (fonts, colours, sizes, boxes, timing).

Nothing a viewer sees is hard-coded in Python: this module only reads the theme and
resolves its font and logo files. Fonts resolve relative to the theme folder, then the
project's ``assets/fonts/``, then ``/usr/share/fonts/truetype/`` (searched by file name).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from PIL import ImageFont

from ...errors import RenderError
from ...model import Problem

SYSTEM_FONTS = Path("/usr/share/fonts/truetype")


@dataclass(frozen=True)
class Theme:
    name: str
    folder: Path
    data: dict[str, Any] = field(repr=False, hash=False, compare=False)
    fonts: dict[str, Path] = field(repr=False, hash=False, compare=False)
    logo: Path | None
    digest: str  # changes whenever the theme file, a font or the logo changes

    def get(self, *keys: str, default: Any = None) -> Any:
        node: Any = self.data
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node

    def box(self, fmt: str, name: str) -> tuple[float, float, float, float]:
        value = self.get("formats", fmt, name)
        if not (isinstance(value, list) and len(value) == 4):
            raise RenderError(Problem(str(self.folder / "theme.yaml"), 0,
                                      f"formats.{fmt}.{name} must be [x, y, width, height] fractions; add it to the theme"))
        return tuple(float(v) for v in value)  # type: ignore[return-value]

    def font(self, role: str, size: int) -> ImageFont.FreeTypeFont:
        return _load_font(str(self.fonts[role]), max(8, int(size)))


def theme_folder(templates_dir: Path, name: str) -> Path:
    """``templates_dir`` may be ``templates/`` or ``templates/video/``: accept both."""
    for candidate in (templates_dir / name, templates_dir / "video" / name):
        if (candidate / "theme.yaml").is_file():
            return candidate
    raise RenderError(Problem(str(templates_dir / name / "theme.yaml"), 0,
                              f"video theme {name!r} not found; create it or set video: theme: default"))


def load_theme(templates_dir: Path, name: str, project_root: Path) -> Theme:
    folder = theme_folder(templates_dir, name)
    path = folder / "theme.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RenderError(Problem(str(path), 0, f"cannot read the theme ({exc.__class__.__name__}); fix the YAML")) from None
    fonts = {role: resolve_font(file, folder, project_root, path) for role, file in (data.get("fonts") or {}).items()}
    logo_name = (data.get("logo") or {}).get("file")
    logo = _resolve_logo(folder, project_root, logo_name, path) if logo_name else None
    digest = _digest([path, *fonts.values(), *([logo] if logo else [])])
    return Theme(name, folder, data, fonts, logo, digest)


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
    try:
        _load_font(str(path), 20)
    except OSError:
        raise RenderError(Problem(str(path), 0, f"font file is not a readable TrueType/OpenType font (named in {theme_path}); "
                                  "replace it")) from None
    return path


def _resolve_logo(folder: Path, project_root: Path, name: str, theme_path: Path) -> Path:
    for candidate in (folder / name, project_root / "assets" / "images" / name):
        if candidate.is_file():
            return candidate
    raise RenderError(Problem(str(theme_path), 0, f"logo {name!r} not found beside the theme; add it or remove logo: file"))


@lru_cache(maxsize=256)
def _load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p.name).encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]
