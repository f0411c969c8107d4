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
OPENINGS = ("Nobody rushed me.", "They listened.", "It was the small things.", "Honestly, I felt heard.",
            "It stopped feeling like a queue.", "They took their time.")
MIDDLES = ("They rang back the next day.", "The team talked to each other.", "Nobody looked at the clock.",
           "They asked what mattered to me.", "It felt like talking to a neighbour.", "She wrote nothing down.")
NAMED = (  # the words the review queue must see: invented people, places and organisations
    "Then Birgitta made me tea.", "That was on Quillfield Parade.", "Brantwick Trust came along too.",
    "Oswaldine stayed on the phone.", "We had a Tuesday drop-in.", "We went to Hollinsmere for the day.",
    "It was proper TLC.")
DECISIONS = {"Birgitta": "p", "Oswaldine": "p", "Hollinsmere": "l", "TLC": "e"}  # the right key for each flagged word


def spreadsheet(n: int = 30, people: int = 8, seed: int = 3) -> bytes:
    """``n`` coded rows from ``people`` interviewees, as a CSV export with its own wording."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Interviewee", "Quote", "Codes", "Permission", "Audience", "Job"])
    for i in range(n):
        person = f"I{i % people + 1:02d}"
        text = f"{rng.choice(OPENINGS)} {rng.choice(MIDDLES)}"
        if i % 4 == 0:
            text += " " + NAMED[(i // 4) % len(NAMED)]
        codes = "; ".join(sorted({CODES[i % 3], CODES[(i * 7 + 1) % 3]}))
        consent = CONSENT[0] if i % 5 else CONSENT[1 + (i // 5) % 3]
        writer.writerow([person, text, codes, consent, AUDIENCE[i % 3 if i % 4 else 0], "tenant"])
    return out.getvalue().encode("utf-8")


def fresh_project(root: Path) -> Path:
    """A new, empty project, made as a user would: ``storymaker init --empty``."""
    from storymaker.cli import main
    assert main(["init", "--empty", "-q", str(root)]) == 0
    return root
