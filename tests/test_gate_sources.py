"""A clean `check` means a build the publish gate lets through: the site's title and description
are anonymised and flagged like any authored text, and the project's own templates, settings
and assets (published as written) are scanned by check with the gate's needles. The gate's
run-together match does not read a name into template markup ("application/atom+xml") but
still finds one smuggled into a link, a class or a template; its messages say where a
needle comes from. All names are fictional."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers.project import REPO, add_excerpt, run_cli
from storymaker.anonymise import Anonymiser, scan_tree
from storymaker.anonymise.review import list_flags, record_decision
from storymaker.load.register import register_from_mapping


def set_settings(project: Path, text: str) -> None:
    (project / "stories/project.yaml").write_text(text, encoding="utf-8")


SETTINGS = ('title: "Stories from Fenmoor"\n'
            'description: "How people care at an island ferry port, as told to Quillan Brack."\n'
            'base_url: "https://stories.example.org/tests/"\n')


def test_the_site_title_and_description_are_anonymised_and_flagged_by_check(small_project):
    set_settings(small_project, SETTINGS)
    doc = json.loads(run_cli("check", "--json", "--project", str(small_project)).stdout)
    flags = [f for f in doc["flags"] if f["where"] == "project description"]
    assert [f["text"] for f in flags] == ["Quillan Brack"] and flags[0]["path"] == "stories/project.yaml"
    assert flags[0]["line"] == 2
    plain = run_cli("check", "--project", str(small_project))
    assert "stories/project.yaml:2: unreviewed" in plain.stderr and "Quillan" not in plain.stderr

    record_decision(small_project, flags[0]["id"], "person-here")
    assert "project: description" in (small_project / "stories/decisions.yaml").read_text(encoding="utf-8")
    assert list_flags(small_project) == []
    built = run_cli("build", "--web", "--project", str(small_project))
    assert built.returncode == 0, built.stderr
    index = (small_project / "output/web/index.html").read_text(encoding="utf-8")
    assert "Fenmoor" not in index and "Quillan" not in index and "an island ferry port" in index


# needles that hide inside words of template markup once separators are removed
MARKUP_NEEDLES = ["Iona", "Iona Venn", "Cati", "Lica"]


@pytest.mark.parametrize("html", [
    '<link rel="alternate" type="application/atom+xml" href="/feed.xml">',
    '<link rel="stylesheet" href="style.css"><meta name="viewport" content="width=device-width">',
    '<a class="story-card__location" rel="noopener" href="/community/x.html">x</a>',
])
def test_the_run_together_match_does_not_read_names_into_template_markup(tmp_path, html):
    out = tmp_path / "output"
    out.mkdir()
    (out / "page.html").write_text(f"<html><head>{html}</head><body><p>Hello.</p></body></html>", encoding="utf-8")
    assert scan_tree(out, MARKUP_NEEDLES) == []


@pytest.mark.parametrize("html", [
    '<a href="https://linktr.ee/ionavennfans">links</a>',
    '<a href="https://facebook.com/groups/friendsofiona">group</a>',
    '<div class="card-ionavenn">x</div>',
    '<meta name="author" content="@CatiRuns">',
    '<a href="https://www.visitiona.org/">visit</a>',
])
def test_a_name_smuggled_into_a_link_or_markup_is_still_found(tmp_path, html):
    out = tmp_path / "output"
    out.mkdir()
    (out / "page.html").write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    assert scan_tree(out, MARKUP_NEEDLES), html


def with_templates(project: Path) -> Path:
    shutil.copytree(REPO / "templates", project / "templates")
    return project / "templates/web/base.html"


def test_a_registered_name_in_a_template_fails_check_and_the_build_naming_the_line(small_project):
    base = with_templates(small_project)
    text = base.read_text(encoding="utf-8")
    base.write_text(text.replace("</body>", '<p class="thanks-oakridgetrust">With thanks</p></body>', 1),
                    encoding="utf-8")
    line = base.read_text(encoding="utf-8")[:base.read_text(encoding="utf-8").index("thanks-oak")].count("\n") + 1
    check = run_cli("check", "--project", str(small_project))
    assert check.returncode == 1
    assert f"templates/web/base.html:{line}: contains 'o************'" in check.stderr, check.stderr
    assert "Oakridge" not in check.stderr and "oakridge" not in check.stderr
    build = run_cli("build", "--web", "--project", str(small_project))
    assert build.returncode != 0 and not (small_project / "output/web/index.html").exists()


def test_the_gate_itself_refuses_the_smuggled_name_and_says_which_template_line_holds_it(small_project, tmp_path):
    base = with_templates(small_project)
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<p>Oakridge-Trust</p></body>", 1),
                    encoding="utf-8")
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>Oakridge-Trust</p>", encoding="utf-8")
    anon = Anonymiser(register_from_mapping({"organisations": ["Oakridge Trust"]}))
    [hit] = scan_tree(out, anon.needles(), anon.permits(), anon.origins(), small_project)
    assert "templates/web/base.html:" in hit.why and "Oakridge" not in hit.why


def test_the_gate_says_in_which_excerpt_an_original_was_replaced(tmp_path):
    anon = Anonymiser(register_from_mapping({}))
    assert "Whitlaw" not in anon.anonymise("Then Gordon Whitlaw rang the office.", where="excerpt T-9").text
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("<p>gordon_whitlaw</p>", encoding="utf-8")
    hits = scan_tree(out, anon.needles(), anon.permits(), anon.origins())
    assert hits and all("replaced in excerpt T-9" in h.why for h in hits)


def test_a_clean_check_of_a_fresh_project_with_an_iona_builds(small_project):
    """A first name that is also inside 'application' (feed links) once separators go."""
    with_templates(small_project)
    add_excerpt(small_project, 'S-G-01,P01,"Iona says supervised means someone is in the room.",staff.care,staff,web;video')
    assert run_cli("check", "--project", str(small_project)).returncode == 0
    built = run_cli("build", "--web", "--project", str(small_project))
    assert built.returncode == 0, built.stderr
    assert (small_project / "output/web/feed.xml").exists()


def test_the_gate_reads_a_right_to_left_override_in_the_order_a_browser_shows_it(tmp_path):
    out = tmp_path / "output"
    out.mkdir()
    (out / "page.html").write_text("<p>She signed it \u202enivrom\u202c on every card.</p>", encoding="utf-8")
    assert scan_tree(out, ["Morvin Achray"] + ["Morvin"])
    (out / "page.html").write_text("<p>She signed it nivrom on every card.</p>", encoding="utf-8")
    assert scan_tree(out, ["Morvin"]) == []


def test_a_registered_name_in_a_story_file_name_or_the_glossary_fails_check(small_project):
    spec = small_project / "stories/short-staff.story.yaml"
    spec.rename(small_project / "stories/fenmoor-days.story.yaml")
    glossary = small_project / "stories/glossary.yaml"
    text = glossary.read_text(encoding="utf-8").rstrip("\n") + "\n  rota: the Oakridge Trust rota\n"
    glossary.write_text(text, encoding="utf-8")
    result = run_cli("check", "--project", str(small_project))
    assert result.returncode == 1
    assert "stories/fenmoor-days.story.yaml: contains 'f******'" in result.stderr, result.stderr  # the page's address
    line = text.count("\n")
    assert f"stories/glossary.yaml:{line}: contains 'O******* T****'" in result.stderr, result.stderr
    assert "Oakridge" not in result.stderr


def test_a_short_registered_token_that_is_a_welsh_word_does_not_block_an_english_project(small_project):
    with_templates(small_project)
    register = small_project / "stories/anonymise.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace('  - "07700 900456"', '  - "07700 900456"\n  - "SY"'),
                        encoding="utf-8")
    result = run_cli("check", "--project", str(small_project))
    assert "messages.po" not in result.stderr, result.stderr


def test_the_music_credit_is_anonymised_and_flagged_like_other_authored_text(small_project):
    spec = small_project / "stories/short-staff.story.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        'video:\n  formats: ["16:9"]', 'video:\n  formats: ["16:9"]\n  music_licence: "Fiddle tune by Quillan Brack of Fenmoor"'),
        encoding="utf-8")
    doc = json.loads(run_cli("check", "--json", "--project", str(small_project)).stdout)
    assert [f["text"] for f in doc["flags"] if f["field"] == "music credit"] == ["Quillan Brack"]


def test_the_site_title_is_never_changed_unasked_a_name_the_gazetteer_guesses_is_asked_about(small_project):
    set_settings(small_project, 'title: "Friends of St Wenna\'s Stories"\n'
                                'description: "Told at Sir Ŵy\'s drop-in by Tamsin and friends."\n')
    doc = json.loads(run_cli("check", "--json", "--project", str(small_project)).stdout)
    flags = {f["where"]: f for f in doc["flags"] if f["path"] == "stories/project.yaml"}
    texts = sorted(f["text"] for f in doc["flags"] if f["path"] == "stories/project.yaml")
    assert "Tamsin" in texts and "Ŵy" in texts, texts  # asked about, not swapped for a pseudonym
    for flag in [f for f in doc["flags"] if f["path"] == "stories/project.yaml"]:
        record_decision(small_project, flag["id"], "person-here" if flag["text"] == "Tamsin" else "safe")
    assert [f for f in list_flags(small_project) if f.get("path") == "stories/project.yaml"] == []
    built = run_cli("build", "--web", "--project", str(small_project))
    assert built.returncode == 0, built.stderr
    index = (small_project / "output/web/index.html").read_text(encoding="utf-8")
    assert "Sir Ŵy" in index and "Tamsin" not in index  # the reviewer's two answers, nothing else changed
    assert "Friends of St Wenna" in index
    assert flags  # the settings were read at all


def test_a_summary_may_link_to_the_site_itself_but_not_to_anyone_elses_page(small_project):
    set_settings(small_project, 'title: "Care stories"\n'
                                'base_url: "https://straeon.example.gov.wales/straeon/"\n'
                                'contact_url: "https://www.example.gov.wales/cysylltu"\n')
    spec = small_project / "stories/short-community.story.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        'summary: "Someone who uses local services on being given time."',
        'summary: "Someone on being given time. See [the staff story](https://straeon.example.gov.wales/straeon/'
        'staff/short-staff.html), [write to us](https://example.gov.wales/cysylltu) or '
        '[her blog](https://tegwen-parry.example.net/diary)."'), encoding="utf-8")
    checked = run_cli("check", "--project", str(small_project))
    assert "project.yaml:2" not in checked.stderr, checked.stderr  # base_url is no leaked original
    built = run_cli("build", "--web", "--project", str(small_project))
    assert built.returncode == 0, built.stderr
    page = (small_project / "output/web/community/short-community.html").read_text(encoding="utf-8")
    assert 'href="https://straeon.example.gov.wales/straeon/staff/short-staff.html"' in page
    assert 'href="https://example.gov.wales/cysylltu"' in page
    assert "tegwen" not in page.lower() and "her blog" in page  # someone else's page is still an identifier
