"""What the terminal shows while building: one line per stage with its time, on stderr."""
from __future__ import annotations

import time
from typing import Callable, TypeVar

from rich.console import Console as RichConsole

T = TypeVar("T")


class Console:
    def __init__(self, quiet: bool = False):
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
