"""Layer 1: the register (people, places, organisations, other), with aliases, name parts and
spelling variants, matched on token sequences. Allowed phrases are claimed here too, so no
later layer flags them (a registered name still wins over an allowed word)."""
from __future__ import annotations

from ..hits import Hit
from ..index import KIND_NAMES, Pattern
from .base import FLAG_KINDS, NAME_CONTEXT, Context, Tables
from ..lexicon import places
from .first_names import SEASONS
from .names_context import (DATE_WORDS, LOCATIVE, SURELY_DATE, VERBS, lower_name, place_context, plainly_the_word,
                            possessive, sentence_start_name)


def _month_here(tokens, i: int) -> str:
    """ "kept" (surely the month), "ask" (maybe the month) or "" (read as the name)."""
    prev = tokens.keys[i - 1] if i else ""
    nxt = tokens.keys[i + 1] if i + 1 < len(tokens) else ""
    if prev not in DATE_WORDS or nxt in VERBS or possessive(tokens, i):
        return ""
    return "kept" if prev in SURELY_DATE else "ask"


class RegisterRecognizer:
    name = "register"
    priority = 100

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        out: list[Hit] = []
        text, tokens, t = ctx.text, ctx.tokens, self.t
        free = 0
        starts = t.register_starts  # a token no register or allow entry starts with is skipped at once
        for i in ctx.candidates:
            if i < free or tokens.keys[i] not in starts:
                continue
            found = t.names.match(text, tokens, i)
            if not found and tokens.keys[i] in t.joined:
                found = t.joined[tokens.keys[i]], i
            if not found and tokens.keys[i] in t.registered_keys and not tokens.words[i][:1].isupper():
                found = self._lower_case(ctx, i)
                if not found and self._ask(ctx, i, out):
                    free = i + 1
                    continue
            if found and (found[0].entry, found[0].keys) in t.codes and not text[
                    tokens.spans[i][0]:tokens.spans[found[1]][1]].isupper():
                found = None  # "sy" is not the code "SY"; a capitalised "Sy" is left to default deny
            if found and self._applies(ctx, i, found[0], out):
                pattern, last = found
                out.append(self._hit(tokens.spans[i][0], tokens.spans[last][1], pattern, ctx, i))
                ctx.claimed.update(range(i, last + 1))
                free = last + 1
                continue
            allowed = t.allowed.match(text, tokens, i)
            if allowed:
                ctx.claimed.update(range(i, allowed[1] + 1))
                free = allowed[1] + 1
        return out

    def _lower_case(self, ctx: Context, i: int) -> tuple[Pattern, int] | None:
        """A registered ordinary word in lower case, where the words around it make it the name:
        "me and hope went", "bill's wife", and for a place "we drove down from amble"."""
        found = self.t.names.match(ctx.text, ctx.tokens, i, any_case=True)
        if not found:
            return None
        place = self.t.entries[found[0].entry].kind == "place"
        if place and i and ctx.tokens.keys[i - 1] in LOCATIVE - {"to", "at"}:
            return found
        return found if not place and lower_name(ctx.tokens, i) else None

    def _ask(self, ctx: Context, i: int, out: list[Hit]) -> bool:
        """A registered name in lower case that the words around neither make the name nor plainly
        the ordinary word ("she was brilliant, ruby was"): flagged for a reviewer, never kept silently."""
        if not self.t.names.match(ctx.text, ctx.tokens, i, any_case=True) or plainly_the_word(ctx.tokens, i):
            return False
        tok = ctx.tokens[i]
        out.append(Hit(tok.start, tok.end, "unreviewed", "flag", FLAG_KINDS["name"], flag=FLAG_KINDS["name"]))
        ctx.claimed.add(i)
        return True

    def _applies(self, ctx: Context, i: int, p: Pattern, out: list[Hit]) -> bool:
        """A registered common word at a sentence start ("Will you ...", "Reading the notes ...") is
        flagged, not replaced, unless the next word says it is a name ("Will said ...", "Reading was ...")."""
        tokens = ctx.tokens
        tok = tokens[i]
        month = p.needs_capital and len(p.keys) == 1 and tok.key in SEASONS and _month_here(tokens, i)
        if month == "kept":
            return False  # "till June", "since May": the month (a verb after would make it the name)
        if not (p.needs_capital and (tok.sentence_start or month)):
            return True
        if not month and sentence_start_name(tokens, i, NAME_CONTEXT):
            return True
        if tok.key not in self.t.allow_words:
            out.append(Hit(tok.start, tok.end, "unreviewed", "flag", FLAG_KINDS["name"], flag=FLAG_KINDS["name"]))
            ctx.claimed.add(i)
        return False

    def _hit(self, start: int, end: int, p: Pattern, ctx: Context, i: int) -> Hit:
        entry = self.t.entries[p.entry]
        key = ctx.tokens.keys[i]
        if entry.kind == "person" and start == ctx.tokens.spans[i][0] and end == ctx.tokens.spans[i][1] and (
                key in places() and place_context(ctx.tokens, i)):  # "drives in from Hope": the village
            return Hit(start, end, "place", "register", "register: people (here a place of the same name)",
                       f"place:{key}")
        reason = f"register: {KIND_NAMES.get(entry.kind, entry.kind)}" + (" (spelling variant)" if p.variant else "")
        key = f"register:{p.entry}:{p.role if entry.kind == 'person' else 'full'}"  # a place's words: one place
        shape = self.t.other.get(p.entry)
        if shape:  # an `other` entry that is a phone number, email ...: replaced like one
            return Hit(start, end, shape.kind, "register", f"{reason} ({shape.reason})", key,
                       entry.replacement or shape.replacement)
        return Hit(start, end, entry.kind, "register", reason, key)
