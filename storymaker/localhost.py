"""Local-only HTTP servers: bind to 127.0.0.1, and answer only requests addressed to it.

A web page the user visits can make the browser send requests to 127.0.0.1 through a
DNS name it controls (DNS rebinding); such requests carry that name in ``Host:``. So
a server here answers 421 Misdirected Request unless ``Host:`` is ``localhost`` or
``127.0.0.1`` with the server's own port. Used by ``storymaker serve`` and meant for
any other local web app (mix :class:`LocalOnly` into a request handler).
"""
from __future__ import annotations

import errno
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import Callable, TypeVar

from .errors import UsageError

LOOPBACK = "127.0.0.1"
LOCAL_NAMES = ("localhost", LOOPBACK)
S = TypeVar("S")


def allowed_host(host: str | None, port: int) -> bool:
    """True when a ``Host:`` header names this machine's loopback address with ``port``."""
    return bool(host) and host.strip().lower() in {f"{name}:{port}" for name in LOCAL_NAMES}


class LocalOnly(BaseHTTPRequestHandler):
    """A request handler that refuses (421) any request whose ``Host:`` is not local."""

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if allowed_host(self.headers.get("Host"), self.server.server_address[1]):
            return True
        self.send_error(HTTPStatus.MISDIRECTED_REQUEST,
                        "storymaker only answers requests for localhost or 127.0.0.1 with its own port")
        return False


def free_port_near(port: int, tries: int = 50) -> int | None:
    """The first port after ``port`` that can be bound on 127.0.0.1, if any."""
    for candidate in range(port + 1, min(port + 1 + tries, 65536)):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((LOOPBACK, candidate))
            except OSError:
                continue
            return candidate
    return None


def bind_local(make: Callable[[tuple[str, int]], S], port: int) -> S:
    """``make((127.0.0.1, port))``, or a UsageError that says what to do instead."""
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port}: choose a port from 1024 to 65535, e.g. --port 8000")
    try:
        return make((LOOPBACK, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            other = free_port_near(port)
            hint = f"try --port {other}" if other else "choose another with --port"
            raise UsageError(f"port {port} is in use; {hint}") from None
        if exc.errno == errno.EACCES:
            raise UsageError(f"port {port} needs administrator rights; try --port 8000") from None
        raise UsageError(f"cannot listen on {LOOPBACK}:{port} ({exc.strerror}); choose another with --port") from None
