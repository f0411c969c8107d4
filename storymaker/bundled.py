"""Where the bundled example lives: inside the installed package, or in a checkout.

An installed wheel carries ``storymaker/_bundled/{stories,templates,assets}`` as package
data (see setup.py); a checkout (or an editable install) is itself the example project,
with those folders beside the ``storymaker`` package.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def example_root() -> Path:
    """The folder holding the bundled example's ``stories/``, ``templates/`` and ``assets/``."""
    packaged = resources.files("storymaker").joinpath("_bundled")
    if packaged.is_dir() and packaged.joinpath("templates").is_dir():
        return Path(str(packaged))
    return CHECKOUT


def default_templates(kind: str) -> Path:
    """The default ``templates/<kind>`` folder (``web`` or ``video``)."""
    return example_root() / "templates" / kind


def templates_dir(root: Path, kind: str) -> Path:
    """The project's own ``templates/<kind>`` if it has one, else the default."""
    own = Path(root) / "templates" / kind
    return own if own.is_dir() else default_templates(kind)
