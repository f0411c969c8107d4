"""Reviewing anonymisation flags from a tool (the studio, a script): list them, decide one.

    from storymaker.anonymise.review import list_flags, find_flag, record_decision, CHOICES

    flags = list_flags(root)                  # [FlaggedText], in file order, one per occurrence
    f = flags[0]
    f.id, f.where, f.text[f.flag.start:f.flag.end], f.flag.kind, f.flag.context, f.message
    record_decision(root, f, "person")        # -> Recorded(path, action)
    record_decision(root, "3f2a9c1b44", "safe")   # by flag id

Decisions (``CHOICES``):

- ``person``, ``place``, ``organisation``, ``other``: an identifier everywhere: the text is added
  to that list of ``stories/anonymise.yaml`` (and taken out of ``allow`` if it was there). If it
  is already registered (a registered name at the start of a sentence), this occurrence is
  recorded as that kind in ``stories/decisions.yaml`` instead, since registering it again would
  change nothing.
- ``allow``: safe everywhere: added to ``allow``. Refused for a word of a registered name (the
  register always wins); mark the occurrence ``safe`` instead.
- ``safe``: safe here only: recorded in ``stories/decisions.yaml`` against this occurrence.
- ``person-here``, ``place-here``, ``organisation-here``, ``other-here``: replaced as that kind
  here only, recorded in ``stories/decisions.yaml``.

Writes keep the files' comments, order and quoting (ruamel.yaml round-trip) and are atomic;
a file changed on disk meanwhile is not overwritten (:class:`~storymaker.errors.InputError`).
Everything raises only storymaker's own errors, with masked messages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..load import load_project
from ..load.yamledit import edited, list_at
from ..load.yamllists import append_item
from ..model import FlaggedText, Problem, Register
from .decisions import KINDS, context_hash
from .detect import PHRASE
from .index import keys_of
from .lexicon import is_common
from .name_parts import protected_words, registered_words
from .mask import mask

CHOICES = KINDS + ("allow", "safe") + tuple(f"{k}-here" for k in KINDS)
SECTIONS = {"person": "people", "place": "places", "organisation": "organisations", "other": "other"}
REGISTER, DECISIONS = "stories/anonymise.yaml", "stories/decisions.yaml"
DECISIONS_HEADER = ("Per-occurrence review decisions (storymaker check --json gives the context hashes).\n"
                    "A decision goes stale, and the flag comes back, when the words around the occurrence change.")


@dataclass(frozen=True)
class Recorded:
    path: str  # the file written, relative to the project
    action: str  # what was done, masked: "added 'H***' to people"


def list_flags(root: Path) -> list[FlaggedText]:
    """Every unresolved flag in the project (excerpts and authored story text), one per occurrence."""
    from ..prepare import Prepared, anonymise_excerpts, anonymise_settings, project_anonymiser, safe_spec
    project, problems = load_project(Path(root))
    broken = [p for p in problems if p.path in (REGISTER, DECISIONS)]
    if broken:  # the review files' own errors first: no flag can be decided against a broken file
        raise InputError(broken)
    prep = Prepared(project, project_anonymiser(project))
    anonymise_excerpts(prep)
    anonymise_settings(prep)
    for spec in project.stories:
        safe_spec(prep, spec)
    unique = {f.id: f for f in reversed(prep.flagged)}
    return sorted(unique.values(), key=lambda f: (f.path, f.line, f.flag.start))


def find_flag(root: Path, flag_id: str) -> FlaggedText:
    for f in list_flags(root):
        if f.id == flag_id.strip():
            return f
    raise InputError(Problem(DECISIONS, 0, f"no open flag with id '{flag_id}': it may be resolved already, or the "
                                           "text changed; run storymaker check to see the current flags"))


def record_decision(root: Path, flag: FlaggedText | str, decision: str, note: str = "",
                    register: Register | None = None) -> Recorded:
    """Record ``decision`` (one of ``CHOICES``) for ``flag`` (a FlaggedText or its id).
    ``register``: the project's register as loaded now, if the caller holds it (the studio
    does), so the project is not read again just to look at it."""
    root = Path(root)
    decision = decision.strip().lower()
    if decision not in CHOICES:
        raise InputError(Problem(DECISIONS, 0, f"unknown decision '{decision}': use one of {', '.join(CHOICES)}"))
    if isinstance(flag, str):
        flag = find_flag(root, flag)
    token = flag.flag.token
    registered = _registered(root, register)
    if decision in KINDS and flag.flag.kind.startswith(PHRASE):
        decision += "-here"  # a phrase ("the only nurse for the south end") is replaced where it is, never registered
    if decision == "person" and _ordinary_phrase(token):
        raise InputError(Problem(REGISTER, 0, f"'{mask(token)}' is made of ordinary words: as a person's name every one "
                                              "of them would be flagged everywhere; replace it here instead "
                                              f"(storymaker decide {flag.id} person-here), or register it as a place, "
                                              "organisation or other"))
    if decision in KINDS and not set(keys_of(token)) <= registered:
        return _register(root, token, decision)
    if decision == "allow":
        if set(keys_of(token)) & (registered | set(protected_words(register or load_project(root)[0].register))):
            raise InputError(Problem(REGISTER, 0, f"'{mask(token)}' is registered, or part of a registered name, so it cannot be "
                                                  "allowed everywhere: mark this occurrence safe instead"))
        return _allow(root, token)
    return _decide(root, flag, decision.removesuffix("-here"), note)


def _ordinary_phrase(token: str) -> bool:
    """Two or more ordinary English words, some in lower case ("the south end of the island"); a
    capitalised pair such as "Grace Bell" may well be a name."""
    keys = keys_of(token)
    lower = any(w[:1].islower() for w in token.split())
    return len(keys) > 1 and lower and all(is_common(k) for k in keys)


def _registered(root: Path, register: Register | None = None) -> set[str]:
    """What the register already covers on its own: one-word entries and each name part of a person."""
    register = register if register is not None else load_project(root)[0].register
    return set(registered_words(register))


def _register(root: Path, token: str, kind: str) -> Recorded:
    section = SECTIONS[kind]
    with edited(root / REGISTER, REGISTER) as data:
        allow = data.get("allow")
        if isinstance(allow, list):
            for i in reversed(range(len(allow))):
                if str(allow[i]).strip().lower() == token.lower():
                    del allow[i]
        items = list_at(data, section, REGISTER)
        if not any(str(v).strip().lower() == token.lower() for v in items if isinstance(v, str)):
            append_item(items, token)
    return Recorded(REGISTER, f"added '{mask(token)}' to {section}")


def _allow(root: Path, token: str) -> Recorded:
    with edited(root / REGISTER, REGISTER) as data:
        items = list_at(data, "allow", REGISTER)
        if not any(str(v).strip().lower() == token.lower() for v in items):
            append_item(items, token)
    return Recorded(REGISTER, f"added '{mask(token)}' to allow")


def _decide(root: Path, flag: FlaggedText, kind: str, note: str) -> Recorded:
    entry = _entry(flag, kind, note)
    current = _contexts(flag.text, flag.flag.token)
    with edited(root / DECISIONS, DECISIONS, DECISIONS_HEADER) as data:
        items = list_at(data, "decisions", DECISIONS)
        for i, old in enumerate(items):  # a stale decision for the same text in the same place is replaced
            if _same_place(old, entry) and str(old.get("context")) not in current - {entry["context"]}:
                items[i] = entry
                break
        else:
            items.append(entry)
    what = "safe here" if kind == "safe" else f"replaced as {'a' if kind[0] not in 'aeiou' else 'an'} {kind} here"
    return Recorded(DECISIONS, f"recorded '{mask(flag.flag.token)}' in {flag.where} as {what}")


def _entry(flag: FlaggedText, kind: str, note: str) -> dict:
    if flag.excerpt:
        entry = {"excerpt": flag.excerpt}
    elif flag.where.startswith("project "):
        entry = {"project": flag.where.removeprefix("project ")}
    else:
        entry = {"story": flag.story, "field": flag.field}
    entry.update(text=flag.flag.token, context=flag.flag.context, decision=kind)
    if note:
        entry["note"] = note
    return entry


def _same_place(old: object, new: dict) -> bool:
    keys = ("excerpt", "story", "field", "text")
    return isinstance(old, dict) and all(str(old.get(k) or "") == str(new.get(k) or "") for k in keys)


def _contexts(text: str, token: str) -> set[str]:
    """The context hashes of every occurrence of ``token`` in ``text`` as it is now."""
    return {context_hash(text, m.start(), m.end()) for m in re.finditer(re.escape(token), text)}
