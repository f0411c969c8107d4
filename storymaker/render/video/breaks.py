"""Where a caption may break: between lines and between cues, at linguistic boundaries.

The rules are the broadcasters' (BBC subtitle guidelines, Netflix's timed-text style guide):
break after punctuation first, before a conjunction or preposition rather than after it,
never after an article, a possessive, a preposition, a conjunction or a subject pronoun,
and never inside a name (two capitalised words in a row).
"""
from __future__ import annotations

import re

ARTICLES = {"a", "an", "the"}
DETERMINERS = {"my", "your", "our", "their", "his", "her", "its", "this", "that", "these", "those", "some", "any",
               "every", "each", "no", "another", "such"}
PREPOSITIONS = {"of", "to", "in", "on", "at", "for", "with", "by", "from", "about", "into", "onto", "over", "after",
                "before", "under", "between", "through", "without", "within", "like", "than", "towards", "across",
                "around", "off", "up", "per", "via", "during", "until", "till", "against", "among", "behind", "beyond",
                "above", "below", "near", "along", "upon", "inside", "outside", "beside", "beneath", "despite",
                "except", "toward", "throughout", "amid", "down", "out"}
PARTICLES = {"up", "out", "off", "down", "away", "back", "over"}  # "flares up", "work it out": kept with their verb
CONJUNCTIONS = {"and", "but", "or", "nor", "so", "yet", "because", "if", "when", "while", "whilst", "although",
                "though", "unless", "since", "as", "where", "whether", "once", "that"}
PRONOUNS = {"i", "you", "we", "they", "he", "she", "it", "i'd", "i'm", "i've", "i'll", "we'd", "we're", "we've",
            "they'd", "they're", "you're", "there", "who", "which"}
AUXILIARIES = {"was", "were", "is", "are", "am", "be", "been", "had", "has", "have", "do", "did", "does", "would",
               "could", "should", "will", "can", "not", "very", "just", "really", "more", "most"}
NEVER_AFTER = ARTICLES | DETERMINERS | PREPOSITIONS | CONJUNCTIONS | PRONOUNS
BAD = 1000.0  # a break the rules forbid: only if there is no other way to fit the words


def _bare(word: str) -> str:
    return re.sub(r"^[\"'\u201c\u2018(]+|[\"'\u201d\u2019),.;:!?\u2013\u2014]+$", "", word).lower()


def _capital(word: str) -> bool:
    bare = re.sub(r"^[\"'\u201c\u2018(]+", "", word)
    return bool(bare) and bare[0].isupper() and _bare(word) != "i"


def penalty(words: list[str], i: int) -> float:
    """How bad a break between ``words[i - 1]`` and ``words[i]`` is: 0 at a full stop, BAD if forbidden."""
    before, after = words[i - 1], words[i]
    if re.search(r"[.!?…][\"'\u201d\u2019)]*$", before):
        return 0.0
    if re.search(r"[,;:\u2013\u2014][\"'\u201d\u2019)]*$", before) or after in ("\u2013", "\u2014"):
        return 1.0
    word = _bare(before)
    if word in NEVER_AFTER:
        return BAD
    if _capital(before) and _capital(after) and i > 1:
        return BAD  # inside a name: "Mary Okafor", "Citizens Advice"
    if _bare(after) in PARTICLES:
        return 12.0  # before "up" in "flares up": the verb's own word, not a seam
    if _bare(after) in CONJUNCTIONS | PREPOSITIONS | PRONOUNS:
        return 3.0  # before "and", "because", "with", "we": a natural seam
    if word in AUXILIARIES or _bare(after) in {"'s", "n't"}:
        return 20.0
    return 8.0


def best_lines(words: list[str], width: int, lines: int) -> tuple[list[str], float] | None:
    """The words as at most ``lines`` lines of at most ``width`` characters, broken at the best place,
    and how bad that break is (0 for one line)."""
    text = " ".join(words)
    if len(text) <= width:
        return [text], 0.0
    if lines < 2:
        return None
    best: tuple[list[str], float] | None = None
    for k in range(1, len(words)):
        top, bottom = " ".join(words[:k]), " ".join(words[k:])
        if len(top) > width or len(bottom) > width:
            continue
        cost = penalty(words, k) + abs(len(top) - len(bottom)) * 0.15 + (0.5 if len(top) > len(bottom) else 0)
        if best is None or cost < best[1]:
            best = ([top, bottom], cost)
    return best
