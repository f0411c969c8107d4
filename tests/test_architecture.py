"""Renderers only ever see composed stories: they must not import the loader, the
anonymiser, the register or composition internals."""
from __future__ import annotations

import ast
import re
from pathlib import Path

RENDER = Path(__file__).resolve().parent.parent / "storymaker" / "render"
FORBIDDEN = ("storymaker.load", "storymaker.anonymise", "storymaker.compose", "storymaker.prepare",
             "storymaker.check", "storymaker.importers")
RELATIVE_FORBIDDEN = ("load", "anonymise", "compose", "prepare", "check", "importers")


def imports_of(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names.append("." * node.level + module)
    return names


def test_renderers_never_import_participant_data_or_the_register():
    offenders = []
    for path in RENDER.rglob("*.py"):
        for name in imports_of(path):
            bare = name.lstrip(".")
            if name.startswith(FORBIDDEN) or (name.startswith("..") and bare.split(".")[0] in RELATIVE_FORBIDDEN):
                offenders.append(f"{path.relative_to(RENDER.parent.parent)} imports {name}")
    assert offenders == []


def test_renderers_do_not_touch_excerpt_type():
    mentions = [p for p in RENDER.rglob("*.py") if "Excerpt" in p.read_text(encoding="utf-8")]
    assert mentions == []


def test_every_exception_lives_in_the_documented_tree():
    """errors.py's docstring draws the tree the CLI catches; an exception defined elsewhere, or
    missing from the drawing, would be one a reader cannot find."""
    package = RENDER.parent
    errors = package / "errors.py"
    outside = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and path != errors and any(
                    getattr(b, "id", getattr(b, "attr", "")).endswith(("Error", "Exception")) for b in node.bases):
                outside.append(f"{path.relative_to(package.parent)}: {node.name}")
    assert outside == []
    tree = ast.parse(errors.read_text(encoding="utf-8"))
    drawn = ast.get_docstring(tree) or ""
    public = [n.name for n in tree.body if isinstance(n, ast.ClassDef) and not n.name.startswith("_")]
    assert [name for name in public if not re.search(rf"^[ |]*(\+-- )?{name} ", drawn, re.M)] == []
