"""``check``'s problems as the home page says them: in plain words, each with a link to the
studio screen (or the file view) where it is fixed.

    shown(checked) -> [Shown]

The command line's messages are written for a terminal: masked words, ``path:line`` and
``storymaker ...`` commands. Here the words nobody has reviewed are grouped per file and named
(this is the user's own machine, as on the review screen), the place is said as "file, line
N", and instructions to run a command become the screen that does the same.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath

from ..load.specs import SUFFIX
from ..model import Problem

COMMANDS = ((re.compile(r"^no story specs found: .*"), "there are no stories yet: create the first one on the Stories screen"),
            (re.compile(r"\s*\(see README, '[^']*'\)"), ""),
            (re.compile(r"\s*\(copy both from `?storymaker check --json`?\)"), ""),
            (re.compile(r"`?storymaker import`?( YOUR-FILE)?"), "the Import screen"),
            (re.compile(r"(run )?`?storymaker check`?( again)?"), "check again"),
            (re.compile(r"`?storymaker compose --explain`?"), "the story editor's preview"),
            (re.compile(r"`?storymaker voices`?"), "the README's list of voices"))
SCREENS = {"stories": ("/stories", "Create a story"), "stories/anonymise.yaml": ("/review", "Review the words"), "stories/decisions.yaml": ("/review", "Review the words"),
           "stories/withdrawn.yaml": ("/excerpts", "Open the excerpts"), "publish gate": ("/build", "See the build")}


@dataclass(frozen=True)
class Shown:
    where: str  # "stories/excerpts/staff.csv, line 14"
    message: str
    href: str  # "" when no screen fixes it: then ``label`` names the file to open in a text editor
    label: str


def where_fixed(path: str, line: int = 0) -> tuple[str, str]:
    """The screen that fixes a problem in ``path``, and the link's words."""
    if path in SCREENS:
        return SCREENS[path]
    name = PurePosixPath(path).name
    if name.endswith(SUFFIX):
        return f"/stories/{name[:-len(SUFFIX)]}", "Edit the story"
    if path.startswith("stories/excerpts/"):
        return f"/excerpts?file={name}", "Open the excerpts"
    if path.startswith("stories/maps/"):
        return "/import", "Import again"
    if path.startswith("stories/") and path.count("/") == 1:
        return f"/files/{name}" + (f"#line-{line}" if line else ""), f"See it in {name}"
    return "", ""


def plain_message(message: str) -> str:
    for pattern, words in COMMANDS:
        message = pattern.sub(words, message)
    return message[:1].upper() + message[1:]


def _where(p: Problem) -> str:
    return f"{p.path}, line {p.line}" if p.line else p.path


def _flag_groups(checked) -> tuple[list[tuple[tuple, Shown]], set[tuple[str, int, str]]]:
    """One entry per file for the words nobody has reviewed, and the problems it stands for."""
    by_file: dict[str, list[str]] = defaultdict(list)
    covered = set()
    for f in checked.prep.flagged if checked.prep else ():
        by_file[f.path].append(f.flag.token)
        covered.add((f.path, f.line, f.message))
    groups = []
    for path, words in by_file.items():
        distinct = list(dict.fromkeys(words))
        named = ", ".join(distinct[:6]) + (f" and {len(distinct) - 6} more" if len(distinct) > 6 else "")
        message = (f"{len(words)} word{'s' if len(words) != 1 else ''} nobody has reviewed yet ({named}): say what each "
                   "one is before anything is published")
        groups.append(((path, 0), Shown(path, message, "/review", "Review the words")))
    return groups, covered


def shown(checked) -> list[Shown]:
    """Every problem of the check, flags grouped per file, in file order."""
    groups, covered = _flag_groups(checked)
    rest = [((p.path, p.line), Shown(_where(p), plain_message(p.message), *where_fixed(p.path, p.line)))
            for p in checked.problems if (p.path, p.line, p.message) not in covered]
    return [s for _, s in sorted(groups + rest, key=lambda pair: pair[0])]
