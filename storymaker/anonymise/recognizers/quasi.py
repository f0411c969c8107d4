"""Layer: quasi-identifiers, phrases no list of names can hold but that point at one person
("the only male health visitor in the district", "the first woman to skipper a boat here",
"the one whose brother was lost at sea", "my cousin who runs the cafe by the station", a job
that one person holds: "the harbour master"). They are flagged for review, never replaced:
the method's rule is to leave out what only one person could have said, and only a person can
judge whether this one does. The flag covers the phrase up to the first identifier inside it."""
from __future__ import annotations

import re
from functools import lru_cache

from ..hits import Hit
from ..lexicon import DATA
from ..wordre import words_pattern
from ..wording import a_or_an
from .base import Context, Tables

KIND = "possible quasi-identifier"
_GENERIC = ("thing|things|way|ways|time|times|reason|one|ones|person|people|problem|option|difference|place|chance|"
            "answer|hope|help|support|choice|question|issue|worry|bit|part|advice|comfort|light|constant|good|bad|"
            "real|positive|other|downside|upside|catch|exception|rule|day|days|night|nights|break|way|solution|"
            "problem|certainty|trouble|fear|regret|memory|sound|noise|food|money|income|meal|option|escape|cure")
_RELATIVE = ("cousin|brother|sister|uncle|aunt|auntie|nephew|niece|son|daughter|dad|mum|mam|husband|wife|partner|"
             "grandad|granddad|gran|nan|nana|grandma|father|mother|stepdad|stepmum|stepson|stepdaughter|"
             "brother-in-law|sister-in-law|son-in-law|daughter-in-law|neighbour|ex|fiance|fiancee|godmother|"
             "godfather|best friend|mate|pal|boyfriend|girlfriend|friend")
_SPECIFIC = (r"runs|ran|owns|owned|works|worked|manages|managed|teaches|taught|drives|drove|keeps|kept|skippers|"
             r"skippered|is the|was the|used to (?:run|own|work|keep|drive)|lives (?:above|next|opposite|behind|in the)|"
             r"lived (?:above|next|opposite|behind|in the)|died|drowned|was lost|went missing|was killed|"
             r"was in the paper|was on the news|won|plays for|played for|sits on|sat on")
_SCOPE = (r"(?:in|on|at|across|from|for|of|round|around)[ \t]+(?:the|our|this|that|my|his|her|their|a)[ \t]+(?:whole[ \t]+)?"
          r"(?:district|area|town|village|city|county|country|region|team|ward|wing|school|class|year|office|street|"
          r"estate|practice|surgery|building|unit|service|department|island|valley|port|harbour|fleet|boats?|crew|"
          r"prison|landing|family|street|road|close|parish|patch|trust|hospital|church|mosque|congregation|club|"
          r"league|force|station|shift|rota|board|committee|council)\b|round here|for miles|left\b|in town\b")
_NATION = (r"polish|romanian|lithuanian|latvian|bulgarian|hungarian|czech|slovak|ukrainian|russian|nigerian|"
           r"ghanaian|somali|syrian|afghan|chinese|indian|pakistani|bangladeshi|eritrean|kurdish|iranian|welsh|"
           r"scottish|irish|cornish|english|american|french|spanish|italian|german|dutch|greek|turkish|portuguese|"
           r"filipino|filipina|jamaican|brazilian|zimbabwean|sudanese|ethiopian|congolese|traveller|roma|gypsy")
_IDENTITY = (rf"(?:male|female|black|asian|white|mixed-race|gay|lesbian|bisexual|trans|deaf|blind|disabled|"
             rf"muslim|jewish|sikh|hindu|catholic|{_NATION}|wheelchair|woman|man|lad|lass|girl|boy)(?:-[a-z]+)?")
_WITH = r"with[ \t]+(?:a|an|the|two|his|her|their)\b|(?:in|at|on|from)[ \t]+[A-Z]"  # "with a guide dog", "in Portstewart"
ONLY = re.compile(rf"\bthe[ \t]+(?:only|sole|last[ \t]+remaining)[ \t]+(?!(?:{_GENERIC})\b)(?:[a-z'-]+[ \t]+){{0,4}}?"
                  rf"(?:{_IDENTITY}\b(?:[ \t]+[a-z'-]+){{0,3}}|[a-z'-]+(?:[ \t]+[a-z'-]+){{0,3}}?(?=[ \t]+(?:{_SCOPE}|{_WITH})))"
                  rf"(?:[ \t]+with[ \t]+(?:a|an|the|two|his|her|their)(?:[ \t]+[a-z'-]+){{1,2}})?",
                  re.I)
ONLY_ONE = re.compile(r"\bthe[ \t]+only[ \t]+one[ \t]+(?:with|who[ \t]+(?:has|had|holds|held|keeps|kept|knows|knew|drives|"
                      r"drove|runs|ran|owns|owned|speaks|spoke))\b(?:[ \t]+[a-z'-]+){1,4}|\bthe[ \t]+only[ \t]+one[ \t]+in[ \t]+the[ \t]+"
                      r"(?:village|town|street|estate|family|class|school|office|team|building|close|scheme|ward|year|"
                      r"house|flats)\b", re.I)  # "the only one with a key"
FIRST = re.compile(rf"\bthe[ \t]+first[ \t]+(?!(?:{_GENERIC}|few|couple|week|month|year|lockdown|step|port)\b)"
                   r"(?:[a-z'-]+[ \t]+){0,4}?to[ \t]+[a-z'-]+"
                   r"(?:[ \t]+(?!(?:was|is|were|are|and|but|who|so|because|when|then)\b)[\w'-]+){0,6}", re.I)
_HABIT = (r"does|did|organises|organised|organizes|organized|collects|collected|leads|led|sings|sang|bakes|baked|"
          r"looks after|looked after|cleans|cleaned|opens|opened|locks up|locked up|chairs|chaired|brings|brought|"
          r"fixes|fixed|sorts|sorted|hosts|hosted|coaches|coached|delivers|delivered|always|still")
_WHO = r"one|man|woman|lad|lass|girl|boy|fella|guy|bloke|lady|chap|fellow|family|couple|wee man|wee woman"
ONE_WHO = re.compile(rf"\bthe[ \t]+(?:one[ \t]+whose[ \t]+[a-z'-]+|(?:{_WHO})[ \t]+who[ \t]+(?:{_SPECIFIC}|{_HABIT}|found|"
                     rf"started|set up|founded|got|had the|lost|survived|came back|went down|saved|rescued|reported|"
                     rf"blew the whistle)\b)(?:[ \t]+(?-i:[a-z'-]+)){{0,5}}", re.I)
# "the Polish caretaker", "our Irish-speaking tenancy officer": who they are and a job in a small place
_JOB = (r"caretaker|cleaner|janitor|nurse|doctor|gp|carer|warden|officer|manager|worker|driver|porter|handyman|"
        r"plumber|electrician|joiner|builder|gardener|cook|chef|receptionist|priest|volunteer|translator|"
        r"interpreter|dentist|pharmacist|midwife|postman|postie|mechanic|boss|supervisor|assistant|coordinator|"
        r"co-ordinator|adviser|advisor|lad|lass|fella|family|couple|tenant|neighbour|student")
IDENTITY_JOB = re.compile(rf"\b(?:the|our|their|your|his|her|my)[ \t]+(?:{_IDENTITY})[ \t]+(?:[a-z]+[ \t]+)?(?:{_JOB})\b",
                          re.I)
_NOT_PATCH = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|january|february|march|april|may|june|july|august|"
              r"september|october|november|december|christmas|easter|universal|social|pip|nhs|council|housing|"
              r"benefits?|duty|nights?|days?|call)\b")
# "the housing officer for Dunclug": a job and the named patch it covers
PATCH = re.compile(rf"\bthe[ \t]+(?:[a-z]+[ \t]+){{0,2}}(?:officer|worker|manager|nurse|warden|visitor|coordinator|"
                   rf"co-ordinator|adviser|advisor|caretaker|inspector|constable|councillor|midwife|leader|lead)[ \t]+(?:(?:for|on)[ \t]+"
                   rf"(?:the[ \t]+)?(?!{_NOT_PATCH})(?-i:[A-Z])[\w'-]+|for[ \t]+the[ \t]+[a-z]+[ \t]+(?:patch|side|end))", re.I)
# "She got the MBE in 2019 for the food bank": a public honour is on a public list
HONOUR = re.compile(r"\b(?:(?:the|an|a|her|his|my|their)[ \t]+)?(?:MBE|OBE|CBE|BEM|KBE|DBE|British Empire Medal|"
                    r"knighthood|damehood|George Medal|Pride of Britain award|freedom of the (?:city|town|borough))\b"
                    r"(?:[ \t]+in[ \t]+\d{4})?(?:[ \t]+for[ \t]+(?:the[ \t]+|her[ \t]+|his[ \t]+)?[a-z'-]+(?:[ \t]+[a-z'-]+){0,2})?")
MY_RELATIVE = re.compile(rf"\bmy[ \t]+(?:{_RELATIVE})[ \t]+who[ \t]+(?:{_SPECIFIC})\b(?:[ \t]+(?-i:[a-z'-]+)){{0,5}}", re.I)
_PERSON = rf"{_JOB}|resident|councillor|member|person|one|patient|pupil|child|woman|man|girl|boy|player|parent|mum|dad"
# "the only money advice officer in the office", "the oldest tenant on the estate"
ONLY_JOB = re.compile(rf"\bthe[ \t]+only[ \t]+(?:[a-z'-]+[ \t]+){{0,3}}?(?:{_JOB})\b(?=[ \t]+(?:{_SCOPE}|{_WITH}))", re.I)
SUPERLATIVE = re.compile(rf"\bthe[ \t]+(?:oldest|youngest|eldest|newest|longest[ -]serving|longest-standing)[ \t]+"
                         rf"(?:[a-z'-]+[ \t]+){{0,2}}?(?:{_PERSON})s?\b(?=[ \t]+(?:{_SCOPE}))", re.I)
# "the lad with one leg", "the woman with the guide dog": a person known by their body or what they have
WITH_BODY = re.compile(rf"\bthe[ \t]+(?:{_WHO})[ \t]+with[ \t]+(?:one|a|an|the|no|two)[ \t]+(?-i:[a-z'-]+)"
                       rf"(?:[ \t]+(?-i:[a-z'-]+))?", re.I)
# "the first in the family": first of a small group
FIRST_IN = re.compile(r"\bthe[ \t]+first[ \t]+(?:one[ \t]+)?(?:in|of)[ \t]+(?:the|our|my|his|her|their)[ \t]+"
                      r"(?:family|village|street|estate|school|town|class|year|scheme)\b", re.I)


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """The last word of every role: a text with none of them has no role in it."""
    return frozenset(role.split()[-1].split("-")[-1] for role in _roles())


def _roles() -> list[str]:
    path = DATA.parent / "lexicons" / "single_roles.txt"
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"]


_OWNER = re.compile(r"\b(?:the|our|their|your|his|her|my)[ \t]+$", re.I)
_AS = re.compile(r"\bas[ \t]+$", re.I)
_OF_NAME = re.compile(r"[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?[A-Z]")


@lru_cache(maxsize=1)
def single_roles() -> re.Pattern:
    """The roles, found by their own words (a trie: fast); the determiner before is checked after."""
    return re.compile(rf"(?<![\w-]){words_pattern(_roles())}(?![\w-])")


def role_hits(text: str, why: str) -> list[Hit]:
    """ "the harbour master", "our vicar": a role one person holds, with the words before it."""
    low = text.lower()
    low = low if len(low) == len(text) else text  # offsets must stay those of ``text``
    out = []
    for m in single_roles().finditer(low):
        owner = _OWNER.search(text, max(0, m.start() - 8), m.start())
        if owner:
            out.append(_phrase(text, owner.start(), m.end(), why, scoped=True))
        elif (held := _AS.search(text, max(0, m.start() - 4), m.start())) or _OF_NAME.match(text, m.end()):
            start = held.start() if held else m.start()  # "As chief executive of Causeway Kernow I ..."
            out.append(_phrase(text, start, m.end(), "a role one person holds, held" if held else why, scoped=True))
    return out


_AFTER_SCOPE = re.compile(rf"(?:[ \t]+[a-z'-]+){{0,3}}?[ \t]+(?:{_SCOPE})", re.I)
_PLACE_AFTER = re.compile(r"[ \t]+(?:in|on|off|at|from|of|near|by)[ \t]+(?:the[ \t]+)?[A-Z][\w'-]*(?:[ \t]+(?!I\b)[A-Z][\w'-]*){0,3}")
_ARTICLE_AFTER = re.compile(r"[ \t]+(?:of|in|on|off|at|for|to|from)[ \t]+(?:the|a|our|this|that)[ \t]+"
                            r"(?!(?:top|bottom|front|back|end|next|old|new|big|wee|little|far|same|other)\b)[a-z'-]+\b")
_TRAILING = re.compile(r"(?:[ \t]+(?:the|a|an|on|in|at|of|off|for|to|from|our|my|this|that|and|by|near))+$", re.I)
_NOT_HEAD = frozenset({"only", "sole", "last", "remaining", "first"})
_HEAD_STOP = frozenset("for in on at of off to from who whose that which across round around with by near".split())
_IDENTITY_WORDS = frozenset((_IDENTITY[3:_IDENTITY.index(")(")] + "|" + _NATION).split("|")) - {
    "woman", "man", "lad", "lass", "girl", "boy", "{_nation}"}
_IDENTITY_KEYS = _IDENTITY_WORDS | {"mixed", "race"}
_HONOUR_KEYS = frozenset("mbe obe cbe bem kbe dbe medal knighthood damehood award freedom".split())


def _reach(text: str, end: int, scoped: bool) -> int:
    """Where the phrase really ends: over a scope a few words on ("the only Polish carer on the
    island"), a place after it ("... drowned off Eilean Sgarbh"), or "of the island"; never
    on a dangling "on the"."""
    trail = _TRAILING.search(text, 0, end)
    end = trail.start() if trail and trail.start() > 0 else end
    if not scoped and (m := _AFTER_SCOPE.match(text, end)):
        end = m.end()
    for pattern in (_ARTICLE_AFTER, _PLACE_AFTER):
        if m := pattern.match(text, end):
            end = m.end()
    return end


def _article(words: list[str]) -> str:
    return f"{a_or_an(words[0])} {' '.join(words)}"


_FIXED = {"a role one person holds, held": "in my job", "a role": "someone", "points": "someone",
          "a public honour": "an honour"}


def _neutral(words: list[str], why: str) -> str:
    """What the phrase becomes if a reviewer replaces it: its plain noun without what singles the
    person out ("the only Polish carer on the island" -> "a carer"), or "someone"; "As chief
    executive of X I ..." -> "In my job I ..."."""
    if why.startswith("a relative"):
        return " ".join(words[:2]).lower()  # "my cousin"
    fixed = next((v for k, v in _FIXED.items() if why.startswith(k)), None)
    if fixed:
        return fixed[0].upper() + fixed[1:] if fixed == "in my job" and words and words[0][:1].isupper() else fixed
    if why.startswith("who they are"):
        job = [w.lower() for w in words[1:] if w.lower().split("-")[0] not in _IDENTITY_WORDS]
        return _article(job or ["worker"])
    head = _head(words[2:] if why.startswith(("only", "the first")) else [])
    if why.startswith("the first") and not head:  # "was the first to help" -> "was one of the first to help"
        return "one of the " + " ".join(words[1:])
    if not head or head[-1] in ("one", "ones"):
        return "someone"
    return _article(head[-3:])


def _head(words: list[str]) -> list[str]:
    head = []
    for w in words:
        if w.lower() in _HEAD_STOP:
            break
        if w.lower() not in _IDENTITY_WORDS | _NOT_HEAD and not w[:1].isupper():  # "Latvian", "Polish"
            head.append(w.lower())
    return head


def _phrase(text: str, start: int, end: int, why: str, scoped: bool = False) -> Hit:
    end = _reach(text, end, scoped)
    words = text[start:end].split()
    flag = f"{KIND} ({why})"
    return Hit(start, end, "unreviewed", "flag", flag, replacement=_neutral(words, why), flag=flag)


class QuasiIdentifierRecognizer:
    name = "quasi-identifiers"
    priority = 20

    def __init__(self, tables: Tables) -> None:
        self.t = tables

    def find(self, ctx: Context) -> list[Hit]:
        text = ctx.text
        low = text.lower()
        out: list[Hit] = []
        if "the only" in low or "the sole" in low or "the last remaining" in low:
            out.extend(self._hits(ONLY, text, "only one person fits"))
            out.extend(self._hits(ONLY_ONE, text, "only one person fits"))
            out.extend(self._hits(ONLY_JOB, text, "only one person fits"))
        if "the first" in low:
            out.extend(self._hits(FIRST, text, "the first to do something"))
            out.extend(self._hits(FIRST_IN, text, "the first of a small group"))
        if " who" in low and "the " in low:
            out.extend(self._hits(ONE_WHO, text, "points at one person"))
        if " with " in low:
            out.extend(self._hits(WITH_BODY, text, "points at one person"))
        if "my " in low and " who " in low:
            out.extend(self._hits(MY_RELATIVE, text, "a relative described"))
        if not ctx.keyset.isdisjoint(role_words()):
            out.extend(role_hits(text, "a role one person holds"))
        out.extend(self._more(ctx, low))
        return out

    def _more(self, ctx: Context, low: str) -> list[Hit]:
        text = ctx.text
        out = self._claimed(ctx, IDENTITY_JOB, "who they are and their job") if not _IDENTITY_KEYS.isdisjoint(
            ctx.keyset) else []  # a key never holds a "-": "mixed-race" is the keys "mixed" and "race"
        if "est " in low or "serving" in low or "standing" in low:
            out.extend(self._hits(SUPERLATIVE, text, "only one person fits"))
        if " for " in low or " on " in low:
            out.extend(self._hits(PATCH, text, "a role for a named patch"))
        if not ctx.keyset.isdisjoint(_HONOUR_KEYS):
            out.extend(self._claimed(ctx, HONOUR, "a public honour, on a public list"))
        return out

    @staticmethod
    def _claimed(ctx: Context, pattern: re.Pattern, why: str) -> list[Hit]:
        """The phrases, whose capitalised words ("MBE", "Latvian") are this flag's, not default deny's."""
        out = []
        for m in pattern.finditer(ctx.text):
            ctx.claimed.update(ctx.token_range(m.start(), m.end()))
            out.append(_phrase(ctx.text, m.start(), m.end(), why, scoped=True))
        return out

    def _hits(self, pattern: re.Pattern, text: str, why: str) -> list[Hit]:
        return [_phrase(text, m.start(), m.end(), why) for m in pattern.finditer(text)]
