"""Long work off the request thread: builds run as a ``storymaker build`` process whose
output is read line by line, so the page can show progress and a failing (or crashing)
build leaves the studio, and the previous ``output/``, as they were; a check runs in a
thread of the studio itself (its result is the studio's cached check), stage by stage.

    jobs.start_build(web=True, video=True) -> Job      (refused while another build runs)
    jobs.start_check(state)                -> Job      (the one already running, if there is one)
    jobs.get(job_id)                       -> Job | None
    job.snapshot(after=n)                  -> {"state", "percent", "lines", "next", "code"}
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import StudioError

CHECK_STAGES = ("Reading the files", "Checking across files", "Anonymising and composing")
STAGES = ("Loading", "Anonymising and composing", "Rendering videos", "Rendering web pages",
          "Writing private material", "Checking every published file")


@dataclass
class Job:
    id: str
    what: str
    lines: list[str] = field(default_factory=list)
    state: str = "running"  # running | done | failed
    code: int | None = None
    stages_done: int = 0
    stages_total: int = len(STAGES)
    kind: str = "build"  # build | check

    def snapshot(self, after: int = 0) -> dict:
        percent = 100 if self.state != "running" else int(100 * self.stages_done / max(1, self.stages_total))
        return {"id": self.id, "what": self.what, "state": self.state, "percent": percent,
                "lines": self.lines[after:], "next": len(self.lines), "code": self.code}

    def read(self, line: str) -> None:
        line = line.rstrip()
        if not line:
            return
        self.lines.append(line)
        if line.startswith("✓"):
            self.stages_done += 1


class Jobs:
    def __init__(self, root: Path):
        self.root = root
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def running(self, kind: str = "build") -> Job | None:
        return next((j for j in self._jobs.values() if j.state == "running" and j.kind == kind), None)

    def latest(self, kind: str = "build") -> Job | None:
        return next((j for j in reversed(self._jobs.values()) if j.kind == kind), None)

    def start_check(self, state) -> Job:
        """``state.prepared()`` in a thread, each stage a line of the job's output."""
        with self._lock:
            job = self.running("check")
            if job is None:
                job = Job(uuid.uuid4().hex, "check", stages_total=len(CHECK_STAGES), kind="check")
                self._jobs[job.id] = job
                threading.Thread(target=_check, args=(job, state), daemon=True).start()
        return job

    def start_build(self, web: bool, video: bool) -> Job:
        with self._lock:
            if self.running():
                raise StudioError("a build is already running: wait for it to finish")
            flags = [f for f, on in (("--web", web), ("--video", video)) if on]
            job = Job(uuid.uuid4().hex, "build " + " and ".join(f[2:] for f in flags) if flags else "build")
            job.stages_total = len(STAGES) - (0 if video or not flags else 1) - (0 if web or not flags else 1)
            self._jobs[job.id] = job
        command = [sys.executable, "-m", "storymaker", "build", "--project", str(self.root), *flags]
        threading.Thread(target=self._run, args=(job, command), daemon=True).start()
        return job

    def _run(self, job: Job, command: list[str]) -> None:
        env = {**os.environ, "COLUMNS": "200", "TERM": "dumb"}
        try:
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                    encoding="utf-8", errors="replace", env=env, cwd=self.root)
        except OSError as exc:
            job.lines.append(f"storymaker: the build could not start ({exc})")
            job.state, job.code = "failed", -1
            return
        for line in proc.stdout:
            job.read(line)
        job.code = proc.wait()
        job.state = "done" if job.code == 0 else "failed"
        if job.code != 0:
            job.lines.append("The build stopped; the previous output was left exactly as it was.")


def _check(job: Job, state) -> None:
    def stage(name: str, work):
        start = time.perf_counter()
        result = work()
        job.read(f"✓ {name} ({time.perf_counter() - start:.1f} s)")
        return result
    try:
        checked = state.prepared(stage)
        job.lines.append(f"{len(checked.problems)} problem(s) found." if checked.problems else "No problems.")
        job.state, job.code = "done", 0
    finally:
        if job.state == "running":  # a bug in the check: its traceback goes to the terminal
            job.lines.append("The check stopped with an error: see the terminal the studio runs in.")
            job.state, job.code = "failed", 1
