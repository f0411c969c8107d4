"""A short code in the register ("SY", a boat's port letters) is not looked for in any case:
the gate finds it only as a whole word in capitals, as registered, so the Welsh word "sy" or a
lower-case "tr" in text does not block a build, while "SY" on a page still does; check says
which register line is too short to be distinctive. All names and codes are fictional."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.project import run_cli
from storymaker.anonymise import Anonymiser, scan_tree
from storymaker.load.register import register_from_mapping


def page(tmp_path: Path, body: str) -> Path:
    out = tmp_path / "output"
    out.mkdir(exist_ok=True)
    (out / "index.html").write_text(f"<html><body><p>{body}</p></body></html>", encoding="utf-8")
    return out


@pytest.mark.parametrize("body", [
    "Dyma'r stori sy'n dod o'r harbwr, a'r cwch sy ar y traeth.",
    "The trawler's tr-style hull was painted on a Tuesday.",
    "Sy and the others laughed.",
])
def test_a_short_code_is_no_hit_in_ordinary_words_in_other_cases(tmp_path, body):
    assert scan_tree(page(tmp_path, body), ["SY", "TR"]) == []


@pytest.mark.parametrize("body", [
    "The boat had SY painted on the bow.",
    "She fished out of S.Y. for years.",
    "<span class='code'>TR</span> was on the wheelhouse.",
    "Follow @SY_crabbers for news.",
])
def test_a_short_code_in_capitals_still_fails_the_gate(tmp_path, body):
    hits = scan_tree(page(tmp_path, body), ["SY", "TR"])
    assert hits and all("S" in h.masked or "T" in h.masked for h in hits)


def test_a_short_code_with_its_number_fails_the_gate_in_any_spacing(tmp_path):
    assert scan_tree(page(tmp_path, "Her boat was SY4 out of the bay."), ["SY 4"])


def test_the_anonymiser_replaces_the_code_in_capitals_and_leaves_the_welsh_word():
    anon = Anonymiser(register_from_mapping({"other": ["SY"]}))
    assert "sy'n" in anon.anonymise("Mae'r dyn sy'n byw yma yn garedig.").text
    assert "SY" not in anon.anonymise("The boat had SY on the bow.").text
    red = anon.anonymise("Sy rang about the nets.")
    assert red.flags and red.flags[0].token == "Sy"  # capitalised, not the code: left to a reviewer


def test_a_long_registered_identifier_is_still_found_in_any_case(tmp_path):
    assert scan_tree(page(tmp_path, "the crew of the kittiwake rose went home"), ["Kittiwake Rose"])


def test_check_warns_once_for_a_register_entry_too_short_to_be_distinctive(small_project):
    register = small_project / "stories/anonymise.yaml"
    text = register.read_text(encoding="utf-8").replace('other:\n  - "07700 900456"\n',
                                                        'other:\n  - "07700 900456"\n  - "SY"\n  - "tr"\n')
    register.write_text(text, encoding="utf-8")
    line = text.splitlines().index('  - "SY"') + 1
    out = run_cli("check", "--project", str(small_project))
    warned = [ln for ln in out.stderr.splitlines() if "too short to be distinctive" in ln]
    assert len(warned) == 2, out.stderr
    assert warned[0].split(": the other entry")[0].endswith(f"stories/anonymise.yaml:{line}")
    assert "capitals" in warned[0] and "register the whole identifier" in warned[0]
    assert "'SY'" not in out.stderr and "'tr'" not in out.stderr


# ----- the gate's message says which excerpt or story field a hit came from ------------------

def test_a_gate_hit_names_the_file_and_the_excerpt_or_field_it_came_from(tmp_path):
    out = page(tmp_path, "We met Morwenna by the slipway.")
    texts = {"excerpt C-N04-02": "We met Morwenna by the slipway.", "story the-slipway, summary": "A day out.",
             "story the-slipway, beat 1 intro": "Later, Morwenna came too."}
    hits = scan_tree(out, ["Morwenna Penhallow"] + ["Morwenna"], texts=texts)
    assert hits and hits[0].path.name == "index.html"
    why = hits[0].why
    assert "it comes from excerpt C-N04-02 (and 1 more)" in why and "Morwenna" not in why
    assert "remove or reword it there" in why


def test_a_gate_hit_with_no_known_source_says_where_to_look(tmp_path):
    hits = scan_tree(page(tmp_path, "Ask for Tamsin at the quay."), ["Tamsin"], texts={"excerpt X-1": "Nothing here."})
    assert hits and "; it comes from" not in hits[0].why and "the excerpt, story field" in hits[0].why


def test_the_anonymiser_keeps_each_published_text_by_where_it_is():
    anon = Anonymiser(register_from_mapping({"people": ["Tamsin Nance"]}))
    anon.anonymise("Tamsin Nance ran the nets.", where="excerpt C-N01-01")
    assert "Tamsin" not in anon.published["excerpt C-N01-01"] and "ran the nets" in anon.published["excerpt C-N01-01"]


# ----- registered ordinary-word names and storymaker's own page furniture (BLOCKED 2) ---------

FURNITURE_NAMES = ["Skip", "Story", "Kathleen More"]


@pytest.mark.parametrize("body", [
    '<a class="skip-link" href="#main">Skip to the content</a>',
    '<h2>More stories</h2><a href="#about-this-story">About</a>',
])
def test_storymakers_own_page_furniture_is_no_hit_for_an_ordinary_word_name(tmp_path, body):
    assert scan_tree(page(tmp_path, body), FURNITURE_NAMES) == []


@pytest.mark.parametrize("body", [
    "Skip rang me about the boiler.",
    "<a>Skip to the content, said Skip.</a>",
    "Follow #JusticeForSkip today.",
    "She wrote to @skip about it.",
    "More stories from Kathleen More.",
])
def test_the_same_word_outside_the_furniture_still_fails_the_gate(tmp_path, body):
    assert scan_tree(page(tmp_path, body), FURNITURE_NAMES)


def test_a_project_with_ordinary_word_names_registered_checks_and_builds(small_project):
    register = small_project / "stories/anonymise.yaml"
    text = register.read_text(encoding="utf-8").replace('  - "Alan Pryce"\n', '  - "Alan Pryce"\n  - "Skip"\n  - "Story"\n'
                                                        '  - "Kathleen More"\n')
    register.write_text(text, encoding="utf-8")
    assert run_cli("check", "--project", str(small_project)).returncode == 0
    built = run_cli("build", "--web", "--project", str(small_project))
    assert built.returncode == 0, built.stderr
