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

from ..anonymise.narrator import NarratorCheck
from ..compose import Composition, compose
from ..compose.explain import explain
from ..compose.plain import find_jargon
from ..errors import ComposeError
from ..load.specs import SUFFIX, read_spec
from ..compose.pool import theme_matches
from ..model import CHANNELS, Problem
from ..prepare import safe_spec
from .state import Checked


@dataclass(frozen=True)
class Version:
    audience: str
    channel: str
    composition: Composition | None
    problems: tuple[str, ...]
    needed: int
    consent: dict = dataclasses.field(default_factory=dict)  # channel -> (consented, matching excerpts)
    why: dict = dataclasses.field(default_factory=dict)  # excerpt id -> why it was chosen (compose --explain)
    jargon: dict = dataclasses.field(default_factory=dict)  # excerpt id -> [(term, plain words)]

    def slips(self, excerpt: str = "") -> list:
        """Coherence warnings next to the quote they concern ("" for those about linking text or the story)."""
        found = self.composition.warnings if self.composition else ()
        return [w for w in found if (w.part.excerpt if w.part.kind == "quote" else "") == excerpt]

    @property
    def largest_share(self) -> float:
        shares = self.composition.provenance.shares if self.composition else ()
        return max((s.share for s in shares), default=0.0)


@dataclass(frozen=True)
class Preview:
    problems: tuple[str, ...]
    versions: tuple[Version, ...]
    pictures: dict = dataclasses.field(default_factory=dict)  # a beat's image (absolute path) -> its address in the studio


def pictures(root: Path, spec) -> dict[str, str]:
    """Each beat's picture that lies in the project's assets/ (the studio serves that folder)."""
    assets = (root / "assets").resolve()
    found = (Path(b.image) for b in spec.beats if b.image)
    return {str(p): "/assets/" + p.relative_to(assets).as_posix() for p in found if p.is_relative_to(assets)}


def _spec(spec_text: str, slug: str, scratch: Path):
    scratch.mkdir(parents=True, exist_ok=True)
    path = scratch / f"{slug}{SUFFIX}"
    path.write_text(spec_text, encoding="utf-8")
    return read_spec(path, f"stories/{slug}{SUFFIX}")


def _message(p: Problem) -> str:
    return f"line {p.line}: {p.message}" if p.line else p.message


def _by_quote(checked: Checked, prep, spec, comp: Composition, audience: str) -> tuple[dict, dict]:
    """For each quote: the reason compose chose it, and any jargon in it (community versions)."""
    used = {q.excerpt for q in comp.provenance.quotes}  # only the chosen: near misses cost a scan of the corpus
    explained = explain([e for e in checked.project.excerpts if e.id in used], checked.project.withdrawn, spec, comp, prep.safe)
    why = {c.excerpt: c.reason for beat in explained.beats for c in beat.chosen}
    glossary = prep.project.glossary if audience == "community" else {}
    jargon = {q.excerpt: find_jargon(q.text, glossary) for q in comp.provenance.quotes} if glossary else {}
    return why, {k: v for k, v in jargon.items() if v}


_COUNTED: dict[tuple, tuple[Checked, dict]] = {}  # (check, themes, audience) -> counts: they change with the themes only


def consent_by_channel(checked: Checked, spec, audience: str) -> dict[str, tuple[int, int]]:
    """Of the excerpts the beats' themes match for this audience, how many each channel may use."""
    themes = frozenset(t for beat in spec.beats for t in beat.themes)
    key = (id(checked), themes, audience)
    if key not in _COUNTED:
        if len(_COUNTED) > 64:
            _COUNTED.clear()
        _COUNTED[key] = (checked, _count_consent(checked, themes, audience))  # the check kept: its id stays its own
    return _COUNTED[key][1]


def _count_consent(checked: Checked, themes: frozenset, audience: str) -> dict[str, tuple[int, int]]:
    matching = [e for e in checked.project.excerpts if e.audience in (audience, "both") and not e.sensitive
                and e.participant not in checked.project.withdrawn and any(theme_matches(t, th) for t in e.themes for th in themes)]
    return {c: (sum(1 for e in matching if c in e.consent), len(matching)) for c in CHANNELS}


def _version(checked: Checked, prep, spec, audience: str, channel: str) -> Version:
    needed = spec.contributors_needed(audience)
    consent = consent_by_channel(checked, spec, audience)
    try:
        comp = compose(prep.project, spec, audience, channel, prep.safe)
    except ComposeError as exc:
        return Version(audience, channel, None, tuple(p.message for p in exc.problems), needed, consent)
    why, jargon = _by_quote(checked, prep, spec, comp, audience)
    return Version(audience, channel, comp, tuple(comp.notes), needed, consent, why, jargon)


_NARRATORS: dict[int, tuple[Checked, NarratorCheck]] = {}  # one index of the excerpts' words per check


def narrator_problems(checked: Checked, spec) -> list[Problem]:
    """A narrator named like someone in the data or the register, as ``check`` says it."""
    if id(checked) not in _NARRATORS:
        _NARRATORS.clear()
        _NARRATORS[id(checked)] = (checked, NarratorCheck(checked.project.excerpts, checked.project.register))
    return _NARRATORS[id(checked)][1].problems(spec)


def preview(checked: Checked, spec_text: str, slug: str, scratch: Path) -> Preview:
    spec, problems = _spec(spec_text, slug, scratch)
    if spec is None or checked.prep is None:
        return Preview(tuple(_message(p) for p in problems) or ("the story cannot be read",), ())
    prep = dataclasses.replace(checked.prep, log=[], problems=[], warnings=[], compositions=[], unreviewed=0)
    safe = safe_spec(prep, spec)
    flags = tuple(_message(p) for p in [*narrator_problems(checked, spec), *prep.problems])
    versions = tuple(_version(checked, prep, safe, a, c) for a in safe.audiences for c in safe.outputs)
    return Preview(flags, versions, pictures(checked.project.root, safe))
