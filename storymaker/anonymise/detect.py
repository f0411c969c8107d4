"""Detection: run the recognizer registry (:mod:`.recognizers`) over one folded text and merge
the spans they return (Presidio's shape). Replacement is a separate step (:mod:`.replace`)."""
from __future__ import annotations

from dataclasses import replace

from ..model import Register
from .hits import Hit, merge
from .joins import join_flags
from .numwords import spoken_numbers, worth_reading
from .recognizers import FLAG_KINDS, REGISTRY, Context, Recognizer, Tables
from .recognizers.quasi import KIND as PHRASE
from .tokens import Tokens, tokenise
from .wording import hashtags

__all__ = ["FLAG_KINDS", "PHRASE", "Detector"]


def _title_like(tokens: Tokens) -> bool:
    """A heading in Title Case ("Caring About Staff"): its capitalised common words are not flagged."""
    if len(tokens) > 20:
        return False
    words = [w for w in tokens.words if w.isalpha()]
    if not words or len(words) > 16:
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words) and not tokens.source.rstrip().endswith(".")


def _with_phrases(text: str, hits: list[Hit], phrases: list[Hit]) -> list[Hit]:
    """Add the phrase flags (quasi-identifiers) without merging them: a replacement inside one
    must not grow to swallow the phrase, so each is cut short before the first other span in it
    (and left out if another span starts where it does, or it overlaps an earlier phrase)."""
    if not phrases:
        return hits
    out = list(hits)
    taken = 0
    for p in sorted(phrases, key=lambda h: (h.start, -h.end)):
        inside = [h.start for h in hits if h.end > p.start and h.start < p.end]
        end = min(inside, default=p.end)
        while end > p.start and not text[end - 1].isalnum():
            end -= 1
        if end > p.start and p.start >= taken:
            out.append(replace(p, end=end, reach=p.end if end < p.end else 0))
            taken = end
    return sorted(out, key=lambda h: h.start)


class Detector:
    """The registry's recognizers for one register, built once."""

    def __init__(self, register: Register) -> None:
        self.tables = Tables(register)
        self.recognizers: list[Recognizer] = sorted((cls(self.tables) for cls in REGISTRY),
                                                    key=lambda r: -r.priority)
        self.produced = self.tables.produced  # tokens of our own pseudonyms: never re-detected
        self.registered_keys = self.tables.registered_keys

    def detect(self, text: str, welsh: bool | None = None) -> list[Hit]:
        """Merged hits with offsets into ``text``. Recognizers see number words as digits
        (:mod:`.numwords`); their spans are mapped back onto the words. ``welsh``: the text is known
        to be Welsh (a Welsh story's own field), else it is read from its words."""
        tokens = tokenise(text)
        keyset = frozenset(tokens.keys)
        spoken = spoken_numbers(text) if worth_reading(keyset) else None
        work = spoken.text if spoken else text
        if spoken:
            tokens = tokenise(work)
            keyset = frozenset(tokens.keys)
        ctx = Context(work, tokens, self.tables, _title_like(tokens), keyset, welsh or None)
        for recognizer in self.recognizers:
            ctx.hits.extend(recognizer.find(ctx))
        hits = merge(hashtags(work, merge([h for h in ctx.hits if not h.flag.startswith(PHRASE)])))
        hits = _with_phrases(work, hits, [h for h in ctx.hits if h.flag.startswith(PHRASE)])
        if not spoken:
            return hits
        return [Hit(s, e, h.kind, h.source, h.reason, h.key, h.replacement, h.flag,  # as dataclasses.replace, faster
                    spoken.source(h.start, h.reach)[1] if h.reach else 0)
                for h in hits for s, e in [spoken.source(h.start, h.end)]]

    def detect_joined(self, text: str, welsh: bool | None = None) -> list[Hit]:
        """:meth:`detect`, with neighbouring word flags joined into one flag over the whole name."""
        return join_flags(text, self.detect(text, welsh))
