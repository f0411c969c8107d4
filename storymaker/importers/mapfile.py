"""The ``--map`` file: one YAML file that says how a source's words become the project's.

    columns:   {participant: Speaker, text: Quote, themes: Codes, consent: "Consent given"}
    separator: ","                     # between codes in one cell (default ";")
    codes:     {"Staff wellbeing": caring_about_staff, "Admin": ~}
    consent:   {"yes - web and video": [web, video], "no": []}
    audience:  {"Public": community}
    defaults:  {audience: both}

Read with :func:`load_map_file` (a path) or :func:`settings_from` (a dict, e.g. from the
studio's Import screen); :func:`write_map_file` saves one, keeping the comments of a file
that already exists. Both read and write YAML 1.2 (ruamel.yaml), so an unquoted ``no:`` or
``yes:`` stays the word the spreadsheet holds instead of turning into false/true.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .positions import key_line
from .safety import fail
from .tags import CodeMap, code_map
from .values import ValueMaps, value_maps

SECTIONS = ("columns", "separator", "codes", "consent", "audience", "defaults")


@dataclass(frozen=True)
class Settings:
    label: str = "the map"
    columns: dict = field(default_factory=dict)
    separator: str = ";"
    codes: CodeMap = field(default_factory=CodeMap)
    values: ValueMaps = field(default_factory=ValueMaps)


def load_map_file(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    label = str(path)
    try:
        data = YAML(typ="rt").load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise fail(label, 0, f"cannot read the map file ({exc.strerror}); check the --map path") from None
    except (YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise fail(label, line, "the map file is not valid UTF-8 YAML; fix it (see 'Importing coded interviews' in the README)") from None
    return settings_from(data, label)


def settings_from(data: dict | None, label: str = "the map") -> Settings:
    if data is None:
        return Settings(label)
    if not isinstance(data, dict) or not set(data) <= set(SECTIONS):
        extra = [k for k in data if k not in SECTIONS] if isinstance(data, dict) else []
        unknown = ", ".join(map(str, extra)) if isinstance(data, dict) else "a list or value"
        raise fail(label, key_line(data, extra[0]) if extra else 1, f"the map file has {unknown}; it may hold only {', '.join(s + ':' for s in SECTIONS)}")
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        raise fail(label, key_line(data, "columns"), "'columns:' must map storymaker fields to your column names, e.g. 'text: Quote'")
    separator = str(data.get("separator") or ";")
    return Settings(label, columns, separator, code_map(data, label), value_maps(data, label))


def write_map_file(path: Path, data: dict) -> None:
    """Save a map (sections as in :data:`SECTIONS`), keeping comments already in the file."""
    from ruamel.yaml import YAML

    settings_from(data, str(path))  # refuse to write a map that would not load
    handler = YAML()
    handler.indent(mapping=2, sequence=4, offset=2)
    current = handler.load(path.read_text(encoding="utf-8")) if path.exists() else None
    current = current if isinstance(current, dict) else {}
    for key in SECTIONS:
        if key in data:
            current[key] = data[key]
        elif key in current:
            del current[key]
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        handler.dump(current, handle)
