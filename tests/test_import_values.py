"""Value maps (consent/audience in the source's own words), re-import, and init --empty."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.refi import make_project, read_rows
from helpers.tool_exports import qualcoder_qdpx
from storymaker.cli import main
from storymaker.errors import ImportFileError
from storymaker.importers import run_import

SHEET = "participant,text,themes,consent,audience\nP01,We talked it through.,care,Yes - web and video,Staff only\nP02,Nobody rushed me.,care,maybe later,\n"


def _import(tmp_path: Path, map_text: str, sheet: str = SHEET):
    root = make_project(tmp_path / "proj", {"care": "x"})
    (tmp_path / "sheet.csv").write_text(sheet, encoding="utf-8")
    (tmp_path / "map.yaml").write_text(map_text, encoding="utf-8")
    report = run_import(root, tmp_path / "sheet.csv", code_map=tmp_path / "map.yaml")
    return read_rows(root / "stories/excerpts/sheet.csv"), report.lines()


def test_when_the_map_translates_consent_and_audience_then_rows_get_the_projects_values(tmp_path):
    rows, lines = _import(tmp_path, 'consent: {"yes - web and video": [web, video]}\naudience: {"staff only": staff}\n'
                                    "defaults: {audience: both}\n")
    assert [(r["participant"], r["consent"], r["audience"]) for r in rows] == [("P01", "web;video", "staff"), ("P02", "", "both")]
    line = next(line for line in lines if "'maybe later'" in line)
    assert "participant P02: consent value 'maybe later' is not recognised; accepted: web, video, web;video or none" in line
    # the example to copy grants nothing: a value like "N" pasted as [web, video] would publish without consent
    assert "as the consent it means, e.g. 'consent: {\"maybe later\": []}' (none), [web] or [web, video];" in line


def test_when_a_value_is_not_mapped_then_the_message_shows_it_and_the_accepted_forms(tmp_path):
    rows, lines = _import(tmp_path, "")
    assert [(r["consent"], r["audience"]) for r in rows] == [("", ""), ("", "")]
    assert any("audience value 'Staff only' is not recognised; accepted: staff, community, both" in line for line in lines)


@pytest.mark.parametrize("bad, message", [
    ("consent:\n  yes: [web, video]\n  web only: [web, print]", ":4: consent: 'web only' maps to print; use a list of web, video"),
    ("audience:\n  everyone: all", ":3: audience: 'everyone' maps to 'all'; use one of staff, community, both"),
    ("defaults:\n  audience: public", ":3: defaults: audience 'public' is not one of staff, community, both"),
    ("codes: {}\ncolums: {}", ":3: the map file has colums; it may hold only columns:, separator:, codes:, consent:, audience:, defaults:"),
])
def test_when_the_map_itself_is_wrong_then_one_line_names_the_entry_and_the_fix(tmp_path, bad, message):
    with pytest.raises(ImportFileError) as caught:
        _import(tmp_path, "# our map\n" + bad + "\n")
    assert str(caught.value.problems[0]).startswith(f"{tmp_path / 'map.yaml'}{message}")  # the entry's own line


def _qualcoder_export(path: Path) -> None:  # QualCoder makes new GUIDs on every export
    text = "We were heard.\nThen the rota changed."
    path.write_bytes(qualcoder_qdpx(text, [(0, 14, "c3"), (15, 37, "c1")], "", []))


def test_when_a_tool_re_exports_with_new_guids_then_re_import_keeps_ids_and_a_persons_consent(tmp_path):
    root = make_project(tmp_path / "proj")
    (tmp_path / "people.yaml").write_text("interview-b.txt: P04\n", encoding="utf-8")
    _qualcoder_export(tmp_path / "study.qdpx")
    run_import(root, tmp_path / "study.qdpx", participant_map=tmp_path / "people.yaml")
    target = root / "stories/excerpts/study.csv"
    first = read_rows(target)
    target.write_text(target.read_text(encoding="utf-8").replace(",,,", ",community,web,", 1), encoding="utf-8")
    _qualcoder_export(tmp_path / "study.qdpx")  # exported again: every GUID differs
    report = run_import(root, tmp_path / "study.qdpx", participant_map=tmp_path / "people.yaml")
    again = read_rows(target)
    assert [r["id"] for r in again] == [r["id"] for r in first]
    assert (again[0]["audience"], again[0]["consent"]) == ("community", "web")
    assert "compared with the previous import: 0 added, 0 changed, 0 removed, 2 unchanged" in report.lines()


def test_when_an_excerpt_file_was_not_written_by_this_import_then_it_is_never_touched(tmp_path):
    root = make_project(tmp_path / "proj", {"care": "x"})
    mine = root / "stories/excerpts/sheet.csv"
    mine.write_text("id,participant,text,themes,audience,consent\nA1,P09,Typed by hand.,care,staff,web\n", encoding="utf-8")
    (tmp_path / "sheet.csv").write_text(SHEET, encoding="utf-8")
    with pytest.raises(ImportFileError, match="was not written by importing this file"):
        run_import(root, tmp_path / "sheet.csv")
    assert "Typed by hand." in mine.read_text(encoding="utf-8")


def test_when_init_is_empty_then_no_example_data_is_copied_and_check_says_what_to_do_next(tmp_path, capsys):
    target = tmp_path / "new"
    assert main(["init", "--empty", str(target)]) == 0
    assert sorted(p.name for p in (target / "stories").iterdir()) == [
        "anonymise.yaml", "codebook.yaml", "excerpts", "first-story.story.yaml.example", "project.yaml"]
    assert not list((target / "stories/excerpts").iterdir()) and (target / "templates/web").is_dir()
    register = (target / "stories/anonymise.yaml").read_text(encoding="utf-8")
    assert "# people:" in register and "Margaret" not in register
    capsys.readouterr()
    assert main(["--project", str(target), "check"]) == 0
    assert "Next: storymaker import YOUR-FILE" in capsys.readouterr().out
    (target / "stories/excerpts/mine.csv").write_text(
        "id,participant,text,themes,audience,consent\nA1,P01,We talked it through.,care,staff,web\n", encoding="utf-8")
    assert main(["--project", str(target), "check"]) == 1
    assert "copy stories/first-story.story.yaml.example and edit it" in capsys.readouterr().err


def test_when_init_copies_the_example_then_it_says_what_it_copied_and_how_to_start_clean(tmp_path, capsys):
    assert main(["init", str(tmp_path / "ex")]) == 0
    out = capsys.readouterr().out
    assert "its stories, excerpts, codebook, name register" in out and "storymaker init --empty NEW-DIR" in out


def test_when_keep_codebook_is_given_then_new_themes_are_listed_not_added(tmp_path, capsys):
    root = make_project(tmp_path / "proj", {"care": "x"})
    (tmp_path / "sheet.csv").write_text("participant,text,themes\nP01,We talked.,care;Team work\n", encoding="utf-8")
    assert main(["--project", str(root), "import", str(tmp_path / "sheet.csv"), "--keep-codebook"]) == 0
    out = capsys.readouterr().out
    assert "1 theme(s) are not in stories/codebook.yaml: team_work; import again without --keep-codebook" in out
    assert "team_work" not in (root / "stories/codebook.yaml").read_text(encoding="utf-8")


def test_when_an_older_import_wrote_other_ids_then_re_import_keeps_those_ids_and_the_edits(tmp_path):
    import json

    root = make_project(tmp_path / "proj", {"care": "x"})
    (tmp_path / "sheet.csv").write_text("participant,text,themes\nP01,We talked it through.,care\n", encoding="utf-8")
    run_import(root, tmp_path / "sheet.csv")
    target, record = root / "stories/excerpts/sheet.csv", root / "stories/.imports.json"
    target.write_text("id,participant,text,themes,audience,consent,role,sector,stage,sensitive\n"
                      "P01-r2,P01,We talked it through.,care,staff,web,,,,\n", encoding="utf-8")  # as the old importer named rows
    entry = json.loads(record.read_text(encoding="utf-8"))
    entry["stories/excerpts/sheet.csv"].pop("ids")  # the old record kept no ids
    record.write_text(json.dumps(entry), encoding="utf-8")
    report = run_import(root, tmp_path / "sheet.csv")
    assert [(r["id"], r["audience"], r["consent"]) for r in read_rows(target)] == [("P01-r2", "staff", "web")]
    assert "compared with the previous import: 0 added, 0 changed, 0 removed, 1 unchanged" in report.lines()
