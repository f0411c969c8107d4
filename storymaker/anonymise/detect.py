"""Layered detection over one folded text: register, structured identifiers, organisation
patterns, gazetteers, then default deny for every capitalised word or number left over."""
from __future__ import annotations

import re

from ..model import Register
from .hits import Hit, merge
from .index import CANON, KIND_NAMES, Pattern, allow_index, place_index, register_index
from .lexicon import SAFE, TITLES, common_words, counties, first_names, is_common, places, surnames
from .orgs import org_hits
from .normalise import fold
from .structured import classify, structured_hits
from .tokens import Token, Tokens, _starts_sentence, gap_ok, tokenise

NAME_CONTEXT = frozenset("said says told tells rang called asked came went and was is has had who would "
                         "from with phoned texted where were".split())
UNITS = frozenset("minutes minute mins hours hour days day weeks week months month years year yrs times time "
                  "people patients staff kids children miles pounds quid percent per pence p grand calls beds "
                  "of or and more less hundred thousand million k nights shifts".split())
SAFE_ALNUM = frozenset("mp3 mp4 ps4 ps5 f1 a4 a3 a5 p45 p60 p11d b12 d3 3g 4g 5g covid19 y2k g7 g20 4x4 "
                       "a1 m1 m6 m25 m62 9am 5pm".split())
_DECADE = re.compile(r"\d{1,3}0s")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)", re.I)
FLAG_KINDS = {"capitalised": "unreviewed capitalised word", "number": "unreviewed number",
              "name": "possible name", "place": "possible place name"}


def _title_like(tokens: Tokens) -> bool:
    """A heading in Title Case ("Caring About Staff"): its capitalised common words are not flagged."""
    if len(tokens) > 20:
        return False
    words = [w for w in tokens.words if w.isalpha()]
    if not words or len(words) > 16:
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words) and not tokens.source.rstrip().endswith(".")


class Detector:
    """All the lookup tables for one register, built once."""

    def __init__(self, register: Register) -> None:
        self.register = register
        self.entries = register.entries
        self.names = register_index(register)
        self.allowed = allow_index(register)
        self.allow_words = frozenset(w.lower() for w in register.allow)
        self.places = place_index()
        self.produced: set[str] = set()  # tokens of our own pseudonyms: never re-detected
        self._title = False
        self.registered_keys = frozenset(self.names.first_keys())
        starts = self.names.first_keys() | self.allowed.first_keys() | self.places.first_keys()
        starts |= {word for word, c in CANON.items() if c in starts}
        self._boring = frozenset(w for w in common_words() | SAFE if w not in starts)
        self._safe = frozenset(SAFE - starts)
        self._gazetteer = first_names() | surnames() | places()
        self._other = {n: classify(fold(e.value)) for n, e in enumerate(self.entries) if e.kind == "other"}

    def detect(self, text: str) -> list[Hit]:
        tokens = tokenise(text)
        self._title = _title_like(tokens)
        hits = structured_hits(text, tokens)
        hits.extend(org_hits(text, tokens))
        hits.extend(self._token_hits(text, tokens, sorted(hits, key=lambda h: h.start)))
        return merge(hits)

    def _token_hits(self, text: str, tokens: Tokens, covered: list[Hit]) -> list[Hit]:
        out: list[Hit] = []
        c, i, n = 0, 0, len(tokens)
        boring, words, keys, spans = self._boring, tokens.words, tokens.keys, tokens.spans
        while i < n:
            key = keys[i]
            if key in boring and (key == words[i] or key in self._safe or (
                    words[i][0].isupper() and key not in self._gazetteer and (
                        self._title or _starts_sentence(text, spans[i][0])))):
                i += 1  # fast path: an ordinary word, or a safe one, or a common word starting a sentence
                continue
            start = spans[i][0]
            while c < len(covered) and covered[c].end <= start:
                c += 1
            inside = c < len(covered) and covered[c].start <= start
            i = self._one(text, tokens, i, inside, out)
        return out

    def _one(self, text: str, tokens: Tokens, i: int, inside: bool, out: list[Hit]) -> int:
        """Classify token i (and any multi-token match starting there); return the next index."""
        found = self.names.match(text, tokens, i)
        if found and self._register_applies(tokens, i, found[0], out):
            pattern, last = found
            out.append(self._register_hit(tokens[i].start, tokens[last].end, pattern))
            return last + 1
        allowed = self.allowed.match(text, tokens, i)
        if allowed:
            return allowed[1] + 1
        if inside:
            return i + 1
        place = self.places.match(text, tokens, i)
        if place and tokens[i].capitalised:
            out.append(Hit(tokens[i].start, tokens[place[1]].end, "place", "gazetteer", "gazetteer: place",
                           "place:" + " ".join(tokens.keys[i:place[1] + 1])))
            return place[1] + 1
        hit = self._gazetteer_or_flag(text, tokens, i, out)
        if hit:
            out.append(hit)
        return i + 1

    def _register_applies(self, tokens: Tokens, i: int, p: Pattern, out: list[Hit]) -> bool:
        """A registered common word at a sentence start ("Will you ...", "Reading the notes ...") is
        flagged, not replaced, unless the next word says it is a name ("Will said ...", "Reading was ...")."""
        tok = tokens[i]
        if not (p.needs_capital and tok.sentence_start):
            return True
        if i + 1 < len(tokens) and tokens[i + 1].key in NAME_CONTEXT:
            return True
        if tok.key not in self.allow_words:
            out.append(self._flag(tok, "name"))
        return False

    def _register_hit(self, start: int, end: int, p: Pattern) -> Hit:
        entry = self.entries[p.entry]
        reason = f"register: {KIND_NAMES.get(entry.kind, entry.kind)}" + (" (spelling variant)" if p.variant else "")
        key = f"register:{p.entry}:{p.role}"
        shape = self._other.get(p.entry)
        if shape:  # an `other` entry that is a phone number, email ...: replaced like one
            return Hit(start, end, shape.kind, "register", f"{reason} ({shape.reason})", key,
                       entry.replacement or shape.replacement)
        return Hit(start, end, entry.kind, "register", reason, key)

    def _flag(self, tok: Token, kind: str) -> Hit:
        return Hit(tok.start, tok.end, "unreviewed", "flag", FLAG_KINDS[kind], flag=FLAG_KINDS[kind])

    def _gazetteer_or_flag(self, text: str, tokens: Tokens, i: int, out: list[Hit]) -> Hit | None:
        tok = tokens[i]
        key = tok.key
        if key in self.produced or key in self.allow_words:
            return None
        if any(ch.isdigit() for ch in key):
            return None if self._safe_number(text, tokens, i) else self._flag(tok, "number")
        upper = tok.text[:1].isupper()
        if key in SAFE or key in TITLES or (not upper and is_common(key)):
            return None
        if upper and self._after_name(text, tokens, i, out):
            return Hit(tok.start, tok.end, "person", "pattern", "name after a title or first name", f"person-last:{key}")
        gaz = self._gazetteer_kind(tokens, i)
        common = is_common(key)
        if gaz and not common:
            return self._gazetteer_hit(tok, gaz)
        if not upper:
            return None
        if (tok.sentence_start or self._title) and common:
            named = gaz == "person" and i + 1 < len(tokens) and tokens[i + 1].key in NAME_CONTEXT
            return self._flag(tok, "name") if named else None
        if gaz:
            return self._flag(tok, "place" if gaz in ("place", "county") else "name")
        return self._flag(tok, "capitalised")

    def _after_name(self, text: str, tokens: Tokens, i: int, out: list[Hit]) -> bool:
        """True after a title ("Mrs Hope") or right after a first name found just before ("Jane Smith")."""
        if i == 0 or not gap_ok(text, tokens[i - 1].end, tokens[i].start) or tokens[i - 1].text.endswith("s'"):
            return False
        prev = tokens[i - 1]
        if prev.key in TITLES and prev.capitalised:
            return True
        last = out[-1] if out else None
        return bool(last and last.end == prev.end and last.kind == "person" and
                    (last.key.startswith("person-first:") or last.key.endswith(":first")) and
                    (tokens[i].key in surnames() or not is_common(tokens[i].key)))

    def _gazetteer_kind(self, tokens: Tokens, i: int) -> str:
        key = tokens[i].key
        if key in first_names() or key in surnames():
            return "person"
        if key in counties():
            return "county"
        return "place" if key in places() else ""

    def _gazetteer_hit(self, tok: Token, gaz: str) -> Hit:
        key = tok.key
        if gaz == "person":
            role = "first" if key in first_names() else "last"
            return Hit(tok.start, tok.end, "person", "gazetteer", f"gazetteer: {role} name", f"person-{role}:{key}")
        return Hit(tok.start, tok.end, "place", "gazetteer", f"gazetteer: {gaz}", f"{gaz}:{key}")

    def _safe_number(self, text: str, tokens: Tokens, i: int) -> bool:
        tok = tokens[i]
        key = tok.key
        if key in SAFE_ALNUM or _DECADE.fullmatch(key) or text[max(0, tok.start - 1):tok.start] in ("£", "$", "€"):
            return True
        if "24/7" in text[max(0, tok.start - 3):tok.end + 2]:
            return True
        if text[tok.end:tok.end + 1] == "%" or text[max(0, tok.start - 6):tok.start].lower() == "covid-":
            return True
        ordinal = _ORDINAL.fullmatch(key)
        digits = ordinal.group(1) if ordinal else key
        if not digits.isdigit():
            return False
        value = int(digits)
        if (value <= 12 and not digits.startswith("0")) or (len(digits) == 4 and 1900 <= value <= 2039 and not ordinal):
            return True
        return i + 1 < len(tokens) and tokens[i + 1].key in UNITS and not ordinal
