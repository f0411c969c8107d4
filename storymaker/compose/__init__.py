"""compose: composite narratives from safe excerpts, with a private trail back to each source.

    compose(project, spec, audience, channel, safe, voice_credit="") -> Composition
    write_private(compositions, private_dir) -> list[Path]   provenance + member-check packs
    write_scripts(compositions, scripts_dir) -> list[Path]   Markdown scripts for review

Modules, in pipeline order: ``pool`` (which excerpts a beat may use), ``search``
and ``choose`` (the constrained, seeded search), ``diagnose`` (why it failed),
``edits`` (the verbatim lock and its guard), ``plain`` (glossary, reading ease),
``disclosure``, ``provenance``, ``assemble`` (compose itself), ``scripts``,
``private`` and ``member_check`` (the files).
"""
from __future__ import annotations

from .assemble import Composition, compose, verify
from .edits import Edit
from .private import write_private
from .provenance import Provenance, QuoteRecord, SentenceRecord, Share
from .scripts import write_scripts

__all__ = [
    "Composition", "Edit", "Provenance", "QuoteRecord", "SentenceRecord", "Share",
    "compose", "verify", "write_private", "write_scripts",
]
