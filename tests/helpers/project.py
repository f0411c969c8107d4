"""The project the tests run against (the repository is the bundled example), and the real CLI."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
SMALL = REPO / "tests" / "project"


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m storymaker`` for real and capture what a user would see."""
    return subprocess.run([sys.executable, "-m", "storymaker", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env=env)


def add_excerpt(project: Path, row: str) -> None:
    """Append a row given in the order id,participant,text,themes,audience,consent to the
    project's staff.csv, whatever that file's own column order is."""
    import csv
    import io
    path = project / "stories/excerpts/staff.csv"
    header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    for values in csv.reader(io.StringIO(row)):
        record = dict(zip(["id", "participant", "text", "themes", "audience", "consent"], values))
        out = io.StringIO()
        csv.DictWriter(out, fieldnames=header, restval="", lineterminator="\n").writerow(record)
        with path.open("a", encoding="utf-8") as f:
            f.write(out.getvalue())
