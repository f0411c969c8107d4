"""Benchmark: is the studio instant on a large project?

    .venv/bin/python benchmarks/studio.py [--excerpts 2000] [--participants 100] [--repeat 7]

Writes (seeded, fictional) a project of 2,000 excerpts from 100 participants in a CSV, a
codebook, a register, two story specs and a few hundred words nobody has reviewed, then
drives the studio's ASGI app in process (no network) and reports medians of --repeat runs:

* baseline: a full ``storymaker check`` of the same project (load, cross-check, anonymise,
  compose every story), which is what each change would cost without the studio's cache;
* story editor: one live-preview request after a change to a beat's linking text
  (target under 300 ms);
* review queue, in Debian's Chromium: from a decision's key press to the next flag on screen
  (target under 100 ms: the page holds the queue, so the next flag does not wait for the write);
* review queue: one decision written to the register by the server (what follows behind; it
  reads the register again, not the whole project);
* review queue refill: the fresh queue right after a decision changed the register (the page
  asks for it only when its local queue runs out), and the same after a pause of a few seconds,
  by when the studio has worked the flags out again in the background.
"""
from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from starlette.testclient import TestClient  # noqa: E402

from storymaker.load import load_project  # noqa: E402
from storymaker.studio.guard import COOKIE, Secrets  # noqa: E402
from storymaker.studio.server import make_app  # noqa: E402
from storymaker.studio.state import IDLE, check_project  # noqa: E402

THEMES = ("staff.care", "targets.off", "together.working", "risk.recalculated", "wellbeing.holistic", "tech.person")
WORDS = ("we", "the", "team", "manager", "asked", "people", "time", "really", "changed", "helped", "listened",
         "targets", "form", "home", "risk", "shared", "felt", "work", "morning", "kind", "calls", "nobody", "rushed")
NAMES = [f"{a}{b}" for a in ("Quill", "Brant", "Oswal", "Hollin", "Marrow", "Tansel", "Wren", "Ferrow")
         for b in ("ford", "wick", "dine", "mere", "by", "ton", "ley", "stead")]  # invented, flagged when seen
SPEC = """\
# A benchmark story.
title: "{title}"
audience: {audience}
narrator: "Alex, who works on a helpline"
beats:
{beats}
"""


def sentence(rng: random.Random, named: bool) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    words[0] = words[0].capitalize()
    if named:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(NAMES))
    return " ".join(words) + "."


def write_project(root: Path, excerpts: int, participants: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    stories = root / "stories"
    (stories / "excerpts").mkdir(parents=True)
    (stories / "codebook.yaml").write_text("themes:\n" + "".join(f"  {t}: {t}\n" for t in THEMES), encoding="utf-8")
    (stories / "anonymise.yaml").write_text("# register\npeople: []\nplaces: []\norganisations: []\nother: []\nallow: []\n",
                                            encoding="utf-8")
    with (stories / "excerpts" / "interviews.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "participant", "text", "themes", "audience", "consent"])
        for i in range(excerpts):
            text = " ".join(sentence(rng, rng.random() < 0.15) for _ in range(rng.randint(1, 3)))
            w.writerow([f"E{i:05d}", f"P{i % participants:03d}", text, ";".join(rng.sample(THEMES, rng.choice((1, 2)))),
                        rng.choice(("staff", "community", "both")), rng.choice(("web;video",) * 5 + ("web", "video", ""))])
    for slug, audience in (("helpline", "staff"), ("neighbours", "community")):
        beats = "".join(f"  - heading: \"Part {n}\"\n    themes: [{t}]\n    intro: \"It began slowly.\"\n"
                        for n, t in enumerate(THEMES[:4], 1))
        (stories / f"{slug}.story.yaml").write_text(SPEC.format(title=slug.title(), audience=audience, beats=beats),
                                                   encoding="utf-8")


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--excerpts", type=int, default=2000)
    parser.add_argument("--participants", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        write_project(root, args.excerpts, args.participants)
        run(root, args)


def form_for(i: int) -> dict:
    beats = [{"heading": f"Part {n}", "themes": [t], "shown_themes": t, "excerpts": 2,
              "intro": "It began slowly." + " Then" * (i % 3 if n == 1 else 0)}
             for n, t in enumerate(THEMES[:4], 1)]
    return {"title": "Helpline", "narrator": "Alex, who works on a helpline", "audiences": ["staff"],
            "outputs": ["web", "video"], "beats": beats}


def run(root: Path, args) -> None:
    def full_check() -> None:
        project, problems = load_project(root)
        check_project(project, problems)
    baseline = [timed(full_check) for _ in range(args.repeat)]
    secrets = Secrets()
    app, _ = make_app(root, 8799, secrets, uploads=root.parent / "uploads")
    client = TestClient(app, base_url="http://127.0.0.1:8799", headers={"X-CSRF-Token": secrets.csrf})
    client.cookies.set(COOKIE, secrets.session)
    queue = client.get("/review/queue.json").json()
    flags = len(queue["items"])
    first = {}  # one flag per distinct word: deciding it resolves every occurrence
    for item in queue["items"]:
        first.setdefault(item["token"], item["key"])
    words = list(first)
    preview = [timed(lambda i=i: client.post("/stories/helpline/preview", json=form_for(i)).raise_for_status())
               for i in range(args.repeat)]
    version, decide = queue["version"], []
    for word in words[: args.repeat]:
        start = time.perf_counter()
        answer = client.post("/review/decide", json={"flag": first[word], "decision": "person", "version": version})
        decide.append(time.perf_counter() - start)
        version = answer.json()["version"]
    refill = [timed(lambda: client.get("/review/queue.json").raise_for_status())]
    paused, pause = [], IDLE + 3 * statistics.median(baseline)
    for n, word in enumerate(words[args.repeat: args.repeat * 3]):
        answer = client.post("/review/decide", json={"flag": first[word], "decision": "place", "version": version})
        version = answer.json()["version"]
        if n % 2:
            time.sleep(pause)  # the user reads the next sentence; the studio works the flags out behind
            paused.append(timed(lambda: client.get("/review/queue.json").raise_for_status()))
        else:
            refill.append(timed(lambda: client.get("/review/queue.json").raise_for_status()))
    print(f"project: {args.excerpts} excerpts from {args.participants} participants, 2 stories, {flags} flags "
          f"({len(words)} distinct words); medians of {args.repeat} runs")
    print(f"  baseline: full check of the project       {median_ms(baseline)}")
    print(f"  story editor: live preview after a change {median_ms(preview)}  (target < 300 ms; "
          f"{statistics.median(preview) / statistics.median(baseline):.2f}x the check)")
    shown = in_browser(root, args.repeat)
    print(f"  review queue: key press to next flag      {median_ms(shown)}  (target < 100 ms; Chromium, {len(shown)} keys)")
    print(f"  review queue: one decision written        {median_ms(decide)}  (behind the screen, in turn; "
          f"{statistics.median(decide) / statistics.median(baseline):.2f}x the check)")
    print(f"  review queue: fresh queue after decisions {median_ms(refill)}  "
          f"({statistics.median(refill) / statistics.median(baseline):.2f}x the check)")
    print(f"  review queue: the same after a {pause:.0f} s pause   {median_ms(paused)}  "
          f"({statistics.median(paused) / statistics.median(baseline):.2f}x the check)")


KEY_TO_NEXT = """() => new Promise((resolve, reject) => {
  const box = document.getElementById("flag-text"), before = box.innerHTML, t0 = performance.now();
  setTimeout(() => reject(new Error("no next flag after 10 s: " + document.getElementById("progress").textContent)), 10000);
  const seen = new MutationObserver(() => {
    if (box.innerHTML !== before) { seen.disconnect(); resolve(performance.now() - t0); }  // the mark moves, even within one sentence
  });
  seen.observe(box, {childList: true, subtree: true, characterData: true});
  document.dispatchEvent(new KeyboardEvent("keydown", {key: "p", bubbles: true}));
})"""


def in_browser(root: Path, repeat: int) -> list[float]:
    """Key press to next flag, measured inside the page with performance.now()."""
    import re
    import subprocess
    from playwright.sync_api import sync_playwright
    proc = subprocess.Popen([sys.executable, "-m", "storymaker", "studio", "--project", str(root), "--no-browser"],
                            stdout=subprocess.PIPE, text=True)
    try:
        url = next(line for line in proc.stdout if "open http" in line).split()[-1]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page()
            page.goto(url)
            page.goto(re.sub(r"/\?token=.*", "/review", url), timeout=120_000)
            samples = [page.evaluate(KEY_TO_NEXT) / 1000 for _ in range(repeat)]
            page.wait_for_function("() => !document.getElementById('progress').textContent.includes('Saving')", timeout=120_000)
            browser.close()
        return samples
    finally:
        proc.terminate()
        proc.wait(timeout=20)


if __name__ == "__main__":
    main()
