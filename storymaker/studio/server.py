"""Start the studio: bind 127.0.0.1 (never another interface), print and open the token URL.

    serve_studio(root, port=0, browser=True)   # blocks until Ctrl-C
    bind(port) -> socket                       # 127.0.0.1 only; port 0 picks a free one
"""
from __future__ import annotations

import socket
import tempfile
import webbrowser
from pathlib import Path

from ..errors import UsageError
from .guard import Secrets

HOST = "127.0.0.1"


def bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"--port {port}: cannot listen there ({exc.strerror}); choose another port or leave it out") from None
    sock.listen(64)
    return sock


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
