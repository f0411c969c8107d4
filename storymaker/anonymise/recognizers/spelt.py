"""Layer: a name spelt out letter by letter ("C-O-L-E-R-A-I-N-E", "M e v a g i s s e y",
"T.R.U.R.O"). A registered name spelt out is replaced as the name; any other run of four or
more capitalised letters spelt out is one flag, so a reviewer decides the word once and check
agrees with the publish gate (which finds spelt-out needles too)."""
from __future__ import annotations

import re

from ..hits import Hit
from ..index import Pattern, keys_of
from .base import FLAG_KINDS, Context, Tables

SPELT = re.compile(r"(?<![^\W_'])[^\W\d_](?P<sep>[ .\-])(?:[^\W\d_](?P=sep))+[^\W\d_]\.?(?![^\W_])")


def spelt_names(tables: Tables) -> dict[str, Pattern]:
    """Every registered value, alias and person's name word of three letters or more, its letters
    run together ("coleraine", "tamsin"), to what it is."""
    out: dict[str, Pattern] = {}
    for n, e in enumerate(tables.entries):
        for role, value in [("full", e.value)] + [("alias", a) for a in e.aliases]:
            keys = keys_of(value)
            whole = "".join(c for c in "".join(keys) if c.isalpha())
            if len(whole) >= 3:
                out.setdefault(whole, Pattern(keys, n, role, False))
            for k, key in enumerate(keys if e.kind == "person" and len(keys) > 1 else ()):
                if len(key) >= 3:
                    out.setdefault(key, Pattern((key,), n, "first" if k == 0 else "last", False))
    return out


class SpeltRecognizer:
    name = "spelt-out names"
    priority = 99

    def __init__(self, tables: Tables) -> None:
        self.t = tables
        self.names = spelt_names(tables)

    def find(self, ctx: Context) -> list[Hit]:
        text = ctx.text
        if not (" " in text and SPELT.search(text)):
            return []
        out: list[Hit] = []
        for m in SPELT.finditer(text):
            letters = "".join(c for c in m.group() if c.isalpha())
            end = m.end() - (1 if m.group().endswith(".") else 0)
            found = self.names.get(letters.lower())
            span = ctx.token_range(m.start(), end)
            if found:
                entry = self.t.entries[found.entry]
                out.append(Hit(m.start(), end, entry.kind, "register", f"register: {entry.kind} (spelt out)",
                               f"register:{found.entry}:{found.role if entry.kind == 'person' else 'full'}"))
            elif len(letters) >= 4 and any(c.isupper() for c in letters):
                out.append(Hit(m.start(), end, "unreviewed", "flag", FLAG_KINDS["capitalised"],
                               flag=FLAG_KINDS["capitalised"]))
            else:
                continue
            ctx.claimed.update(span)
        return out
