"""compose: review scripts, private provenance and member-check packs on disk."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from helpers.compose import beat, corpus, project, safe_for, spec
from storymaker.compose import compose, write_private, write_scripts
from storymaker.compose.edits import is_verbatim
from storymaker.compose.member_check import MARKER


def story_spec(**kw):
    beats = (beat("Being asked", ("care",), 2, "It started with a question. Nobody expected it.", "That was new.", 4),
             beat("When the targets stopped", ("targets",), 2, "Then the targets went.", line=9))
    return spec(beats, summary="A composite about kindness at work.", **kw)


def all_versions(excerpts, story, **kw):
    proj = project(excerpts, [story], **kw)
    safe = safe_for(excerpts)
    return [compose(proj, story, a, c, safe) for a in story.audiences for c in story.outputs], safe


def read_all(paths):
    return {p.name + str(p.parent): p.read_bytes() for p in paths}


def test_when_inputs_and_seed_are_the_same_then_scripts_are_byte_identical(tmp_path):
    ex = corpus(12, 3)
    first = write_scripts(all_versions(ex, story_spec(seed=3))[0], tmp_path / "a")
    second = write_scripts(all_versions(list(reversed(ex)), story_spec(seed=3))[0], tmp_path / "b")
    assert [p.relative_to(tmp_path / "a") for p in first] == [p.relative_to(tmp_path / "b") for p in second]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert sorted(str(p.relative_to(tmp_path / "a")) for p in first) == [
        "community/kind-manager-video.md", "community/kind-manager-web.md",
        "staff/kind-manager-video.md", "staff/kind-manager-web.md"]


def test_when_the_seed_differs_then_scripts_may_differ(tmp_path):
    ex = corpus(12, 3)
    texts = {write_scripts(all_versions(ex, story_spec(seed=s))[0][:1], tmp_path / str(s))[0].read_text()
             for s in range(5)}
    assert len(texts) > 1


def test_when_a_script_is_written_then_linking_text_is_marked_and_quotes_are_blockquotes(tmp_path):
    comps, _ = all_versions(corpus(8, 2), story_spec())
    [path] = write_scripts(comps[-1:], tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# A manager who asked\n")
    assert "- Narrator: Sam, a support worker" in text
    assert "*It started with a question. Nobody expected it.* (linking text)" in text
    assert "*That was new.* (linking text)" in text
    quotes = [line for line in text.splitlines() if line.startswith("> ")]
    assert len(quotes) == 4
    assert text.rstrip().endswith(comps[-1].story.disclosure)
    assert "Narrated by a synthetic voice" in text


def published_parts(story):
    """Every piece of text a reader or viewer meets, with its part name and beat."""
    parts = [("title", -1, story.title), ("narrator", -1, story.narrator), ("summary", -1, story.summary)]
    for i, b in enumerate(story.beats):
        parts += [("heading", i, b.heading), ("intro", i, b.intro)]
        parts += [("quote", i, q) for q in b.quotes] + [("outro", i, b.outro)]
    return parts + [("disclosure", -1, story.disclosure)]


def test_when_provenance_is_recorded_then_it_accounts_for_every_published_sentence():
    comps, safe = all_versions(corpus(8, 2), story_spec())
    for comp in comps:
        records = comp.provenance.sentences
        for part, i, text in published_parts(comp.story):
            mine = [r for r in records if r.part == part and r.beat == i]
            if part == "quote":
                mine = [r for r in mine if comp.story.beats[i].quotes[r.quote] == text]
            assert " ".join(r.text for r in mine).split() == text.split(), (part, i)
        for r in records:
            if r.authored:
                assert r.part != "quote" and not r.excerpt and not r.participant
            else:
                assert r.part == "quote" and r.excerpt and r.participant
                assert is_verbatim(r.text, (), safe[r.excerpt].text)


def test_when_private_files_are_written_then_each_version_has_json_and_markdown_provenance(tmp_path):
    comps, _ = all_versions(corpus(8, 2), story_spec())
    paths = write_private(comps, tmp_path / "private")
    names = sorted(str(p.relative_to(tmp_path / "private")) for p in paths if "provenance" in p.parts)
    assert names == sorted(f"provenance/{a}/kind-manager-{c}.{x}" for a in ("staff", "community")
                           for c in ("web", "video") for x in ("json", "md"))
    data = json.loads((tmp_path / "private/provenance/staff/kind-manager-web.json").read_text())
    assert data["contributors"] == comps[0].provenance.contributors >= 4
    assert abs(sum(s["share"] for s in data["shares"]) - 1) < 0.01
    assert {s["part"] for s in data["sentences"]} >= {"title", "intro", "quote", "disclosure"}
    md = (tmp_path / "private/provenance/staff/kind-manager-web.md").read_text()
    assert "authored (linking text)" in md and "| Participant | Words | Share |" in md


def test_when_packs_are_written_then_each_participant_sees_their_own_sentences_in_bold(tmp_path):
    comps, _ = all_versions(corpus(8, 2), story_spec())
    paths = [p for p in write_private(comps, tmp_path) if "member-check" in p.parts]
    quoted = sorted({q.participant for c in comps for q in c.provenance.quotes})
    assert [p.stem for p in paths] == quoted
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(MARKER)
        bold = set(re.findall(r"\*\*(.+?)\*\*", text)) - {"Your words are in bold."}
        mine = {r.text for c in comps for r in c.provenance.sentences if r.participant == path.stem}
        theirs = {r.text for c in comps for r in c.provenance.sentences if r.participant not in ("", path.stem)}
        assert bold == mine
        assert all(t in text for t in theirs if any(r.participant == path.stem for c in comps
                                                     for r in c.provenance.sentences))
        assert "## A manager who asked" in text


def test_when_versions_tell_the_same_words_then_a_pack_shows_the_story_once(tmp_path):
    comps, _ = all_versions(corpus(8, 2), story_spec())
    write_private(comps, tmp_path)
    for path in (tmp_path / "member-check").glob("*.md"):
        text = path.read_text()
        assert text.count("## A manager who asked") == 1
        assert "Versions: staff (web and video), community (web and video)." in text


def test_when_community_linking_text_differs_then_a_pack_shows_each_version(tmp_path):
    comps, _ = all_versions(corpus(8, 2), story_spec(), glossary={"question": "thing we asked"})
    write_private(comps, tmp_path)
    text = next((tmp_path / "member-check").glob("*.md")).read_text()
    assert text.count("## A manager who asked") == 2
    assert "Versions: community (web and video)." in text and "thing we asked" in text


def test_when_a_participant_withdraws_then_their_pack_is_removed_and_nobody_else_quotes_them(tmp_path):
    ex = corpus(8, 2)
    comps, _ = all_versions(ex, story_spec())
    write_private(comps, tmp_path)
    gone = comps[0].provenance.quotes[0].participant
    assert (tmp_path / "member-check" / f"{gone}.md").exists()
    (tmp_path / "member-check" / "notes.md").write_text("a researcher's own file\n")
    after, _ = all_versions(ex, story_spec(), withdrawn=[gone])
    write_private(after, tmp_path)
    assert not (tmp_path / "member-check" / f"{gone}.md").exists()
    assert (tmp_path / "member-check" / "notes.md").exists()
    for path in (tmp_path / "member-check").glob("P*.md"):
        assert f"({gone})" not in path.read_text()
    provenance = "".join(p.read_text() for p in (tmp_path / "provenance").rglob("*.json"))
    assert f'"{gone}"' not in provenance


SCRIPT = """
import sys
sys.path.insert(0, "tests")
from helpers.compose import corpus
from test_compose_outputs import all_versions, story_spec
from storymaker.compose import write_scripts
write_scripts(all_versions(corpus(20, 3), story_spec(seed=11))[0], sys.argv[1])
"""


def test_when_run_in_separate_processes_with_different_hash_seeds_then_scripts_are_byte_identical(tmp_path):
    root = Path(__file__).resolve().parents[1]
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / seed)], cwd=root, env=env, check=True)
    first = sorted((tmp_path / "1").rglob("*.md"))
    assert len(first) == 4
    for path in first:
        assert path.read_bytes() == (tmp_path / "2" / path.relative_to(tmp_path / "1")).read_bytes()
