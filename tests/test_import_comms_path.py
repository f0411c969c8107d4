"""The comms officer's path, end to end, with no file edited by hand after the map:
a spreadsheet in its own words -> init --empty -> import --map -> check clean -> build --web."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from storymaker.cli import main

ROWS = [  # Ref, Quote, Themes (their own names), Consent given (their own wording), Job
    ("R01", "My manager rang every week just to ask how I was doing.", "Feeling looked after", "yes - web and video", "adviser"),
    ("R01", "We sorted the backlog together instead of blaming each other.", "Team work", "yes - web and video", "adviser"),
    ("R02", "Someone noticed I was tired and sent me home early.", "Feeling looked after", "web only", "nurse"),
    ("R02", "The two teams started sharing one list of callers.", "Team work, Feeling looked after", "web only", "nurse"),
    ("R03", "Alan stayed late so I could get to my daughter's school play.", "Feeling looked after", "Yes - web and video", "porter"),
    ("R03", "We agreed who would ring the family back, so nobody was missed.", "Team work", "Yes - web and video", "porter"),
    ("R04", "After a hard call I am allowed ten minutes outside.", "Feeling looked after", "web only", "receptionist"),
    ("R04", "The housing officer and I visit together now.", "Team work", "web only", "receptionist"),
    ("R05", "I was asked what would help, and then they actually did it.", "Feeling looked after", "no", "cleaner"),
    ("R05", "We cover for each other without anyone keeping score.", "Team work", "no", "cleaner"),
]
MAP = """\
# How our spreadsheet becomes storymaker excerpts.
columns: {participant: Ref, text: Quote, themes: Themes, consent: Consent given, role: Job}
separator: ","
codes:
  Feeling looked after: cared.for
  Team work: working.together
consent:
  "yes - web and video": [web, video]
  "web only": [web]
  no: []                       # unquoted on purpose: YAML 1.2 keeps it the word "no"
defaults: {audience: both}
"""
STORY = """\
title: "Looked after at work"
audience: staff
outputs: [web]
narrator: "Jo, who works on a hospital ward"
summary: "What it is like when the people around you notice."
beats:
  - heading: "Somebody noticed"
    themes: [cared.for]
    excerpts: 2
    intro: "It started with small things."
  - heading: "Not on our own"
    themes: [working.together]
    excerpts: 2
    intro: "And then we stopped working alone."
"""


def _sheet(path: Path) -> None:
    book = Workbook()
    book.active.append(["Ref", "Quote", "Themes", "Consent given", "Job"])
    for row in ROWS:
        book.active.append(list(row))
    book.save(path)


def test_when_a_comms_officer_imports_their_own_spreadsheet_then_check_is_clean_and_the_web_build_publishes(tmp_path, capsys):
    project = tmp_path / "kindness"
    assert main(["init", "--empty", str(project)]) == 0
    assert main(["--project", str(project), "check"]) == 0
    assert "Next: storymaker import" in capsys.readouterr().out
    _sheet(tmp_path / "quotes.xlsx")
    (tmp_path / "map.yaml").write_text(MAP, encoding="utf-8")
    (project / "stories/looked-after.story.yaml").write_text(STORY, encoding="utf-8")
    register = project / "stories/anonymise.yaml"  # the one real name in the sheet, registered as a user would
    register.write_text(register.read_text(encoding="utf-8").replace("people: []", 'people:\n  - {name: "Alan", replace: "my supervisor"}'), encoding="utf-8")

    assert main(["--project", str(project), "import", str(tmp_path / "quotes.xlsx"), "--map", str(tmp_path / "map.yaml")]) == 0
    out = capsys.readouterr().out
    assert "read 1 source, 10 coded segments, 2 codes, 5 participants, 10 excerpts" in out
    assert "added 2 theme(s) to stories/codebook.yaml: cared.for, working.together" in out
    assert "not recognised" not in out
    assert main(["--project", str(project), "check"]) == 0, capsys.readouterr().err
    assert main(["--project", str(project), "build", "--web"]) == 0, capsys.readouterr().err
    pages = sorted((project / "output/web").rglob("*.html"))
    published = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    assert "looked-after" in " ".join(p.as_posix() for p in pages)
    assert "Alan" not in published
    assert "without anyone keeping score" not in published  # R05 said no
    quoted = [text for ref, text, *_ in ROWS if ref != "R05" and "'" not in text]
    assert sum(text in published for text in quoted) >= 3  # the participants' own words, verbatim


def test_when_the_studio_uses_the_api_then_it_sees_columns_values_a_preview_and_can_save_the_map(tmp_path):
    from storymaker.importers import api
    import yaml

    _sheet(tmp_path / "quotes.xlsx")
    info = api.inspect(tmp_path / "quotes.xlsx")
    assert (info.kind, info.columns, info.rows) == ("xlsx", ("Ref", "Quote", "Themes", "Consent given", "Job"), 10)
    assert api.distinct_values(tmp_path / "quotes.xlsx", "Consent given") == [
        ("web only", 4), ("yes - web and video", 2), ("Yes - web and video", 2), ("no", 2)]
    from ruamel.yaml import YAML

    settings = YAML(typ="safe", pure=True).load(MAP)  # YAML 1.2, as storymaker reads map files: "no" stays "no"
    shown = api.preview(tmp_path / "quotes.xlsx", settings, limit=3)
    assert [(r["participant"], r["themes"], r["consent"], r["audience"]) for r in shown.rows] == [
        ("R01", "cared.for", "web;video", "both"), ("R01", "working.together", "web;video", "both"), ("R02", "cared.for", "web", "both")]
    (tmp_path / "map.yaml").write_text("# my notes\ncolumns: {}\n", encoding="utf-8")
    api.write_map_file(tmp_path / "map.yaml", settings)
    saved = (tmp_path / "map.yaml").read_text(encoding="utf-8")
    assert saved.startswith("# my notes") and YAML(typ="safe", pure=True).load(saved) == settings
    project = tmp_path / "p"
    assert main(["init", "--empty", str(project)]) == 0
    report = api.run(project, tmp_path / "quotes.xlsx", settings)
    assert report.counts["excerpts"] == 10 and not list(project.glob("output"))
