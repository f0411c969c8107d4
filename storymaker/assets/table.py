"""The README's table of video theme keys, made from :mod:`settings` (``tests/test_readme.py``
checks the README holds exactly this table; regenerate it with
``python -m storymaker.assets.table``)."""
from __future__ import annotations

import dataclasses
from typing import Any

from .settings import FILE, SECTIONS, ThemeSettings

HEADER = "| key | takes | default | what it does |\n| --- | --- | --- | --- |"


def _shown(value: Any, kind: str, section: str) -> str:
    if kind == FILE and not value:
        return "(needed)" if section == "fonts" else "(none)"
    if value is None:
        return "(needed for the format)"
    if isinstance(value, tuple):
        return f"`{value[0]:g}`" if len(set(value)) == 1 else f"`[{', '.join(f'{v:g}' for v in value)}]`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, float):
        return f"`{value:g}`"
    return f"`{value}`" if value != "" else "(none)"


def _row(key: str, f: dataclasses.Field, section: str) -> str:
    kind, doc = f.metadata["kind"], f.metadata["doc"]
    return f"| `{key}` | {kind} | {_shown(f.default, kind, section)} | {doc} |"


def theme_table() -> str:
    """Every theme key as a Markdown table: key, kind of value, default, meaning."""
    rows = [_row(f.name, f, "") for f in dataclasses.fields(ThemeSettings) if f.name not in SECTIONS]
    for section, cls in SECTIONS.items():
        prefix = f"{section}.<format>." if section == "formats" else f"{section}."
        rows += [_row(prefix + f.name, f, section) for f in dataclasses.fields(cls)]
    return "\n".join([HEADER, *rows])


if __name__ == "__main__":
    print(theme_table())
