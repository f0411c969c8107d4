"""Round trip: the bundled example's excerpts -> a .qdpx built here -> import -> the same excerpts,
then (when the build stage exists) the bundled stories build web-only from the imported project."""
from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from helpers.refi import Case, Code, Sel, Source, make_project, qdpx
from storymaker.importers import run_import
from storymaker.load.excerpts import read_excerpts
from storymaker.model import Excerpt

EXAMPLE = Path(__file__).resolve().parent.parent
OWN = [
    Excerpt("a1", "P01", "We were told to stop timing calls.", ("targets.off",), "staff", frozenset({"web", "video"}), "adviser", "council", "before"),
    Excerpt("a2", "P01", "My manager asked how I was.", ("staff.care.manager", "staff.care"), "both", frozenset({"web"}), "adviser", "council", "change"),
    Excerpt("a3", "C02", "She came round and looked at the damp.", ("together.working",), "community", frozenset(), "tenant", "housing", "", True),
]


def originals() -> tuple[Path | None, list[Excerpt]]:
    folder = EXAMPLE / "stories" / "excerpts"
    found, problems = read_excerpts(folder, EXAMPLE) if folder.is_dir() else ([], [])
    return (EXAMPLE, found) if len(found) >= 10 and not problems else (None, OWN)


def code_tree(themes: set[str]) -> dict[str, Code]:
    """Every dotted tag (and its parents) as a nested Code; returns tag -> Code."""
    codes: dict[str, Code] = {}
    for tag in sorted(themes):
        parts = tag.split(".")
        for i in range(1, len(parts) + 1):
            path = ".".join(parts[:i])
            if path not in codes:
                codes[path] = Code(parts[i - 1], seed=path)
                if i > 1:
                    codes[".".join(parts[: i - 1])].children.append(codes[path])
    return codes


def export_qdpx(excerpts: list[Excerpt]) -> bytes:
    codes = code_tree({t for e in excerpts for t in e.themes})
    groups: dict[tuple, list[Excerpt]] = defaultdict(list)
    for e in excerpts:
        groups[(e.participant, e.audience, ";".join(sorted(e.consent)), e.stage, e.sensitive)].append(e)
    sources, by_participant = [], defaultdict(list)
    for n, ((participant, audience, consent, stage, sensitive), members) in enumerate(groups.items()):
        text, sels = "", []
        for e in members:
            text += "" if not text else "\n\n"
            sels.append(Sel(len(text), len(text) + len(e.text), [codes[t] for t in e.themes], seed=e.id))
            text += e.text
        variables = {"audience": audience, "consent": consent, "stage": stage, "sensitive": str(sensitive).lower()}
        sources.append(Source(f"Transcript {n}", text, sels, variables={k: v for k, v in variables.items() if v}))
        by_participant[participant].append((sources[-1], members[0]))
    cases = [Case(p, [s for s, _ in pairs], {"role": pairs[0][1].role, "sector": pairs[0][1].sector})
             for p, pairs in by_participant.items()]
    return qdpx([c for tag, c in codes.items() if "." not in tag], sources, cases)


def _fields(e: Excerpt) -> tuple:
    return (e.participant, e.text, e.themes, e.audience, e.consent, e.role, e.sector, e.stage, e.sensitive)


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, list[Excerpt], list[Excerpt], Path]:
    source_root, excerpts = originals()
    tmp = tmp_path_factory.mktemp("roundtrip")
    root = tmp / "project"
    if source_root:
        shutil.copytree(source_root / "stories", root / "stories")
        if (source_root / "assets").is_dir():
            shutil.copytree(source_root / "assets", root / "assets")
        for old in (root / "stories" / "excerpts").iterdir():
            old.unlink()
    else:
        make_project(root)
    (tmp / "interviews.qdpx").write_bytes(export_qdpx(excerpts))
    run_import(root, tmp / "interviews.qdpx")
    back, problems = read_excerpts(root / "stories" / "excerpts", root)
    assert problems == []
    return root, excerpts, back, tmp / "interviews.qdpx"


def test_when_excerpts_go_through_a_qdpx_then_every_field_comes_back(imported):
    _, excerpts, back, _ = imported
    assert len(back) == len(excerpts)
    assert sorted(map(_fields, back)) == sorted(map(_fields, excerpts))
    assert len({e.id for e in back}) == len(back)


def test_when_the_same_qdpx_is_imported_twice_then_the_ids_are_the_same(imported, tmp_path):
    root, _, back, file = imported
    other = make_project(tmp_path / "again")
    run_import(other, file)
    again, _ = read_excerpts(other / "stories" / "excerpts", other)
    assert [e.id for e in again] == [e.id for e in back]


def _repin(root: Path, excerpts: list[Excerpt], back: list[Excerpt]) -> None:
    """An import gives excerpts new ids: point the stories' pin:/exclude: lists at them."""
    new_id = {_fields(e): e.id for e in back}
    for spec in (root / "stories").glob("*.story.yaml"):
        text = spec.read_text(encoding="utf-8")
        for e in sorted(excerpts, key=lambda e: -len(e.id)):
            text = text.replace(e.id, new_id[_fields(e)])
        spec.write_text(text, encoding="utf-8")


def test_when_the_imported_project_is_built_then_the_bundled_stories_publish(imported, tmp_path):
    root, excerpts, back, _ = imported
    from storymaker import build as build_module
    _repin(root, excerpts, back)

    assert excerpts is not OWN, "the bundled example is part of the repository"
    original = tmp_path / "original"
    shutil.copytree(EXAMPLE / "stories", original / "stories")
    for project in (original, root):  # the stories name images and music under assets/
        shutil.copytree(EXAMPLE / "assets", project / "assets", dirs_exist_ok=True)
    expected = build_module.build(original, web=True, video=False, quiet=True)
    result = build_module.build(root, web=True, video=False, quiet=True)
    pages = _pages(result.output)
    assert pages and pages == _pages(expected.output)  # the same stories, audiences and index
    assert all((result.output / p).stat().st_size > 500 for p in pages)


def _pages(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
