"""A token-sequence index of the register (values, aliases, name parts, spelling variants),
the allow list and multi-word gazetteer places, matched in one pass over the tokens."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import Register, RegisterEntry
from .lexicon import SAFE_PHRASES, first_names, is_common, places, surnames
from .normalise import fold
from .tokens import Tokens, gap_ok, tokenise
from .variants import spelling_variants

CANON = {"saint": "st", "st.": "st", "mount": "mt"}
KIND_NAMES = {"person": "people", "place": "places", "organisation": "organisations", "other": "other"}


@dataclass(frozen=True, slots=True)
class Pattern:
    keys: tuple[str, ...]
    entry: int  # index into Register.entries; -1 for allow / gazetteer
    role: str  # full | alias | first | last | middle | allow | place
    needs_capital: bool  # single common word: only its capitalised / all-caps forms match
    variant: bool = False


def canon(key: str) -> str:
    return CANON.get(key, key)


def canon_keys(tokens: Tokens) -> list[str]:
    """The tokens' keys through :func:`canon`, made once per text (C-level ``map``)."""
    if tokens.canonical is None:
        tokens.canonical = list(map(CANON.get, tokens.keys, tokens.keys))
    return tokens.canonical


def keys_of(text: str) -> tuple[str, ...]:
    return tuple(canon(t.key) for t in tokenise(fold(text)))


class SequenceIndex:
    """Patterns keyed by their first token; longest first."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[Pattern]] = {}

    def add(self, pattern: Pattern) -> None:
        if pattern.keys:
            bucket = self._by_first.setdefault(pattern.keys[0], [])
            if all(p.keys != pattern.keys for p in bucket):
                bucket.append(pattern)
                bucket.sort(key=lambda p: (-len(p.keys), p.variant))

    def first_keys(self) -> set[str]:
        return set(self._by_first)

    def match(self, text: str, tokens: Tokens, i: int, any_case: bool = False) -> tuple[Pattern, int] | None:
        """The longest pattern starting at token i, and the index of its last token; ``any_case``
        also returns a common-word pattern written in lower case ("hope")."""
        keys, spans = canon_keys(tokens), tokens.spans
        for p in self._by_first.get(keys[i], ()):
            last = i + len(p.keys) - 1
            if last >= len(keys):
                continue
            if tuple(keys[i:last + 1]) == p.keys and all(gap_ok(text, spans[k - 1][1], spans[k][0])
                                                          for k in range(i + 1, last + 1)):
                if p.needs_capital and not any_case and not tokens.words[i][:1].isupper():
                    continue
                return p, last
        return None


def _add_name(index: SequenceIndex, keys: tuple[str, ...], entry: int, role: str, variants: bool) -> None:
    single_common = len(keys) == 1 and is_common(keys[0])
    index.add(Pattern(keys, entry, role, single_common))
    if not variants:
        return
    if len(keys) == 1 and not is_common(keys[0] + "s"):
        index.add(Pattern((keys[0] + "s",), entry, role, False, True))  # "the Owens' house"
    for k, key in enumerate(keys):
        for v in spelling_variants(key):
            if not is_common(v):
                index.add(Pattern(keys[:k] + (v,) + keys[k + 1:], entry, role, False, True))


def _place_word(key: str) -> bool:
    """A word of a registered place or organisation that names it on its own ("aird" of "Aird nan
    Ron", "minch" of "Minch Ferries"): not an ordinary word and not a name the gazetteer already
    knows as a person's (nor, for an organisation, a town's)."""
    return len(key) >= 3 and not is_common(key) and key not in first_names() and key not in surnames()


def _add_entry(index: SequenceIndex, e: RegisterEntry, n: int) -> None:
    person = e.kind == "person"
    for role, value in [("full", e.value)] + [("alias", a) for a in e.aliases]:
        keys = keys_of(value)
        _add_name(index, keys, n, role, person)
        if e.kind in ("place", "organisation") and len(keys) > 1:
            for key in (k for k in keys if _place_word(k) and (e.kind == "place" or k not in places())):
                index.add(Pattern((key,), n, "part", False))
        if person and len(keys) > 1:
            from .name_parts import name_parts  # particles ("an", "de", "of") are no name-words
            parts = set(name_parts(value))
            if len(keys) > 2 and not set(keys[1:-1]) <= parts:  # a surname with particles: "Mac an t-Saoir"
                _add_name(index, keys[1:], n, "last", False)
            for k, key in enumerate(keys):
                part = "first" if k == 0 else "last" if k == len(keys) - 1 else "middle"
                if key in parts:
                    _add_name(index, (key,), n, part, True)


def register_index(register: Register) -> SequenceIndex:
    index = SequenceIndex()
    for n, entry in enumerate(register.entries):
        _add_entry(index, entry, n)
    return index


def allow_index(register: Register) -> SequenceIndex:
    index = SequenceIndex()
    for phrase in (*register.allow, *SAFE_PHRASES):
        index.add(Pattern(keys_of(phrase), -1, "allow", False))
    return index


@lru_cache(maxsize=1)
def place_index() -> SequenceIndex:
    """Multi-word gazetteer places ("Milton Keynes", "Stoke-on-Trent")."""
    index = SequenceIndex()
    for name in places():
        keys = keys_of(name)
        if len(keys) > 1:
            index.add(Pattern(keys, -1, "place", False))
    return index
