"""REFI-QDA .qdpx import: built in the tests from the schema, read back field for field."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.refi import Case, Code, Sel, Source, make_project, qdpx, read_rows, span
from storymaker.importers import run_import

MANAGER = Code("Manager")
STAFF = Code("Staff care", [MANAGER])
TARGETS = Code("Turning off targets")
TEXT_1 = "I was asked how I was, not what I had done. My manager noticed first."
TEXT_2 = "We stopped counting calls.\nNobody missed the numbers."


def _import(tmp_path: Path, data: bytes, name: str = "study.qdpx", **kw):
    root = make_project(tmp_path / "proj", {"turning_off_targets": "x"})
    file = tmp_path / name
    file.write_bytes(data)
    report = run_import(root, file, **kw)
    out = root / "stories" / "excerpts" / f"{Path(name).stem}.csv"
    return (read_rows(out) if out.exists() else []), report


def _strip(rows):
    return [{k: v for k, v in r.items() if k != "id"} for r in rows]


def test_when_sources_are_inline_and_files_then_every_coded_selection_becomes_an_excerpt(tmp_path):
    s1 = Source("Interview one", TEXT_1, [Sel(*span(TEXT_1, "My manager noticed first."), [MANAGER])])
    s2 = Source("Interview two", TEXT_2, [Sel(*span(TEXT_2, "We stopped counting calls."), [TARGETS, STAFF])], inline=True)
    cases = [Case("P01", [s1], {"Role": "nurse", "Sector": "health", "Audience": "staff", "Consent": "web; video"}),
             Case("P02", [s2], {"Cases:role": "manager", "consent": "web"})]
    rows, report = _import(tmp_path, qdpx([STAFF, TARGETS], [s1, s2], cases))
    assert _strip(rows) == [
        {"participant": "P01", "text": "My manager noticed first.", "themes": "staff_care.manager", "audience": "staff",
         "consent": "web;video", "role": "nurse", "sector": "health", "stage": "", "sensitive": ""},
        {"participant": "P02", "text": "We stopped counting calls.", "themes": "turning_off_targets;staff_care",
         "audience": "", "consent": "web", "role": "manager", "sector": "", "stage": "", "sensitive": ""},
    ]
    assert rows[0]["id"].startswith("P01-") and len(rows[0]["id"]) == 12  # a hash of source name and position: stable
    assert any("2 excerpts to stories/excerpts/study.csv" in line for line in report.lines())


def test_when_a_selection_has_only_a_description_then_it_is_skipped_and_reported(tmp_path):
    s = Source("P03 interview", TEXT_1, [Sel(0, 10, [], description="check this later"),
                                         Sel(*span(TEXT_1, "My manager"), [MANAGER])])
    rows, report = _import(tmp_path, qdpx([STAFF], [s]))
    assert [r["text"] for r in rows] == ["My manager"]
    assert rows[0]["participant"] == "P03"  # from the source name: no case
    assert sum("no coding" in line for line in report.lines()) == 1


@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("crlf_as_one", [False, True])
def test_when_text_has_crlf_and_bom_then_offsets_still_land_on_the_words(tmp_path, bom, crlf_as_one):
    text = "First line here.\r\nSecond line, the quote.\r\nThird line, another quote."
    counted = text.replace("\r\n", "\n") if crlf_as_one else text
    sels = [Sel(*span(counted, "the quote."), [MANAGER]), Sel(*span(counted, "another quote."), [MANAGER])]
    rows, report = _import(tmp_path, qdpx([STAFF], [Source("P04", text, sels, bom=bom)]))
    assert [r["text"] for r in rows] == ["the quote.", "another quote."]
    assert any("CRLF" in line for line in report.lines()) == crlf_as_one


def test_when_offsets_count_the_byte_order_mark_then_they_are_shifted_back(tmp_path):
    text = "Hello there. The words that matter are these."
    start, end = span(text, "The words that matter")
    rows, report = _import(tmp_path, qdpx([STAFF], [Source("P05", text, [Sel(start + 1, end + 1, [MANAGER])], bom=True)]))
    assert [r["text"] for r in rows] == ["The words that matter"]
    assert any("byte order mark" in line for line in report.lines())


def test_when_inline_text_offsets_count_crlf_as_two_then_the_xml_newlines_are_widened(tmp_path):
    text = "One.\nTwo and more.\nThree is the one we want."
    widened = text.replace("\n", "\r\n")
    rows, _ = _import(tmp_path, qdpx([STAFF], [Source("P06", text, [Sel(*span(widened, "Three is the one"), [MANAGER])], inline=True)]))
    assert [r["text"] for r in rows] == ["Three is the one"]


def test_when_a_tool_counts_emoji_as_two_units_then_the_selection_is_still_right(tmp_path):
    text = "Great day \U0001F600 then the manager rang me back."
    start, end = span(text, "the manager rang")
    rows, _ = _import(tmp_path, qdpx([STAFF], [Source("P07", text, [Sel(start + 1, end + 1, [MANAGER])])]))
    assert [r["text"] for r in rows] == ["the manager rang"]


def test_when_two_selections_share_a_span_then_they_merge_into_one_excerpt(tmp_path):
    s = Source("P08", TEXT_1, [Sel(0, 43, [MANAGER], seed="a"), Sel(0, 43, [TARGETS], seed="b")])
    rows, _ = _import(tmp_path, qdpx([STAFF, TARGETS], [s]))
    assert [(r["text"], r["themes"]) for r in rows] == [("I was asked how I was, not what I had done.",
                                                         "staff_care.manager;turning_off_targets")]


def test_when_a_code_map_is_given_then_codes_land_on_project_themes_and_the_rest_are_reported(tmp_path):
    codes_yaml = tmp_path / "codes.yaml"
    codes_yaml.write_text("codes:\n  Staff care > Manager: caring_about_staff\n", encoding="utf-8")
    s = Source("P09", TEXT_1, [Sel(0, 5, [MANAGER]), Sel(6, 11, [STAFF]), Sel(12, 15, [STAFF, TARGETS])])
    rows, report = _import(tmp_path, qdpx([STAFF, TARGETS], [s]), code_map=codes_yaml)
    assert [r["themes"] for r in rows] == ["caring_about_staff", "staff_care", "staff_care;turning_off_targets"]
    added = [line for line in report.lines() if line.startswith("added ")]
    assert len(added) == 1 and "added 2 theme(s)" in added[0] and "caring_about_staff, staff_care" in added[0]


def test_when_no_participant_id_can_be_found_then_the_source_is_skipped_with_its_name_masked(tmp_path):
    s = Source("Margaret Owen", TEXT_1, [Sel(0, 5, [MANAGER])])
    rows, report = _import(tmp_path, qdpx([STAFF], [s], [Case("Margaret Owen", [s])]))
    assert rows == []
    text = "\n".join(report.lines())
    assert "M******* O***" in text and "Margaret" not in text and "I was asked" not in text


def test_when_audience_or_consent_values_are_unknown_then_they_stay_empty(tmp_path):
    s = Source("x", TEXT_1, [Sel(0, 5, [MANAGER])])
    rows, report = _import(tmp_path, qdpx([STAFF], [s], [Case("P10", [s], {"audience": "everyone", "consent": "web;print"})]))
    assert (rows[0]["audience"], rows[0]["consent"]) == ("", "")
    assert sum("left empty" in line for line in report.lines()) == 2


def test_when_a_nameless_case_holds_file_variables_then_they_apply_to_its_source(tmp_path):
    s = Source("C12 focus group", TEXT_1, [Sel(0, 5, [MANAGER])], variables={"stage": "after"})
    rows, _ = _import(tmp_path, qdpx([STAFF], [s], [Case(None, [s], {"sector": "council", "sensitive": "yes"})]))
    assert (rows[0]["participant"], rows[0]["sector"], rows[0]["stage"], rows[0]["sensitive"]) == ("C12", "council", "after", "true")


def test_when_a_case_is_named_for_a_person_but_has_a_participant_variable_then_the_variable_wins(tmp_path):
    s = Source("Interview notes", TEXT_1, [Sel(0, 5, [MANAGER])])
    rows, report = _import(tmp_path, qdpx([STAFF], [s], [Case("Margaret Owen", [s], {"Participant ID": "P11"})]))
    assert [r["participant"] for r in rows] == ["P11"]
    assert "Margaret" not in (tmp_path / "proj/stories/excerpts/study.csv").read_text(encoding="utf-8")


def test_when_a_whole_source_is_coded_then_the_report_says_so_instead_of_dropping_it_silently(tmp_path):
    import io
    import zipfile

    s = Source("P12 interview", TEXT_1, [Sel(*span(TEXT_1, "My manager noticed first."), [MANAGER])])
    data = qdpx([STAFF], [s])
    archive = zipfile.ZipFile(io.BytesIO(data))
    xml = archive.read("project.qde").decode("utf-8").replace(
        "</TextSource>", f'<Coding guid="{s.guid}"><CodeRef targetGUID="{STAFF.guid}" /></Coding></TextSource>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name in archive.namelist():
            out.writestr(name, xml if name == "project.qde" else archive.read(name))
    rows, report = _import(tmp_path, buffer.getvalue())
    assert [r["text"] for r in rows] == ["My manager noticed first."]
    assert any("1 coding(s) of the whole source: a whole interview is not an excerpt" in line for line in report.lines())
