"""Which excerpts a beat may draw from, indexed once per project.

An excerpt tag matches a beat theme when it is the theme or a dotted child of
it (``staff.care.manager`` matches ``staff.care``). The index maps every tag
prefix to its excerpts, so a beat's candidates are a dictionary look-up rather
than a scan of the whole corpus. Eligibility for an (audience, channels) pair
is worked out once and cached: admitted for the audience on every channel
(consent covers it, not sensitive) and not from a withdrawn participant.
"""
from __future__ import annotations

import weakref
from collections import defaultdict

from ..model import Excerpt, Project
from .language import Languages

Groups = dict[str, tuple[Excerpt, ...]]  # participant -> excerpts, in id order


def tag_prefixes(tag: str) -> list[str]:
    """``a.b.c`` -> ``["a", "a.b", "a.b.c"]``."""
    parts = tag.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def theme_matches(tag: str, theme: str) -> bool:
    return tag == theme or tag.startswith(theme + ".")


class Pool:
    """The project's excerpts, indexed by theme prefix."""

    def __init__(self, project: Project) -> None:
        self.withdrawn = project.withdrawn
        self.by_id = {e.id: e for e in project.excerpts}
        index: dict[str, dict[str, Excerpt]] = defaultdict(dict)
        for excerpt in project.excerpts:
            for tag in excerpt.themes:
                for prefix in tag_prefixes(tag):
                    index[prefix][excerpt.id] = excerpt
        self._index = {k: tuple(sorted(v.values(), key=lambda e: e.id)) for k, v in index.items()}
        self._groups: dict[tuple, Groups] = {}
        self.languages = Languages(project)

    def tagged(self, themes: tuple[str, ...]) -> tuple[Excerpt, ...]:
        """Every excerpt matching any of *themes*, once each, in id order."""
        if len(themes) == 1:
            return self._index.get(themes[0], ())
        found = {e.id: e for t in themes for e in self._index.get(t, ())}
        return tuple(found[k] for k in sorted(found))

    def usable(self, excerpt: Excerpt, audience: str, channels: frozenset[str]) -> bool:
        return excerpt.participant not in self.withdrawn and all(excerpt.admits(audience, c) for c in channels)

    def groups(self, themes: tuple[str, ...], audience: str, channels: frozenset[str]) -> Groups:
        """Usable excerpts matching *themes*, grouped by participant (cached)."""
        key = (themes, audience, channels)
        if key not in self._groups:
            grouped: dict[str, list[Excerpt]] = defaultdict(list)
            for excerpt in self.tagged(themes):
                if self.usable(excerpt, audience, channels):
                    grouped[excerpt.participant].append(excerpt)
            self._groups[key] = {p: tuple(v) for p, v in grouped.items()}
        return self._groups[key]


_POOLS: dict[int, tuple[weakref.ref, Pool]] = {}


def pool_for(project: Project) -> Pool:
    """The project's pool, built on first use and kept while the project lives."""
    held = _POOLS.get(id(project))
    if held is not None and held[0]() is project:
        return held[1]
    pool = Pool(project)
    key = id(project)
    _POOLS[key] = (weakref.ref(project, lambda _ref: _POOLS.pop(key, None)), pool)
    return pool
