"""The :class:`Anonymiser`: one per project build, so the same original always gets the same
replacement and a story stays coherent.

    anon = Anonymiser(project.register)
    red = anon.anonymise(excerpt.text)   # Redaction(text, replacements, flags)
    anon.needles()                       # what the publish gate must never find
"""
from __future__ import annotations

from ..model import Flag, Redaction, Register, Replacement, Span
from .detect import Detector
from .hits import Hit
from .index import keys_of
from .lexicon import is_common
from .normalise import Folded, fold, normalise
from .replace import Replacer
from .tokens import WORD, _starts_sentence

SUGGEST_WORD = "add it to people/places/organisations or to allow in stories/anonymise.yaml"
SUGGEST_NUMBER = "write it in words if it identifies nobody, remove it, or add it to allow in stories/anonymise.yaml"


class Anonymiser:
    def __init__(self, register: Register) -> None:
        self.register = register
        self._detector = Detector(register)
        self._replacer = Replacer(register)
        self._originals: set[str] = set()

    # ----- detection ---------------------------------------------------------------
    def _hits(self, text: str) -> tuple[Folded, list[Hit]]:
        folded = normalise(text)
        return folded, self._detector.detect(folded.text)

    def detect(self, text: str) -> list[Span]:
        """Merged spans (original offsets), flags included as kind "unreviewed"."""
        folded, hits = self._hits(text)
        spans = []
        for h in hits:
            start, end = folded.to_source(h.start, h.end)
            if h.is_flag:
                self._replacer.pools.banned.add(text[start:end].lower())
            replacement = "" if h.is_flag else self._replacement(h, folded, text[start:end])
            spans.append(Span(start, end, h.kind, 1.0 if not h.is_flag else 0.5, replacement))
        return spans

    # ----- replacement -------------------------------------------------------------
    def anonymise(self, text: str) -> Redaction:
        folded, hits = self._hits(text)
        planned = []  # replacements chosen in reading order, so pseudonyms are handed out in that order
        for h in hits:
            start, end = folded.to_source(h.start, h.end)
            new = "" if h.is_flag else self._replacement(h, folded, text[start:end])
            planned.append((h, start, end, new))
        out, replacements, flags = text, [], []
        for h, start, end, new in reversed(planned):  # splice right to left: earlier offsets stay valid
            original = text[start:end]
            if h.is_flag:
                flags.append(self._flag(start, end, original, h.flag))
                continue
            out, start, end = _splice(out, start, end, new)
            replacements.append(Replacement(start, end, original, new, h.kind, h.reason))
            self._remember(original, new)
        return Redaction(out, tuple(reversed(replacements)), tuple(reversed(flags)))

    def _replacement(self, h: Hit, folded: Folded, original: str) -> str:
        new = self._replacer.replacement(h, original)
        if new and original[:1].isupper() and _starts_sentence(folded.text, h.start):
            new = new[0].upper() + new[1:]
        if new and len(original) > 3 and original.isupper() and h.kind in ("person", "place", "organisation"):
            new = new.upper()
        return new

    def _flag(self, start: int, end: int, token: str, kind: str) -> Flag:
        self._replacer.pools.banned.add(token.lower())
        suggestion = SUGGEST_NUMBER if kind.endswith("number") else SUGGEST_WORD
        return Flag(start, end, token, kind, suggestion)

    def _remember(self, original: str, new: str) -> None:
        self._originals.add(" ".join(fold(original).split()))
        for word in WORD.findall(new):
            if word[:1].isupper() and not is_common(word):
                self._detector.produced.add(word.lower())

    # ----- the publish gate's list -------------------------------------------------
    def needles(self) -> list[str]:
        """Every string the publish gate must never find in the output."""
        out = set(self.register.values())
        for e in self.register.entries:
            if e.kind == "person":
                for value in (e.value, *e.aliases):
                    out.update(k for k in keys_of(value) if len(k) >= 3 and not is_common(k))
        out.update(o for o in self._originals if _worth_a_needle(o))
        unique = {n.lower(): n for n in sorted(out, reverse=True) if n.strip()}
        return sorted(unique.values())


def _worth_a_needle(original: str) -> bool:
    alnum = [c for c in original if c.isalnum()]
    letters = sum(c.isalpha() for c in alnum)
    return (letters >= 3 and not is_common(original.strip())) or len(alnum) - letters >= 5


def _splice(text: str, start: int, end: int, new: str) -> tuple[str, int, int]:
    """Put ``new`` in place of text[start:end]; dropping an identifier also drops one space."""
    if not new:
        if start > 0 and text[start - 1] == " " and (end >= len(text) or text[end] in " .,;:!?"):
            start -= 1
        elif end < len(text) and text[end] == " ":
            end += 1
    return text[:start] + new + text[end:], start, end
