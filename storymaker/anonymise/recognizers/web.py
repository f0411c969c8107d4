"""Layer: web addresses, bare domains and social-media handles ("www.x.org.uk/page",
"facebook.com/groups/...", "@name_surname"). Any of them is an identifier unless its domain is
allowed (a short built-in list of national public services, plus any domain under ``allow``);
each is replaced whole, so a registered name inside it never splits it."""
from __future__ import annotations

import re

from ..hits import Hit
from ..lexicon import is_common
from .base import Context, Tables

_TLD = (r"(?:com|org|net|uk|gov|nhs|ac|io|info|me|co|edu|scot|wales|cymru|eu|biz|online|site|social|tv|ly|"
        r"app|page|blog|shop|store|club|events|news|xyz|ie|us|de|fr|ee|gg|link|bio)")
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
# A known top-level domain, or any name with a dot followed by a path ("linktr.ee/x", "bit.ly/x").
URL = re.compile(rf"(?:\bhttps?://|\bwww\.)[^\s<>\"']+|\b(?:{_LABEL}\.){{1,8}}{_TLD}\b(?:/[^\s<>\"']*)?"
                 rf"|\b(?:{_LABEL}\.){{1,8}}[a-z]{{2,24}}/[^\s<>\"']*[a-z0-9]", re.I)
SPELT = re.compile(rf"\b[a-z0-9-]+(?:[ \t]+dot[ \t]+[a-z0-9-]+)*[ \t]+dot[ \t]+{_TLD}\b(?:[ \t]+(?:slash|forward slash)[ \t]+[a-z0-9-]+)*",
                   re.I)  # "seahavenboats dot org dot uk slash members"
HANDLE = re.compile(r"(?<![\w@.])@[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?", re.I)
# A handle written without "@" right after the platform it is on: "Instagram, jago.tregenza",
# "my snapchat is wee_shauna_x", "follow me on TikTok: kerenza99"
SOCIAL = re.compile(r"\b(?:instagram|insta|tiktok|snapchat|snap|twitter|facebook|fb|threads|youtube|bluesky|handle|"
                    r"username|user[ \t]name)\b(?:[ \t]*(?:[,:]|\bis\b|\bit's\b|\bat\b|\bas\b)[ \t]*|[ \t]+){1,3}"
                    r"(?P<handle>[a-z0-9_]+(?:[._][a-z0-9_]+)+|[a-z_]*[0-9][a-z0-9_]*|[a-z0-9]*_[a-z0-9_]*)\b", re.I)
_DOT_INSIDE = re.compile(r"[a-z0-9]\.[a-z]")  # on lower-case text: a dot inside a word; most prose has none
_DOT_WORD = re.compile(r"\bdot\b")
_TRAILING = ".,;:!?)]}'\""
# National services whose web addresses identify nobody (a page on them still can: see _allowed).
SAFE_DOMAINS = frozenset("gov.uk nhs.uk bbc.co.uk citizensadvice.org.uk samaritans.org mind.org.uk ageuk.org.uk "
                         "shelter.org.uk nhs.scot gov.scot gov.wales llyw.cymru nidirect.gov.uk".split())


def _clue(text: str) -> bool:
    """A dot inside a word, "www", "http" or the word "dot": what every address and spelt-out one has."""
    low = text.lower()
    return bool(("." in low and _DOT_INSIDE.search(low)) or "www" in low or "http" in low
                or ("dot" in low and _DOT_WORD.search(low)))


def _domain(url: str) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.I).split("/", 1)[0].split("?", 1)[0]
    return host.lower().rstrip(".")


def _bare(url: str) -> str:
    """An address without its scheme and ``www.``, lower case, ending in ``/`` (``example.org/stories/``)."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip(), flags=re.I).lower().rstrip("/") + "/"


class WebRecognizer:
    name = "web addresses and handles"
    priority = 95

    def __init__(self, tables: Tables) -> None:
        self.t = tables
        self.allowed = SAFE_DOMAINS | {a.lower() for a in tables.allow_words if "." in a and "/" not in a}
        # the site's own addresses (see prepare.project_anonymiser): anything under them is the site itself
        self.own = tuple(_bare(a) for a in tables.allow_words if "/" in a)

    def _allowed(self, found: str) -> bool:
        """An allowed domain, with no path or a path of ordinary words only ("nhs.uk/conditions/flu",
        not "nhs.uk/profiles/eilidh-macrae": a page on a national service can still name someone)."""
        if self.own and _bare(found).startswith(self.own):
            return True
        domain = _domain(found)
        if not any(domain == d or domain.endswith("." + d) for d in self.allowed):
            return False
        path = re.sub(r"^(?:https?://)?[^/]*", "", found, flags=re.I)
        return all(w.isdigit() or is_common(w) for w in re.findall(r"[^\W_]+", path))

    def find(self, ctx: Context) -> list[Hit]:
        text = ctx.text
        if "@" not in text and "_" not in text and not _clue(text) and not any(c.isdigit() for c in text):
            return []
        out = [Hit(m.start("handle"), m.end("handle"), "handle", "structured", "social media handle (no @)",
                   f"handle:{m.group('handle').lower()}", "a social media account") for m in SOCIAL.finditer(text)]
        for m in URL.finditer(text) if "." in text else ():
            end = m.end()
            while end > m.start() and text[end - 1] in _TRAILING:
                end -= 1
            found = text[m.start():end]
            if text[max(0, m.start() - 1):m.start()] == "@" or "." not in found or self._allowed(found):
                continue  # the domain part of an e-mail address is the e-mail recognizer's
            out.append(Hit(m.start(), end, "url", "structured", "web address", f"url:{found.lower()}", "a website"))
        if " dot " in text.lower():
            out.extend(Hit(m.start(), m.end(), "url", "structured", "web address (spelt out)", f"url:{m.group().lower()}",
                           "a website") for m in SPELT.finditer(text))
        if "@" in text:
            for m in HANDLE.finditer(text):
                end = m.end()
                while text[end - 1] in _TRAILING:
                    end -= 1
                out.append(Hit(m.start(), end, "handle", "structured", "social media handle",
                               f"handle:{text[m.start():end].lower()}", "a social media account"))
        return out
