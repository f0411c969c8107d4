"""A scripted careful reviewer on a held-out corpus nobody tuned the anonymiser on.

It reads `storymaker check --json`, registers every flagged word that is part of a planted
identifier (it knows who and where is real, as a careful person would) and marks everything
else safe one occurrence at a time, round by round, until the build passes. Then every
published file is scanned for every planted identifier in any case, accent-folded and with
separators removed. One hit fails the test: a leak through detection or the gate.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml

from helpers.project import run_cli
from storymaker.anonymise.review import record_decision

CORPUS = Path(__file__).resolve().parent / "data" / "heldout-review"
KINDS = {"people": "person", "places": "place", "organisations": "organisation", "other": "other"}
MONTHS = {"june"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", html.unescape(text))
    return "".join(c for c in text if not unicodedata.combining(c) or unicodedata.category(c) == "Mc").casefold()


def planted() -> list[tuple[str, str, list[str]]]:
    data = yaml.safe_load((CORPUS / "planted.yaml").read_text(encoding="utf-8"))
    return [(item["text"], KINDS[section], [item["text"], *item.get("find", [])])
            for section, items in data.items() for item in items]


def decide(flag: dict, plants: list[tuple[str, str, list[str]]]) -> str:
    """The careful reviewer: an identifier if the flag lies on a planted one, else safe here."""
    window = fold(flag["before"] + flag["text"] + flag["after"])
    start, end = len(fold(flag["before"])), len(fold(flag["before"] + flag["text"]))
    for text, kind, _ in plants:
        for m in re.finditer(re.escape(fold(text)), window):
            if m.start() < end and start < m.end():
                return kind
    return "safe"


def review(project: Path, rounds: int = 8) -> list[int]:
    plants, counts = planted(), []
    for _ in range(rounds):
        result = run_cli("check", "--json", "--project", str(project))
        doc = json.loads(result.stdout)
        if doc["ok"]:
            return counts
        assert doc["flags"], [p["message"] for p in doc["problems"]]  # only flags may stand in the way
        counts.append(len(doc["flags"]))
        for flag in doc["flags"]:
            try:
                record_decision(project, flag["id"], decide(flag, plants))
            except Exception as exc:  # an earlier decision this round already resolved it
                assert "no open flag" in str(exc), exc
    pytest.fail(f"no passing check after {rounds} rounds of review: {counts}")


def published_texts(output: Path) -> list[tuple[Path, str]]:
    from storymaker.anonymise.extract import file_parts
    out = []
    for path in sorted(output.rglob("*")):
        out.append((path, str(path.relative_to(output))))
        if path.is_file():
            out.append((path, path.read_bytes().decode("utf-8", "ignore")))
            out += [(path, text) for _, text in file_parts(path)]
    return out


def forms(plants) -> list[tuple[str, re.Pattern, str]]:
    """(identifier, whole-word pattern with any separators or none between words, compact form)."""
    out = []
    for text, kind, finds in plants:
        words = [fold(w) for w in finds]
        if kind == "person":
            words += [fold(w) for w in text.split() if len(w) >= 3]
        for w in dict.fromkeys(words):
            parts = re.findall(r"\w+", w)
            pattern = re.compile(r"(?<!\w)" + r"[\W_]*".join(map(re.escape, parts)) + r"(?!\w)")
            compact = "".join(parts) if len("".join(parts)) >= 8 else ""
            out.append((text, pattern, compact))
    return out


def leaks(output: Path) -> list[str]:
    found = []
    checks = forms(planted())
    for path, text in published_texts(output):
        folded = fold(text)
        squashed = re.sub(r"[\W_]", "", folded)
        for name, pattern, compact in checks:
            for m in pattern.finditer(folded):
                if m.group() in MONTHS and re.search(r"\d\s*$", folded[:m.start()]) or re.match(r"\s*\d", folded[m.end():]):
                    continue  # "3 June 2026": a date on the page
                found.append(f"{path.name}: {name!r} as {m.group()!r}")
            if compact and compact in squashed:
                found.append(f"{path.name}: {name!r} run together")
    return sorted(set(found))


# Planted names that detection neither replaces nor flags yet, so no reviewer acting on the
# flags can catch them: ordinary-word names at the start of a sentence or in lower case
# (issue 11, item 3). Strict: the day one stops leaking, its mark must go.
@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> tuple[Path, list[int], list[str]]:
    project = tmp_path_factory.mktemp("heldout") / "project"
    shutil.copytree(CORPUS, project)
    counts = review(project)
    result = run_cli("build", "--web", "--project", str(project))
    assert result.returncode == 0, result.stderr
    return project, counts, leaks(project / "output")


def test_a_careful_reviewer_reaches_a_passing_build_with_every_planted_excerpt_published(reviewed):
    project, counts, found = reviewed
    print(f"flags per round: {counts}; planted identifiers: {len(planted())}; leaked: {len({f.split(chr(39))[1] for f in found})}")
    assert counts and counts[-1] < counts[0]
    page = (project / "output/web/staff/harbour.html").read_text(encoding="utf-8")
    assert "drawing" in page and "nets" in page and "posters" in page and "toys" in page


@pytest.mark.parametrize("name", [p[0] for p in planted()])
def test_no_planted_identifier_is_published(reviewed, name):
    _, _, found = reviewed
    assert [f for f in found if f.split(": ", 1)[1].startswith(repr(name))] == []


def test_the_scan_finds_a_planted_identifier_in_any_form(tmp_path):
    """The scan itself is not toothless."""
    out = tmp_path / "output"
    out.mkdir()
    for n, text in enumerate(["Bill FARROW rang", "see dunmarsh-mums", "ask for the Harbour Master",
                              "<p>Porth&shy;kennack</p>", "SaltMarshCrew.org", "flat 9 it was"]):
        (out / f"{n}.html").write_text(text, encoding="utf-8")
    assert len({line.split(":")[0] for line in leaks(out)}) == 6
