"""Start the studio: bind 127.0.0.1 (never another interface), print and open the token URL.

    serve_studio(root, port=0, browser=True)   # blocks until Ctrl-C
    bind(port) -> socket                       # 127.0.0.1 only; port 0 picks a free one
"""
from __future__ import annotations

import socket
import tempfile
import webbrowser
from pathlib import Path

from ..localhost import LOOPBACK as HOST, bind_local
from .guard import Secrets


def _listening(address: tuple[str, int]) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(address)
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    return sock


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1 (``storymaker serve``'s own rules and messages)."""
    return bind_local(_listening, port)


def make_app(root: Path, port: int, secrets: Secrets | None = None, uploads: Path | None = None):
    from .app import create_app
    secrets = secrets or Secrets()
    uploads = uploads or Path(tempfile.mkdtemp(prefix="storymaker-studio-"))
    return create_app(root, secrets, port, uploads), secrets


def serve_studio(root: Path, port: int = 0, browser: bool = True, quiet: bool = False) -> None:
    import uvicorn
    sock = bind(port)
    port = sock.getsockname()[1]
    app, secrets = make_app(root, port)
    url = f"http://{HOST}:{port}/?token={secrets.token}"
    print(f"storymaker studio for {root}\n  open {url}\n  (this computer only; Ctrl-C stops it)", flush=True)
    if browser:
        webbrowser.open(url)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    print("storymaker studio stopped; every change it made is in the project's files.", flush=True)
