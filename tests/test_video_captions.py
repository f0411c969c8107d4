"""Captions of the bundled example's videos, measured as a broadcaster would: every caption file
(WebVTT and SRT) keeps the BBC's rules, the 95th-percentile reading rate included.

The cues are made the renderer's way from the real default voice (hibari), without encoding the
videos; the statistics of each file are also written to tests/artefacts/caption-stats.txt."""
from __future__ import annotations

import pytest

from helpers.captions import story_cues
from helpers.video import ROOT, assert_broadcast_rules
from storymaker.build import load, prepared
from storymaker.render.video.captions import to_srt, to_vtt

pytestmark = pytest.mark.video


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> dict[str, tuple]:
    cache = tmp_path_factory.mktemp("bundled-cache")
    stories = [c.story for c in prepared(load(ROOT), ("video",), None).compositions if c.story.channel == "video"]
    return {s.key: story_cues(s, ROOT, cache) for s in stories}


def test_the_bundled_example_has_four_videos(bundled):
    assert len(bundled) == 4, sorted(bundled)


@pytest.mark.parametrize("kind", ["vtt", "srt"])
def test_every_caption_file_of_the_bundled_videos_keeps_the_broadcast_rules(bundled, kind, tmp_path):
    rows = []
    for key, cues in sorted(bundled.items()):
        path = tmp_path / f"{key.replace('/', '-')}.{kind}"
        path.write_text(to_vtt(cues) if kind == "vtt" else to_srt(cues), encoding="utf-8")
        stats = assert_broadcast_rules(path)
        rows.append(f"{path.name:45s} {stats['chars']:>5d} {stats['lines']:>5d} {stats['wpm_p95']:>8.1f} {stats['wpm']:>7.1f} "
                    f"{stats['shortest']:>8.2f} {stats['min_gap']:>7.3f}")
    out = ROOT / "tests" / "artefacts"
    out.mkdir(exist_ok=True)
    head = f"{'file':45s} chars lines  wpm p95 wpm max shortest min gap"
    (out / f"caption-stats-{kind}.txt").write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")


def test_when_the_theme_allows_42_characters_then_lines_grow_to_42_and_every_other_rule_holds(tmp_path):
    import shutil
    from dataclasses import replace
    story = next(c.story for c in prepared(load(ROOT), ("video",), "when-the-targets-stopped").compositions
                 if c.story.channel == "video")
    theme = tmp_path / "templates" / "video" / "wide"
    shutil.copytree(ROOT / "templates" / "video" / "default", theme)
    text = (theme / "theme.yaml").read_text(encoding="utf-8")
    (theme / "theme.yaml").write_text(text.replace("max_chars: 37", "max_chars: 42", 1), encoding="utf-8")
    story = replace(story, beats=story.beats[:2], video=replace(story.video, theme="wide"))  # a few sentences: fast
    cues = story_cues(story, ROOT, tmp_path / "cache", tmp_path / "templates")
    path = tmp_path / "wide.vtt"
    path.write_text(to_vtt(cues), encoding="utf-8")
    assert 37 < assert_broadcast_rules(path, max_chars=42)["chars"] <= 42
