"""Turn flags and gate hits into :class:`~storymaker.model.Problem` lines a comms officer can act on.

    stories/excerpts/staff.csv:14: possible name 'H***' (4 letters) in excerpt S-P01-09, near "... a** H*** w***
    i*** t***", flag 3f2a9c1b44: if it identifies someone ..., register it ...; if not, mark this occurrence
    safe (storymaker decide 3f2a9c1b44 safe)

Masks keep the first letter of each word and say how long it is; the masked neighbouring
words and the flag id tell two flags apart even when their masks are the same ("**" and "**").
The word itself never appears.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Flag, FlaggedText, Problem
from .decisions import flag_id
from .gate import GateHit
from .mask import mask

_WORD = re.compile(r"\S+")


def describe(token: str) -> str:
    """A masked token with its length: "'B******' (7 letters)", "'**' (a 2-digit number)", "(a single letter)"."""
    letters = sum(c.isalpha() for c in token)
    digits = sum(c.isdigit() for c in token)
    if len(token.strip()) == 1:
        return "(a single digit)" if digits else "(a single letter)"
    if digits and not letters:
        return f"'{mask(token)}' (a {digits}-digit number)"
    return f"'{mask(token)}' ({letters + digits} {'letters' if not digits else 'characters'})"


def near(text: str, start: int, end: int, words: int = 2) -> str:
    """The occurrence and a few words either side, every word masked."""
    lo = max(0, start - 200)  # enough for two words either side; a word cut at the edge is dropped
    before = [m for m in _WORD.finditer(text, lo, start)][-words:] if lo == 0 else [
        m for m in _WORD.finditer(text, lo, start) if m.start() > lo][-words:]
    after = [m for m in _WORD.finditer(text, end, end + 200)][:words]
    a = before[0].start() if before else start
    b = after[-1].end() if after else end
    snippet = mask(" ".join(text[a:b].split()))
    return ("... " if a > 0 else "") + snippet + (" ..." if b < len(text) else "")


def flag_message(flag: Flag, text: str, what: str, where: str) -> str:
    """The whole message for one flag in ``text`` (an excerpt's words or an authored field)."""
    kind = flag.kind if flag.kind.startswith("unreviewed") else f"unreviewed {flag.kind}"
    fid = flag_id(where, flag.token, flag.context)
    head = f"{kind} {describe(flag.token)} in {what}, near \"{near(text, flag.start, flag.end)}\", flag {fid}"
    stale = (f" (the decision at stories/decisions.yaml:{flag.stale} was made when the words around it were "
             "different, so it no longer applies: review it again)") if flag.stale else ""
    return f"{head}{stale}: {flag.suggestion.format(id=fid)}"


def flag_problems(text: str, flags: Iterable[Flag], path: str, line: int = 0, what: str = "the text",
                  where: str = "") -> list[Problem]:
    """One Problem per flag; ``line`` is where ``text`` starts (0: unknown), advanced past any line breaks."""
    out = []
    for f in flags:
        at = line + text.count("\n", 0, f.start) if line else 0
        out.append(Problem(path, at, flag_message(f, text, what, where)))
    return out


def merged_flags(problems: list[Problem], flagged: Iterable[FlaggedText]) -> list[Problem]:
    """The plain ``check`` output: identical flags (the same word, kind and advice in several
    places) become one line with a count, where each one is and its flag id; every other problem
    stays as it is. ``check --json`` keeps every occurrence."""
    groups: dict[tuple[str, str, str], list[FlaggedText]] = {}
    for f in flagged:
        groups.setdefault((f.flag.token, f.flag.kind, f.flag.suggestion), []).append(f)
    drop: set[tuple[str, int, str]] = set()
    merged = []
    for same in (g for g in groups.values() if len(g) > 1):
        drop.update((f.path, f.line, f.message) for f in same)
        merged.append(Problem(same[0].path, same[0].line, _merged_message(same)))
    return [p for p in problems if (p.path, p.line, p.message) not in drop] + merged


def _merged_message(same: list[FlaggedText]) -> str:
    flag = same[0].flag
    kind = flag.kind if flag.kind.startswith("unreviewed") else f"unreviewed {flag.kind}"
    places = "; ".join(f"{f.where} (flag {f.id})" for f in same)
    advice = flag.suggestion.format(id="ID")
    return (f"{kind} {describe(flag.token)}, {len(same)} times: {places}: for each, {advice}, "
            "where ID is that occurrence's flag id")


def gate_problems(hits: Iterable[GateHit]) -> list[Problem]:
    return [Problem(str(h.path), 0, f"{h.where} contains '{h.masked}': {h.why}") for h in hits]
