"""A composite's narrator is fictional: their name must not be anyone's in the data.

A narrator called "Sam, who answers a council helpline" is fine until an interviewee mentions
a real Sam: then the published story puts that person's name at its head, and readers who
know them may take the story for theirs. So every name-like word of a narrator (capitalised,
and a known first name or surname or no ordinary word) is looked for in every excerpt, in
any case, and in the register; each clash is a check error.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Excerpt, Problem, Register, StorySpec
from .index import keys_of
from .lexicon import first_names, is_common, surnames
from .mask import mask
from .normalise import fold

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def _name_words(narrator: str) -> list[str]:
    out = []
    for word in _WORD.findall(fold(narrator)):
        key = re.sub(r"'s?$", "", word.lower())
        capitalised = word[:1].isupper() and (key in first_names() or key in surnames() or not is_common(key))
        if capitalised or (key in first_names() and not is_common(key)):  # "sam, who ..." too
            out.append(key)
    return out


class NarratorCheck:
    """Built once per project: which excerpt first uses each word, and the register's words."""

    def __init__(self, excerpts: Iterable[Excerpt], register: Register) -> None:
        self.first_use: dict[str, str] = {}
        for e in excerpts:
            for word in set(_WORD.findall(fold(e.text).lower())):
                self.first_use.setdefault(re.sub(r"'s?$", "", word), e.id)
        self.registered = {k: e.line for e in register.entries for v in (e.value, *e.aliases) for k in keys_of(v)}
        self.source = register.source

    def problems(self, spec: StorySpec) -> list[Problem]:
        out = []
        for key in dict.fromkeys(_name_words(spec.narrator)):
            if key in self.registered:
                where = f"is registered ({self.source}:{self.registered[key]})"
            elif key in self.first_use:
                where = f"also appears in the interview data (excerpt {self.first_use[key]})"
            else:
                continue
            out.append(Problem(spec.source, spec.line, (
                f"narrator: the name '{mask(key.capitalize())}' {where}, so the story would print a real person's "
                "name as its narrator's: choose a narrator name that appears in no excerpt and not in the register")))
        return out
