"""The story editor's live preview: compose the spec being edited, without saving it.

    preview(checked, spec_text, slug, scratch) -> Preview(problems, versions)

The edited YAML is read by the same loader as ``storymaker check`` (so the editor shows the
CLI's own messages), its text anonymised by the project's anonymiser and composed from the
cached safe excerpts, per audience and channel, with the meters a comms officer watches.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from ..compose import Composition, compose
from ..errors import ComposeError
from ..load.specs import SUFFIX, read_spec
from ..model import Problem
from ..prepare import safe_spec
from .state import Checked


@dataclass(frozen=True)
class Version:
    audience: str
    channel: str
    composition: Composition | None
    problems: tuple[str, ...]
    needed: int

    @property
    def largest_share(self) -> float:
        shares = self.composition.provenance.shares if self.composition else ()
        return max((s.share for s in shares), default=0.0)


@dataclass(frozen=True)
class Preview:
    problems: tuple[str, ...]
    versions: tuple[Version, ...]


def _spec(spec_text: str, slug: str, scratch: Path):
    scratch.mkdir(parents=True, exist_ok=True)
    path = scratch / f"{slug}{SUFFIX}"
    path.write_text(spec_text, encoding="utf-8")
    return read_spec(path, f"stories/{slug}{SUFFIX}")


def _message(p: Problem) -> str:
    return f"line {p.line}: {p.message}" if p.line else p.message


def _version(prep, spec, audience: str, channel: str) -> Version:
    needed = spec.contributors_needed(audience)
    try:
        comp = compose(prep.project, spec, audience, channel, prep.safe)
    except ComposeError as exc:
        return Version(audience, channel, None, tuple(p.message for p in exc.problems), needed)
    return Version(audience, channel, comp, tuple(comp.notes), needed)


def preview(checked: Checked, spec_text: str, slug: str, scratch: Path) -> Preview:
    spec, problems = _spec(spec_text, slug, scratch)
    if spec is None or checked.prep is None:
        return Preview(tuple(_message(p) for p in problems) or ("the story cannot be read",), ())
    prep = dataclasses.replace(checked.prep, log=[], problems=[], warnings=[], compositions=[], unreviewed=0)
    safe = safe_spec(prep, spec)
    flags = tuple(_message(p) for p in prep.problems)
    versions = tuple(_version(prep, safe, a, c) for a in safe.audiences for c in safe.outputs)
    return Preview(flags, versions)
