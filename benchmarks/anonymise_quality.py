"""How well the anonymiser does on the annotated corpus in tests/data/anonymise/.

    .venv/bin/python benchmarks/anonymise_quality.py

* recall on direct identifiers: every planted identifier must be replaced or flagged,
  character for character (must be 100%);
* over-redaction on ordinary speech (sentences with no identifiers): the share of those
  sentences in which anything was replaced, and the share of words replaced;
* review flags per 1,000 words of ordinary speech;
* the same for the second corpus written for issue 11 (``north_east.yaml``: number words,
  place-noun numbers, names in any case, web addresses and handles, names run together,
  holiday dates, other scripts, quasi-identifiers), with recall per kind, and review flags
  per 1,000 words on ``ordinary_capitalised.txt`` (interview speech full of capitalised words
  that identify nobody: at most 5).

Run by tests/test_anonymise_quality.py, which asserts the bounds.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storymaker.anonymise import Anonymiser  # noqa: E402
from storymaker.load import register_from_mapping  # noqa: E402

DATA = ROOT / "tests" / "data" / "anonymise"


@dataclass
class Quality:
    identifiers: int = 0
    caught: int = 0
    missed: list[str] = field(default_factory=list)  # "sentence n: masked identifier"
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [caught, planted]
    ordinary_sentences: int = 0
    ordinary_words: int = 0
    over_redacted_sentences: int = 0
    over_redacted_words: int = 0
    flags: int = 0
    flagged: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.identifiers if self.identifiers else 1.0

    @property
    def over_redaction(self) -> float:
        return self.over_redacted_sentences / self.ordinary_sentences

    @property
    def flags_per_1000(self) -> float:
        return 1000 * self.flags / self.ordinary_words


def _covered(spans, start: int, end: int, text: str) -> bool:
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, end) if text[i].isalnum())


def _occurrences(text: str, ident: str) -> list[int]:
    found, i = [], text.find(ident)
    while i >= 0:
        found.append(i)
        i = text.find(ident, i + 1)
    return found


def planted(anon: Anonymiser, sentences: list[dict], q: Quality) -> None:
    from storymaker.anonymise import mask

    for n, s in enumerate(sentences):
        spans = anon.detect(s["text"])
        for ident in dict.fromkeys(s["identifiers"]):
            where = _occurrences(s["text"], ident)
            assert where, f"corpus error: sentence {n} does not contain its identifier {mask(ident)!r}"
            for start in where:
                q.identifiers += 1
                tally = q.by_kind.setdefault(s.get("kind", ""), [0, 0])
                tally[1] += 1
                if _covered(spans, start, start + len(ident), s["text"]):
                    q.caught += 1
                    tally[0] += 1
                else:
                    q.missed.append(f"sentence {n}: {s['text']!r} missed {ident!r}")


def ordinary(anon: Anonymiser, lines: list[str], q: Quality) -> None:
    for line in lines:
        red = anon.anonymise(line)
        q.ordinary_sentences += 1
        q.ordinary_words += len(line.split())
        if red.replacements:
            q.over_redacted_sentences += 1
            q.over_redacted_words += sum(len(r.original.split()) for r in red.replacements)
        q.flags += len(red.flags)
        q.flagged.extend(f"{f.kind}: {f.token}" for f in red.flags)
        q.flagged.extend(f"replaced {r.original!r} in {line!r}" for r in red.replacements)


def measure(corpus: str = "planted.yaml", speech: str = "ordinary.txt") -> Quality:
    doc = yaml.safe_load((DATA / corpus).read_text(encoding="utf-8"))
    anon = Anonymiser(register_from_mapping(doc["register"]))
    q = Quality()
    planted(anon, doc["sentences"], q)
    lines = [ln for ln in (DATA / speech).read_text(encoding="utf-8").splitlines() if ln.strip()]
    ordinary(Anonymiser(register_from_mapping(doc["register"])), lines, q)
    return q


def measure_north_east() -> Quality:
    return measure("north_east.yaml", "ordinary_capitalised.txt")


def report(name: str, q: Quality, speech: str) -> None:
    print(f"{name}: recall on planted identifiers: {q.caught}/{q.identifiers} = {q.recall:.1%}")
    print(f"  over-redaction on {speech}: {q.over_redacted_sentences}/{q.ordinary_sentences} sentences "
          f"({q.over_redaction:.1%}), {q.over_redacted_words}/{q.ordinary_words} words")
    print(f"  review flags per 1,000 words of {speech}: {q.flags_per_1000:.1f} ({q.flags} flags)")
    if "-v" in sys.argv:  # the corpus is synthetic, so printing it is safe
        for kind, (caught, planted_) in sorted(q.by_kind.items()):
            print(f"    {kind or '(no kind)'}: {caught}/{planted_}")
        print(*q.missed, sep="\n")
        print(*q.flagged, sep="\n")


def main() -> None:
    report("first corpus (planted.yaml)", measure(), "ordinary.txt")
    report("issue 11 corpus (north_east.yaml)", measure_north_east(), "ordinary_capitalised.txt")


if __name__ == "__main__":
    main()
