"""``storymaker check --json``: every problem and every anonymisation flag as one JSON document.

The user asked for it on their own machine, so flagged words appear as they are (plain
``check`` output stays masked). The schema is documented in the README ("check --json") and
is versioned by ``schema``; fields are only ever added.

    {"schema": 1, "ok": false,
     "problems": [{"path", "line", "message", "flag"}],           # flag: a flag id or null
     "flags": [{"id", "path", "line", "where", "excerpt", "story", "field", "start", "end",
                "text", "kind", "message", "context", "stale_decision_line", "before", "after"}],
     "warnings": ["..."]}
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from .model import FlaggedText, Problem

SCHEMA = 1
AROUND = 60  # characters of the surrounding text given either side of a flag


def flag_json(f: FlaggedText) -> dict:
    start, end = f.flag.start, f.flag.end
    return {"id": f.id, "path": f.path, "line": f.line, "where": f.where, "excerpt": f.excerpt or None,
            "story": f.story or None, "field": f.field or None, "start": start, "end": end,
            "text": f.text[start:end], "kind": f.flag.kind, "message": f.message, "context": f.flag.context,
            "stale_decision_line": f.flag.stale or None,
            "before": f.text[max(0, start - AROUND):start], "after": f.text[end:end + AROUND]}


def check_json(problems: Iterable[Problem], flagged: Iterable[FlaggedText], warnings: Iterable[str]) -> str:
    flagged = list(flagged)
    by_message = {(f.path, f.line, f.message): f.id for f in flagged}
    problems = [{"path": p.path, "line": p.line, "message": p.message,
                 "flag": by_message.get((p.path, p.line, p.message))} for p in problems]
    document = {"schema": SCHEMA, "ok": not problems, "problems": problems,
                "flags": [flag_json(f) for f in flagged], "warnings": list(warnings)}
    return json.dumps(document, ensure_ascii=False, indent=1)
