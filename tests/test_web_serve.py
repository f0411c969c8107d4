"""``storymaker serve``: serves output/web on 127.0.0.1, rebuilds on change, survives failed builds."""
from __future__ import annotations

import threading
import time
import urllib.request
from pathlib import Path

import pytest

from helpers.web import served
from storymaker.errors import InputError
from storymaker.model import Problem
from storymaker.serve import Watcher, rebuild, serve


def fetch(url: str, headers: dict | None = None):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as r:
        return r.status, r.headers, r.read()


def project(tmp_path: Path) -> Path:
    for name in ("stories", "templates", "assets", "output/web"):
        (tmp_path / name).mkdir(parents=True)
    (tmp_path / "output/web/index.html").write_text("<p>hello</p>")
    (tmp_path / "output/web/clip.vtt").write_text("WEBVTT\n")
    (tmp_path / "output/web/data.bin").write_bytes(bytes(range(256)))
    return tmp_path


def test_when_serving_then_files_have_right_types_and_byte_ranges_work(tmp_path):
    root = project(tmp_path)
    with served(root / "output/web") as url:
        assert fetch(url)[2] == b"<p>hello</p>"
        assert fetch(url + "clip.vtt")[1]["Content-Type"] == "text/vtt"
        status, headers, body = fetch(url + "data.bin", {"Range": "bytes=10-19"})
        assert (status, headers["Content-Range"], body) == (206, "bytes 10-19/256", bytes(range(10, 20)))
        assert fetch(url + "data.bin", {"Range": "bytes=-6"})[2] == bytes(range(250, 256))
        assert url.startswith("http://127.0.0.1:")


def test_when_path_tries_to_leave_the_folder_then_it_is_not_served(tmp_path):
    root = project(tmp_path)
    (root / "secret.txt").write_text("secret")
    with served(root / "output/web") as url:
        with pytest.raises(urllib.error.HTTPError):
            fetch(url + "../../secret.txt")
        with pytest.raises(urllib.error.HTTPError):
            fetch(url + "%2e%2e/%2e%2e/secret.txt")


@pytest.mark.parametrize("change", ["add", "edit", "remove"])
def test_when_a_watched_file_changes_then_the_watcher_notices_once(tmp_path, change):
    root = project(tmp_path)
    story = root / "stories" / "a.yaml"
    story.write_text("one")
    watcher = Watcher([root / "stories", root / "templates"])
    target = root / "templates" / "new.html" if change == "add" else story
    {"add": lambda: target.write_text("x"), "edit": lambda: target.write_text("three!"),
     "remove": target.unlink}[change]()
    assert watcher.changed() is True
    assert watcher.changed() is False


def test_when_only_hidden_or_backup_files_change_then_nothing_is_rebuilt(tmp_path):
    root = project(tmp_path)
    watcher = Watcher([root / "stories"])
    (root / "stories" / ".a.yaml.swp").write_text("x")
    (root / "stories" / "a.yaml~").write_text("x")
    assert watcher.changed() is False


@pytest.mark.parametrize("error, expected", [
    (InputError([Problem("stories/a.yaml", 3, "title is missing: add title:"), Problem("stories/b.yaml", 0, "bad")]),
     ["build failed: stories/a.yaml:3: title is missing: add title:", "build failed: stories/b.yaml: bad",
      "still serving the last good pages"]),
    (RuntimeError("boom\nsecond line"), ["build failed: RuntimeError: boom (still serving the last good pages)"]),
])
def test_when_a_build_fails_then_each_problem_is_one_line_and_no_traceback(error, expected):
    said: list[str] = []

    def failing() -> None:
        raise error

    assert rebuild(failing, said.append) is False
    assert said == expected


def test_when_inputs_change_while_serving_then_build_runs_and_pages_stay_up(tmp_path):
    root = project(tmp_path)
    builds: list[float] = []
    said: list[str] = []
    stop = threading.Event()

    def build() -> None:
        builds.append(time.monotonic())
        if len(builds) == 2:
            raise InputError(Problem("stories/a.yaml", 1, "broken"))

    thread = threading.Thread(target=serve, args=(root, 0, build),
                              kwargs={"interval": 0.05, "stop": stop, "say": said.append})
    thread.start()
    try:
        wait_for(lambda: any(s.startswith("serving at") for s in said))
        (root / "stories" / "a.yaml").write_text("changed")
        wait_for(lambda: len(builds) == 2)
        port = int(next(s for s in said if s.startswith("serving at")).split("127.0.0.1:", 1)[1].split("/")[0])
        assert fetch(f"http://127.0.0.1:{port}/")[2] == b"<p>hello</p>"
    finally:
        stop.set()
        thread.join(5)
    assert "build failed: stories/a.yaml:1: broken" in said and not thread.is_alive()


def test_when_once_is_set_then_serve_builds_polls_once_and_returns(tmp_path):
    root = project(tmp_path)
    builds: list[int] = []
    serve(root, 0, lambda: builds.append(1), once=True, interval=0.01, say=lambda s: None)
    assert builds == [1]


def wait_for(condition, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


def test_when_port_is_taken_then_a_usage_error_names_the_fix(tmp_path):
    from storymaker.errors import UsageError
    root = project(tmp_path)
    with served(root / "output/web") as url:
        port = int(url.rsplit(":", 1)[1].strip("/"))
        with pytest.raises(UsageError, match=f"port {port} is in use; try --port "):
            serve(root, port, once=True, interval=0.01, say=lambda s: None)
