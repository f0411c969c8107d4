"""The studio refuses every request that is not from its own page in its own browser session."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from storymaker.studio.guard import COOKIE, Secrets
from storymaker.studio.server import bind, make_app
from tests.studio.data import fresh_project, spreadsheet

PORT = 8711
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture
def studio(tmp_path: Path):
    secrets = Secrets()
    app, _ = make_app(fresh_project(tmp_path / "p"), PORT, secrets, uploads=tmp_path / "uploads")
    client = TestClient(app, base_url=BASE)
    return client, secrets


def signed_in(client: TestClient, secrets: Secrets) -> TestClient:
    answer = client.get(f"/?token={secrets.token}", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    client.cookies.set(COOKIE, secrets.session)
    return client


def test_without_the_token_or_its_cookie_every_page_is_refused(studio):
    client, secrets = studio
    for path in ("/", "/review", "/stories", "/build", "/static/studio.js", "/output/web/index.html"):
        assert client.get(path).status_code == 403
    assert client.get("/?token=wrong").status_code == 403
    assert signed_in(client, secrets).get("/").status_code == 200


def test_a_foreign_host_is_refused_even_with_the_cookie(studio):
    client = signed_in(*studio)
    for host in ("evil.example", f"evil.example:{PORT}", "127.0.0.1:9", f"192.168.1.5:{PORT}"):
        answer = client.get("/", headers={"Host": host})
        assert answer.status_code == 403 and "local address" in answer.text


def test_a_foreign_origin_is_refused(studio):
    client, secrets = studio
    signed_in(client, secrets)
    headers = {"X-CSRF-Token": secrets.csrf, "Origin": "http://evil.example"}
    answer = client.post("/review/decide", json={"flag": "0123456789", "decision": "person"}, headers=headers)
    assert answer.status_code == 403 and "another site" in answer.text
    own = client.post("/stories/new", data={"title": "Mine"}, headers={"X-CSRF-Token": secrets.csrf, "Origin": BASE})
    assert own.status_code == 200


def test_a_post_without_the_csrf_token_is_refused_and_writes_nothing(studio, tmp_path):
    client, secrets = studio
    signed_in(client, secrets)
    register = tmp_path / "p" / "stories" / "anonymise.yaml"
    before = register.read_bytes()
    for headers in ({}, {"X-CSRF-Token": "guess"}):
        answer = client.post("/review/decide", json={"token": "Birgitta", "decision": "person"}, headers=headers)
        assert answer.status_code == 403 and "CSRF" in answer.text
    assert register.read_bytes() == before


def test_every_response_has_a_policy_with_no_external_source(studio):
    client = signed_in(*studio)
    policy = client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert not re.search(r"https?:|\*", policy)
    assert client.get("/nowhere").headers["content-security-policy"] == policy


@pytest.mark.parametrize("name", ["../../stories/anonymise.yaml", "..\\..\\evil.csv", "/etc/passwd.csv", ".hidden.csv", "a/../b.csv"])
def test_an_upload_named_as_a_path_is_refused(studio, tmp_path, name):
    client, secrets = studio
    signed_in(client, secrets)
    before = sorted(tmp_path.rglob("*"))
    answer = client.post("/import/upload", files={"file": (name, spreadsheet(3))}, headers={"X-CSRF-Token": secrets.csrf})
    assert answer.status_code == 400 and "refused" in answer.text
    assert sorted(tmp_path.rglob("*")) == before  # nothing written anywhere


def test_an_accepted_upload_is_saved_under_a_generated_name(studio, tmp_path):
    client, secrets = studio
    signed_in(client, secrets)
    answer = client.post("/import/upload", files={"file": ("Coded interviews (final).csv", spreadsheet(3))},
                         headers={"X-CSRF-Token": secrets.csrf})
    saved = list((tmp_path / "uploads").rglob("*.csv"))
    assert answer.status_code == 200 and [p.name for p in saved] == ["coded-interviews-final.csv"]
    assert re.fullmatch(r"[0-9a-f]{16}", saved[0].parent.name)


def test_an_oversized_upload_is_refused_before_it_is_read(studio, tmp_path, monkeypatch):
    client, secrets = studio
    signed_in(client, secrets)
    big = b"Interviewee,Quote,Codes\n" + b"I01,words,code\n" * (51 * 2**20 // 15)
    answer = client.post("/import/upload", files={"file": ("big.csv", big)}, headers={"X-CSRF-Token": secrets.csrf})
    assert answer.status_code == 413
    assert not list((tmp_path / "uploads").rglob("*.csv"))


def test_the_server_listens_on_127_0_0_1_only(tmp_path):
    sock = bind(0)
    try:
        assert sock.getsockname()[0] == "127.0.0.1"
    finally:
        sock.close()
    project = fresh_project(tmp_path / "p")
    proc = subprocess.Popen([sys.executable, "-m", "storymaker", "studio", "--project", str(project), "--no-browser"],
                            stdout=subprocess.PIPE, text=True)
    try:
        url = next(line for line in proc.stdout if "open http" in line).split()[-1]
        port = int(re.search(r":(\d+)/", url).group(1))
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout
        assert [line.split()[3] for line in listening.splitlines()] == [f"127.0.0.1:{port}"]
        with pytest.raises(OSError):
            socket.create_connection((_other_address(), port), timeout=1).close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _other_address() -> str:
    """This machine's address on its network (not loopback), or a documentation address."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        return probe.getsockname()[0]
    except OSError:
        return "192.0.2.1"
    finally:
        probe.close()
