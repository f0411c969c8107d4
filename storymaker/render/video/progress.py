"""Progress bars (rich) for the long steps; silent when ``progress=False``."""
from __future__ import annotations

import threading
from typing import Callable

from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn


class Bars:
    def __init__(self, show: bool):
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                                  TimeElapsedColumn(), transient=False) if show else None
        self._tasks: dict[str, int] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> "Bars":
        if self._progress:
            self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress:
            self._progress.stop()

    def _task(self, name: str) -> int | None:
        if not self._progress:
            return None
        with self._lock:
            if name not in self._tasks:
                self._tasks[name] = self._progress.add_task(name, total=None)
            return self._tasks[name]

    def add(self, name: str, total: int) -> Callable[..., None]:
        self.total(name, total)
        return self.add_to(name)

    def total(self, name: str, total: int) -> None:
        task = self._task(name)
        if task is not None:
            self._progress.update(task, total=total)  # type: ignore[union-attr]

    def add_to(self, name: str) -> Callable[..., None]:
        task = self._task(name)
        if task is None:
            return lambda n=1: None
        return lambda n=1: self._progress.advance(task, n)  # type: ignore[union-attr]
