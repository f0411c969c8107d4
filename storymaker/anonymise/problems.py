"""Turn flags and gate hits into :class:`~storymaker.model.Problem` lines, masked.

    path:line: unreviewed capitalised word 'M*******': add it to people/places/organisations or to allow in ...
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Flag, Problem
from .gate import GateHit
from .mask import mask


def flag_problems(text: str, flags: Iterable[Flag], path: str, line: int = 0) -> list[Problem]:
    """One Problem per flag; ``line`` is where ``text`` starts (0: unknown), advanced past any line breaks."""
    out = []
    for f in flags:
        at = line + text.count("\n", 0, f.start) if line else 0
        out.append(Problem(path, at, f"{f.kind} '{mask(f.token)}': {f.suggestion}"))
    return out


def gate_problems(hits: Iterable[GateHit]) -> list[Problem]:
    return [Problem(str(h.path), 0, f"{h.where} contains '{h.masked}': an identifier reached the output; "
                                    "check the anonymisation register and rebuild") for h in hits]
