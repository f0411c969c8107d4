"""storymaker studio: the whole job in a browser, over the project's own files (issue 18).

    storymaker studio [--project DIR] [--port N] [--no-browser]

Starts a local web app on 127.0.0.1 and opens the browser at an address carrying a random
token. The project's CSV and YAML files stay the single source of truth: the studio reads
them (cached until they change) and writes them back round-trip, atomically, refusing an
edit when the file changed on disk meanwhile. Modules: ``server`` (start-up), ``guard``
(every request's checks), ``app`` (routes), one module per screen, and ``files``,
``state``, ``review``, ``preview``, ``jobs`` underneath.
"""
from .server import serve_studio

__all__ = ["serve_studio"]
