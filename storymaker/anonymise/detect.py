"""Detection: run the recognizer registry (:mod:`.recognizers`) over one folded text and merge
the spans they return (Presidio's shape). Replacement is a separate step (:mod:`.replace`)."""
from __future__ import annotations

from dataclasses import replace

from ..model import Register
from .hits import Hit, merge
from .numwords import spoken_numbers
from .recognizers import FLAG_KINDS, REGISTRY, Context, Recognizer, Tables
from .tokens import Tokens, tokenise

__all__ = ["FLAG_KINDS", "Detector"]


def _title_like(tokens: Tokens) -> bool:
    """A heading in Title Case ("Caring About Staff"): its capitalised common words are not flagged."""
    if len(tokens) > 20:
        return False
    words = [w for w in tokens.words if w.isalpha()]
    if not words or len(words) > 16:
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words) and not tokens.source.rstrip().endswith(".")


class Detector:
    """The registry's recognizers for one register, built once."""

    def __init__(self, register: Register) -> None:
        self.tables = Tables(register)
        self.recognizers: list[Recognizer] = sorted((cls(self.tables) for cls in REGISTRY),
                                                    key=lambda r: -r.priority)
        self.produced = self.tables.produced  # tokens of our own pseudonyms: never re-detected
        self.registered_keys = self.tables.registered_keys

    def detect(self, text: str) -> list[Hit]:
        """Merged hits with offsets into ``text``. Recognizers see number words as digits
        (:mod:`.numwords`); their spans are mapped back onto the words."""
        spoken = spoken_numbers(text)
        work = spoken.text if spoken else text
        tokens = tokenise(work)
        ctx = Context(work, tokens, self.tables, _title_like(tokens))
        for recognizer in self.recognizers:
            ctx.hits.extend(recognizer.find(ctx))
        hits = merge(ctx.hits)
        return [replace(h, start=s, end=e) for h in hits for s, e in [spoken.source(h.start, h.end)]] if spoken else hits
