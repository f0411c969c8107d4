"""The comms officer's whole job in the studio, in Debian's Chromium, with no file edited by hand:
start on a fresh project, import a coded spreadsheet with its own consent wording, resolve
every flag with the keyboard, create a community story with one pinned quote, build web and
video, and see the page and the video inside the studio. Every click and key press is
counted; axe checks each screen. Screenshots go to tests/artefacts/studio/ (the README's
come from here: ``STUDIO_SCREENSHOTS=docs/studio`` writes them there instead)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from helpers.web import launch_browser
from tests.studio.data import DECISIONS, fresh_project, spreadsheet

pytestmark = [pytest.mark.browser, pytest.mark.video]
REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / os.environ.get("STUDIO_SCREENSHOTS", "tests/artefacts/studio")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class Actions:
    """The user's clicks and key presses, counted as they happen."""

    def __init__(self, page):
        self.page, self.count, self.log = page, 0, []

    def _add(self, n: int, what: str) -> None:
        self.count += n
        self.log.append(f"{n:2} {what}")

    def click(self, locator, what: str) -> None:
        locator.click()
        self._add(1, f"click {what}")

    def press(self, key: str, what: str) -> None:
        self.page.keyboard.press(key)
        self._add(1, f"key {key} ({what})")

    def type(self, locator, text: str, what: str) -> None:
        locator.click()
        locator.press_sequentially(text)
        self._add(1 + len(text), f"click and type {what}")

    def choose_file(self, locator, path: Path) -> None:
        locator.set_input_files(str(path))
        self._add(2, "choose the file (click, then pick it)")


def start_studio(project: Path):
    proc = subprocess.Popen([sys.executable, "-m", "storymaker", "studio", "--project", str(project), "--no-browser"],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    url = next(line for line in proc.stdout if "open http" in line).split()[-1]
    return proc, url


def screen(page, name: str, violations: list) -> None:
    """Check the screen with axe (WCAG 2.2 AA) and keep a screenshot."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    if results.violations_count:
        violations.append(f"{name}: {results.generate_report()}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), type="png")


def test_the_whole_job_in_the_studio(tmp_path: Path):
    project = fresh_project(tmp_path / "kindness")
    sheet = tmp_path / "Coded interviews.csv"
    sheet.write_bytes(spreadsheet())
    proc, url = start_studio(project)
    violations: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = launch_browser(pw)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            act = Actions(page)
            page.goto(url)
            act._add(1, "open the link the studio printed")
            expect(page.locator("#count-excerpts")).to_have_text("0")
            screen(page, "home", violations)

            act.click(page.get_by_role("link", name="Import", exact=True), "Import")
            act.choose_file(page.locator("#upload-file"), sheet)
            act.click(page.get_by_role("button", name="Upload and inspect"), "Upload")
            expect(page.get_by_text("detected: spreadsheet (CSV)")).to_be_visible()
            consent = page.locator('select[data-map="consent"][data-raw="Yes - website and films"]')
            expect(consent).to_have_value("web;video")  # the source's own wording, understood
            expect(page.locator('select[data-map="consent"][data-raw="No"]')).to_have_value("")
            expect(page.locator('select[data-map="audience"][data-raw="Public"]')).to_have_value("community")
            screen(page, "import", violations)
            act.click(page.get_by_role("button", name="Import these excerpts"), "Import these excerpts")
            expect(page.locator("#report-lines")).to_contain_text("excerpts to stories/excerpts/coded-interviews.csv")

            act.click(page.get_by_role("link", name="Review the flagged words next"), "Review")
            expect(page.locator("#card mark")).to_be_visible()
            screen(page, "review", violations)
            seen = []
            while page.locator("#card").is_visible():
                word = page.locator("#card mark").inner_text()
                seen.append(word)
                act.press(DECISIONS[word], word)
                page.wait_for_function("w => document.getElementById('card').hidden || "
                                       "document.querySelector('#card mark').textContent !== w", arg=word)
            expect(page.locator("#done")).to_be_visible()
            assert sorted(seen) == sorted(DECISIONS)

            act.click(page.get_by_role("link", name="Stories", exact=True), "Stories")
            act.type(page.get_by_label("Title"), "Heard", "the title")
            act.click(page.get_by_role("button", name="Create the story"), "Create the story")
            expect(page.locator("#preview")).to_contain_text("Contributors: 3", timeout=30_000)  # a loaded machine
            act.click(page.locator(".candidates summary").first, "show the quotes")
            page.evaluate("window.scrollTo(0, 0)")
            pin = page.locator(".candidates li", has_text="video and web").nth(1).locator("input.pin")
            pinned = pin.get_attribute("value")
            act.click(pin, f"pin {pinned}")
            expect(page.locator("#preview")).to_contain_text(pinned)
            screen(page, "editor", violations)
            act.click(page.get_by_role("button", name="Save the story"), "Save")
            expect(page.locator("#status")).to_contain_text("Saved")

            act.click(page.get_by_role("link", name="Build and preview", exact=True), "Build and preview")
            act.click(page.get_by_role("button", name="Build web and video"), "Build web and video")
            page.wait_for_function("() => ['done', 'failed'].includes(document.getElementById('build').dataset.state)",
                                   timeout=420_000)
            assert page.locator("#build").get_attribute("data-state") == "done", page.locator("#build-log").inner_text()
            expect(page.locator("#gate")).to_contain_text("Passed", timeout=10_000)
            frame = page.frame_locator("#site-frame")
            expect(frame.locator("body")).to_contain_text("composite")
            act.click(page.get_by_role("link", name="community/heard.html", exact=True), "the story's page")
            expect(frame.locator("h1")).to_have_text("Heard")
            video = page.locator("video").first
            page.wait_for_function("() => document.querySelector('video track').readyState === 2", timeout=20_000)
            act.click(video, "play the video")
            page.wait_for_function("() => document.querySelector('video').currentTime > 0.3", timeout=20_000)
            cues = page.evaluate("() => Array.from(document.querySelector('video').textTracks[0].cues, c => c.text)")
            page.evaluate("() => { document.querySelector('video').pause(); window.scrollTo(0, 0); }")
            screen(page, "build", violations)
            video.scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / "video.png"), type="png")
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print(f"\nuser actions for the whole job: {act.count}\n  " + "\n  ".join(act.log))
    assert errors == []
    assert violations == []
    assert cues and any("Heard" in c for c in cues)
    spec = (project / "stories" / "heard.story.yaml").read_text(encoding="utf-8")
    assert re.search(rf"pin: \[{re.escape(pinned)}\]", spec)
    register = (project / "stories" / "anonymise.yaml").read_text(encoding="utf-8")
    assert "Birgitta" in register and "Hollinsmere" in register and "TLC" in register
    assert (project / "output" / "web" / "community" / "heard.html").is_file()
    assert act.count < 60
