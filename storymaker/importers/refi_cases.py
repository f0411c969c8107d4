"""REFI-QDA cases: who said each selection.

A ``Case`` links to whole sources (``SourceRef``) or to single selections (``SelectionRef``)
and carries variables (role, consent, ...). For each selection: a case linked to it wins;
else the source's one case; a source linked to several cases that name different people is
reported per selection (never given to the first case). Cases whose ``SourceRef``s point at
no source in the file (QualCoder's own exports do this) are reported as such, without naming
a case for the source.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from ..errors import NoParticipant
from .participants import Participants
from .report import mask
from .safety import local
from .tags import nfc


@dataclass(frozen=True)
class CaseInfo:
    name: str
    attrs: dict
    sources: tuple[str, ...]
    selections: tuple[str, ...]


def read_case(case: Element, attrs: dict) -> CaseInfo:
    refs = {kind: tuple(r.get("targetGUID", "").upper() for r in case if local(r.tag) == kind)
            for kind in ("SourceRef", "SelectionRef")}
    return CaseInfo(nfc(case.get("name", "")), attrs, refs["SourceRef"], refs["SelectionRef"])


@dataclass
class CaseIndex:
    cases: list[CaseInfo]
    source_guids: set[str]

    def __post_init__(self) -> None:
        self.by_source: dict[str, list[CaseInfo]] = defaultdict(list)
        self.by_selection: dict[str, list[CaseInfo]] = defaultdict(list)
        for case in self.cases:
            for guid in case.sources:
                self.by_source[guid].append(case)
            for guid in case.selections:
                self.by_selection[guid].append(case)

    def dangling(self) -> list[CaseInfo]:
        return [c for c in self.cases if c.sources and not set(c.sources) & self.source_guids]

    def resolve(self, source: Element, selection: str, values: dict, people: Participants) -> tuple[str, dict]:
        """(participant id, attributes) for one selection of one source, or raise :class:`~storymaker.errors.NoParticipant`."""
        name = nfc(source.get("name", ""))
        cases = self.by_selection.get(selection.upper()) or self.by_source.get(source.get("guid", "").upper(), [])
        found = [(c, people.resolve(name if len(cases) == 1 else "", ids=(c.attrs.get("participant", ""), c.name)))
                 for c in cases]
        ids = {p for _, p in found}
        if len(ids) > 1 or (cases and "" in ids and len(cases) > 1):
            shown = ", ".join(sorted(p or mask(c.name) for c, p in found))
            raise NoParticipant(f"its source is linked to {len(cases)} cases ({shown}) and the selection names none of them: "
                      "link the selection to its case (SelectionRef) or give the source one case")
        case = cases[0] if cases else None
        attrs = {**(case.attrs if case else {}), **values}
        participant = people.resolve(name, ids=(attrs.pop("participant", ""), *(case.name for case in cases[:1])))
        if not participant:
            raise NoParticipant(self._why_nobody(case))
        return participant, attrs

    def _why_nobody(self, case: CaseInfo | None) -> str:
        if case is not None:
            return f"its case {mask(case.name)} is not named like P03: map it with --participants map.yaml ('case name: P03')"
        if self.dangling():
            return (f"no case links to this source: the file's {len(self.dangling())} case(s) point at sources that are not in it "
                    "(QualCoder's exports do this); map the source name with --participants map.yaml ('source name: P03')")
        return "no case and no participant id in its name: name its case like P03, or map it with --participants map.yaml"
