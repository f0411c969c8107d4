"""Layer: gazetteers of UK first names, surnames, towns and counties, plus the surname after
a title or a first name ("Mrs Hope", "Jane Smith"). Words that are also ordinary English
words are left to default deny, which flags them instead of replacing them."""
from __future__ import annotations

from ..hits import Hit
from ..lexicon import SAFE, TITLES, counties, first_names, is_common, places, surnames
from ..tokens import gap_ok
from .base import FLAG_KINDS, Context, Tables
from .names_context import place_context
from .welsh import DETERMINERS, is_welsh_word, welsh_names


def gazetteer_kind(key: str) -> str:
    if key in first_names() or key in surnames():
        return "person"
    if key in counties():
        return "county"
    return "place" if key in places() else ""


class GazetteerRecognizer:
    name = "gazetteer"
    priority = 50

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        out: list[Hit] = []
        ends = {h.end: h for h in ctx.hits if h.kind == "person"}
        tokens, text = ctx.tokens, ctx.text
        free = 0
        for i in ctx.candidates:
            if i < free or ctx.covered(i):
                continue
            place = self.t.places.match(text, tokens, i) if tokens.keys[i] in self.t.place_starts else None
            if place and tokens.words[i][:1].isupper():
                last = place[1]
                out.append(Hit(tokens.spans[i][0], tokens.spans[last][1], "place", "gazetteer", "gazetteer: place",
                               "place:" + " ".join(tokens.keys[i:last + 1])))
                ctx.claimed.update(range(i, last + 1))
                free = last + 1
                continue
            hit = self._one(ctx, i, ends)
            if hit:
                out.append(hit)
                ends[hit.end] = hit
                ctx.claimed.add(i)
        return out

    def _skipped(self, key: str, upper: bool) -> bool:
        """Ours, allowed, a code with digits, a safe word or title, or a common word in lower case."""
        return (key in self.t.produced or key in self.t.allow_words or (not key.isalpha() and any(
            ch.isdigit() for ch in key)) or key in SAFE or key in TITLES or (not upper and is_common(key)))

    def _one(self, ctx: Context, i: int, ends: dict[int, Hit]) -> Hit | None:
        key = ctx.tokens.keys[i]
        upper = ctx.tokens.words[i][:1].isupper()
        if self._skipped(key, upper):
            return None
        tok = ctx.tokens[i]
        if ctx.welsh and (key in welsh_names() or is_welsh_word(key)):
            return _welsh(ctx, i, upper)
        if upper and self._after_name(ctx, i, ends):
            return Hit(tok.start, tok.end, "person", "pattern", "name after a title or first name", f"person-last:{key}")
        gaz = gazetteer_kind(key)
        if not gaz or is_common(key):
            return None
        if gaz == "person" and key in places() and place_context(ctx.tokens, i):
            gaz = "county" if key in counties() else "place"  # "from Blyth": the town, not Mr Blyth
        if gaz == "person":
            role = "first" if key in first_names() else "last"
            return Hit(tok.start, tok.end, "person", "gazetteer", f"gazetteer: {role} name", f"person-{role}:{key}")
        return Hit(tok.start, tok.end, "place", "gazetteer", f"gazetteer: {gaz}", f"{gaz}:{key}")

    def _after_name(self, ctx: Context, i: int, ends: dict[int, Hit]) -> bool:
        """True after a title ("Mrs Hope") or right after a first name found just before ("Jane Smith")."""
        tokens, text = ctx.tokens, ctx.text
        if i == 0 or not gap_ok(text, tokens.spans[i - 1][1], tokens.spans[i][0]) or tokens.words[i - 1].endswith("s'"):
            return False
        prev = tokens[i - 1]
        if prev.key in TITLES and prev.capitalised:
            return True
        last = ends.get(prev.end)
        return bool(last and (last.key.startswith("person-first:") or last.key.endswith(":first")) and
                    (tokens.keys[i] in surnames() or not is_common(tokens.keys[i])))


def _welsh(ctx: Context, i: int, upper: bool) -> Hit | None:
    """A common Welsh word in Welsh text: the word, left to default deny ("Beth newidiodd", "y
    tîm", "yn sâl"); one that is also a first name ("bryn", "eira") is the word after an article
    or a possessive ("lan y bryn"), replaced as a name mid-sentence in capitals ("Daeth Bryn")
    and flagged elsewhere."""
    tok, key = ctx.tokens[i], ctx.tokens.keys[i]
    if key not in welsh_names():
        return None
    before = ctx.tokens.keys[i - 1] if i else ""
    if not upper and (before in DETERMINERS or before.endswith(("'r", "'i", "'w", "'m", "'u"))):  # "i'r glyn"
        return None
    if upper and not tok.sentence_start and not ctx.title:
        return Hit(tok.start, tok.end, "person", "gazetteer", "gazetteer: first name", f"person-first:{key}")
    return Hit(tok.start, tok.end, "unreviewed", "flag", FLAG_KINDS["name"], flag=FLAG_KINDS["name"])
