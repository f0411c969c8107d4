"""``storymaker serve``: preview ``output/web`` on 127.0.0.1 and rebuild when inputs change.

A :class:`http.server.ThreadingHTTPServer` serves ``<root>/output/web`` (only
on the loopback interface, to requests addressed to it: see :mod:`storymaker.localhost`), answering byte ranges so videos can seek,
at the path of the project's ``base_url`` (``/straeon/`` for ``https://example.gov.wales/straeon/``;
``/`` redirects there), with the site's own ``404.html`` for a page that is not there and the
live address in pages rewritten to this preview's, so no link leaves the computer. A
polling :class:`Watcher` compares the modification times and sizes of every
file under ``stories/``, ``templates/`` and ``assets/`` once a second; on a
change it calls ``build()``. A failed build prints its problems one per line
and the server keeps serving the last good output (the build swaps
``output/`` only when it succeeds).
"""
from __future__ import annotations

import io
import os
import re
import sys
import threading
from functools import partial
from urllib.parse import urlsplit
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
    base_url = ""  # the site's live address: served at its path, and rewritten to this preview's in pages

    @property
    def prefix(self) -> str:
        return site_path(self.base_url)

    def translate_path(self, path: str) -> str:
        """A path under the site's prefix, as a file under the served folder; anything else, nowhere."""
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix) and clean + "/" != self.prefix:
            return os.path.join(self.directory, ".storymaker-outside-the-site", "none")  # never a file: a 404
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page answers with the site's own 404.html, as the live site would."""
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file() or self.command == "HEAD":
            return super().send_error(code, message, explain)
        body = self.live_to_local(page.read_bytes())
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def live_to_local(self, body: bytes) -> bytes:
        if not self.base_url:
            return body
        return body.replace(self.base_url.encode(), self.prefix.encode())

    def page(self, path: str):
        """An HTML page with the live address made this preview's (None: serve the file as it is)."""
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not path.endswith(".html") or not self.base_url or not os.path.isfile(path):
            return None
        body = self.live_to_local(Path(path).read_bytes())
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

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
        if self.path.split("?")[0] + "/" == self.prefix or (self.path == "/" and self.prefix != "/"):
            self.send_response(HTTPStatus.FOUND)  # the site lives under its own path, as it will live
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if (page := self.page(path)) is not None:
            return page
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


def site_path(base_url: str) -> str:
    """The path a site lives at: ``https://example.gov.wales/straeon`` -> ``/straeon/``; ``/`` without one."""
    path = urlsplit(base_url).path if base_url else ""
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def make_server(web_dir: Path, port: int = 8000, base_url: str = "") -> ThreadingHTTPServer:
    """An HTTP server for ``web_dir`` on 127.0.0.1 (``port=0``: any free port) at ``base_url``'s path;
    a taken port is a UsageError."""
    live = base_url.rstrip("/") + "/" if base_url else ""
    handler = partial(type("SiteHandler", (PreviewHandler,), {"base_url": live}), directory=str(web_dir))
    return bind_local(lambda address: ThreadingHTTPServer(address, handler), port)


def project_base_url(root: Path) -> str:
    """The project's base_url, or "" (a setting with a problem is reported by the build)."""
    from .load.settings import read_project_settings
    return read_project_settings(root / "stories/project.yaml", "stories/project.yaml", root)[2]


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
    base_url = project_base_url(root)
    server = make_server(web, port, base_url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    try:
        watcher = Watcher([root / name for name in WATCHED])
        if build and not rebuild(build, say) and not web.is_dir():
            say("nothing to show yet: fix the problems above and save; every change rebuilds")
        thread.start()
        say(f"serving at http://{LOOPBACK}:{server.server_address[1]}{site_path(base_url)} (only this computer can see it; "
            "Ctrl+C to stop)")
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
