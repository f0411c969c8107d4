"""A registered name split by markup is still the name a reader sees: the publish gate reads
a page as a browser shows it (inline tags and comments join the words either side, hidden
elements show nothing, a CSS bidi override reverses, base64 in a data address or a script is
decoded, a style sheet's strings are shown together), check's template scan does the same,
and the anonymiser reads Markdown emphasis or an emoji inside a word as part of it. All names
are fictional."""
from __future__ import annotations

import base64
from pathlib import Path

import pytest

from helpers.project import REPO, run_cli
from storymaker.anonymise import Anonymiser, scan_tree
from storymaker.load.register import register_from_mapping

NEEDLES = ["Tregonning", "Ballyclaver", "Porthgwidden"]


def site(tmp_path: Path, body: str, css: str = "") -> Path:
    out = tmp_path / "output"
    out.mkdir()
    (out / "index.html").write_text(f"<html><head><title>Home</title></head><body>{body}</body></html>", "utf-8")
    if css:
        (out / "style.css").write_text(css, "utf-8")
    return out


@pytest.mark.parametrize("body", [
    '<p><span class="dropcap">T</span>regonning folk helped.</p>',
    "<p>Bally<span></span>claver</p>",
    "<p>Porth<!-- a note -->gwidden was lovely.</p>",
    "<p>Tre<wbr>gonning</p>",
    "<p>Bally<span hidden>xx</span>claver</p>",
    '<p>Bally<span style="display: none">xx</span>claver</p>',
    '<p style="direction: rtl; unicode-bidi: bidi-override">gninnogerT</p>',
    "<p>In <strong>P</strong>orthgwidden the damp came back.</p>",
    f'<img alt="" src="data:image/svg+xml;base64,{base64.b64encode(b"<svg><text>Ballyclaver</text></svg>").decode()}">',
    f'<script>document.write(atob("{base64.b64encode(b"Tregonning").decode()}"))</script>',
])
def test_a_name_split_by_markup_still_fails_the_gate(tmp_path, body):
    assert scan_tree(site(tmp_path, body), NEEDLES), body


def test_a_name_assembled_by_a_style_sheet_still_fails_the_gate(tmp_path):
    assert scan_tree(site(tmp_path, "<p>Hello.</p>", '.site-footer::before { content: "Porth" "gwidden"; }'), NEEDLES)


@pytest.mark.parametrize("body", [
    "<p><b>Care</b> and <i>kindness</i> at work.</p>",
    "<nav><a href='/'>Home</a><a href='/about'>About us</a></nav><p>Read the stories.</p>",
    "<p>We <em>tried</em> everything.</p>",
])
def test_ordinary_markup_is_no_hit(tmp_path, body):
    assert scan_tree(site(tmp_path, body), NEEDLES + ["Hope Tregear"]) == []


@pytest.mark.parametrize("text, name", [
    ("For years in **T**regonning the damp was part of the house.", "regonning"),
    ("We moved from *Porth*gwidden in the end.", "gwidden"),
    ("Bally\U0001F642claver is where I grew up.", "claver"),
    ("Tre`gon`ning was never the same.", "ning"),
])
def test_the_anonymiser_reads_emphasis_or_an_emoji_inside_a_word_as_part_of_it(text, name):
    anon = Anonymiser(register_from_mapping({"places": NEEDLES}))
    out = anon.anonymise(text).text
    assert name not in out, out


def test_check_names_the_template_line_where_markup_splits_a_registered_name(small_project):
    base = small_project / "templates" / "web"
    base.mkdir(parents=True)
    source = (REPO / "templates" / "web" / "base.html").read_text(encoding="utf-8")
    for name in ("base.html",):
        lines = source.splitlines()
        at = next(n for n, ln in enumerate(lines) if "<footer" in ln)
        lines.insert(at + 1, '<p><span class="dropcap">F</span>enmoor tenants helped.</p>')
        (base / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run_cli("check", "--project", str(small_project))
    assert out.returncode != 0 and f"templates/web/base.html:{at + 2}: contains 'F******'" in out.stderr, out.stderr
