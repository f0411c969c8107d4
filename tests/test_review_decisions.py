"""Per-occurrence review decisions: recorded, honoured on every check and build, stale (and the
flag back, saying so) when the words around the occurrence change; and the review API that
writes the register, allow and the decisions file without losing the user's comments."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.project import add_excerpt, run_cli
from storymaker.anonymise.review import CHOICES, list_flags, record_decision
from storymaker.cli import DECISION_CHOICES
from storymaker.errors import InputError

ROW = 'S-R-01,P01,"We met in the hall on a wet day in spring. Then Zorblat came in and sat down.",staff.care,staff,web;video'
HOPE = 'S-R-02,P02,"Hope you are well, said the card on my desk, and it was enough.",staff.care,staff,web;video'


def check_json(project: Path) -> dict:
    result = run_cli("check", "--json", "--project", str(project))
    doc = json.loads(result.stdout)
    assert result.returncode == (0 if doc["ok"] else 1)
    return doc


def only_flag(project: Path) -> dict:
    flags = check_json(project)["flags"]
    assert len(flags) == 1, flags
    return flags[0]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_safe_here_decision_is_honoured_then_goes_stale_when_the_words_around_it_change(small_project):
    add_excerpt(small_project, ROW)
    flag = only_flag(small_project)
    assert flag["text"] == "Zorblat" and flag["excerpt"] == "S-R-01"
    done = run_cli("decide", flag["id"], "safe", "--project", str(small_project))
    assert done.returncode == 0, done.stderr
    assert "Zorblat" not in done.stdout  # masked even here
    assert run_cli("check", "--project", str(small_project)).returncode == 0

    # a word far away changes: the decision still holds
    edit(small_project / "stories/excerpts/staff.csv", "We met in the hall", "We all met in the big hall")
    assert run_cli("check", "--project", str(small_project)).returncode == 0

    # a neighbouring word changes: the flag returns, and says an old decision went stale
    edit(small_project / "stories/excerpts/staff.csv", "Zorblat came in", "Zorblat walked in")
    result = run_cli("check", "--project", str(small_project))
    assert result.returncode == 1
    assert "stories/decisions.yaml:4 was made when the words around it were different" in result.stderr
    assert "Zorblat" not in result.stderr
    again = only_flag(small_project)
    assert again["stale_decision_line"] == 4 and again["id"] != flag["id"]


def test_a_kind_here_decision_replaces_that_occurrence_as_that_kind(small_project):
    add_excerpt(small_project, ROW)
    flag = list_flags(small_project)[0]
    record_decision(small_project, flag, "place-here")
    assert list_flags(small_project) == []
    result = run_cli("build", "--web", "--project", str(small_project))
    assert result.returncode == 0, result.stderr
    log = (small_project / "private/anonymisation-log.csv").read_text(encoding="utf-8")
    row = next(line for line in log.splitlines() if "Zorblat" in line)
    assert "review decision: place here" in row and "town" in row  # replaced as a place, never as a person


def test_registering_writes_the_register_and_keeps_its_comments_and_order(small_project):
    add_excerpt(small_project, ROW)
    register = small_project / "stories/anonymise.yaml"
    before = register.read_text(encoding="utf-8").splitlines()
    done = record_decision(small_project, list_flags(small_project)[0].id, "person")
    assert done.path == "stories/anonymise.yaml" and "Zorblat" not in done.action
    after = register.read_text(encoding="utf-8").splitlines()
    added = [line for line in after if line not in before]
    assert added == ['  - "Zorblat"']  # quoted as the names before it are
    assert [line for line in before if line not in after] == []  # comments, quotes and order all kept
    assert after.index('  - "Zorblat"') < after.index("places:")
    assert list_flags(small_project) == []
    assert not list((small_project / "stories").glob(".*.tmp"))  # the temporary file is gone


def test_allow_everywhere_goes_to_allow_but_never_for_a_registered_word(small_project):
    add_excerpt(small_project, ROW)
    record_decision(small_project, list_flags(small_project)[0], "allow")
    assert "  - Zorblat" in (small_project / "stories/anonymise.yaml").read_text(encoding="utf-8")
    assert list_flags(small_project) == []

    add_excerpt(small_project, HOPE)
    edit(small_project / "stories/anonymise.yaml", '  - "Alan Pryce"', '  - "Alan Pryce"\n  - "Hope Maddox"')
    [flag] = list_flags(small_project)  # "Hope" starting a sentence: the word, or the registered name?
    assert flag.flag.token == "Hope" and "it is a registered person name, or a word of one" in flag.message
    assert f"decide {flag.id} person-here" in flag.message
    with pytest.raises(InputError) as err:
        record_decision(small_project, flag, "allow")
    assert "mark this occurrence safe" in str(err.value) and "Hope" not in str(err.value)


def test_a_registered_word_starting_a_sentence_can_always_be_resolved(small_project):
    """The flag nothing could resolve: a registered name that is also a word, starting a sentence."""
    add_excerpt(small_project, HOPE)
    edit(small_project / "stories/anonymise.yaml", '  - "Alan Pryce"', '  - "Alan Pryce"\n  - "Hope Maddox"')
    [flag] = list_flags(small_project)
    done = record_decision(small_project, flag, "person")  # already registered: recorded for this occurrence
    assert done.path == "stories/decisions.yaml"
    assert list_flags(small_project) == []
    result = run_cli("build", "--web", "--project", str(small_project))
    assert result.returncode == 0, result.stderr


def test_decisions_file_errors_are_one_line_each_and_masked(small_project):
    (small_project / "stories/decisions.yaml").write_text(
        "decisions:\n  - excerpt: S-P01-01\n    text: Zorblat\n    context: abc\n    decision: maybe\n"
        "  - text: Zorblat\n    context: abc\n    decision: safe\n", encoding="utf-8")
    result = run_cli("check", "--project", str(small_project))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("stories/decisions.yaml:2: decision for 'Z******' must be one of safe") for line in lines)
    assert any(line.startswith("stories/decisions.yaml:6: a decision needs 'excerpt: <id>'") for line in lines)
    assert "Zorblat" not in result.stderr and "Traceback" not in result.stderr


def test_the_command_line_offers_exactly_the_api_choices():
    assert DECISION_CHOICES == CHOICES


def test_a_registered_word_marked_safe_here_is_published_and_passes_the_gate(small_project):
    add_excerpt(small_project, HOPE.replace(",P02,", ",P13,"))
    spec = small_project / "stories/short-staff.story.yaml"
    spec.write_text(spec.read_text(encoding="utf-8") + "seed: 2\n", encoding="utf-8")  # a seed that chooses it
    edit(small_project / "stories/anonymise.yaml", '  - "Alan Pryce"', '  - "Alan Pryce"\n  - "Hope Maddox"')
    [flag] = list_flags(small_project)
    record_decision(small_project, flag, "safe")
    # the gate lets through only that occurrence: the same word capitalised in a title is still found
    result = run_cli("build", "--web", "--project", str(small_project))
    assert result.returncode == 0, result.stderr
    pages = " ".join(p.read_text(encoding="utf-8") for p in (small_project / "output/web").rglob("*.html"))
    assert "Hope you are well" in pages and "Maddox" not in pages
