"""`storymaker serve` is safe to leave running: loopback only, local Host: only (no DNS
rebinding), a busy port found before any build, and messages that say what happened."""
from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers.web import served
from storymaker.localhost import allowed_host
from test_output_guard import snapshot


def status_for(url: str, host: str | None) -> int:
    port = urlsplit(url).port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.putrequest("GET", urlsplit(url).path or "/", skip_host=True)  # the site's path: base_url's
    if host is not None:
        conn.putheader("Host", host)
    conn.endheaders()
    status = conn.getresponse().status
    conn.close()
    return status


@pytest.fixture
def site(tmp_path: Path):
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "index.html").write_text("<p>hello</p>")
    with served(tmp_path / "web") as url:
        yield url, int(url.rsplit(":", 1)[1].strip("/"))


def test_when_the_host_is_local_with_the_right_port_then_the_page_is_served(site):
    url, port = site
    assert status_for(url, f"localhost:{port}") == 200
    assert status_for(url, f"127.0.0.1:{port}") == 200
    assert status_for(url, f"LOCALHOST:{port}") == 200


@pytest.mark.parametrize("host", ["evil.example:{port}", "evil.example", "localhost", "127.0.0.1:{other}",
                                  "localhost.evil.example:{port}", "192.168.1.5:{port}", "", None])
def test_when_the_host_is_anything_else_then_the_answer_is_421(site, host):
    url, port = site
    assert status_for(url, None if host is None else host.format(port=port, other=port + 1)) == 421


def test_allowed_host_is_exact():
    assert allowed_host("localhost:8000", 8000) and allowed_host(" 127.0.0.1:8000 ", 8000)
    assert not any(allowed_host(h, 8000) for h in ("localhost:8001", "localhost", "[::1]:8000", None, "x@localhost:8000"))


def test_the_server_listens_on_the_loopback_interface_only(site):
    url, port = site
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outward address
            outward = probe.getsockname()[0]
        except OSError:
            outward = "127.0.0.1"
    if outward.startswith("127."):
        pytest.skip("this machine has no address other than loopback")
    with pytest.raises(OSError):
        socket.create_connection((outward, port), timeout=2).close()


def cli_serve(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "storymaker", "--project", str(project), "serve", *args],
                            stderr=subprocess.PIPE, text=True)


def test_when_the_port_is_taken_then_serve_says_so_before_building(small_project: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        before = snapshot(small_project)
        proc = cli_serve(small_project, "--port", str(port))
        err = proc.communicate(timeout=60)[1]
    lines = [l for l in err.splitlines() if l.strip()]
    assert proc.returncode == 2 and len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith(f"storymaker: port {port} is in use; try --port ")
    assert int(lines[0].rsplit(" ", 1)[1]) > port
    assert snapshot(small_project) == before  # nothing was built


def read_until(proc: subprocess.Popen, fragment: str, timeout: float = 120) -> list[str]:
    seen, end = [], time.time() + timeout
    while time.time() < end:
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line.rstrip())
        if fragment in line:
            return seen
    raise AssertionError(f"never printed {fragment!r}: {seen}")


def test_serve_says_serving_once_it_serves_and_rebuilt_after_a_change(small_project: Path):
    proc = cli_serve(small_project, "--port", "0", "--web")
    try:
        first = read_until(proc, "serving at http://127.0.0.1:")
        assert not any("rebuilt" in l for l in first) and "only this computer can see it" in first[-1]
        url = first[-1].split("serving at ", 1)[1].split()[0]
        assert status_for(url, f"localhost:{urlsplit(url).port}") == 200
        path = small_project / "stories" / "project.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        later = read_until(proc, "rebuilt after")
        assert later[-1] == "rebuilt after a change to stories/project.yaml; reload the page to see it"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
