"""Fictional test material for the studio: a coded spreadsheet as a researcher would export
it (its own column names, consent and audience wording), and a fresh empty project.

Every name, place and organisation is invented for these tests."""
from __future__ import annotations

import csv
import io
import random
from pathlib import Path

CODES = ("Caring about staff", "Working together", "Turning off targets")
CONSENT = ("Yes - website and films", "Website only", "Yes - website and films", "No")
AUDIENCE = ("Public", "Everyone", "Staff")
OPENINGS = (
    "When I first came in, nobody rushed me.",
    "The thing I remember is that they listened.",
    "It was the small things that made the difference.",
    "Honestly, I didn't expect anyone to ask how I was.",
    "We used to be told to move on to the next one quickly.",
    "After a while it stopped feeling like a queue.",
)
MIDDLES = (
    "She sat with me for as long as it took and wrote nothing down until I had finished.",
    "They rang back the next day, which nobody had ever done before.",
    "The team talked to each other instead of passing me from desk to desk.",
    "Nobody looked at the clock, and I could tell that was on purpose.",
    "I was asked what mattered to me, and then they actually did it.",
    "It felt like talking to a neighbour rather than an office.",
)
NAMED = (  # the words the review queue must see: invented people, places and organisations
    "Then Birgitta from the front desk came over and made me a cup of tea.",
    "That was at the old office on Quillfield Parade, before it moved.",
    "Someone from Brantwick Trust came along to the meeting too.",
    "My support worker, Oswaldine, stayed on the phone with me.",
    "We had a Tuesday drop-in, and that was when it all changed.",
)


def spreadsheet(n: int = 30, people: int = 8, seed: int = 3) -> bytes:
    """``n`` coded rows from ``people`` interviewees, as a CSV export with its own wording."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Interviewee", "Quote", "Codes", "Permission", "Audience", "Job"])
    for i in range(n):
        person = f"I{i % people + 1:02d}"
        text = f"{rng.choice(OPENINGS)} {rng.choice(MIDDLES)}"
        if i % 6 == 0:
            text += " " + NAMED[(i // 6) % len(NAMED)]
        codes = "; ".join(sorted({CODES[i % 3], CODES[(i * 7 + 1) % 3]}))
        consent = CONSENT[0] if i % 5 else CONSENT[1 + (i // 5) % 3]
        writer.writerow([person, text, codes, consent, AUDIENCE[i % 3 if i % 4 else 0], "tenant"])
    return out.getvalue().encode("utf-8")


def fresh_project(root: Path) -> Path:
    """A new, empty project as ``storymaker init`` leaves one with no example content."""
    stories = root / "stories"
    (stories / "excerpts").mkdir(parents=True)
    (stories / "codebook.yaml").write_text("# The allowed theme tags.\nthemes: {}\n", encoding="utf-8")
    (stories / "anonymise.yaml").write_text(
        "# The anonymisation register.\npeople: []\nplaces: []\norganisations: []\nother: []\nallow: []\n", encoding="utf-8")
    (stories / "project.yaml").write_text("title: Kindness at work\n", encoding="utf-8")
    return root
