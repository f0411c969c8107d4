"""write_private(): the private trail for every composed story version.

Under *private_dir*::

    provenance/<audience>/<slug>-<channel>.json   every sentence -> excerpt, participant, edits
    provenance/<audience>/<slug>-<channel>.md     the same, readable
    member-check/<participant>.md                 see :mod:`.member_check`

Nothing here is ever published; originals of anonymised identifiers are masked
even here (the anonymisation log holds them).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from .assemble import Composition
from .explain import Explanation
from .markdown import escape, safe_name, write
from .member_check import write_packs
from .provenance import Provenance, SentenceRecord

LINKING = frozenset({"intro", "outro", "summary"})


def _edit_text(record: SentenceRecord) -> str:
    return "; ".join(f"{e.kind}: '{escape(e.before)}' -> '{escape(e.after)}'" for e in record.edits) or ""


def provenance_markdown(p: Provenance) -> str:
    """A readable table of where every sentence came from."""
    lines = [f"# Provenance: {escape(p.title)} ({p.audience}/{p.channel})", "",
             f"- Seed: {p.seed}", f"- Contributors: {p.contributors}", f"- Quoted words: {p.quoted_words}",
             f"- Same words on every channel: {'yes' if p.same_words_every_channel else 'no'}", "",
             "| Participant | Words | Share |", "| --- | --- | --- |"]
    lines += [f"| {s.participant} | {s.words} | {s.share:.0%} |" for s in p.shares]
    lines += ["", "| Beat | Part | Source | Sentence | Edits |", "| --- | --- | --- | --- | --- |"]
    for r in p.sentences:
        source = ("authored (linking text)" if r.part in LINKING else "authored") if r.authored \
            else f"{r.excerpt} ({r.participant})"
        lines.append(f"| {r.beat + 1 if r.beat >= 0 else ''} | {r.part} | {source} | {escape(r.text)} | {_edit_text(r)} |")
    return "\n".join(lines)


def explanation_markdown(explanation: Explanation | None) -> str:
    if explanation is None:
        return ""
    return "\n".join(["", "## Why these quotes", "", "```", *explanation.lines(), "```"])


def write_provenance(p: Provenance, private_dir: Path, explanation: Explanation | None = None) -> list[Path]:
    base = Path(private_dir) / "provenance" / safe_name(p.audience) / f"{safe_name(p.slug)}-{safe_name(p.channel)}"
    json_path, md_path = base.with_suffix(".json"), base.with_suffix(".md")
    data = p.to_dict() | ({"explanation": explanation.to_dict()} if explanation else {})
    write(json_path, json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))
    write(md_path, provenance_markdown(p) + explanation_markdown(explanation))
    return [json_path, md_path]


def write_private(compositions: Sequence[Composition], private_dir: Path) -> list[Path]:
    """Write provenance for every composition and the member-check packs; return the paths."""
    paths: list[Path] = []
    for composition in compositions:
        paths += write_provenance(composition.provenance, private_dir, composition.explanation)
    return paths + write_packs(compositions, Path(private_dir) / "member-check")
