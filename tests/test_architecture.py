"""The architecture's rules (ARCHITECTURE.md): renderers only ever see composed stories (they must
not import the loader, the anonymiser, the register or composition internals); every exception is
in the tree errors.py draws; the "I want to change X, open Y" table names files that exist; and the
code's shape in storymaker/: no function over 40 lines, no module over 300, radon complexity at most C."""
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


# --- renderers get resolved values; `check` stays light (issue 13, item 1) ---

HEAVY = ("numpy", "PIL", "pydub", "scipy", "soxr", "hibari", "piper", "faster_whisper")


def names_in(path: Path) -> set[str]:
    """Every variable, parameter, keyword and attribute name a module uses."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        found |= {node.id} if isinstance(node, ast.Name) else {node.arg} if isinstance(node, (ast.arg, ast.keyword)) and node.arg \
            else {node.attr} if isinstance(node, ast.Attribute) else set()
    return found


def test_renderers_read_no_project_path_they_are_given_resolved_assets():
    """Themes, fonts, logos, music, voice models and recordings are found in the prepare stage
    (storymaker/assets/); a renderer that takes a project root could go around that."""
    named = [str(p.relative_to(RENDER.parent.parent)) for p in RENDER.rglob("*.py") if "project_root" in names_in(p)]
    assert named == []


def test_the_stages_before_rendering_import_no_renderer_at_module_level():
    """prepare, check, the video checks, the asset resolvers and compose import no renderer module when
    loaded (the video checks may lay out one slide near the limit, importing the renderer only then)."""
    package = RENDER.parent
    modules = [package / "prepare.py", package / "check.py", package / "videocheck.py", package / "i18n.py",
               *(package / "assets").glob("*.py"), *(package / "compose").rglob("*.py")]
    offenders = []
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                offenders += [f"{path.name} imports {n}" for n in names if "render" in n.split(".") or n.split(".")[0] in HEAVY]
    assert offenders == []


def _imported_by_check(project: Path, cache: Path | None = None) -> set[str]:
    import os
    import subprocess
    import sys
    env = {**os.environ, **({"XDG_CACHE_HOME": str(cache)} if cache else {})}
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "storymaker", "check", "--project", str(project)],
                         capture_output=True, text=True, timeout=600, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}


def test_storymaker_check_on_the_example_loads_no_numpy_pydub_or_voice_engine(example_copy, tmp_path):
    """The first check decodes the example's pictures (Pillow); a second check of the same
    bytes remembers them by hash in the user's cache and loads none of the heavy libraries."""
    first = _imported_by_check(example_copy, tmp_path / "cache")
    assert {m.split(".")[0] for m in first} & set(HEAVY) <= {"PIL"}, "only the image check may load Pillow"
    assert not any(m.startswith("storymaker.render.video.") and not m.endswith(".plan") for m in first)
    again = _imported_by_check(example_copy, tmp_path / "cache")
    assert {m.split(".")[0] for m in again} & set(HEAVY) == set()
    assert not any(m.startswith("storymaker.render.video.") and not m.endswith(".plan") for m in again)


def test_storymaker_check_loads_no_pillow_unless_a_story_has_a_picture_to_check(example_copy, tmp_path):
    for spec in (example_copy / "stories").glob("*.story.yaml"):
        kept = [line for line in spec.read_text(encoding="utf-8").splitlines(keepends=True)
                if not line.lstrip().startswith(("image:", "image_alt:"))]
        spec.write_text("".join(kept), encoding="utf-8")
    loaded = _imported_by_check(example_copy, tmp_path / "cache")
    assert {m.split(".")[0] for m in loaded} & set(HEAVY) == set()


def table_paths(markdown: str) -> list[tuple[str, str]]:
    """Every path in the "open" column of ARCHITECTURE.md's "I want to change X, open Y" table,
    with the folder of the path before it in the same cell (a bare file name may be there)."""
    paths = []
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 2 or cells[-1].startswith(("open", "---")):
            continue
        folder = ""
        for token in re.findall(r"`([^`]+)`", cells[-1]):
            paths.append((folder, token))
            if "/" in token.rstrip("/"):
                folder = token if token.endswith("/") else token.rsplit("/", 1)[0] + "/"
    return paths


def test_every_path_in_the_architecture_table_exists():
    root = RENDER.parent.parent
    paths = table_paths((root / "ARCHITECTURE.md").read_text(encoding="utf-8"))
    assert len(paths) > 40

    def exists(path: str) -> bool:
        return bool(list(root.glob(re.sub(r"<[^>]+>", "*", path).rstrip("/"))))

    assert [f"{folder}{p}" for folder, p in paths if not exists(folder + p) and not exists(p)] == []


MAX_FUNCTION_LINES = 40
MAX_MODULE_LINES = 300
MAX_COMPLEXITY = 20  # radon's rank C at most; 21 and up is D


def _modules() -> list[Path]:
    return sorted(RENDER.parent.rglob("*.py"))


def test_no_function_over_40_lines_and_no_module_over_300():
    package = RENDER.parent
    long = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(package.parent)
        if len(text.splitlines()) > MAX_MODULE_LINES:
            long.append(f"{where}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    long.append(f"{where}:{node.lineno}: {node.name} is {size} lines")
    assert long == []


def test_cyclomatic_complexity_is_at_most_radon_rank_c():
    from radon.complexity import cc_rank, cc_visit

    package = RENDER.parent
    tangled = [f"{path.relative_to(package.parent)}:{block.lineno}: {block.name} is {cc_rank(block.complexity)} "
               f"({block.complexity})"
               for path in _modules() for block in cc_visit(path.read_text(encoding="utf-8"))
               if block.complexity > MAX_COMPLEXITY]
    assert tangled == []
