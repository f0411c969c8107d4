"""What the terminal shows: one line per build stage with its time, and (the one place for both)
problems and warnings, one per line, all on stderr."""
from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

if TYPE_CHECKING:
    from .errors import StorymakerError

T = TypeVar("T")


def summary(count: int) -> str:
    return f"{count} problem(s) found."


def print_warnings(warnings: Iterable[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def print_failure(exc: "StorymakerError") -> int:
    """Every problem of a failed command, its warnings, then a count (after a check, or when there
    are several); returns the exit code."""
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    print_warnings(exc.warnings)
    if exc.counted or len(exc.problems) > 1:
        print(summary(len(exc.problems)), file=sys.stderr)
    return exc.exit_code


class Console:
    def __init__(self, quiet: bool = False):
        from rich.console import Console as RichConsole  # only a build needs rich: check starts quicker

        self.quiet = quiet
        self.err = RichConsole(stderr=True, highlight=False, soft_wrap=True)

    def say(self, message: str) -> None:
        if not self.quiet:
            self.err.print(message, markup=False)

    def stage(self, name: str, work: Callable[[], T]) -> T:
        start = time.perf_counter()
        if self.quiet:
            return work()
        with self.err.status(f"{name}…"):
            value = work()
        self.err.print(f"[green]✓[/] {name} [dim]({time.perf_counter() - start:.1f} s)[/]")
        return value

    def done(self, result) -> None:
        for warning in result.warnings:
            self.say(f"warning: {warning}")
        pages = sum(1 for p in result.pages if str(p).endswith(".html"))
        self.say(f"Built {pages} page(s) and {len(result.videos)} video(s) into {result.output}")
