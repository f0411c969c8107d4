"""compose: the verbatim lock. Quotes stay the participants' own words; every edit is recorded."""
from __future__ import annotations

import dataclasses
import json

import pytest

from helpers.compose import corpus, excerpt, project, redacted, safe_for, spec
from storymaker.compose import compose, verify, write_private, write_scripts
from storymaker.errors import VerbatimError
from storymaker.compose.edits import harmonise, is_verbatim, trim, undo
from storymaker.compose.sentences import sentences
from storymaker.model import Redaction


@pytest.mark.parametrize("text, expected", [
    ("I was tired. It was hard.", ["I was tired.", "It was hard."]),
    ("Was it? Yes! It was.", ["Was it?", "Yes!", "It was."]),
    ("Dr. Patel said so. Then we left.", ["Dr. Patel said so.", "Then we left."]),
    ("She said \"stop.\" We stopped.", ["She said \"stop.\"", "We stopped."]),
    ("It was hard. …", ["It was hard. …"]),
    ("No full stop at the end", ["No full stop at the end"]),
    ("Line one.\nLine two.", ["Line one.", "Line two."]),
])
def test_when_text_is_split_then_sentences_end_at_real_boundaries(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, budget, kept", [
    ("One two three. Four five six. Seven eight nine.", 3, "One two three. …"),
    ("One two three. Four five six. Seven eight nine.", 6, "One two three. Four five six. …"),
    ("One two three. Four five six. Seven eight nine.", 8, "One two three. Four five six. Seven eight nine."),
    ("A single very long sentence that goes on and on and on.", 3, "A single very long sentence that goes on and on and on."),
    ("One two three four five six seven eight. Nine.", 2, "One two three four five six seven eight. …"),
])
def test_when_a_quote_is_trimmed_then_it_is_cut_at_a_sentence_boundary(text, budget, kept):
    out, edits = trim(text, budget)
    assert out == kept
    assert undo(out, tuple(edits)) == text


@pytest.mark.parametrize("text, expected", [
    ("i felt it was time, and i'm glad i did.", "I felt it was time, and I'm glad I did."),
    ("We did it together and we were proud.", "We did it together and we were proud."),
    ("He said to me that it would be fine.", "He said to me that it would be fine."),
    ("The i.e. bit and Wi-Fi stay, as does item i-9.", "The i.e. bit and Wi-Fi stay, as does item i-9."),
])
def test_when_person_is_harmonised_then_only_clear_cases_change_and_each_is_recorded(text, expected):
    out, edits = harmonise(text)
    assert out == expected
    assert len(edits) == sum(a != b for a, b in zip(text, out))
    assert all(e.kind == "harmonise" and e.reason for e in edits)
    assert undo(out, tuple(edits)) == text


def test_when_a_harmonised_quote_is_published_then_the_edit_is_in_the_provenance():
    ex = [excerpt(f"E{p}{t}", f"P{p}", f"Honestly i think it helped ({p}{t}).", (t,)) for p in range(6)
          for t in ("care", "targets")]
    comp = compose(project(ex), spec(), "community", "web", safe_for(ex))
    for q in comp.provenance.quotes:
        assert q.text.startswith("Honestly I think")
        assert [(e.kind, e.before, e.after) for e in q.edits] == [("harmonise", "i", "I")]


@pytest.mark.parametrize("quote, safe, ok", [
    ("It helped.", "Well. It helped. A lot.", True),
    ("It  helped\nme.", "It helped me.", True),
    ("It helped us.", "It helped me.", False),
    ("", "It helped me.", False),
])
def test_when_the_guard_checks_a_quote_then_only_passages_of_the_safe_text_pass(quote, safe, ok):
    assert is_verbatim(quote, (), safe) is ok


def composed():
    ex = corpus(6, 2)
    safe = safe_for(ex)
    return compose(project(ex), spec(), "staff", "web", safe), safe


def test_when_a_published_quote_is_changed_without_a_record_then_the_guard_refuses_it():
    comp, safe = composed()
    beat = comp.story.beats[0]
    changed = dataclasses.replace(beat, quotes=(beat.quotes[0].replace("I", "we", 1),) + beat.quotes[1:])
    story = dataclasses.replace(comp.story, beats=(changed,) + comp.story.beats[1:])
    with pytest.raises(VerbatimError) as info:
        verify(dataclasses.replace(comp, story=story), safe)
    assert "beat 'Being asked': quote 1" in str(info.value) and "refusing to publish" in str(info.value)


def test_when_the_record_and_the_quote_agree_but_differ_from_the_source_then_the_guard_refuses():
    comp, safe = composed()
    record = comp.provenance.quotes[0]
    safe = dict(safe, **{record.excerpt: Redaction("Something else entirely was said.")})
    with pytest.raises(VerbatimError):
        verify(comp, safe)


def test_when_the_anonymiser_replaced_a_name_then_the_provenance_records_it_masked(tmp_path):
    original = "Margaret Owen asked how I was. It was the first time anyone had."
    ex = [excerpt(f"E{p}{t}", f"P{p}", original + f" ({p}{t})", (t,)) for p in range(6) for t in ("care", "targets")]
    safe = {e.id: redacted(e.text, "Margaret Owen", "My manager") for e in ex}
    comp = compose(project(ex), spec(), "community", "web", safe)
    [edit] = [e for e in comp.provenance.quotes[0].edits if e.kind == "anonymise"]
    assert (edit.before, edit.after, edit.start) == ("M******* O***", "My manager", 0)
    assert "register: people" in edit.reason
    files = write_private([comp], tmp_path / "private") + write_scripts([comp], tmp_path / "scripts")
    for path in files:
        assert "Margaret" not in path.read_text(encoding="utf-8"), path
    assert "Margaret" not in json.dumps(comp.provenance.to_dict()) + "".join(comp.notes)


def test_when_a_quote_is_trimmed_then_replacements_after_the_cut_are_not_attributed_to_it():
    text = "We were fine. Then Bob Jones arrived. He changed things. It was a long year for all of us."
    ex = [excerpt(f"E{p}{t}", f"P{p}", f"{text} ({p}{t})", (t,)) for p in range(6) for t in ("care", "targets")]
    safe = {e.id: redacted(e.text, "Bob Jones", "a new manager") for e in ex}
    comp = compose(project(ex), spec(target_words=12), "community", "web", safe)
    for q in comp.provenance.quotes:
        assert q.text == "We were fine. …"
        assert [e.kind for e in q.edits] == ["trim", "ellipsis"]
