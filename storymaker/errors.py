"""storymaker's exception tree. The CLI catches only these; anything else is a bug.

    StorymakerError            base: carries one or more Problems (and warnings), printed one per line
                               by storymaker.console.print_failure, which gives the exit code
    +-- UsageError             the command line itself is wrong (exit 2)
    +-- InputError             files or fields the user can fix (exit 1)
    |   +-- ProblemsFound      storymaker check found these (always followed by their count)
    |   +-- ComposeError       a story's constraints cannot be met
    |   |   +-- VerbatimError  a quote is not its participant's own words once its edits are undone
    |   +-- ImportFileError    an import file is malformed or hostile
    |       +-- SkippedSource  one source of a project cannot be imported (reported, the rest goes on)
    |       +-- NoParticipant  no single participant for a selection (reported, the rest goes on)
    +-- AnonymisationError     unreviewed identifiers, or the publish gate found one (exit 1)
    +-- RenderError            an engine (espeak-ng, ffmpeg, a font, an image) failed (exit 1)
    +-- OutputError            an output folder is refused, locked, read-only or full (exit 1)
    +-- StudioError            the studio refused a request (a conflicting edit, a bad upload)
        +-- ConflictError      a file changed on disk since the studio read it: nothing was written

Messages never contain a raw identifier from the register or a flagged token:
use :func:`storymaker.anonymise.mask` when naming one.
"""
from __future__ import annotations

from .model import Problem


class StorymakerError(Exception):
    exit_code = 1
    counted = False  # print "N problem(s) found." even after one problem

    def __init__(self, problems: "list[Problem] | Problem | str", path: str = "", line: int = 0,
                 warnings: "tuple[str, ...] | list[str]" = ()):
        if isinstance(problems, str):
            problems = [Problem(path, line, problems)] if path else [Problem("storymaker", 0, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        self.warnings: list[str] = list(warnings)  # found on the way; printed after the problems
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(StorymakerError):
    exit_code = 2


class InputError(StorymakerError):
    pass


class ProblemsFound(InputError):
    counted = True


class ComposeError(InputError):
    pass


class VerbatimError(ComposeError):
    """A quote is not its participant's own words once its recorded edits are undone."""


class ImportFileError(InputError):
    pass


class _ImportSkip(ImportFileError):
    """One part of an import is skipped; the importer reports ``reason`` and carries on."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(Problem("import", 0, reason))


class SkippedSource(_ImportSkip):
    """A source that cannot be imported; ``reason`` says why."""


class NoParticipant(_ImportSkip):
    """No single participant for a selection; ``reason`` says why and what to do."""


class AnonymisationError(StorymakerError):
    pass


class RenderError(StorymakerError):
    pass


class OutputError(StorymakerError):
    """A build cannot write its output safely; nothing of the previous output was changed."""


class StudioError(StorymakerError):
    pass


class ConflictError(StudioError):
    pass
