"""A comms officer's own sheet, as they really keep it: a title row merged across the top,
names typed with accents, an empty row, then the sheet edited and imported again."""
from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

from storymaker.cli import main

HEADER = ("Who", "What they said", "Topics", "OK to use?", "Job title")
ROWS = [
    ("Zoë Ferrández", "The night shift felt lighter once someone asked how we were.", "Care/Support;Night shift", "Yes – web & video", "Ward nurse"),
    ("José Muñoz", "I stopped counting the hours and started counting the kind words.", "Care/Support;Morale v2.0", "web only please", "Porter"),
    ("", "", "", "", ""),
    ("Björn Åkesson", "The team huddle at three in the morning was the best ten minutes.", "Night shift", "N", "Ward nurse"),
]
MAP = """\
columns: {participant: Who, text: What they said, themes: Topics, consent: OK to use?, role: Job title}
codes: {Care/Support: care.support, Night shift: night_shift, Morale v2.0: morale}
consent: {"Yes – web & video": [web, video], "web only please": [web], N: []}
"""
PEOPLE = "Zoë Ferrández: P01\nJosé Muñoz: P02\nBjörn Åkesson: P03\nKwame Mensah: P04\n"


def _project(tmp_path: Path) -> Path:
    assert main(["init", "--empty", str(tmp_path / "proj")]) == 0
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "people.yaml").write_text(PEOPLE, encoding="utf-8")
    return tmp_path / "proj"


def _write_csv(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Staff wellbeing quotes — autumn campaign", "", "", "", ""])
        writer.writerows([HEADER, *rows])


def _import(tmp_path: Path, project: Path, sheet: Path, capsys) -> tuple[int, str, dict[str, dict]]:
    code = main(["import", str(sheet), "--map", str(tmp_path / "map.yaml"), "--participants",
                 str(tmp_path / "people.yaml"), "--project", str(project)])
    out = capsys.readouterr()
    with (project / "stories" / "excerpts" / f"{sheet.stem}.csv").open(encoding="utf-8") as handle:
        rows = {r["text"]: r for r in csv.DictReader(handle)}
    return code, out.out + out.err, rows


def test_a_title_row_merged_above_the_header_is_skipped_and_said(tmp_path, capsys):
    project = _project(tmp_path)
    book = Workbook()
    sheet = book.active
    sheet.append(["Staff wellbeing quotes — autumn campaign"])
    sheet.merge_cells("A1:E1")
    for row in (HEADER, *ROWS):
        sheet.append(list(row))
    book.save(tmp_path / "quotes.xlsx")
    code, out, rows = _import(tmp_path, project, tmp_path / "quotes.xlsx", capsys)
    assert code == 0, out
    assert "row 1: read as a title above the header" in out
    assert rows[ROWS[0][1]]["participant"] == "P01" and rows[ROWS[0][1]]["themes"] == "care.support;night_shift"
    assert rows[ROWS[0][1]]["consent"] == "web;video" and rows[ROWS[1][1]]["consent"] == "web"
    assert rows[ROWS[3][1]]["consent"] == "" and len(rows) == 3


def test_an_edited_quote_keeps_its_id_and_is_reported_as_changed(tmp_path, capsys):
    project = _project(tmp_path)
    sheet = tmp_path / "quotes.csv"
    _write_csv(sheet, ROWS)
    code, out, first = _import(tmp_path, project, sheet, capsys)
    assert code == 0 and "line 1: read as a title above the header" in out, out
    edited = [ROWS[0], ROWS[2], (ROWS[3][0], ROWS[3][1].replace("minutes.", "minutes of the shift."), *ROWS[3][2:]),
              ("Kwame Mensah", "Ask me how I am, then wait for the answer.", "Care/Support", "Yes – web & video", "Porter")]
    _write_csv(sheet, edited)
    code, out, second = _import(tmp_path, project, sheet, capsys)
    assert code == 0, out
    assert "1 added, 1 changed, 1 removed, 1 unchanged" in out
    assert second[edited[2][1]]["id"] == first[ROWS[3][1]]["id"]  # the edited quote keeps its id
    assert second[ROWS[0][1]]["id"] == first[ROWS[0][1]]["id"]
    assert ROWS[1][1] not in second and second[edited[3][1]]["participant"] == "P04"


def test_names_with_no_participants_file_say_how_to_give_ids_and_no_code_is_called_unmatched(tmp_path, capsys):
    project = _project(tmp_path)
    sheet = tmp_path / "quotes.csv"
    _write_csv(sheet, ROWS)
    code = main(["import", str(sheet), "--map", str(tmp_path / "map.yaml"), "--project", str(project)])
    out = capsys.readouterr().out.splitlines()
    assert code == 0 and "nothing written: no coded excerpts were found" in out
    assert "skipped line 3: no participant id in Z** F********: give each name an id in a participants file " \
           "('name as typed in the sheet: P03') and pass it with --participants people.yaml" in out
    assert not any("matched no code" in line for line in out)  # the codes are there; the rows were skipped
    assert not list((project / "stories" / "excerpts").glob("*.csv"))
