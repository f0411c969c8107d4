"""The codebook follows the import: themes the import used that ``stories/codebook.yaml``
lacks are added (with the researchers' code description where the source has one, else the
code's own name), or, with ``add=False``, listed for the user to confirm.

The file is edited with ruamel.yaml's round trip, so the user's comments, order and
existing descriptions survive; a missing codebook is created.
"""
from __future__ import annotations

import io
from pathlib import Path

from .report import ImportReport
from .safety import fail

CODEBOOK = Path("stories") / "codebook.yaml"
HEADER = "# The themes excerpts may be tagged with: tag: what the theme means.\n"


def _yaml():
    from ruamel.yaml import YAML

    handler = YAML()
    handler.width = 4096
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


def _load(path: Path):
    from ruamel.yaml.comments import CommentedMap

    if not path.exists():
        data = _yaml().load(HEADER + "themes: {}\n")
        return data
    try:
        data = _yaml().load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # ruamel raises many parser error types; all mean "fix the file first"
        line = getattr(getattr(exc, "problem_mark", None), "line", -1) + 1
        raise fail(CODEBOOK.as_posix(), line, "the codebook is not valid YAML; fix it before importing more themes") from None
    data = data if data is not None else CommentedMap()
    if not isinstance(data, dict) or not isinstance(data.get("themes") or {}, dict):
        raise fail(CODEBOOK.as_posix(), 1, "the codebook must be 'themes: {tag: description}'; fix it before importing")
    if data.get("themes") is None:
        data["themes"] = CommentedMap()
    return data


def follow(root: Path, themes: dict[str, str], add: bool, report: ImportReport) -> list[str]:
    """Add (or list) the themes missing from the codebook; returns the missing tags."""
    path = Path(root) / CODEBOOK
    data = _load(path)
    current = data["themes"]
    missing = [t for t in themes if t not in current]
    if not missing:
        return []
    shown = ", ".join(missing[:12]) + (f" and {len(missing) - 12} more" if len(missing) > 12 else "")
    if not add:
        report.note(f"{len(missing)} theme(s) are not in {CODEBOOK.as_posix()}: {shown}; import again without --keep-codebook "
                    "to add them, or map them to your themes under 'codes:' in the map file")
        return missing
    if not current:
        data["themes"] = current = type(current)()
    for tag in missing:
        current[tag] = themes[tag]
    buffer = io.StringIO()
    _yaml().dump(data, buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    report.note(f"added {len(missing)} theme(s) to {CODEBOOK.as_posix()}: {shown} (descriptions from the source's codes; "
                "edit them there, or map codes to your own themes under 'codes:' in the map file)")
    return missing


def descriptions(report: ImportReport) -> dict[str, str]:
    """theme -> the description of the first code mapped to it (or that code's name)."""
    return {theme: report.descriptions.get(path) or path[-1] for theme, path in report.theme_codes.items()}
