"""QualCoder and Taguette files written the way their own export code writes them (helpers.tool_exports)."""
from __future__ import annotations

from pathlib import Path

import yaml

from helpers.refi import make_project, read_rows
from helpers.tool_exports import qualcoder_qdpx, qualcoder_report_csv, taguette_codebook_csv, taguette_db, taguette_xlsx
from storymaker.importers import run_import
from storymaker.importers.offsets import best_reading, cut

TEXT = "We had a hard winter 😀 at first.\nThen the manager asked how we were.\nNobody had asked before, not once.\nIt changed everything for us."
TRANSCRIPT = "[00:01] I was scared of the jab.\n[00:09] The nurse sat with me and we talked it through."


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _qualcoder(tmp_path: Path, people: str | None = "interview-b.txt: P04\n", map_text: str = ""):
    sels = [(*_span(TEXT, "hen the manager asked how we were."), "c3"),  # started mid-word, as people select
            (*_span(TEXT, "Nobody had asked before, not once."), "c1"),
            (*_span(TEXT, "It changed everything for us."), "c2")]
    spans = [(*_span(TRANSCRIPT, "I was scared of the jab."), "c1"), (*_span(TRANSCRIPT, "The nurse sat with me"), "c3")]
    root = make_project(tmp_path / "proj")
    (tmp_path / "qc.qdpx").write_bytes(qualcoder_qdpx(TEXT, sels, TRANSCRIPT, spans))
    kw = {}
    if people:
        (tmp_path / "people.yaml").write_text(people, encoding="utf-8")
        kw["participant_map"] = tmp_path / "people.yaml"
    if map_text:
        (tmp_path / "map.yaml").write_text(map_text, encoding="utf-8")
        kw["code_map"] = tmp_path / "map.yaml"
    report = run_import(root, tmp_path / "qc.qdpx", **kw)
    return root, report, read_rows(root / "stories/excerpts/qc.csv") if (root / "stories/excerpts/qc.csv").exists() else []


def test_when_qualcoder_writes_crlf_text_with_lf_offsets_and_an_emoji_then_the_selection_names_settle_the_words(tmp_path):
    _, report, rows = _qualcoder(tmp_path)
    assert [(r["participant"], r["text"]) for r in rows if r["participant"] == "P04"] == [
        ("P04", "hen the manager asked how we were."), ("P04", "Nobody had asked before, not once."),
        ("P04", "It changed everything for us.")]
    assert any("CRLF line endings counted as one character" in line for line in report.lines())
    spans = [_span(TEXT, w) for w in ("hen the manager asked how we were.", "Nobody had asked before, not once.")]
    unnamed = best_reading(TEXT.replace("\n", "\r\n"), False, spans)
    assert cut(unnamed, *spans[0]) != "hen the manager asked how we were."  # without the names the word edges mislead


def test_when_an_audio_source_has_a_coded_transcript_then_its_words_are_imported_and_time_only_codings_reported(tmp_path):
    _, report, rows = _qualcoder(tmp_path)
    assert [r["text"] for r in rows if r["participant"] == "P05"] == ["I was scared of the jab.", "The nurse sat with me"]
    assert any("1 coded stretch(es) of the recording by time only" in line for line in report.lines())


def test_when_qualcoder_case_refs_match_no_source_then_the_message_says_so_and_names_no_case(tmp_path):
    _, report, rows = _qualcoder(tmp_path, people=None)
    line = next(line for line in report.lines() if "interview" not in line and "selections)" in line)
    assert "no case links to this source" in line and "QualCoder" in line and "P04" not in line and "P03" in line
    assert {r["participant"] for r in rows} == {"P05"}


def test_when_code_names_hold_dots_and_slashes_then_they_stay_one_level_and_map_keys_match_literally(tmp_path):
    root, report, rows = _qualcoder(tmp_path, map_text="codes:\n  Covid/Non-covid: covid\n  Nothing like this: x\n")
    assert {r["themes"] for r in rows} == {"staff_care", "1_oltas", "covid"}
    themes = yaml.safe_load((root / "stories/codebook.yaml").read_text(encoding="utf-8"))["themes"]
    assert themes["1_oltas"] == "first vaccine dose" and themes["staff_care"] == "caring for staff"  # the codes' descriptions
    assert any("entry 'Nothing like this' matched no code" in line for line in report.lines())


def test_when_a_qualcoder_coding_report_has_image_and_av_rows_then_they_are_reported_not_quoted(tmp_path):
    root = make_project(tmp_path / "proj")
    (tmp_path / "report.csv").write_bytes(qualcoder_report_csv([
        ["P06 notes.txt", "anna", "Someone finally listened.", "ctid:12", "Listening", "", "Staff care", ""],
        ["P06 notes.txt", "anna", "image", "imid:3", "Listening", "", "Staff care", ""],
        ["P06 notes.txt", "anna", "a/v", "avid:4", "Listening", "", "", ""],
        ["P06 notes.txt", "anna", "Someone finally listened.", "ctid:13", "Kindness", "", "", ""]]))
    report = run_import(root, tmp_path / "report.csv")
    rows = read_rows(root / "stories/excerpts/report.csv")
    assert [(r["participant"], r["text"], r["themes"]) for r in rows] == [("P06", "Someone finally listened.", "staff_care.listening;kindness")]
    lines = report.lines()
    assert "QualCoder coding report" in lines[0]
    assert any("Id imid:" in line for line in lines) and any("Id avid:" in line for line in lines)


def test_when_a_taguette_highlight_starts_with_equals_then_its_words_come_from_the_formula_not_the_cached_0(tmp_path):
    root = make_project(tmp_path / "proj")
    taguette_xlsx(tmp_path / "all_tags.xlsx", [(1, "P07 interview", ["staff.care"], "=more time, less ticking boxes."),
                                               (2, "P07 interview", ["targets"], "We stopped counting calls.")])
    report = run_import(root, tmp_path / "all_tags.xlsx")
    rows = read_rows(root / "stories/excerpts/all_tags.csv")
    assert [r["text"] for r in rows] == ["=more time, less ticking boxes.", "We stopped counting calls."]
    assert "0" not in [r["text"] for r in rows] and any("stores as a formula" in line for line in report.lines())


def test_when_a_taguette_project_database_is_imported_then_highlights_tags_and_descriptions_come_through(tmp_path):
    root = make_project(tmp_path / "proj")
    documents = {"P08 interview": "<p>My manager rang me <em>every</em> week.</p><p>She asked how I was.</p>",
                 "Margaret Owen notes": "<p>Nothing with an id here.</p>"}
    taguette_db(tmp_path / "project.sqlite3", documents,
                [("P08 interview", "<p>My manager rang me <em>every</em> week.</p><p>She asked how I was.</p>", ["staff.care"]),
                 ("Margaret Owen notes", "<p>Nothing with an id here.</p>", ["staff.care"])],
                {"staff.care": "Organisations caring about their own staff."})
    report = run_import(root, tmp_path / "project.sqlite3")
    rows = read_rows(root / "stories/excerpts/project.csv")
    assert [(r["id"], r["participant"], r["text"], r["themes"]) for r in rows] == [
        ("P08-h1", "P08", "My manager rang me every week. She asked how I was.", "staff.care")]
    text = "\n".join(report.lines())
    assert "Taguette project (SQLite)" in text and "M******* O***" in text and "Margaret" not in text
    themes = yaml.safe_load((root / "stories/codebook.yaml").read_text(encoding="utf-8"))["themes"]
    assert themes == {"staff.care": "Organisations caring about their own staff."}


def test_when_a_taguette_codebook_csv_is_imported_then_its_tags_join_the_codebook_keeping_comments(tmp_path):
    root = make_project(tmp_path / "proj")
    (root / "stories/codebook.yaml").write_text("# our own notes\nthemes:\n  targets: Ours.  # keep me\n", encoding="utf-8")
    (tmp_path / "codebook.csv").write_bytes(taguette_codebook_csv([("staff.care", "", "Caring for staff.", 3), ("targets", "", "Theirs.", 1)]))
    report = run_import(root, tmp_path / "codebook.csv")
    text = (root / "stories/codebook.yaml").read_text(encoding="utf-8")
    assert "# our own notes" in text and "# keep me" in text
    assert yaml.safe_load(text)["themes"] == {"targets": "Ours.", "staff.care": "Caring for staff."}
    assert "wrote 1 new theme(s) to stories/codebook.yaml" in report.lines()


def test_when_a_taguette_codebook_xlsx_is_imported_then_its_tags_and_descriptions_join_the_codebook(tmp_path):
    from helpers.tool_exports import taguette_codebook_xlsx

    root = make_project(tmp_path / "proj")
    taguette_codebook_xlsx(tmp_path / "codebook.xlsx", [("staff.care", "", "Caring for staff.", 3), ("targets", "", "", 0)])
    report = run_import(root, tmp_path / "codebook.xlsx")
    assert "Taguette codebook, XLSX" in report.lines()[0]
    assert yaml.safe_load((root / "stories/codebook.yaml").read_text(encoding="utf-8"))["themes"] == {
        "staff.care": "Caring for staff.", "targets": "targets"}


def test_when_an_sqlite_file_is_not_a_taguette_project_then_one_line_says_so(tmp_path):
    import sqlite3

    import pytest

    from storymaker.errors import ImportFileError

    con = sqlite3.connect(tmp_path / "other.sqlite3")
    con.execute("create table notes (id integer, body text)")
    con.commit()
    con.close()
    with pytest.raises(ImportFileError) as caught:
        run_import(make_project(tmp_path / "proj"), tmp_path / "other.sqlite3")
    assert str(caught.value.problems[0]).startswith(f"{tmp_path / 'other.sqlite3'}: an SQLite file that is not a Taguette project")
