"""When an ordinary word is a name: the words around it. "me and hope went into town",
"Grace rang me", "hope's mum", "I asked June about it" (but "I hope so", "in June")."""
from __future__ import annotations

from ..tokens import Tokens

# Verbs that a person does and an abstract noun does not ("Hope rang me", not "Hope kept us going").
VERBS = frozenset("""said says told tells rang rings phoned phones texted texts messaged emailed asked asks came comes
went goes laughed cried smiled shouted answered walked drove popped rang replied whispered""".split())
FAMILY = frozenset("""mum mam mom dad husband wife kids son daughter house car partner boyfriend girlfriend brother
sister nan gran baby family boy girl lad dog flat place mother father""".split())
AFTER_VERB = frozenset("with asked told rang called phoned texted saw met thanked messaged emailed".split())
LOCATIVE = frozenset("in from to near outside around round towards toward via into through past beyond at".split())
DATE_WORDS = frozenset("""in on since until till by last next this every of early late mid from through during between
before after each that end start beginning middle""".split())


# After these a month or season is the month ("till June", "since May"), unless a verb follows; after
# another date word ("in May") it may be either, so a registered one is flagged for a reviewer.
SURELY_DATE = frozenset("since until till last next early late mid through during between every before after".split())


def possessive(tokens: Tokens, i: int) -> bool:
    """"hope's mum": the word is followed by 's and a family noun."""
    end = tokens.spans[i][1]
    return tokens.source[end:end + 2].lower() == "'s" and i + 1 < len(tokens) and tokens.keys[i + 1] in FAMILY


def lower_name(tokens: Tokens, i: int) -> bool:
    """A registered ordinary word written in lower case that must be the name: it is followed by a
    verb of speech or action, or stands beside "me and"/"and me", or has a possessive and a family noun."""
    keys = tokens.keys
    nxt = keys[i + 1] if i + 1 < len(keys) else ""
    if nxt in VERBS or possessive(tokens, i) or (i and keys[i - 1] in AFTER_VERB and keys[i - 1] != "with"):
        return True
    if i >= 2 and keys[i - 2] in ("me", "i") and keys[i - 1] == "and":
        return True
    alone = i == 0 or tokens[i].sentence_start or keys[i - 1] in ("with", "then", "so", "but")
    return alone and nxt == "and" and i + 3 < len(keys) and keys[i + 2] in ("me", "i") and keys[i + 3] in VERBS


WORD_BEFORE = frozenset("""the a an my your his her its our their this that these those some any no every each
i you we they he she it one own such what which whose""".split())
WORD_AFTER = frozenset("""be been being have has had not never always just also still only so that to you it we they
he she i of for""".split())


def plainly_the_word(tokens: Tokens, i: int) -> bool:
    """A registered ordinary word in lower case that reads as the word, not the name: after an article,
    a possessive or a pronoun ("paid the bill", "I hope", "we will"), or before what only the
    word takes ("will be", "hope so", "may not"). Anything else is flagged for a reviewer."""
    keys = tokens.keys
    prev = keys[i - 1] if i else ""
    nxt = keys[i + 1] if i + 1 < len(keys) else ""
    return prev in WORD_BEFORE or nxt in WORD_AFTER


def sentence_start_name(tokens: Tokens, i: int, context: frozenset[str]) -> bool:
    """A capitalised registered ordinary word at a sentence start that reads as the name."""
    nxt = tokens.keys[i + 1] if i + 1 < len(tokens) else ""
    return nxt in context or nxt in VERBS or possessive(tokens, i)


# A person noun or a title right before a month or season makes it a name: "my granddaughter
# Summer", "her teacher Miss Summer", "our June" is not enough, "Auntie June" is.
KIN = frozenset("""son daughter granddaughter grandson grandchild niece nephew cousin sister brother wife husband
partner friend neighbour neighbor teacher colleague boss manager aunt auntie aunty uncle nan nana granny grandma
grandad baby stepdaughter stepson goddaughter godson carer worker nurse miss mrs mr ms mx dr sister""".split())


def mid_sentence_name(tokens: Tokens, i: int) -> bool:
    """A capitalised month, season or other safe word mid-sentence used as a name: "I asked June",
    "June said", "me and Autumn" (not "in June", "May and June")."""
    keys = tokens.keys
    prev = keys[i - 1] if i else ""
    prev2 = keys[i - 2] if i > 1 else ""
    nxt = keys[i + 1] if i + 1 < len(keys) else ""
    if prev in DATE_WORDS or (nxt and nxt[:1].isdigit()):
        return False
    if nxt in VERBS or possessive(tokens, i) or prev in AFTER_VERB or prev in KIN:
        return True
    return prev == "and" and prev2 in ("me", "i")


def place_context(tokens: Tokens, i: int) -> bool:
    """"from Blyth", "in Hope": after a preposition of place a word that is also a town is the town."""
    return i > 0 and tokens.keys[i - 1] in LOCATIVE
