"""`storymaker serve` previews the site as it will be published: at base_url's path, with the
site's own 404 page, and with no link that jumps to the live site (web-test finding 40)."""
from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from helpers.web import served

LIVE = "https://example.gov.wales/straeon/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url: str) -> tuple[int, dict, bytes]:
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=5) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def serving(folder: Path, base_url: str):
    return served(folder, base_url)  # yields http://127.0.0.1:PORT/


def site(tmp_path: Path) -> Path:
    web = tmp_path / "web"
    (web / "staff").mkdir(parents=True)
    (web / "index.html").write_text(f'<a href="{LIVE}feed.xml">Feed</a>', encoding="utf-8")
    (web / "staff/the-quiet-desk.html").write_text(f'<link rel="canonical" href="{LIVE}staff/the-quiet-desk.html">',
                                                   encoding="utf-8")
    (web / "404.html").write_text(f'<h1>Page not found</h1><a href="{LIVE}index.html">All stories</a>', encoding="utf-8")
    (web / "style.css").write_text("body{}", encoding="utf-8")
    return web


def test_the_preview_lives_at_the_base_urls_path_and_the_root_leads_there(tmp_path):
    with serving(site(tmp_path), LIVE) as url:
        host = url.rstrip("/")
        assert get(host + "/")[0] == 302 and get(host + "/")[1]["Location"] == "/straeon/"
        status, _headers, body = get(host + "/straeon/")
        assert status == 200 and body == b'<a href="/straeon/feed.xml">Feed</a>'
        assert get(host + "/straeon/style.css")[2] == b"body{}"
        assert get(host + "/style.css")[0] == 404  # the live site has nothing there either


def test_a_missing_page_shows_the_sites_own_404_page_with_links_that_stay_in_the_preview(tmp_path):
    with serving(site(tmp_path), LIVE) as url:
        host = url.rstrip("/")
        for path in ("/straeon/nope.html", "/straeon/staff/gone/deep.html", "/elsewhere.html"):
            status, headers, body = get(host + path)
            assert status == 404 and headers["Content-Type"].startswith("text/html")
            assert body == b'<h1>Page not found</h1><a href="/straeon/index.html">All stories</a>'


def test_without_base_url_the_preview_is_at_the_root_and_pages_are_served_as_built(tmp_path):
    web = site(tmp_path)
    with serving(web, "") as url:
        host = url.rstrip("/")
        assert get(host + "/staff/the-quiet-desk.html")[2] == (web / "staff/the-quiet-desk.html").read_bytes()
        assert get(host + "/nope.html")[2].startswith(b"<h1>Page not found</h1>")
