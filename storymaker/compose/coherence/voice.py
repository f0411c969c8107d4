"""One voice: adjacent quotes in a beat told in clashing tenses, or one in the first person
next to one where the speaker is absent; and linking text that claims an experience.

Quotes in one beat sit side by side with nothing of ours between them, so a quote told
wholly in the past next to one told wholly in the present ("Now my first appointment is
just a conversation" / "I had a target for arrears calls") reads as two people. Linking
text is ours: it may connect ("Then the clock came down"), but "I've stood on both sides
of the counter" claims an experience nobody told us.
"""
from __future__ import annotations

from ..sentences import sentence_spans
from .words import ADVERBS, EXPERIENCE, FIRST_PERSON, PRESENT, SECOND_PERSON, SUBJECTS, WORD, is_past, words

THIRD_SUBJECTS = frozenset("he she they".split())
CLEAR = 3  # markers a quote needs before its tense counts as clear
DOMINANT = 4  # ... and how many times more of them than of the other tense


def tense(text: str) -> str:
    """"past", "present", or "" when the quote mixes them or says too little to tell."""
    ws = words(text)
    past = sum(1 for w in ws if is_past(w))
    present = sum(1 for w in ws if w in PRESENT)
    if past >= CLEAR and present * DOMINANT <= past:
        return "past"
    if present >= CLEAR and past * DOMINANT <= present:
        return "present"
    return ""


def person(text: str) -> str:
    """"first" when the speaker is in it (I, we, or a generic you); "third" when it tells someone
    else's story instead (no I, we or you, and at least two of he, she, they); else ""."""
    ws = words(text)
    if set(ws) & (FIRST_PERSON | SECOND_PERSON):
        return "first"
    return "third" if sum(1 for w in ws if w in THIRD_SUBJECTS) >= 2 else ""


def clash(before: str, after: str) -> tuple[str, str]:
    """(rule, message) when two adjacent quotes do not read as one voice, else ("", "")."""
    t1, t2 = tense(before), tense(after)
    if t1 and t2 and t1 != t2:
        return "tense", f"it is told in the {t2} tense and the quote before it in the {t1}"
    p1, p2 = person(before), person(after)
    if {p1, p2} == {"first", "third"}:
        gone = "this quote" if p2 == "third" else "the quote before it"
        return "person", (f"{gone} tells someone else's story (he, she or they; no I, we or you), while the other "
                          "is in the first person")
    return "", ""


def claimed_experience(text: str) -> str:
    """The words in linking text that make it speak as someone who was there, or ""."""
    for start, end in sentence_spans(text):
        shown = WORD.findall(text[start:end])
        ws = [w.lower().replace("’", "'") for w in shown]
        for k, word in enumerate(ws):
            if word not in SUBJECTS:
                continue
            if word in ("i'm", "we're"):
                return " ".join(shown[k:k + 2])
            rest = [w for w in ws[k + 1:k + 4] if w not in ADVERBS]
            verb = rest[0] if rest else ""
            if verb in EXPERIENCE or is_past(verb):
                return " ".join(shown[k:ws.index(verb, k) + 1])
    return ""
