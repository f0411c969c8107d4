"""The :class:`Anonymiser`: one per project build, so the same original always gets the same
replacement and a story stays coherent.

    anon = Anonymiser(project.register)
    red = anon.anonymise(excerpt.text)   # Redaction(text, replacements, flags)
    anon.needles()                       # what the publish gate must never find
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from dataclasses import replace as _with

from ..model import Decision, Flag, Redaction, Register, Replacement, Span
from .decisions import DecisionBook, context_hash, context_words
from .detect import FLAG_KINDS, PHRASE, Detector
from .hits import CONTAINERS, Hit
from .index import KIND_NAMES, keys_of
from .lexicon import TITLES, first_names, is_common
from .fitting import fitted, markdown_link, role_fitted, shifted, splice
from .joins import JOINED_KINDS, joined
from .name_parts import entry_key, name_parts, registered_words
from .normalise import Folded, fold, normalise
from .parallel import detected, workers
from .numwords import spoken_numbers
from .replace import Replacer
from .tokens import WORD, _starts_sentence

PARTICLES = frozenset({"de", "van", "von", "le", "la", "da", "di", "du", "del", "der", "den", "bin", "ibn", "al"})

SUGGEST_WORD = ("if it identifies someone or somewhere, register it in stories/anonymise.yaml (storymaker decide {id} "
                "person, place, organisation or other); if not, mark this occurrence safe (storymaker decide {id} safe)")
SUGGEST_REGISTERED = ("it is a registered {kind} name, or a word of one, in stories/anonymise.yaml, but here it may be "
                      "the ordinary word: replace it here (storymaker decide {id} {kind}-here) or mark this occurrence safe "
                      "(storymaker decide {id} safe)")
SUGGEST_PHRASE = ("it may point at one person: if it does, replace it here with a neutral phrase (storymaker decide {id} "
                  "other-here) or leave this excerpt out of the story; if not, mark this occurrence safe "
                  "(storymaker decide {id} safe)")
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


def _same_person(a: Hit, b: Hit) -> bool:
    """A registered person's alias or full name, then that person's surname ("big Tam McCrory"):
    one name, replaced once (the alias's replacement is the whole pseudonym already)."""
    return (a.source == b.source == "register" and a.kind == b.kind == "person" and b.key.endswith(":last")
            and a.key.endswith((":alias", ":full")) and a.key.rsplit(":", 1)[0] == b.key.rsplit(":", 1)[0])


class Anonymiser:
    def __init__(self, register: Register, decisions: tuple[Decision, ...] = ()) -> None:
        self.register = register
        self.decisions = DecisionBook(decisions)
        self._detector = Detector(register)
        self._replacer = Replacer(register)
        self._originals: dict[str, str] = {}  # each original replaced -> where it was first replaced
        self._produced_from: set[str] = set()  # replacements whose words are already in the detector's produced
        self._kept: set[str] = set()  # persona first names left as they are (never needles)
        self._registered = registered_words(register)  # word -> the kind it is registered as
        self._permits: dict[str, set[tuple[tuple[str, ...], tuple[str, ...]]]] = {}  # reviewed safe, for the gate
        self.wheres: set[str] = set()  # every text anonymised so far ("excerpt S-P01-09", "story x, summary")
        self.published: dict[str, str] = {}  # where -> its anonymised text: the gate says which one a hit is in

    # ----- detection ---------------------------------------------------------------
    def _plan(self, text: str, persona: bool, where: str = "", found: list[Hit] | None = None,
              ask: bool = False, welsh: bool = False) -> tuple[list[_Planned], list[tuple[int, int]]]:
        """Each hit with its source span and replacement, in reading order (so pseudonyms are
        handed out in that order), and the source spans a reviewer marked safe here; in persona
        mode, gazetteer-only first names are left alone. ``found``: the hits, detected already.
        ``ask``: a name or place only guessed (from the gazetteer, or a title before it) is a flag
        for the reviewer, never replaced unasked (the site's own title and description). ``welsh``:
        the text is known to be Welsh (a Welsh story's field), however short."""
        folded = normalise(text)
        hits = self._detector.detect_joined(folded.text, welsh) if found is None else found
        planned: list[_Planned] = []
        kept: list[tuple[int, int]] = []
        swallowed = 0  # a phrase replaced whole takes the spans inside it along
        for h in hits:
            if h.start < swallowed or (persona and self._persona_name(folded.text, h)):
                continue
            core = folded.to_source(h.start, h.end)
            if ask and h.source in ("gazetteer", "pattern") and h.kind in ("person", "place"):
                h = _with(h, kind="unreviewed", source="flag", flag=FLAG_KINDS["name" if h.kind == "person" else "place"])
            if h.is_flag and where and self.decisions:
                h = self._decided(h, text, core, where)
                if h is None:
                    kept.append(core)
                    continue
                if h.reach and not h.is_flag:
                    h, swallowed = _with(h, end=h.reach, reach=0), h.reach
                    core = folded.to_source(h.start, h.end)
            self._add(planned, h, folded, text, core)
        return planned, kept

    def _add(self, planned: list[_Planned], h: Hit, folded: Folded, text: str, core: tuple[int, int]) -> None:
        """Plan one hit's replacement, fitted to its sentence; one of the same kind right after the
        last joins it ("Chnoc Bhig" registered word by word is one phrase); an address that is a
        Markdown link's target takes the link along and leaves its words ("[our page](url)")."""
        new = "" if h.is_flag else self._replacement(h, folded, text[core[0]:core[1]])
        free = planned[-1].folded_end if planned else 0
        start, new = fitted(folded.text, h, new, free)
        start, end, new = role_fitted(folded.text, h, start, new, free)
        link = markdown_link(folded.text, h.start, h.end) if h.kind in CONTAINERS and not h.is_flag else None
        bracket = folded.to_source(link[0], link[0] + 1) if link else (0, 0)
        link = link if link and link[1] >= free and not any(p.end > bracket[0] >= p.start for p in planned) else None
        if link:
            start, end, new = link[1], link[2], ""
        src_start, src_end = folded.to_source(start, end)
        prev = planned[-1] if planned else None
        if prev and not h.is_flag and not prev.hit.is_flag and (prev.hit.kind == h.kind in JOINED_KINDS or _same_person(
                prev.hit, h)) and joined(folded.text, prev.folded_end, h.start):
            planned[-1] = prev._replace(end=max(src_end, core[1]), core=prev.core + text[prev.end:core[1]],
                                        folded_end=end)
            return
        planned.append(_Planned(h, src_start, max(src_end, core[1]), new, text[core[0]:core[1]], end))
        if link:
            where = bisect_left([p.start for p in planned], bracket[0])
            planned.insert(where, _Planned(_with(h, start=link[0], end=link[0] + 1), *bracket, "", "[", link[0] + 1))

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
        key = entry_key(self.register, token, decision.decision) or f"{sort}:{key}"
        return _with(h, kind=decision.decision, source="register", reason=f"review decision: {decision.decision} here",
                     key=key, flag="")

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
    def anonymise(self, text: str, persona: bool = False, where: str = "", found: list[Hit] | None = None,
                  ask: bool = False, welsh: bool = False) -> Redaction:
        """Safe text, what was replaced and what needs review.

        ``persona=True`` is for a fictional narrator ("Sam, who answers a council helpline"):
        first names known only from the gazetteer stay as they are and are not flagged;
        registered names and structured identifiers are still replaced. ``where`` names the
        text for per-occurrence decisions ("excerpt S-P01-09", "story <slug>, story title")."""
        out, replacements, flags = text, [], []
        self.wheres.add(where)
        planned, kept = self._plan(text, persona, where, found, ask, welsh)
        for p in reversed(planned):  # splice right to left: earlier offsets stay valid
            h, original = p.hit, text[p.start:p.end]
            if h.is_flag:
                flags.append(self._flag(text, p.start, p.end, h.flag, where))
                continue
            out, start, end = splice(out, p.start, p.end, p.new)
            replacements.append(Replacement(start, end, original, p.new, h.kind, h.reason))
            self._remember(p.core, p.new, where)
        replacements.reverse()
        if where:
            self.published[where] = out
        for start, end in kept:
            self._permit(out, text[start:end], shifted(start, replacements), replacements)
        return Redaction(out, tuple(replacements), tuple(reversed(flags)))

    def anonymise_many(self, texts: Sequence[str], persona: bool = False,
                       wheres: Sequence[str] | None = None) -> list[Redaction]:
        """:meth:`anonymise` of each text in order, with the same answers and pseudonyms; for many
        texts, detection runs in worker processes while replacement stays here (see parallel.py)."""
        wheres = [""] * len(texts) if wheres is None else wheres
        found = detected(self._detector, texts, workers(len(texts)))
        try:
            return [self.anonymise(t, persona, w, hits) for t, w, hits in zip(texts, wheres, found)]
        finally:
            found.close()

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
        if new and original.lstrip("#")[:1].isupper() and _starts_sentence(folded.text, h.start):
            new = new[0].upper() + new[1:]
        if new and len(original) > 3 and original.isupper() and h.kind in ("person", "place", "organisation"):
            new = new.upper()
        return new

    def _flag(self, text: str, start: int, end: int, kind: str, where: str) -> Flag:
        token = text[start:end]
        self._replacer.pools.banned.add(token.lower())
        suggestion = self._suggestion(token, kind)
        context = context_hash(text, start, end)
        stale = self.decisions.stale(where, token) if where else None
        return Flag(start, end, token, kind, suggestion, context, stale.line if stale else 0)

    def _suggestion(self, token: str, kind: str) -> str:
        """What a reviewer can safely do about this flag: a phrase is replaced here or left out; a
        word of a registered name is replaced here as the kind it is registered as."""
        if kind.startswith(PHRASE):
            return SUGGEST_PHRASE
        if kind.endswith("number"):
            return SUGGEST_NUMBER
        kinds = [self._registered.get(k) for k in keys_of(token)]
        if kinds and None not in kinds:
            return SUGGEST_REGISTERED.format(id="{id}", kind="person" if "person" in kinds else kinds[0])
        return SUGGEST_WORD

    def _remember(self, original: str, new: str, where: str) -> None:
        self._originals.setdefault(" ".join(fold(original).split()), where)
        if new in self._produced_from:
            return
        self._produced_from.add(new)
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
        for o, where in sorted(self._originals.items()):
            if _worth_a_needle(o):
                out[o] = f"an original the anonymiser replaced in {where or 'the text'}"
        for e in self.register.entries:
            what = f"a registered identifier ({KIND_NAMES.get(e.kind, e.kind)}, {self.register.source}:{e.line})"
            for value in (e.value, *e.aliases):
                out[value] = what
                if e.kind == "person":
                    out.update({k: what for k in name_parts(value) if _name_part(k)})
        unique = {n.lower(): n for n in sorted(out, reverse=True) if n.strip()}
        return {n: out[n] for n in unique.values()}


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
