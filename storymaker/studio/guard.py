"""The studio's front door: every request passes these checks before any page sees it.

1. ``Host`` must be this studio's own address (127.0.0.1 or localhost on its port), so a
   web page elsewhere cannot reach it through DNS rebinding.
2. ``Origin``, when the browser sends one, must be that address too.
3. The session: the URL the studio prints carries ``?token=...`` (as Jupyter's does); it is
   exchanged once for an HttpOnly, SameSite=Strict cookie and the token is dropped from
   the address bar. A request with neither is refused.
4. Every state-changing request (POST) carries the CSRF token from the page, in the
   ``X-CSRF-Token`` header (the studio's script sends every form that way).
5. Request bodies are capped at ``max_body`` bytes.

Every response gets a Content-Security-Policy with no external source at all.
"""
from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode

from ..localhost import allowed_host

COOKIE = "storymaker_studio"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
       "connect-src 'self'; frame-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'self'")
SAFE_METHODS = {"GET", "HEAD"}


@dataclass(frozen=True)
class Secrets:
    """The one-time URL token, the cookie's session value and the CSRF token."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    session: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    def csrf_ok(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(value.encode(), self.csrf.encode())


def _headers(scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _cookie(header: str) -> str:
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE:
            return value
    return ""


class Guard:
    """ASGI middleware enforcing the checks above."""

    def __init__(self, app, secrets_: Secrets, port: int, max_body: int):
        self.app, self.secrets, self.max_body = app, secrets_, max_body
        self.port = port

    def allowed_hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = _headers(scope)
        refusal = self._refusal(scope, headers)
        if refusal:
            return await _plain(send, *refusal)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if query.get("token"):
            return await self._exchange(scope, query, send)
        if not hmac.compare_digest(_cookie(headers.get("cookie", "")).encode(), self.secrets.session.encode()):
            return await _plain(send, 403, "This studio needs the address it printed when it started "
                                           "(the one with ?token=...). Open that link again.")
        if scope["method"] not in SAFE_METHODS and not self.secrets.csrf_ok(headers.get("x-csrf-token")):
            return await _plain(send, 403, "Refused: this form has expired (missing CSRF token). Reload the page and try again.")
        await self.app(scope, _capped(receive, self.max_body), _secured(send))

    def _refusal(self, scope, headers) -> tuple[int, str] | None:
        if not allowed_host(headers.get("host"), self.port):
            return 403, "Refused: this studio only answers at its own local address."
        origin = headers.get("origin")
        if origin is not None and origin not in {f"http://{h}" for h in self.allowed_hosts()}:
            return 403, "Refused: a request from another site."
        length = headers.get("content-length", "0")
        if not length.isdigit() or int(length) > self.max_body:
            return 413, f"Refused: the upload is larger than {self.max_body // 2**20} MB."
        return None


    async def _exchange(self, scope, query, send):
        if not hmac.compare_digest(query["token"][0].encode(), self.secrets.token.encode()):
            return await _plain(send, 403, "This link's token is wrong or out of date. Use the address the studio printed.")
        rest = {k: v for k, v in query.items() if k != "token"}
        location = scope.get("path", "/") + (f"?{urlencode(rest, doseq=True)}" if rest else "")
        cookie = f"{COOKIE}={self.secrets.session}; HttpOnly; SameSite=Strict; Path=/"
        await send({"type": "http.response.start", "status": 303, "headers": [
            (b"location", location.encode()), (b"set-cookie", cookie.encode()), *_security_headers()]})
        await send({"type": "http.response.body", "body": b""})


def _security_headers() -> list[tuple[bytes, bytes]]:
    return [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"), (b"cache-control", b"no-store"),
            (b"x-frame-options", b"SAMEORIGIN")]


def _secured(send):
    async def wrapped(message):
        if message["type"] == "http.response.start":
            names = {k.lower() for k, _ in message.get("headers", [])}
            extra = [h for h in _security_headers() if h[0] not in names]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)
    return wrapped


def _capped(receive, limit: int):
    seen = 0

    async def wrapped():
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > limit:
            from ..errors import StudioError
            raise StudioError(f"the upload is larger than {limit // 2**20} MB")
        return message
    return wrapped


async def _plain(send, status: int, text: str) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *_security_headers()]})
    await send({"type": "http.response.body", "body": text.encode()})
