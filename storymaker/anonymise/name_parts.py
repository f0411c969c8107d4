"""Which words of a registered name stand for it on their own.

A person's first name and surname each stand for the person ("Ruairidh", "Saoir"), but the
particles that join a name's words do not: an English function word ("the", "of", "an",
"for"), a patronymic particle ("Mac", "Nic", "ap", "bin"), a particle written in lower case
inside the registered name ("Mac an t-Saoir", "de la Cruz", "van der Berg", "Sràid na
h-Eaglaise"), or a single letter. Treating those as
name-words would flag every "an" and "the" in the data and make ``allow`` refuse them.

    name_parts("Ruairidh Mac an t-Saoir")   # ("ruairidh", "saoir")
    registered_words(register)               # {"ruairidh": "person", "hope": "person", ...}
"""
from __future__ import annotations

from ..model import Register
from .index import keys_of
from .normalise import fold
from .tokens import tokenise

FUNCTION_WORDS = frozenset("""the of an a and for in on at to by with from or nor as is are was it its this that
na nan ap ab de van von le la las los da di du del der den des o y bin bint binti ibn al el
mac mhic mic nic ni ui ua ferch""".split())  # "son/daughter of" in Gaelic, Welsh, Arabic: never a name alone


def is_particle(key: str, written: str = "") -> bool:
    """A joining word of a longer name, never a name-word by itself."""
    return len(key) < 2 or key in FUNCTION_WORDS or bool(written) and written[:1].islower()


def name_parts(value: str) -> tuple[str, ...]:
    """The words of a multi-word name that stand for it alone (a one-word name is its own part)."""
    tokens = tokenise(fold(value))
    keys = keys_of(value)
    if len(keys) < 2 or len(keys) != len(tokens.words):
        return keys if len(keys) < 2 else tuple(k for k in keys if not is_particle(k))
    capitalised = any(w[:1].isupper() for w in tokens.words)
    return tuple(k for k, w in zip(keys, tokens.words) if not is_particle(k, w if capitalised else ""))


def registered_words(register: Register) -> dict[str, str]:
    """Each word the register covers on its own, and the kind of entry it belongs to: every
    one-word entry or alias, and each name part of a person."""
    out: dict[str, str] = {}
    for e in register.entries:
        for value in (e.value, *e.aliases):
            keys = keys_of(value)
            for key in name_parts(value) if e.kind == "person" else keys if len(keys) == 1 else ():
                out.setdefault(key, e.kind)
    return out


def protected_words(register: Register) -> dict[str, int]:
    """Every word ``allow`` must not hold, and the index of the entry it belongs to: the words the
    register covers on its own, and each distinctive word of a longer place, organisation or
    other entry ("Ruadh" of "Port Ruadh"; not "Port", not "Ferries", which are ordinary words)."""
    from .lexicon import is_common
    out: dict[str, int] = {}
    for n, e in enumerate(register.entries):
        for value in (e.value, *e.aliases):
            keys = keys_of(value)
            words = name_parts(value) if e.kind == "person" or len(keys) == 1 else [
                k for k in name_parts(value) if not is_common(k)]
            for key in words:
                out.setdefault(key, n)
    return out


def entry_key(register: Register, token: str, kind: str) -> str:
    """The register entry of that kind this text is a name or name part of ("hope" decided a
    person here, with Hope MacIsaac registered): it then gets that entry's replacement, so
    one person keeps one pseudonym."""
    keys = keys_of(token)
    for n, e in enumerate(register.entries):
        if e.kind != kind:
            continue
        for role, value in [("full", e.value)] + [("alias", a) for a in e.aliases]:
            whole = keys_of(value)
            if keys == whole:
                return f"register:{n}:{role}"
            if kind == "person" and len(keys) == 1 and keys[0] in name_parts(value):
                part = "first" if keys[0] == whole[0] else "last" if keys[0] == whole[-1] else "middle"
                return f"register:{n}:{part}"
    return ""
