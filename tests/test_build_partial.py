"""Partial builds (`--story`, `--web`) give the site a full build would, and keep the rest.

A web editor fixes a typo in one story and uploads output/web: every other story, the index,
the feed and the sitemap must still be there, exactly as a full build would write them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.site import STORIES, write_project
from storymaker.build import build
from storymaker.errors import AnonymisationError

WEB_ONLY = {slug: (a, t, "web", n) for slug, (a, t, _, n) in STORIES.items()}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def retitle(root: Path, slug: str, title: str) -> None:
    path = root / "stories" / f"{slug}.story.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(f'title: "{title}"\n' if ln.startswith("title:") else ln for ln in lines), encoding="utf-8")


def test_rebuilding_one_story_gives_the_same_site_as_a_full_build_of_the_edited_project(tmp_path):
    root = write_project(tmp_path / "p", WEB_ONLY)
    build(root)
    retitle(root, "the-quiet-desk", "The quiet desk by the stairs")
    build(root, only="the-quiet-desk")
    fresh = write_project(tmp_path / "fresh", WEB_ONLY)
    retitle(fresh, "the-quiet-desk", "The quiet desk by the stairs")
    build(fresh)
    after, expected = tree(root / "output/web"), tree(fresh / "output/web")
    assert sorted(after) == sorted(expected)
    assert [name for name in expected if after[name] != expected[name]] == []
    index = after["index.html"].decode()
    assert all(title in index for title in ("The quiet desk by the stairs", "A chair by the window", "The late bus"))
    assert b"a-chair-by-the-window" in after["sitemap.xml"] and b"A chair by the window" in after["feed.xml"]
    assert "community/a-chair-by-the-window.html" in after and "staff/the-late-bus.html" in after


def test_rebuilding_one_story_that_fails_leaves_the_published_site_as_it_was(tmp_path):
    root = write_project(tmp_path / "p", WEB_ONLY)
    build(root)
    before = tree(root / "output")
    retitle(root, "the-quiet-desk", "The desk Gwenhwyfar kept")  # an unreviewed name: the build must stop
    with pytest.raises(AnonymisationError):
        build(root, only="the-quiet-desk")
    assert tree(root / "output") == before


@pytest.fixture
def fake_videos(monkeypatch):
    """The video renderer replaced by a 2-second ffmpeg clip per story: the page, not the film, is under test."""
    from helpers.web import make_video
    import storymaker.render.video as video

    def render_videos(stories, folder, **_):
        return [make_video(Path(folder), s.slug, s.audience) for s in stories]
    monkeypatch.setattr(video, "render_videos", render_videos)


def test_a_web_only_rebuild_after_a_full_build_keeps_the_synthetic_voice_disclosure(tmp_path, fake_videos):
    root = write_project(tmp_path / "p")
    build(root)
    full = tree(root / "output/web")
    page = full["staff/the-late-bus.html"].decode()
    assert "<video" in page and "synthetic" in page.lower()
    build(root, web=True)
    assert tree(root / "output/web") == full
    build(root, only="the-quiet-desk")
    assert tree(root / "output/web") == full


def test_a_video_made_with_a_synthetic_voice_keeps_saying_so_when_the_spec_now_names_a_voice_artist(tmp_path, fake_videos):
    root = write_project(tmp_path / "p")
    build(root)
    spec = root / "stories/the-late-bus.story.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("{engine: espeak, name: en-gb}", "{engine: recorded, name: takes}"),
                    encoding="utf-8")
    build(root, web=True)  # the video on the page is still the synthetic one: its page must say so
    page = (root / "output/web/staff/the-late-bus.html").read_text(encoding="utf-8")
    assert "synthetic voice" in page and "voice artist" not in page


def test_a_video_only_rebuild_puts_the_new_video_on_its_page(tmp_path, monkeypatch):
    """The page copies its video into output/web/media: after --video it must be the new one."""
    from dataclasses import replace
    from helpers.web import make_video
    import storymaker.render.video as video
    length = {"seconds": 2.0}

    def render_videos(stories, folder, **_):
        return [replace(make_video(Path(folder), s.slug, s.audience), duration=length["seconds"]) for s in stories]
    monkeypatch.setattr(video, "render_videos", render_videos)
    root = write_project(tmp_path / "p")
    build(root)
    length["seconds"] = 75.0  # the story's video is made again, longer
    build(root, video=True)
    fresh = write_project(tmp_path / "fresh")
    build(fresh)
    assert tree(root / "output/web") == tree(fresh / "output/web")
    page = (root / "output/web/staff/the-late-bus.html").read_text(encoding="utf-8")
    assert "1 minute 15 seconds" in page or "1 min" in page
    assert (root / "output/web/media/staff/the-late-bus-16x9.mp4").read_bytes() == \
        (root / "output/video/staff/the-late-bus-16x9.mp4").read_bytes()


def test_a_partial_build_into_another_projects_output_keeps_none_of_its_videos(tmp_path, fake_videos):
    council = write_project(tmp_path / "council")
    build(council)
    assert (council / "output/video/staff/the-late-bus-16x9.mp4").is_file()
    charity = write_project(tmp_path / "charity", {"open-doors": ("community", "Open doors", "web", "Nia, who reads the papers")})
    build(charity, web=True, out=council / "output")
    left = sorted(p.relative_to(council / "output").as_posix() for p in (council / "output").rglob("*") if p.is_file())
    assert not any("the-late-bus" in p or "the-quiet-desk" in p for p in left), left
    assert "web/community/open-doors.html" in left and not any(p.startswith("video/") for p in left)


def test_rebuilding_a_story_keeps_the_video_of_a_story_whose_slug_starts_the_same(tmp_path, fake_videos):
    stories = {"bus": ("staff", "The bus", "web, video", "Tom, who drives"),
               "bus-stop": ("staff", "The bus stop", "web, video", "Rhys, who waits")}
    root = write_project(tmp_path / "p", stories)
    build(root)
    before = tree(root / "output")
    build(root, only="bus")
    assert (root / "output/video/staff/bus-stop-16x9.mp4").is_file()
    assert tree(root / "output") == before


def test_another_projects_private_folder_is_refused_as_out_and_left_as_it_was(tmp_path):
    from storymaker.errors import OutputError
    council = write_project(tmp_path / "council", WEB_ONLY)
    build(council)
    before = tree(council / "private")
    assert "anonymisation-log.csv" in before
    charity = write_project(tmp_path / "charity", {"open-doors": ("community", "Open doors", "web", "Nia, who reads the papers")})
    with pytest.raises(OutputError) as err:
        build(charity, web=True, out=council / "private")
    assert "is a private/ folder storymaker wrote" in str(err.value.problems[0])
    assert tree(council / "private") == before


def test_pages_that_ended_up_in_private_are_not_kept_there_by_a_partial_build(tmp_path):
    import json
    from storymaker.outguard import MARKER
    root = write_project(tmp_path / "p", WEB_ONLY)
    build(root)
    (root / "private/web").mkdir()
    (root / "private/web/index.html").write_text("<p>a site</p>", encoding="utf-8")
    marker = json.loads((root / "private" / MARKER).read_text(encoding="utf-8"))
    marker["files"] = sorted(marker["files"] + ["web/index.html"])
    (root / "private" / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    build(root, web=True)
    assert not (root / "private/web").exists() and (root / "private/anonymisation-log.csv").is_file()
