"""Layer: first names that are also ordinary words (Bill, Grace, Faith, Sunny, Hope, Rose ...),
where the words around say they are names. Flagged for review, never kept silently:

- before a name-like capitalised word: "Bill Farrow", "Sunny Pellow" (one flag for the whole
  name, so registering it registers the full name);
- at a sentence start before a verb a person does: "Grace sat with him", "Faith runs the group";
- at a sentence start before "and" and a capitalised word: "June and Winter Tregenza took ...";
- in lower case where only a name fits: "me and hope went", "rose came with us".
Unregistered, so nothing is replaced: the reviewer decides (register it, or safe here)."""
from __future__ import annotations

from ..hits import Hit
from ..lexicon import first_names, is_common, surnames
from .base import FLAG_KINDS, Context, Tables
from .names_context import lower_name

DOES = frozenset("""said says told tells rang rings phoned texted messaged emailed asked asks came comes went goes
got gets gave gives helped helps listened looked sat sits made makes brought took takes knew thought felt wanted
needed started stopped ran runs worked works lived lives died passed popped turned walked drove picked sorted
answered laughed cried smiled shouted stayed left moved kept called calls drew draws mends mended fixed fixes
cooked cooks organised organises set sets found finds met meets brings taught teaches wrote writes""".split())


SEASONS = frozenset("january april may june july august summer autumn winter spring".split())


class FirstNameWordRecognizer:
    name = "first names that are words"
    priority = 29

    def __init__(self, tables: Tables) -> None:
        self.t = tables
        self.keys = (frozenset(k for k in first_names() if is_common(k)) | SEASONS) - tables.allow_words
        self.surnames = surnames()

    def find(self, ctx: Context) -> list[Hit]:
        out: list[Hit] = []
        if ctx.title or ctx.keyset.isdisjoint(self.keys):
            return out
        tokens = ctx.tokens
        for i, key in enumerate(tokens.keys):
            if key not in self.keys or ctx.covered(i):
                continue
            end = self._name_end(ctx, i)
            if end is not None:
                out.append(Hit(tokens.spans[i][0], tokens.spans[end][1], "unreviewed", "flag",
                               FLAG_KINDS["name"], flag=FLAG_KINDS["name"]))
        return out

    def _name_end(self, ctx: Context, i: int) -> int | None:
        """The last token of the name starting at token i, or None if it reads as the word."""
        tokens = ctx.tokens
        word = tokens.words[i]
        nxt = tokens.keys[i + 1] if i + 1 < len(tokens) else ""
        next_word = tokens.words[i + 1] if nxt else ""
        if not word[:1].isupper():
            return i if lower_name(tokens, i) else None
        if next_word[:1].isupper() and next_word.isalpha() and (not is_common(nxt) or nxt in self.surnames) and (
                _joined(ctx, i)):
            return i + 1
        if tokens[i].sentence_start and (nxt in DOES or (
                nxt == "and" and i + 2 < len(tokens) and tokens.words[i + 2][:1].isupper())):
            return i
        return None


def _joined(ctx: Context, i: int) -> bool:
    """Token i and the next are one run of words (only a space between them)."""
    return ctx.text[ctx.tokens.spans[i][1]:ctx.tokens.spans[i + 1][0]] == " "
