"""The :class:`Anonymiser`: one per project build, so the same original always gets the same
replacement and a story stays coherent.

    anon = Anonymiser(project.register)
    red = anon.anonymise(excerpt.text)   # Redaction(text, replacements, flags)
    anon.needles()                       # what the publish gate must never find
"""
from __future__ import annotations

from typing import NamedTuple

from ..model import Flag, Redaction, Register, Replacement, Span
from .detect import FLAG_KINDS, Detector
from .hits import Hit
from .index import keys_of
from .lexicon import first_names, is_common
from .normalise import Folded, fold, normalise
from .phrasing import NEUTRAL, after_determiner, contact_span
from .replace import Replacer
from .tokens import WORD, _starts_sentence

SUGGEST_WORD = "add it to people/places/organisations or to allow in stories/anonymise.yaml"
SUGGEST_NUMBER = "write it in words if it identifies nobody, remove it, or add it to allow in stories/anonymise.yaml"


class _Planned(NamedTuple):
    hit: Hit
    start: int  # source offsets of what is replaced (may include a dropped "on"/"at" or comma)
    end: int
    new: str
    core: str  # the identifier itself, as written: what the gate must never find
    folded_end: int


class Anonymiser:
    def __init__(self, register: Register) -> None:
        self.register = register
        self._detector = Detector(register)
        self._replacer = Replacer(register)
        self._originals: set[str] = set()
        self._kept: set[str] = set()  # persona first names left as they are (never needles)

    # ----- detection ---------------------------------------------------------------
    def _hits(self, text: str) -> tuple[Folded, list[Hit]]:
        folded = normalise(text)
        return folded, self._detector.detect(folded.text)

    def _plan(self, text: str, persona: bool) -> list[_Planned]:
        """Each hit with its source span and replacement, in reading order (so pseudonyms are
        handed out in that order); in persona mode, gazetteer-only first names are left alone."""
        folded, hits = self._hits(text)
        planned: list[_Planned] = []
        for h in hits:
            if persona and self._persona_name(folded.text, h):
                continue
            core = folded.to_source(h.start, h.end)
            new = "" if h.is_flag else self._replacement(h, folded, text[core[0]:core[1]])
            start, new = _fitted(folded.text, h, new, planned[-1].folded_end if planned else 0)
            planned.append(_Planned(h, folded.to_source(start, h.end)[0], core[1], new, text[core[0]:core[1]], h.end))
        return planned

    def _persona_name(self, folded: str, h: Hit) -> bool:
        """A first name that only the gazetteer knows (a persona's own name): keep it, remember it."""
        key = folded[h.start:h.end].lower()
        if not (h.source == "gazetteer" and h.key.startswith("person-first:")) and not (
                h.is_flag and h.flag == FLAG_KINDS["name"]):
            return False
        if key not in first_names() or key in self._detector.registered_keys:
            return False
        self._kept.add(key)
        return True

    def detect(self, text: str, persona: bool = False) -> list[Span]:
        """Merged spans (original offsets), flags included as kind "unreviewed"."""
        spans = []
        for p in self._plan(text, persona):
            if p.hit.is_flag:
                self._replacer.pools.banned.add(p.core.lower())
            spans.append(Span(p.start, p.end, p.hit.kind, 0.5 if p.hit.is_flag else 1.0, p.new))
        return spans

    # ----- replacement -------------------------------------------------------------
    def anonymise(self, text: str, persona: bool = False) -> Redaction:
        """Safe text, what was replaced and what needs review.

        ``persona=True`` is for a fictional narrator ("Sam, who answers a council helpline"):
        first names known only from the gazetteer stay as they are and are not flagged;
        registered names and structured identifiers are still replaced."""
        out, replacements, flags = text, [], []
        for p in reversed(self._plan(text, persona)):  # splice right to left: earlier offsets stay valid
            h, original = p.hit, text[p.start:p.end]
            if h.is_flag:
                flags.append(self._flag(p.start, p.end, original, h.flag))
                continue
            out, start, end = _splice(out, p.start, p.end, p.new)
            replacements.append(Replacement(start, end, original, p.new, h.kind, h.reason))
            self._remember(p.core, p.new)
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
        """Every string the publish gate must never find in the output: register values and name
        parts always; every original replaced so far, except a persona name kept as it is."""
        out = set(self.register.values())
        for e in self.register.entries:
            if e.kind == "person":
                for value in (e.value, *e.aliases):
                    out.update(k for k in keys_of(value) if len(k) >= 3 and not is_common(k))
        out.update(o for o in self._originals if _worth_a_needle(o) and o.lower() not in self._kept)
        unique = {n.lower(): n for n in sorted(out, reverse=True) if n.strip()}
        return sorted(unique.values())


def _fitted(folded: str, h: Hit, new: str, free_from: int) -> tuple[int, str]:
    """Where the replacement starts (folded offset) and what it says, fitted to its sentence:
    "rings us on <phone>" drops "on" too; "our <organisation>" drops the replacement's "the"."""
    if not new:
        return h.start, new
    if new == NEUTRAL.get(h.kind):
        fitted = contact_span(folded, h.start, h.end, h.kind) or (h.start, new)
    else:
        fitted = after_determiner(folded, h.start, new)
    return fitted if fitted[0] >= free_from else (h.start, new)


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
