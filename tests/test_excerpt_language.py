"""A story quotes people in its own language: excerpts carry a language (a `lang` column or field,
the file's `lang:`, else the project's, Welsh text read as Welsh in a project with Welsh in it); a
Welsh story draws Welsh excerpts, and a quote in another language is warned about and marked
with its `lang` on the page (web-test finding 4)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from helpers.site import EXCERPTS, STORIES, story_yaml, write_project
from storymaker.build import build
from storymaker.cli import main
from storymaker.load import load_project

WEB_ONLY = {slug: (a, t, "web", n) for slug, (a, t, _, n) in STORIES.items() if a == "staff"}
WELSH = [  # participant, theme, text
    ("W01", "welcome.first", "Roedd nodyn ar y ddesg yn dweud ble roedd y tegell."),
    ("W01", "team.help", "Pan oedd y troli yn llawn, roedd tri ohonon ni yn ei glirio gyda'n gilydd."),
    ("W02", "welcome.first", "Doedd neb yn disgwyl i fi wybod y catalog, roedden nhw'n eistedd gyda fi."),
    ("W02", "team.help", "Os oeddwn i'n sownd wrth y cownter, roedd rhywun yn dod draw heb ofyn."),
    ("W03", "welcome.first", "Roedd rhywun wedi fy nhywys o gwmpas y silffoedd fel petawn i wedi gweithio yno erioed."),
    ("W03", "team.help", "Roedden ni'n cyfnewid shifftiau pan oedd plentyn yn sâl, a doedd neb yn cyfrif."),
    ("W04", "welcome.first", "Roedd yr wythnos gyntaf yn araf yn y ffordd orau, gydag amser i ofyn cwestiynau."),
    ("W04", "team.help", "Ar y dyddiau gwlyb roedden ni'n cymryd ein tro wrth y drws gyda'r tywelion."),
]


def welsh_file(root: Path, header: str = "lang: cy\n", per_item: str = "") -> None:
    items = "".join(f'  - id: W-{p}-{n}\n    participant: {p}\n    text: "{t}"\n    themes: [{th}]\n'
                    f"    audience: both\n    consent: [web, video]\n{per_item}"
                    for n, (p, th, t) in enumerate(WELSH, start=1))
    (root / "stories/excerpts/cymraeg.yaml").write_text(header + "excerpts:\n" + items, encoding="utf-8")


def welsh_story(root: Path, min_contributors: int = 4) -> None:
    text = story_yaml("staff", "Y ddesg dawel", "web", "Rhys, sy'n gosod llyfrau ar y silffoedd")
    text = text.replace("min_contributors: 3", f"min_contributors: {min_contributors}\nlang: cy\ntranslation_of: the-quiet-desk")
    text = text.replace("excerpts: 2", f"excerpts: {max(2, min_contributors - 2)}", 1)  # enough quotes for them all
    (root / "stories/y-ddesg-dawel.story.yaml").write_text(text, encoding="utf-8")


def quotes(page: Path) -> list[tuple[str, str]]:
    """(lang attribute or "", first paragraph) of each quote on the page."""
    text = page.read_text(encoding="utf-8")
    return [(m.group(1) or "", html.unescape(m.group(2)).casefold()) for m in
            re.finditer(r'<blockquote class="quote"(?: lang="([^"]+)")?>\s*<p>([^<]*)</p>', text)]


@pytest.fixture
def project(tmp_path) -> Path:
    root = write_project(tmp_path / "p", WEB_ONLY)
    welsh_story(root)
    return root


def test_excerpts_carry_the_language_of_their_file_their_own_field_or_the_projects(project):
    welsh_file(project)
    excerpts = {e.id: e.lang for e in load_project(project)[0].excerpts}
    assert excerpts["W-W01-1"] == "cy" and excerpts["L-Q01-01"] == ""
    welsh_file(project, header="", per_item="    lang: CY\n")
    assert {e.id: e.lang for e in load_project(project)[0].excerpts}["W-W02-3"] == "cy"


def test_a_bad_language_on_an_excerpt_is_one_line_with_the_tag_meant(project, capsys):
    welsh_file(project, header="", per_item="    lang: welsh\n")
    capsys.readouterr()
    assert main(["--project", str(project), "check"]) == 1
    assert "stories/excerpts/cymraeg.yaml:8: 'lang' must be a language tag such as cy or en-GB, not 'welsh' (did you mean cy?)" in capsys.readouterr().err


@pytest.mark.parametrize("header", ["lang: cy\n", ""])  # "": untagged, read as Welsh
def test_a_welsh_story_quotes_only_welsh_and_the_english_story_only_english(project, header):
    welsh_file(project, header=header)
    build(project, web=True)
    welsh = quotes(project / "output/web/staff/y-ddesg-dawel.html")
    english = quotes(project / "output/web/staff/the-quiet-desk.html")
    said = {t.casefold() for _, _, t in WELSH}  # as the page shows them (a Welsh "i" may be capitalised: #3)
    assert len(welsh) == 4 and all(lang == "" for lang, _ in welsh) and {t for _, t in welsh} <= said
    assert english and all(lang == "" for lang, _ in english) and not {t for _, t in english} & said


def test_a_welsh_story_that_needs_english_quotes_warns_and_marks_each_with_its_language(project, capsys):
    welsh_file(project)
    welsh_story(project, min_contributors=5)  # four Welsh speakers only: one English quote at least
    capsys.readouterr()
    assert main(["--project", str(project), "check"]) == 0
    err = capsys.readouterr().err
    assert "story 'y-ddesg-dawel' (staff/web) is in cy but quotes" in err and "excerpt(s) in another language (L-Q" in err
    build(project, web=True)
    marked = quotes(project / "output/web/staff/y-ddesg-dawel.html")
    english = {t.casefold() for _, _, _, t in EXCERPTS}
    assert any(lang == "en-GB" for lang, _ in marked)
    assert all((lang == "en-GB") == (text in english) for lang, text in marked)


def test_the_english_glossary_leaves_a_welsh_storys_linking_text_alone(tmp_path):
    stories = {"a-chair-by-the-window": ("community", "A chair by the window", "web", "Nia, who reads the papers")}
    root = write_project(tmp_path / "p", stories)
    welsh_file(root)
    (root / "stories/glossary.yaml").write_text("terms:\n  days: shifts\n  araf: slowly\n", encoding="utf-8")
    text = story_yaml("community", "The window seat", "web", "Nia, who reads the papers")
    text = text.replace("min_contributors: 3", "min_contributors: 3\nlang: cy").replace(
        '"The first days were the ones people remembered."', '"Roedd y dyddiau cyntaf yn araf."')
    (root / "stories/cadair.story.yaml").write_text(text, encoding="utf-8")
    path = root / "stories/a-chair-by-the-window.story.yaml"
    build(root, web=True)
    welsh = (root / "output/web/community/cadair.html").read_text(encoding="utf-8")
    english = (root / "output/web/community/a-chair-by-the-window.html").read_text(encoding="utf-8")
    assert "Roedd y dyddiau cyntaf yn araf." in welsh and "slowly" not in welsh
    assert "The first shifts were the ones people remembered." in english and path.is_file()
