"""Coherence: does the composite read as one person? Warnings only; nothing is ever edited.

    coherence(story, spec, records) -> tuple[Slip, ...]

Rules, each in its own module: ``references`` (a quote leaning on someone or something not
yet mentioned), ``facts`` (partner, children, caring, job, home and place that contradict the
narrator line, the persona or an earlier quote), ``voice`` (tense or person switching between
adjacent quotes; linking text that claims an experience). Every warning names the beat and the
quote and suggests a fix: pin another quote, add linking text, or exclude it.
"""
from __future__ import annotations

from ...model import Story, StorySpec
from ..provenance import QuoteRecord
from .facts import Fact, contradicts, describe, facts
from .reading import Part, Slip, reading_order
from .references import dangling
from .voice import clash, claimed_experience

__all__ = ["Slip", "coherence"]


def _name(narrator: str) -> str:
    return narrator.split(",")[0].split()[0] if narrator.strip() else ""


def _source(part: Part, spec: StorySpec) -> str:
    if part.kind in ("narrator", "persona"):
        return f"the {part.kind} ('{part.text}')"
    return f"beat '{spec.beats[part.beat].heading}', quote {part.quote + 1} ({part.excerpt})"


class _Reader:
    """Walks the story once, remembering what the reader has been told."""

    def __init__(self, spec: StorySpec, parts: list[Part]) -> None:
        self.spec, self.parts = spec, parts
        self.known: list[tuple[Fact, Part]] = []
        self.out: list[Slip] = []

    def warn(self, rule: str, part: Part, message: str, fix: str) -> None:
        heading = self.spec.beats[part.beat].heading if part.beat >= 0 else ""
        line = self.spec.beats[part.beat].line if part.beat >= 0 else self.spec.line
        self.out.append(Slip(rule, part, heading, line or self.spec.line, message, fix))

    def learn(self, part: Part) -> None:
        warned = False
        for fact in facts(part.text, narrator=part.authored):
            clash_with = next(((f, p) for f, p in self.known if contradicts(f, fact)), None)
            if clash_with and part.kind == "quote":
                if not warned:
                    self._contradiction(part, fact, *clash_with)
                warned = True
            elif not any(f.kind == fact.kind and f.value == fact.value for f, _p in self.known):
                self.known.append((fact, part))

    def _contradiction(self, part: Part, fact: Fact, first: Fact, where: Part) -> None:
        rule = "persona" if where.authored else "consistency"
        also = ", or change the narrator line or persona" if where.authored else ""
        self.warn(rule, part, f"'{fact.evidence}' says {describe(fact)}, but {_source(where, self.spec)} "
                  f"says {describe(first)} ('{first.evidence}')", f"pin another quote or exclude {part.excerpt}{also}")

    def quote(self, k: int, part: Part) -> None:
        word = dangling(part, self.parts[:k], _name(self.spec.narrator))
        if word:
            self.warn("reference", part, f"'{word}' points at someone or something not mentioned before it in this "
                      "beat", f"pin a quote that introduces it first, add linking text that "
                      f"does, or exclude {part.excerpt} from this beat")
        before = self.parts[k - 1]
        if before.kind == "quote" and before.beat == part.beat:
            rule, message = clash(before.text, part.text)
            if rule:
                self.warn(rule, part, message, f"pin the quotes in another order, move one to another beat, "
                          f"or exclude {part.excerpt}")
        self.learn(part)

    def linking(self, part: Part) -> None:
        claim = claimed_experience(part.text)
        if claim:
            self.warn("linking", part, f"the linking text claims an experience ('{claim}'): linking text connects "
                      "the participants' words and must not add experiences of its own",
                      "rewrite it without I or we living through something, e.g. 'Then the clock came down.'")


def coherence(story: Story, spec: StorySpec, records: tuple[QuoteRecord, ...]) -> tuple[Slip, ...]:
    """Every coherence warning for one composed story version, in reading order."""
    parts = reading_order(story, spec, records)
    reader = _Reader(spec, parts)
    for k, part in enumerate(parts):
        if part.kind == "quote":
            reader.quote(k, part)
        elif part.kind in ("intro", "outro"):
            reader.linking(part)
        else:
            reader.learn(part)
    return tuple(reader.out)
