"""``storymaker serve``: preview ``output/web`` on 127.0.0.1 and rebuild when inputs change.

A :class:`http.server.ThreadingHTTPServer` serves ``<root>/output/web`` (only
on the loopback interface, to requests addressed to it: see :mod:`storymaker.localhost`), answering byte ranges so videos can seek. A
polling :class:`Watcher` compares the modification times and sizes of every
file under ``stories/``, ``templates/`` and ``assets/`` once a second; on a
change it calls ``build()``. A failed build prints its problems one per line
and the server keeps serving the last good output (the build swaps
``output/`` only when it succeeds).
"""
from __future__ import annotations

import os
import re
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from .errors import StorymakerError
from .localhost import LOOPBACK, LocalOnly, bind_local

WATCHED = ("stories", "templates", "assets")
RANGE_RE = re.compile(r"bytes=(\d*)-(\d*)$")


class PreviewHandler(LocalOnly, SimpleHTTPRequestHandler):
    """Static files for local requests only, no caching, quiet logs, WebVTT type and single byte ranges."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".vtt": "text/vtt", ".mp4": "video/mp4"}
    byte_range: tuple[int, int] | None = None

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's name)
        pass

    def send_head(self):
        """Like the parent, but answer ``Range: bytes=a-b`` with 206 Partial Content."""
        self.byte_range = None
        match = RANGE_RE.match(self.headers.get("Range", "").strip())
        path = self.translate_path(self.path)
        if not match or not os.path.isfile(path) or match.groups() == ("", ""):
            return super().send_head()
        size = os.path.getsize(path)
        first, last = match.groups()
        start = int(first) if first else max(size - int(last), 0)
        end = min(int(last), size - 1) if first and last else size - 1
        if start >= size or start > end:
            self.send_error(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            return None
        handle = open(path, "rb")
        handle.seek(start)
        self.byte_range = (start, end)
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return handle

    def copyfile(self, source, outputfile) -> None:
        if self.byte_range is None:
            return super().copyfile(source, outputfile)
        remaining = self.byte_range[1] - self.byte_range[0] + 1
        while remaining > 0 and (chunk := source.read(min(64 * 1024, remaining))):
            outputfile.write(chunk)
            remaining -= len(chunk)


def make_server(web_dir: Path, port: int = 8000) -> ThreadingHTTPServer:
    """An HTTP server for ``web_dir`` on 127.0.0.1 (``port=0``: any free port); a taken port is a UsageError."""
    handler = partial(PreviewHandler, directory=str(web_dir))
    return bind_local(lambda address: ThreadingHTTPServer(address, handler), port)


class Watcher:
    """Notices added, removed or changed files under some folders, by polling."""

    def __init__(self, folders: list[Path]):
        self.folders = folders
        self.seen = self.snapshot()
        self.last: list[str] = []  # the paths that changed, as of the last True from changed()

    def snapshot(self) -> dict[str, tuple[int, int]]:
        state: dict[str, tuple[int, int]] = {}
        for folder in self.folders:
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    if name.startswith(".") or name.endswith("~"):
                        continue
                    path = os.path.join(dirpath, name)
                    try:
                        info = os.stat(path)
                    except OSError:
                        continue
                    state[path] = (info.st_mtime_ns, info.st_size)
        return state

    def changed(self) -> bool:
        """True once per change since the last call."""
        now = self.snapshot()
        if now == self.seen:
            return False
        self.last = sorted(p for p in set(now) | set(self.seen) if now.get(p) != self.seen.get(p))
        self.seen = now
        return True

    def what_changed(self, root: Path) -> str:
        if not self.last:
            return "a change"
        first = Path(self.last[0])
        name = first.relative_to(root).as_posix() if first.is_relative_to(root) else str(first)
        return f"a change to {name}" + (f" and {len(self.last) - 1} other file(s)" if len(self.last) > 1 else "")


def rebuild(build: Callable[[], None], say: Callable[[str], None], after: str = "") -> bool:
    """Run ``build``; print problems one per line instead of a traceback.

    ``after`` says why it ran ("a change to stories/x.yaml"); the first build passes nothing."""
    try:
        build()
    except StorymakerError as exc:
        for problem in exc.problems:
            say(f"build failed: {problem}")
        say("still serving the last good pages")
        return False
    except Exception as exc:  # the preview must survive any bug in a build
        first = str(exc).splitlines()[0] if str(exc) else ""
        say(f"build failed: {type(exc).__name__}: {first} (still serving the last good pages)")
        return False
    if after:
        say(f"rebuilt after {after}; reload the page to see it")
    return True


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def serve(root: Path, port: int = 8000, build: Callable[[], None] | None = None, once: bool = False, *,
          interval: float = 1.0, stop: threading.Event | None = None,
          say: Callable[[str], None] = _say) -> None:
    """Serve ``root/output/web`` until Ctrl+C (or ``stop`` is set), rebuilding on changes.

    The port is taken before the first build, so a busy port is reported at once.
    ``once=True`` builds, starts the server, polls for changes one time and
    returns (for scripts and tests).
    """
    root = Path(root)
    web = root / "output" / "web"
    server = make_server(web, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        watcher = Watcher([root / name for name in WATCHED])
        if build and not rebuild(build, say) and not web.is_dir():
            say("nothing to show yet: fix the problems above and save; every change rebuilds")
        thread.start()
        say(f"serving at http://{LOOPBACK}:{server.server_address[1]}/ (only this computer can see it; Ctrl+C to stop)")
        watch(watcher, build, once, interval, stop or threading.Event(), say, root)
    finally:
        if thread.is_alive():
            server.shutdown()
        server.server_close()


def watch(watcher: Watcher, build: Callable[[], None] | None, once: bool, interval: float,
          stop: threading.Event, say: Callable[[str], None], root: Path = Path(".")) -> None:
    """Poll for changes every ``interval`` seconds, rebuilding on each, until stopped."""
    try:
        while not stop.wait(interval):
            if watcher.changed() and build:
                rebuild(build, say, watcher.what_changed(root))
            if once:
                break
    except KeyboardInterrupt:
        say("stopped")
