"""Read ``stories/decisions.yaml``: reviewers' decisions about single flagged occurrences.

    decisions:
      - excerpt: S-P01-09          # or  story: <slug>  with  field: beat 2 intro, or  project: title
        text: Hope                 # the flagged text, exactly as written
        context: 3f2a9c1b44e0      # hash of the words around it (from `storymaker check --json`)
        decision: safe             # safe | person | place | organisation | other
        note: the verb, not Hope Maddox     # optional, for people reading the file

The file is optional. Messages never quote ``text``: they mask it.
"""
from __future__ import annotations

from pathlib import Path

from ..anonymise.decisions import DECISIONS, excerpt_where, field_where, project_where
from ..anonymise.mask import mask
from ..model import Decision, Problem
from .yamlio import item_line, line_of, read_yaml

REL = "stories/decisions.yaml"
KEYS = {"excerpt", "story", "field", "project", "text", "context", "decision", "note"}


def _where(item: dict) -> str:
    if item.get("excerpt"):
        return excerpt_where(str(item["excerpt"]).strip())
    if item.get("story") and item.get("field"):
        return field_where(str(item["story"]).strip(), str(item["field"]).strip())
    if item.get("project"):  # a setting of stories/project.yaml: title or description
        return project_where(str(item["project"]).strip())
    return ""


def _decision(item: object, line: int) -> tuple[Decision | None, Problem | None]:
    if not isinstance(item, dict):
        return None, Problem(REL, line, "each decision must be a mapping with excerpt (or story and field), text, context and decision")
    unknown = sorted(set(map(str, item)) - KEYS)
    if unknown:
        return None, Problem(REL, line, f"unknown field '{unknown[0]}': use {', '.join(sorted(KEYS))}")
    if item.get("excerpt") and (item.get("story") or item.get("project")):
        return None, Problem(REL, line, "a decision is about one text: give 'excerpt:', or 'story:' with 'field:', "
                                        "or 'project:', not more than one")
    where, text = _where(item), str(item.get("text") or "")
    context, decision = str(item.get("context") or "").strip(), str(item.get("decision") or "").strip().lower()
    if not where:
        return None, Problem(REL, line, "a decision needs 'excerpt: <id>', 'story: <slug>' with 'field: <field>', or 'project: title'")
    if not text or not context:
        return None, Problem(REL, line, "a decision needs 'text' and 'context' (copy both from `storymaker check --json`)")
    if decision not in DECISIONS:
        return None, Problem(REL, line, f"decision for '{mask(text)}' must be one of {', '.join(DECISIONS)}, not '{decision}'")
    return Decision(where, text, context, decision, line), None


def read_decisions(stories: Path) -> tuple[tuple[Decision, ...], list[Problem]]:
    path = stories / "decisions.yaml"
    if not path.exists():
        return (), []
    data, problems = read_yaml(path, REL)
    if problems:
        return (), problems
    items = data.get("decisions") if isinstance(data, dict) else None if data is not None else []
    if items is None and isinstance(data, dict):
        items = []
    if not isinstance(items, list):
        return (), [Problem(REL, line_of(data, 1), "expected 'decisions:' with a list of decisions")]
    out, problems = [], []
    for i, item in enumerate(items):
        decision, problem = _decision(item, item_line(items, i, line_of(item, line_of(items, 1))))
        out.append(decision) if decision else problems.append(problem)
    return tuple(out), problems
