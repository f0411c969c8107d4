"""What every recognizer shares: the tables built once per register, the per-text context, and
the one-method protocol (Presidio's ``EntityRecognizer.analyze`` in miniature).

A recognizer is a small object with a ``name``, a ``priority`` (recognizers run from the highest
down, so a lower one can see what a higher one already claimed) and ``find(ctx) -> list[Hit]``.
``Detector.detect`` runs the registry and merges the spans; replacement is a separate step.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress, count
from typing import Protocol

from ...model import Register
from ..hits import Hit
from ..index import CANON, Pattern, allow_index, keys_of, place_index, register_index
from ..lexicon import SAFE, common_words, first_names, places, surnames
from ..needles import short_code
from ..normalise import fold
from ..structured import classify
from ..tokens import Tokens, _starts_sentence
from .welsh import is_welsh_text

NAME_CONTEXT = frozenset("said says told tells rang called asked came went and was is has had who would "
                         "from with phoned texted where were".split())
FLAG_KINDS = {"capitalised": "unreviewed capitalised word", "number": "unreviewed number",
              "name": "possible name", "place": "possible place name"}


def joined_names(register: Register) -> dict[str, Pattern]:
    """Every registered name of two or more words, run together as one word."""
    out: dict[str, Pattern] = {}
    for n, e in enumerate(register.entries):
        for role, value in [("full", e.value)] + [("alias", a) for a in e.aliases]:
            keys = keys_of(value)
            if len(keys) > 1 and len("".join(keys)) >= 6:
                out.setdefault("".join(keys), Pattern(("".join(keys),), n, role, False))
                if e.kind == "person" and len(keys) > 2:
                    out.setdefault(keys[0] + keys[-1], Pattern((keys[0] + keys[-1],), n, role, False))
    return out


class Tables:
    """All the look-up tables for one register, built once per Anonymiser."""

    def __init__(self, register: Register) -> None:
        self.register = register
        self.entries = register.entries
        self.names = register_index(register)
        self.allowed = allow_index(register)
        self.allow_words = frozenset(w.lower() for w in register.allow)
        self.places = place_index()
        self.produced: set[str] = set()  # tokens of our own pseudonyms: never re-detected
        self.registered_keys = frozenset(self.names.first_keys())
        self.joined = joined_names(register)  # "hopewilliams", "riversidesurgery": inside handles, URLs
        own = self.names.first_keys() | self.allowed.first_keys()
        self.register_starts = frozenset(own | {w for w, c in CANON.items() if c in own} | set(self.joined))
        self.place_starts = frozenset(self.places.first_keys() | {w for w, c in CANON.items() if c in self.places.first_keys()})
        starts = own | self.places.first_keys()
        starts |= {word for word, c in CANON.items() if c in starts} | set(self.joined)
        self.boring = frozenset(w for w in common_words() | SAFE if w not in starts)
        self.safe = frozenset(SAFE - starts)
        self.gazetteer = first_names() | surnames() | places()
        self.other = {n: classify(fold(e.value)) for n, e in enumerate(self.entries) if e.kind == "other"}
        # short codes registered in capitals ("SY", "TR"): only their capitals are the code, not Welsh "sy"
        self.codes = frozenset((n, keys_of(v)) for n, e in enumerate(self.entries) if e.kind != "person"
                               for v in (e.value, *e.aliases) if short_code(v))
        self.kinds: dict[str, int] = {}  # word as written -> word_kind(word), filled as texts are read

    def word_kind(self, word: str) -> int:
        """0: a plainly ordinary word (no token layer looks at it); 1: a candidate; 2: a candidate
        only mid-sentence outside a heading (a capitalised ordinary word no gazetteer knows)."""
        key = word.lower()
        if key not in self.boring:
            return 1
        if key == word or key in self.safe:
            return 0
        return 2 if word[0].isupper() and key not in self.gazetteer else 1


class Context:
    """One text being analysed: its tokens, which tokens deserve a close look (``candidates``),
    and which are already claimed by a hit or an allow-list phrase."""

    def __init__(self, text: str, tokens: Tokens, tables: Tables, title: bool,
                 keyset: frozenset[str] | None = None, welsh: bool | None = None) -> None:
        self.text = text
        self.tokens = tokens
        self.tables = tables
        self.title = title  # a Title Case heading: its capitalised common words are not flagged
        # cheap clues: a recognizer with none of its words skips the text
        self.keyset = frozenset(tokens.keys) if keyset is None else keyset
        self.hits: list[Hit] = []
        self.claimed: set[int] = set()  # token indices inside a register hit or an allowed phrase
        self._inside: set[int] = set()  # token indices starting inside a non-flag hit seen so far
        self._seen = 0
        self._welsh = welsh  # None: worked out from the words when first asked
        self.candidates = self._candidates()

    def _candidates(self) -> list[int]:
        """Tokens that are not plainly ordinary words: everything else is skipped by every token layer.
        What a word is (:meth:`Tables.word_kind`) is looked up once per word and remembered."""
        kinds = self.tables.kinds
        codes = list(map(kinds.get, self.tokens.words))  # C-level look-ups: fast
        if None in codes:
            for n, code in enumerate(codes):
                if code is None:
                    codes[n] = kinds[self.tokens.words[n]] = self.tables.word_kind(self.tokens.words[n])
        found = list(compress(count(), codes))
        if self.title or 2 not in codes:
            return [i for i in found if codes[i] == 1] if self.title else found
        text, spans = self.text, self.tokens.spans
        return [i for i in found if codes[i] == 1 or not _starts_sentence(text, spans[i][0])]

    @property
    def welsh(self) -> bool:
        """The text reads as Welsh (see :mod:`.welsh`): its common Welsh words are ordinary words."""
        if self._welsh is None:
            self._welsh = is_welsh_text(self.tokens.keys)
        return self._welsh

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens whose first character lies in [start, end)."""
        starts = self.tokens.starts
        return range(bisect_left(starts, start), bisect_right(starts, end - 1))

    def covered(self, i: int) -> bool:
        """Token i starts inside a structured, pattern or register hit already found."""
        if i in self.claimed:
            return True
        if self._seen < len(self.hits):
            for h in self.hits[self._seen:]:
                if not h.is_flag:
                    self._inside.update(self.token_range(h.start, h.end))
            self._seen = len(self.hits)
        return i in self._inside


class Recognizer(Protocol):
    name: str
    priority: int

    def find(self, ctx: Context) -> list[Hit]: ...
