"""End to end: the small project built for real (espeak-ng, ffmpeg, the publish gate)."""
from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers.project import SMALL, add_excerpt, run_cli
from storymaker import prepare as prepare_module
from storymaker.build import build
from storymaker.errors import AnonymisationError, InputError


def registered(project: Path) -> list[str]:
    data = yaml.safe_load((project / "stories/anonymise.yaml").read_text(encoding="utf-8"))
    out = []
    for key in ("people", "places", "organisations", "other"):
        for item in data.get(key) or []:
            out += [item["name"], *item.get("aliases", [])] if isinstance(item, dict) else [str(item)]
    return out


def all_bytes(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("built") / "project"
    shutil.copytree(SMALL, project)
    result = run_cli("--project", str(project), "build")
    assert result.returncode == 0, result.stderr
    return project


@pytest.mark.video
def test_build_writes_pages_videos_and_captions_for_each_story(built: Path):
    web, video = built / "output/web", built / "output/video"
    assert (web / "index.html").is_file()
    for slug, audience in (("short-staff", "staff"), ("short-community", "community")):
        mp4 = video / audience / f"{slug}-16x9.mp4"
        assert mp4.is_file() and (video / audience / f"{slug}-16x9.vtt").read_text().startswith("WEBVTT")
        probe = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-of", "json", str(mp4)],
                                          capture_output=True, text=True, check=True).stdout)
        kinds = {s["codec_type"]: s["codec_name"] for s in probe["streams"]}
        assert kinds["video"] == "h264" and kinds["audio"] == "aac"
    pages = [p for p in web.rglob("*.html") if p.name != "index.html" or p.parent != web]
    assert len(pages) >= 2
    text = " ".join(p.read_text(encoding="utf-8") for p in pages)
    assert "composite" in text.lower()


@pytest.mark.video
def test_no_registered_identifier_appears_anywhere_under_output(built: Path):
    needles = [n.lower().encode() for n in registered(built)]
    assert needles
    for path, data in all_bytes(built / "output"):
        low = data.lower()
        assert not [n for n in needles if n in low], path
        assert not [n for n in needles if n.decode() in path.as_posix().lower()], path


@pytest.mark.video
def test_private_material_goes_to_private_and_never_to_output(built: Path):
    private = built / "private"
    assert (private / "anonymisation-log.csv").is_file()
    assert list(private.rglob("*.md")), "member-check packs and scripts expected"
    names = {p.name for p in (built / "output").rglob("*")}
    assert not any("anonymisation" in n or "provenance" in n or "member" in n for n in names)


def test_a_build_with_an_unresolved_flag_writes_nothing(small_project: Path):
    add_excerpt(small_project, 'X9,P01,"I rang Bartholomew about the rota.",staff.care,staff,web;video\n')
    result = run_cli("--project", str(small_project), "build", "--web")
    assert result.returncode == 1 and "unreviewed" in result.stderr
    assert not (small_project / "output").exists() and not (small_project / "private").exists()


def _previous_output(project: Path) -> dict:
    build(project, web=True)
    return {p: b for p, b in all_bytes(project / "output")}


def test_the_publish_gate_catches_an_identifier_smuggled_through_a_template(small_project: Path, monkeypatch):
    before = _previous_output(small_project)
    name = registered(small_project)[0]
    shutil.copytree(Path(__file__).resolve().parent.parent / "templates/web", small_project / "templates/web")
    templates = sorted((small_project / "templates/web").glob("*.html"))
    for t in templates:
        t.write_text(t.read_text(encoding="utf-8").replace("</body>", f"<p>Thanks to {name}</p></body>"), encoding="utf-8")
    with pytest.raises(InputError) as err:  # check's scan of the templates stops it first, naming the line
        build(small_project, web=True)
    assert "templates/web/base.html:" in str(err.value) and name not in str(err.value)
    # switch off that first line of defence to prove the gate holds on its own
    monkeypatch.setattr(prepare_module, "source_problems", lambda *args: [])
    with pytest.raises(AnonymisationError) as err:
        build(small_project, web=True)
    assert "publish gate" in str(err.value) and name not in str(err.value)
    assert "templates/web/base.html:" in str(err.value)  # the gate says which template line holds it
    assert {p: b for p, b in all_bytes(small_project / "output")} == before


def test_the_publish_gate_catches_an_identifier_in_a_story_title(small_project: Path, monkeypatch):
    before = _previous_output(small_project)
    name = registered(small_project)[0]
    spec_file = small_project / "stories/short-staff.story.yaml"
    data = spec_file.read_text(encoding="utf-8")
    spec_file.write_text(data.replace("title:", f"title: {name} and", 1), encoding="utf-8")
    # switch off the first line of defence (anonymising titles) to prove the gate holds on its own
    original = prepare_module._safe_text
    monkeypatch.setattr(prepare_module, "_safe_text", lambda prep, text, spec, line, what: text if what == "story title" else original(prep, text, spec, line, what))
    with pytest.raises(AnonymisationError) as err:
        build(small_project, web=True)
    assert "publish gate" in str(err.value)
    assert {p: b for p, b in all_bytes(small_project / "output")} == before


def test_building_twice_gives_byte_identical_pages(small_project: Path):
    build(small_project, web=True)
    one = {p.relative_to(small_project / "output"): b for p, b in all_bytes(small_project / "output/web")}
    build(small_project, web=True)
    two = {p.relative_to(small_project / "output"): b for p, b in all_bytes(small_project / "output/web")}
    assert one == two


@pytest.mark.video
def test_partial_builds_keep_the_rest_and_pages_pick_up_videos_built_earlier(small_project: Path):
    build(small_project, web=True)
    pages_before = (small_project / "output/web/community/short-community.html").read_bytes()
    result = build(small_project, video=True, only="short-staff")
    assert [(v.slug, v.audience) for v in result.videos] == [("short-staff", "staff")]
    assert result.videos[0].mp4.is_file()  # paths point into output/, not the staging folder
    assert (small_project / "output/web/community/short-community.html").read_bytes() == pages_before
    build(small_project, web=True)
    assert "<video" in (small_project / "output/web/staff/short-staff.html").read_text(encoding="utf-8")
    assert "<video" not in (small_project / "output/web/community/short-community.html").read_text(encoding="utf-8")


@pytest.mark.video
def test_every_caption_file_built_keeps_the_broadcast_rules(built: Path):
    from helpers.video import assert_broadcast_rules
    files = sorted((built / "output/video").rglob("*.vtt")) + sorted((built / "output/video").rglob("*.srt"))
    files = [f for f in files if not f.name.endswith(".chapters.vtt")]
    assert files
    for path in files:
        assert_broadcast_rules(path)
