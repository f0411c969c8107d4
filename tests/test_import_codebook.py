"""REFI-QDA codebooks (.qdc) merged into stories/codebook.yaml."""
from __future__ import annotations

import yaml

from helpers.refi import Code, make_project, qdc
from storymaker.importers import run_import

CODES = [
    Code("Staff care", [Code("Manager", description="A manager  noticed\nsomething."), Code("Rota")], codable=False),
    Code("Working together", description="Teams across services."),
]


def test_when_a_codebook_is_imported_then_codable_codes_become_dotted_themes(tmp_path):
    root = make_project(tmp_path / "proj", {"working_together": "Our own words."})
    (tmp_path / "codes.qdc").write_bytes(qdc(CODES))
    report = run_import(root, tmp_path / "codes.qdc")
    data = yaml.safe_load((root / "stories/codebook.yaml").read_text(encoding="utf-8"))
    assert data == {"themes": {"working_together": "Our own words.", "staff_care.manager": "A manager noticed something.",
                               "staff_care.rota": "Rota"}}
    lines = report.lines()
    assert "wrote 2 new theme(s) to stories/codebook.yaml" in lines
    assert not any("existing description" in line for line in lines)  # existing themes are never touched


def test_when_a_code_map_is_given_then_codebook_codes_take_the_mapped_tag(tmp_path):
    root = make_project(tmp_path / "proj")
    (tmp_path / "codes.qdc").write_bytes(qdc(CODES))
    (tmp_path / "map.yaml").write_text("codes:\n  Manager: caring_about_staff\n  Rota: ~\n", encoding="utf-8")
    run_import(root, tmp_path / "codes.qdc", code_map=tmp_path / "map.yaml")
    data = yaml.safe_load((root / "stories/codebook.yaml").read_text(encoding="utf-8"))
    assert list(data["themes"]) == ["caring_about_staff", "working_together"]
