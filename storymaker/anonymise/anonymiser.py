"""The :class:`Anonymiser`: one per project build, so the same original always gets the same
replacement and a story stays coherent.

    anon = Anonymiser(project.register)
    red = anon.anonymise(excerpt.text)   # Redaction(text, replacements, flags)
    anon.needles()                       # what the publish gate must never find
"""
from __future__ import annotations

from typing import NamedTuple

from dataclasses import replace as _with

from ..model import Decision, Flag, Redaction, Register, Replacement, Span
from .decisions import DecisionBook, context_hash, context_words
from .detect import FLAG_KINDS, Detector
from .hits import Hit
from .index import KIND_NAMES, keys_of
from .lexicon import TITLES, first_names, is_common
from .normalise import Folded, fold, normalise
from .numwords import spoken_numbers
from .phrasing import NEUTRAL, after_determiner, contact_span, role_span
from .replace import Replacer
from .tokens import WORD, _starts_sentence

PARTICLES = frozenset({"de", "van", "von", "le", "la", "da", "di", "du", "del", "der", "den", "bin", "ibn", "al"})

SUGGEST_WORD = ("if it identifies someone or somewhere, register it in stories/anonymise.yaml (storymaker decide {id} "
                "person, place, organisation or other); if not, mark this occurrence safe (storymaker decide {id} safe)")
SUGGEST_REGISTERED = ("it is registered in stories/anonymise.yaml, but here it may be the ordinary word: replace it here "
                      "(storymaker decide {id} person) or mark this occurrence safe (storymaker decide {id} safe)")
SUGGEST_NUMBER = ("if it identifies someone or somewhere, register it in stories/anonymise.yaml (storymaker decide {id} "
                  "other); if not, mark this "
                  "occurrence safe (storymaker decide {id} safe)")


class _Planned(NamedTuple):
    hit: Hit
    start: int  # source offsets of what is replaced (may include a dropped "on"/"at" or comma)
    end: int
    new: str
    core: str  # the identifier itself, as written: what the gate must never find
    folded_end: int


class Anonymiser:
    def __init__(self, register: Register, decisions: tuple[Decision, ...] = ()) -> None:
        self.register = register
        self.decisions = DecisionBook(decisions)
        self._detector = Detector(register)
        self._replacer = Replacer(register)
        self._originals: set[str] = set()
        self._kept: set[str] = set()  # persona first names left as they are (never needles)
        self._registered = {k for v in register.values() for k in keys_of(v)}
        self._permits: dict[str, set[tuple[tuple[str, ...], tuple[str, ...]]]] = {}  # reviewed safe, for the gate

    # ----- detection ---------------------------------------------------------------
    def _hits(self, text: str) -> tuple[Folded, list[Hit]]:
        folded = normalise(text)
        return folded, self._detector.detect(folded.text)

    def _plan(self, text: str, persona: bool, where: str = "") -> tuple[list[_Planned], list[tuple[int, int]]]:
        """Each hit with its source span and replacement, in reading order (so pseudonyms are
        handed out in that order), and the source spans a reviewer marked safe here; in persona
        mode, gazetteer-only first names are left alone."""
        folded, hits = self._hits(text)
        planned: list[_Planned] = []
        kept: list[tuple[int, int]] = []
        for h in hits:
            if persona and self._persona_name(folded.text, h):
                continue
            core = folded.to_source(h.start, h.end)
            if h.is_flag and where and self.decisions:
                h = self._decided(h, text, core, where)
                if h is None:
                    kept.append(core)
                    continue
            new = "" if h.is_flag else self._replacement(h, folded, text[core[0]:core[1]])
            start, new = _fitted(folded.text, h, new, planned[-1].folded_end if planned else 0)
            start, end, new = _role_fitted(folded.text, h, start, new, planned[-1].folded_end if planned else 0)
            src_start, src_end = folded.to_source(start, end)
            planned.append(_Planned(h, src_start, max(src_end, core[1]), new, text[core[0]:core[1]], end))
        return planned, kept

    def _decided(self, h: Hit, text: str, core: tuple[int, int], where: str) -> Hit | None:
        """A flag a reviewer decided for this occurrence: None if safe here, else a hit of that kind."""
        token = text[core[0]:core[1]]
        decision = self.decisions.find(where, token, context_hash(text, *core))
        if decision is None:
            return h
        if decision.decision == "safe":
            return None
        key = " ".join(fold(token).lower().split())
        sort = {"person": "person-first", "organisation": "organisation"}.get(decision.decision, decision.decision)
        return _with(h, kind=decision.decision, source="register", reason=f"review decision: {decision.decision} here",
                     key=f"{sort}:{key}", flag="")

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
        for p in self._plan(text, persona)[0]:
            if p.hit.is_flag:
                self._replacer.pools.banned.add(p.core.lower())
            spans.append(Span(p.start, p.end, p.hit.kind, 0.5 if p.hit.is_flag else 1.0, p.new))
        return spans

    # ----- replacement -------------------------------------------------------------
    def anonymise(self, text: str, persona: bool = False, where: str = "") -> Redaction:
        """Safe text, what was replaced and what needs review.

        ``persona=True`` is for a fictional narrator ("Sam, who answers a council helpline"):
        first names known only from the gazetteer stay as they are and are not flagged;
        registered names and structured identifiers are still replaced. ``where`` names the
        text for per-occurrence decisions ("excerpt S-P01-09", "story <slug>, story title")."""
        out, replacements, flags = text, [], []
        planned, kept = self._plan(text, persona, where)
        for p in reversed(planned):  # splice right to left: earlier offsets stay valid
            h, original = p.hit, text[p.start:p.end]
            if h.is_flag:
                flags.append(self._flag(text, p.start, p.end, h.flag, where))
                continue
            out, start, end = _splice(out, p.start, p.end, p.new)
            replacements.append(Replacement(start, end, original, p.new, h.kind, h.reason))
            self._remember(p.core, p.new)
        replacements.reverse()
        for start, end in kept:
            self._permit(out, text[start:end], _shifted(start, replacements), replacements)
        return Redaction(out, tuple(replacements), tuple(reversed(flags)))

    def _permit(self, out: str, token: str, at: int, replacements: list[Replacement]) -> None:
        """Remember the published neighbours of an occurrence reviewed safe, so the publish gate
        can tell it from the same word anywhere else (see gate.py)."""
        end = at + len(token)
        if out[at:end] != token:
            return  # a replacement overlapped it: nothing of it was kept
        key = " ".join(fold(token).lower().split())
        self._permits.setdefault(key, set()).add(context_words(out, at, end, 3))

    def permits(self) -> dict[str, frozenset[tuple[tuple[str, ...], tuple[str, ...]]]]:
        """Occurrences reviewed safe here: word -> {(three words before, three after)} as published."""
        return {k: frozenset(v) for k, v in self._permits.items()}

    def _replacement(self, h: Hit, folded: Folded, original: str) -> str:
        new = self._replacer.replacement(h, original)
        if new and original[:1].isupper() and _starts_sentence(folded.text, h.start):
            new = new[0].upper() + new[1:]
        if new and len(original) > 3 and original.isupper() and h.kind in ("person", "place", "organisation"):
            new = new.upper()
        return new

    def _flag(self, text: str, start: int, end: int, kind: str, where: str) -> Flag:
        token = text[start:end]
        self._replacer.pools.banned.add(token.lower())
        if kind.endswith("number"):
            suggestion = SUGGEST_NUMBER
        elif keys_of(token) and set(keys_of(token)) <= self._registered:
            suggestion = SUGGEST_REGISTERED
        else:
            suggestion = SUGGEST_WORD
        context = context_hash(text, start, end)
        stale = self.decisions.stale(where, token) if where else None
        return Flag(start, end, token, kind, suggestion, context, stale.line if stale else 0)

    def _remember(self, original: str, new: str) -> None:
        self._originals.add(" ".join(fold(original).split()))
        for word in WORD.findall(new):
            if word[:1].isupper() and not is_common(word):
                self._detector.produced.add(word.lower())

    # ----- the publish gate's list -------------------------------------------------
    def needles(self) -> list[str]:
        """Every string the publish gate must never find in the output, whatever ``allow`` says:
        register values, aliases and every part of a person's name (ordinary words too: the gate
        finds those only capitalised); every original replaced so far."""
        return sorted(self.origins())

    def origins(self) -> dict[str, str]:
        """Each needle and what it is, for the gate's message."""
        out: dict[str, str] = {}
        for o in sorted(self._originals):
            if _worth_a_needle(o):
                out[o] = "an original the anonymiser replaced elsewhere"
        for e in self.register.entries:
            what = f"a registered identifier ({KIND_NAMES.get(e.kind, e.kind)}, {self.register.source}:{e.line})"
            for value in (e.value, *e.aliases):
                out[value] = what
                if e.kind == "person":
                    out.update({k: what for k in keys_of(value) if _name_part(k)})
        unique = {n.lower(): n for n in sorted(out, reverse=True) if n.strip()}
        return {n: out[n] for n in unique.values()}


def _role_fitted(folded: str, h: Hit, start: int, new: str, free_from: int) -> tuple[int, int, str]:
    """A role replacement swallows an apposition it would repeat (see phrasing.role_span), and is
    capitalised when it now starts the sentence."""
    if h.is_flag or not new:
        return start, h.end, new
    wide_start, end = role_span(folded, start, h.end, new)
    if wide_start < free_from:
        return start, h.end, new
    if wide_start < start and folded[wide_start:wide_start + 1].isupper() and _starts_sentence(folded, wide_start):
        new = new[0].upper() + new[1:]
    return wide_start, end, new


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


def _shifted(at: int, replacements: list[Replacement]) -> int:
    """Where source offset ``at`` lands in the output, given the replacements (in reading order)."""
    return at + sum(len(r.replacement) - (r.end - r.start) for r in replacements if r.end <= at)


def _name_part(key: str) -> bool:
    """A word of a registered person's name worth a needle: not a title ("Dr", "Doctor"), not a particle."""
    return key not in TITLES and key not in PARTICLES and (len(key) >= 3 or (len(key) == 2 and not is_common(key)))


def _worth_a_needle(original: str) -> bool:
    """Long enough to be a needle; a number said in words counts as its digits ("eighty-one" is
    no needle, as 81 is none; "oh one six seven oh four three ..." is one)."""
    spoken = spoken_numbers(original)
    original = spoken.text if spoken else original
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
