"""The publish gate cannot be talked round: every registered identifier and every replaced
original is found in normalised forms (case, accents, number words, separators, spelt out,
run together in links and handles), whatever `allow` says; only occurrences a reviewer marked
safe one by one get through; narrators and partial allows are check errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers.project import add_excerpt, run_cli
from storymaker.anonymise import Anonymiser, scan_tree
from storymaker.anonymise.review import list_flags, record_decision
from storymaker.model import Register, RegisterEntry

NEEDLES = ["Jane Doe", "Oakridge Trust", "07700 900456", "Hope", "Maddox", "Fenmoor", "flat nine", "Zoë Ångström"]

FORMS = [  # (published text, why the gate must find it)
    ("<p>JaneDoe rang</p>", "run together"),
    ("<p>ask jane_doe</p>", "underscored"),
    ("<p>jane.doe</p>", "dotted"),
    ("<p>J.A.N.E D.O.E</p>", "spelt out"),
    ("<p>j a n e d o e</p>", "spelt out with spaces"),
    ('<a href="https://www.oakridgetrust.org.uk/page">site</a>', "run together in a URL"),
    ("<p>find us at facebook.com/groups/fenmoorfriends</p>", "inside a longer URL word"),
    ("<p>follow @jane_doe99</p>", "a handle"),
    ("<p>#JaneDoeRun</p>", "a hashtag"),
    ("<p>@hope</p>", "an ordinary-word name in a handle"),
    ("<p>ring oh seven seven double oh, nine oh oh four five six</p>", "a phone number in words"),
    ("<p>+44 7700 900456</p>", "the +44 form"),
    ("<p>0770 0900 456</p>", "another grouping"),
    ("<p>she lived at flat 9</p>", "number words as digits"),
    ("<p>zoe angstrom</p>", "accents folded"),
    ("<p>ZOË ÅNGSTRÖM</p>", "capitals and accents"),
    ("<p>F e n m o o r</p>", "one word spelt out"),
    ("<p>fen-moor</p>", "one word broken up"),
    ("<p>MADDOX</p>", "capitals"),
    ("<p>I had Hope that day</p>", "an ordinary-word name, capitalised"),
    ('<img alt="Jane&#8203;Doe" src="x.png">', "a zero-width space in an alt text"),
]


def tree(tmp_path: Path, html: str) -> Path:
    out = tmp_path / "output"
    (out / "web").mkdir(parents=True)
    (out / "web" / "page.html").write_text(html, encoding="utf-8")
    return out


@pytest.mark.parametrize("html,why", FORMS, ids=[f[1] for f in FORMS])
def test_when_an_identifier_is_written_in_another_form_then_the_gate_finds_it(tmp_path, html, why):
    hits = scan_tree(tree(tmp_path, html), NEEDLES)
    assert hits, why
    for hit in hits:
        text = str(hit) + hit.why
        assert not any(n.lower() in text.lower() for n in NEEDLES if len(n) > 3)  # masked
        assert ".*.*" in hit.masked or "*" in hit.masked


@pytest.mark.parametrize("html", ["<p>I hope so, and hope is a good word</p>", "<p>Born on 3 May 2001</p>",
                                  '<a href="../staff/reading-the-signs.html">the signs</a>'])
def test_ordinary_words_and_dates_are_not_hits(tmp_path, html):
    needles = NEEDLES + ["May Ellis", "Reading"]
    assert scan_tree(tree(tmp_path, html), needles) == []


def test_only_the_occurrence_reviewed_safe_gets_through(tmp_path):
    permits = {"hope": {(("that", "winter", "was"), ("kept", "us", "going"))}}
    assert scan_tree(tree(tmp_path / "a", "<blockquote><p>Hope kept us going.</p></blockquote>"), NEEDLES, permits) == []
    assert scan_tree(tree(tmp_path / "b", "<p>Hope rang me on Tuesday.</p>"), NEEDLES, permits)
    assert scan_tree(tree(tmp_path / "c", "<title>Hope</title>"), NEEDLES, permits)  # nothing around it: no excuse


def test_allow_never_removes_a_needle():
    register = Register((RegisterEntry("person", "Hope Maddox", line=3), RegisterEntry("organisation", "Oakridge Trust")),
                        frozenset({"Hope", "Oakridge Trust", "Maddox"}))
    needles = {n.lower() for n in Anonymiser(register).needles()}
    assert {"hope maddox", "hope", "maddox", "oakridge trust"} <= needles


def test_the_gate_says_what_the_identifier_is_and_where_it_is_registered(tmp_path):
    register = Register((RegisterEntry("person", "Hope Maddox", line=3),))
    anon = Anonymiser(register)
    [hit] = scan_tree(tree(tmp_path, "<p>@hopemaddox</p>"), anon.needles(), anon.permits(), anon.origins())
    assert "a registered identifier (people, stories/anonymise.yaml:3)" in hit.why
    assert "in a form the anonymiser did not replace" in hit.why and "check the register" not in hit.why


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_partial_allow_is_a_check_error(small_project):
    edit(small_project / "stories/anonymise.yaml", "  - Monday", "  - Monday\n  - Alan\n  - ruth bell")
    result = run_cli("check", "--project", str(small_project))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(l.startswith("stories/anonymise.yaml:") and "'A***' is in allow but is part of a registered name (line 5)" in l
               for l in lines), result.stderr
    assert any("'r*** b***' is in allow but is registered" in l for l in lines)
    assert "Alan" not in result.stderr and "Ruth" not in result.stderr.replace("'r***", "")


@pytest.mark.parametrize("narrator,why", [("Kerensa, who answers a council helpline", "also appears in the interview data (excerpt S-N-01)"),
                                          ("Alan, who answers a council helpline", "is registered (stories/anonymise.yaml:5)")])
def test_a_narrator_named_like_someone_in_the_data_or_the_register_is_a_check_error(small_project, narrator, why):
    add_excerpt(small_project, 'S-N-01,P01,"I told kerensa about the new rota.",staff.care,staff,')  # not even published
    edit(small_project / "stories/short-staff.story.yaml", 'narrator: "Sam, who answers a council helpline"',
         f'narrator: "{narrator}"')
    result = run_cli("check", "--project", str(small_project))
    assert result.returncode == 1
    assert f"stories/short-staff.story.yaml:1: narrator: the name '{narrator[0]}*" in result.stderr
    assert why in result.stderr and narrator.split(",")[0] not in result.stderr


def test_a_careless_reviewer_who_allows_everything_is_stopped_by_the_gate(small_project):
    """Every flag 'allowed', attacks in the title, an alt text and linking text: nothing is published."""
    spec = small_project / "stories/short-staff.story.yaml"
    edit(spec, 'title: "The clock came down"', 'title: "The clock came down at #OakridgeTrust"')
    first_intro = next(line for line in spec.read_text(encoding="utf-8").splitlines() if "intro:" in line)
    # spelt out with mixed separators: the anonymiser replaces a name spelt out evenly, so these
    # are flagged letter by letter, allowed by the careless reviewer, and left to the gate
    edit(spec, first_intro, '    intro: "For years we worked against a timer, said A.L-A.N P.R-Y.C-E of alanpryce.com."\n'
                            '    image: assets/x.png\n    image_alt: "A desk at F.E-N.M-O.O-R"')
    (small_project / "assets").mkdir()
    from PIL import Image
    Image.new("RGB", (8, 8), "white").save(small_project / "assets/x.png")
    for _ in range(3):
        for flag in list_flags(small_project):
            try:
                record_decision(small_project, flag, "allow")
            except Exception:
                record_decision(small_project, flag, "safe")
    result = run_cli("build", "--web", "--project", str(small_project))
    assert result.returncode == 1, result.stdout + result.stderr
    assert not (small_project / "output").exists()
    gate = [l for l in result.stderr.splitlines() if l.startswith("output/web/")]
    assert gate and all("a registered identifier (" in l for l in gate)
    assert {"A.*-*.*", "P.*-*.*-*", "F.*-*.*-*.*-*"} <= {l.split(" contains '")[1].split("'")[0] for l in gate}
    for secret in ("Oakridge", "oakridge", "ALAN", "alanpryce", "FENMOOR", "Fenmoor"):
        assert secret not in result.stderr
