"""How the publish gate finds a needle in published text, whatever form it was written in.

Both the needles and the text are brought to one normal form first: HTML entities decoded,
look-alikes, accents and invisible characters folded (:mod:`.normalise`), number words read
as digits (:mod:`.numwords`: "flat nine" is "flat 9"). Then a needle is found

- on whole words, in any case, with any run of spaces, hyphens, underscores, dots, slashes
  or nothing at all between its words: "Jane Doe", "jane_doe", "JaneDoe", "jane.doe";
- spelt out letter by letter ("J.A.N.E D.O.E", "h o p e"), or one word broken up ("Fen-moor");
- run together inside a web address, e-mail address, handle or hashtag
  ("facebook.com/groups/janedoefriends", "@jane_doe99", "#JaneDoeRun");
- for a number of five digits or more (a phone number), in any grouping and with the
  +44 form of a leading 0 ("oh seven seven double oh, nine oh oh one two three").

A needle that is one ordinary English word ("Hope", "Will", "May") is only found capitalised
or in capitals, never as the lower-case word. A short code registered in capitals (at most
three letters and digits: "SY", "TR", "RVH") is found only as a whole word in capitals, so the
Welsh word "sy" or a "tr" in markup is no hit; "SY" on a page still is. Where a reviewer marked an occurrence of such
a word safe (``stories/decisions.yaml``), a hit with the same neighbouring words is that
occurrence and is let through; a month name beside a number is a date. Nothing else excuses
a hit: ``allow`` is not consulted at all.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

from .furniture import in_furniture
from .lexicon import is_common
from .normalise import fold
from .numwords import spoken_numbers
from .recognizers.names_context import SURELY_DATE, VERBS

SEP = r"[\s_.\-/'+]*"
_SPELT = re.compile(r"(?<![^\W_])(?:[^\W\d_][\s._\-*]){2,}[^\W\d_](?![^\W_])")
_LINKISH = re.compile(r"[@#]|(?<!<)/|www\.|\.(?:com|org|net|uk|io|co|info|me|gov|nhs|ac|ly|tv)\b", re.I)  # where a link may be
_CHUNK = re.compile(r"\S+")
_HANDLE = re.compile(r"[@#]")
_COMPOUND = re.compile(r"[^\W_]+(?:[-_.'][^\W_]+)+")
_NUMBER_RUN = re.compile(r"\+?\d(?:[\s\-.()/]{0,3}\d)*")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_PIECE = re.compile(r"[^\W_]+")
MONTHS = frozenset("january february march april may june july august september october november december".split())

Permits = Mapping[str, Iterable[tuple[tuple[str, ...], tuple[str, ...]]]]


SHORT = 3  # letters and digits: an entry this short is not distinctive in any case


def short_code(value: str) -> bool:
    """A register value too short to be looked for in any case: at most three letters and digits
    with a letter among them, written in capitals ("SY", "B12"): only its capitals are the code."""
    plain = "".join(c for c in fold(value) if c.isalnum())
    return 0 < len(plain) <= SHORT and any(c.isalpha() for c in plain) and plain.upper() == plain


def short_entry(value: str) -> bool:
    """At most three letters and digits, with a letter: too short to be distinctive."""
    plain = "".join(c for c in fold(value) if c.isalnum())
    return 0 < len(plain) <= SHORT and any(c.isalpha() for c in plain)


def canonical(text: str) -> str:
    """The one form needles and published text are compared in."""
    folded = fold(html.unescape(text))
    spoken = spoken_numbers(folded)
    return spoken.text if spoken else folded


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(canonical(text).lower())]


def _compact(text: str) -> str:
    return "".join(c for c in canonical(text).lower() if c.isalnum())


class NeedleSet:
    """Compiled once per build; :meth:`find` returns ``(found, needle)`` for every hit in a text."""

    def __init__(self, needles: Iterable[str], permits: Permits | None = None,
                 furniture: frozenset[str] = frozenset()) -> None:
        self.furniture = furniture  # storymaker's own page phrases ("Skip to the content"): see furniture.py
        loose, strict, compact, handle_only, codes = set(), set(), set(), set(), set()
        self.by_key: dict[str, str] = {}  # compact form -> the needle, to say which one was found
        self.digits: dict[str, str] = {}
        self.codes: set[str] = set()  # short codes: matched in capitals only
        self.common: set[str] = set()  # one ordinary word: in a link only where it is capitalised
        for needle in needles:
            words = _words(needle)
            joined = "".join(words)
            if not words:
                continue
            self.by_key.setdefault(joined, needle)
            if sum(c.isdigit() for c in joined) >= 5 and not any(c.isalpha() for c in joined):
                self.digits[joined] = needle
                if joined.startswith("0"):
                    self.digits["44" + joined[1:]] = needle
            if short_code(needle):  # "SY": only in capitals, as a whole word
                codes.add(SEP.join(re.escape(w.upper()) for w in words))
                self.codes.add(joined)
            elif len(words) == 1 and is_common(words[0]):
                strict.update({words[0].capitalize(), words[0].upper()})
                handle_only.add(joined)
                self.common.add(joined)
            else:
                loose.add(SEP.join(re.escape(w) for w in words))
                (compact if len(joined) >= 4 else handle_only).add(joined)
        self.loose = _alternation(loose, 0)  # needles are lower case; matched against lower-cased text
        self.strict = _alternation({re.escape(s) for s in strict}, 0)
        self.code = _alternation(codes, 0)  # matched against the text as written (capitals)
        self.compact = _alternation({re.escape(c) for c in compact}, re.IGNORECASE)
        self.handles = _alternation({re.escape(c) for c in handle_only | compact}, re.IGNORECASE)
        self.permits = {" ".join(_words(k)): tuple((_plain(_words(" ".join(b))), _plain(_words(" ".join(a))))
                                                   for b, a in v) for k, v in (permits or {}).items()}

    def find(self, text: str) -> list[tuple[str, str]]:
        """``(what was found, in the normal form; the needle it is)`` for every hit, also in the
        order a browser shows text written inside right-to-left overrides ("\u202egarom\u202c")."""
        visual = _visual(text)
        return self._find(text) + (self._find(visual) if visual != text else [])

    def _find(self, text: str) -> list[tuple[str, str]]:
        text = canonical(text)
        found = self._whole(text)
        for m in _SPELT.finditer(text):
            found += self._whole(re.sub(r"[\s._\-*]", "", m.group()))
        for chunk in _links(text):
            found += self._in_link(chunk)
        for chunk in text.split():  # "Fen-moor", "oak_ridge": one word broken up
            if "-" in chunk or "_" in chunk or "." in chunk or "'" in chunk:
                for piece in _COMPOUND.findall(chunk):
                    squashed = re.sub(r"[\W_]", "", piece).lower()
                    if squashed in self.by_key and not is_common(squashed) and (
                            squashed not in self.codes or piece.isupper()):
                        found.append(piece)
        hits = [(f, self.by_key.get(_compact(f), f)) for f in found]
        for m in _NUMBER_RUN.finditer(text) if self.digits else ():
            run = re.sub(r"\D", "", m.group())
            hits += [(m.group().strip(), needle) for d, needle in self.digits.items() if d in run][:1]
        return hits

    def _in_link(self, chunk: str) -> list[str]:
        """Needles run together in a link; an ordinary-word name only in a handle or capitalised
        in a hashtag ("@hope", "#JusticeForHope", not "#about-this-story")."""
        pattern = self.handles if _HANDLE.search(chunk) else self.compact
        return [f for f in _run_together(pattern, chunk.lower()) if f not in self.common or chunk[:1] == "@" or (
            chunk[:1] == "#" and (f.capitalize() in chunk or f.upper() in chunk))] if pattern else []

    def _whole(self, text: str) -> list[str]:
        lower = text.lower()
        same = len(lower) == len(text)  # then offsets agree, and what was found reads as written
        found = [text[m.start():m.end()] if same else m.group() for m in _bounded(self.loose, lower)] if self.loose else []
        if self.strict:
            found += [m.group() for m in _bounded(self.strict, text) if not self._excused(text, m)]
        if self.code:
            found += [m.group() for m in _bounded(self.code, text)]
        return found

    def _excused(self, text: str, m: re.Match) -> bool:
        """A reviewed-safe occurrence (the same neighbours in its element or caption), or a month
        beside a number (a date)."""
        left, right = text[max(0, m.start() - 200):m.start()], text[m.end():m.end() + 200]
        left = left[left.rfind(">") + 1:]  # an HTML element or a caption cue is where a text begins
        right = right[:right.find("<")] if "<" in right else right
        before, after = _plain(_WORD.findall(left.lower())[-4:])[-3:], _plain(_WORD.findall(right.lower())[:4])[:3]
        word = m.group().lower()
        if self.furniture and in_furniture(text, m.start(), m.end(), self.furniture):
            return True
        if word in MONTHS and ((before and before[-1][:1].isdigit()) or (after and after[0][:1].isdigit())):
            return True
        if word in MONTHS and before and before[-1] in SURELY_DATE and not (after and after[0] in VERBS):
            return True  # "till June": the month, as the anonymiser read it
        return any(_agrees(before, after, b, a) for b, a in self.permits.get(word, ()))


def _bounded(pattern: re.Pattern, text: str):
    """Matches that start and end on word boundaries (an underscore counts as a separator). The
    boundaries are checked here rather than in the pattern, so the regex engine can skip ahead
    to the characters a needle can start with; after a match that is not bounded the search
    resumes one character on, so it never hides a bounded one."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if not (before.isalnum() or after.isalnum()) and m.end() > m.start():
            yield m
            pos = m.end()
        else:
            pos = m.start() + 1


_OVERRIDE = re.compile("[\u202e\u2067]([^\u202a-\u202e\u2066-\u2069\n]*)(?:[\u202c\u2069]|$)", re.M)


def _visual(text: str) -> str:
    """``text`` with each right-to-left override run reversed, as it is displayed."""
    return _OVERRIDE.sub(lambda m: m.group(1)[::-1], text) if "\u202e" in text or "\u2067" in text else text


def _run_together(pattern: re.Pattern, chunk: str) -> list[str]:
    """Needles found in a link with its separators removed ("facebook.com/groups/fenmoorfriends"),
    except one that both starts and ends inside ordinary words of markup ("application/atom+xml"
    run together holds "iona"): a name run together with other words starts where one of the
    link's pieces starts or ends where one ends, or lies in a piece that is no ordinary word."""
    pieces, at = [], 0
    for m in _PIECE.finditer(chunk):
        pieces.append((at, at + len(m.group()), m.group()))
        at += len(m.group())
    squashed = "".join(p for _, _, p in pieces)
    out, pos = [], 0
    while (m := pattern.search(squashed, pos)) is not None:
        if m.end() > m.start() and (_edge(pieces, m.start(), True) or _edge(pieces, m.end(), False)):
            out.append(m.group())
            pos = m.end()
        else:
            pos = m.start() + 1
    return out


def _edge(pieces: list[tuple[int, int, str]], at: int, start: bool) -> bool:
    """``at`` (a match's start or end) is where a piece of the link starts (ends), or lies inside
    a piece that is no ordinary word ("hopewilliamsfans")."""
    for ps, pe, piece in pieces:
        if (ps <= at < pe) if start else (ps < at <= pe):
            return at == (ps if start else pe) or not _wordlike(piece)
    return True


def _wordlike(piece: str) -> bool:
    """An ordinary English word, or two run together ("stylesheet", "viewport")."""
    return is_common(piece) or any(is_common(piece[:i]) and is_common(piece[i:]) for i in range(2, len(piece) - 1))


def _links(text: str) -> list[str]:
    """Each run of text without spaces that holds a link, an address, a handle or a hashtag."""
    chunks: dict[int, str] = {}
    for m in _LINKISH.finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in " \t\n\r") + 1
        if start not in chunks:
            end = _CHUNK.match(text, start)
            chunks[start] = end.group() if end else ""
    return list(chunks.values())


def _plain(words: Iterable[str]) -> tuple[str, ...]:
    """Neighbouring words as compared: lower case, numbers left out (caption timings, cue numbers)."""
    return tuple(w.lower() for w in words if not w.isdigit())


def _agrees(before: tuple[str, ...], after: tuple[str, ...], b: tuple[str, ...], a: tuple[str, ...]) -> bool:
    """At least two neighbouring words on one side agree with the reviewed occurrence's, as far
    as both go (a lone word with nothing around it is never excused)."""
    nb, na = min(len(before), len(b)), min(len(after), len(a))
    return (nb >= 2 and before[len(before) - nb:] == b[len(b) - nb:]) or (na >= 2 and after[:na] == a[:na])


def _alternation(parts: set[str], flags: int) -> re.Pattern | None:
    """One regex for many alternatives, written as a trie so the engine follows one branch per
    character instead of trying every alternative at every position (hundreds of needles)."""
    if not parts:
        return None
    return re.compile(_trie_regex([_units(p) for p in parts]), flags)


def _units(pattern: str) -> list[str]:
    """A pattern made of escaped characters and SEP, split into those units."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(SEP, i):
            out.append(SEP)
            i += len(SEP)
        elif pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        else:
            out.append(pattern[i])
            i += 1
    return out


def _trie_regex(items: list[list[str]]) -> str:
    trie: dict = {}
    for units in items:
        node = trie
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = {}
    return _node(trie)


def _node(node: dict) -> str:
    ends = "" in node
    branches = [unit + _node(child) for unit, child in sorted(node.items(), key=lambda kv: kv[0]) if unit]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
