"""Faults while writing a build: a full or read-only disk, permission errors, a swap that fails
or is cut short, a second build at once. Each is one line, exit 1 (130 for Ctrl-C), the
previous output/ and private/ byte-identical, and no temporary folder left behind."""
from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers.project import run_cli
from storymaker import cli
from storymaker.lock import build_lock
from storymaker.staging import recover
from test_output_guard import snapshot

UNSHARE = shutil.which("unshare")


def built(project: Path) -> dict:
    result = run_cli("--project", str(project), "build", "--web", "-q")
    assert result.returncode == 0, result.stderr
    return snapshot(project.parent)


def run_main(capsys, project: Path, *args: str) -> tuple[int, list[str], str]:
    code = cli.main(["--project", str(project), "build", "--web", "-q", *args])
    err = capsys.readouterr().err
    return code, [l for l in err.splitlines() if l.strip()], err


def without_cache(snap: dict) -> dict:
    return {k: v for k, v in snap.items() if ".storymaker-cache" not in k}


def failing_replace(fail_on: int, error: BaseException):
    """os.replace that raises ``error`` on its ``fail_on``-th call from the swap (1-based)."""
    real, calls = os.replace, []

    def replace(src, dst, *a, **kw):
        if ".tmp-" in str(src) or ".old-" in str(dst):
            calls.append((src, dst))
            if len(calls) == fail_on:
                raise error
        return real(src, dst, *a, **kw)
    return replace


@pytest.mark.parametrize("step, what", [(3, "moving the old private/ aside"), (4, "moving the new private/ in")])
def test_when_the_second_swap_fails_then_the_first_is_rolled_back(small_project, capsys, monkeypatch, step, what):
    before = built(small_project)
    monkeypatch.setattr(os, "replace", failing_replace(step, PermissionError(errno.EACCES, "Permission denied",
                                                                             str(small_project / "private"))))
    code, lines, err = run_main(capsys, small_project)
    assert code == 1 and len(lines) == 1 and "Traceback" not in err, (what, err)
    assert lines[0] == (f"{small_project / 'private'}: cannot write: permission denied: make the folder writable, "
                        "or choose another with --out; the previous output was left as it was")
    assert without_cache(snapshot(small_project.parent)) == without_cache(before)


def test_when_the_swap_is_interrupted_by_ctrl_c_then_both_folders_are_put_back(small_project, capsys, monkeypatch):
    before = built(small_project)
    monkeypatch.setattr(os, "replace", failing_replace(3, KeyboardInterrupt()))
    code, lines, err = run_main(capsys, small_project)
    assert code == 130 and lines == ["interrupted: the previous output/ was left as it was"]
    assert without_cache(snapshot(small_project.parent)) == without_cache(before)


def test_when_a_permission_error_hits_a_write_then_one_line_names_the_folder(small_project, capsys, monkeypatch):
    before = built(small_project)
    from storymaker import build as build_module

    def denied(prep, private):
        raise PermissionError(errno.EACCES, "Permission denied", str(private / "anonymisation-log.csv"))
    monkeypatch.setattr(build_module, "write_private_material", denied)
    code, lines, err = run_main(capsys, small_project)
    assert code == 1 and len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith(f"{small_project / 'private' / 'anonymisation-log.csv'}: cannot write: permission denied")
    assert without_cache(snapshot(small_project.parent)) == without_cache(before)


def test_when_the_process_dies_mid_swap_then_the_next_build_puts_the_previous_folders_back(small_project: Path):
    built(small_project)
    (small_project / "stories" / "project.yaml").write_text("title: A new title\n", encoding="utf-8")
    before = snapshot(small_project.parent)
    script = textwrap.dedent(f"""
        import os, sys
        from storymaker import cli
        real, calls = os.replace, []
        def replace(src, dst):
            if ".tmp-" in str(src) or ".old-" in str(dst):
                calls.append(src)
                if len(calls) == 3:
                    os._exit(9)  # killed outright: output/ is the new build, private/ the old one
            return real(src, dst)
        os.replace = replace
        cli.main(["--project", {str(small_project)!r}, "build", "--web", "-q"])
    """)
    died = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert died.returncode == 9, died.stderr
    journal = small_project / ".storymaker-cache" / "swap.json"
    assert journal.is_file() and "A new title" in (small_project / "output/web/index.html").read_text()
    recover(journal)
    assert without_cache(snapshot(small_project.parent)) == without_cache(before)
    again = run_cli("--project", str(small_project), "build", "--web", "-q")
    assert again.returncode == 0 and "A new title" in (small_project / "output/web/index.html").read_text()
    assert sorted(p.name for p in small_project.iterdir() if "." in p.name) == [".storymaker-cache"]


def test_when_another_build_holds_the_lock_then_a_second_build_stops_with_its_pid(small_project: Path):
    before = built(small_project)
    with build_lock(small_project):
        result = run_cli("--project", str(small_project), "build", "--web")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        f"{small_project}: another build is running (pid {os.getpid()}): wait for it to finish, or stop it, and build again")
    assert without_cache(snapshot(small_project.parent)) == without_cache(before)


def test_when_the_lock_was_left_by_a_dead_build_then_it_is_taken_over(small_project: Path):
    lock = small_project / ".storymaker-cache" / "build.lock"
    lock.parent.mkdir()
    lock.write_text("999999999\n")
    result = run_cli("--project", str(small_project), "build", "--web", "-q")
    assert result.returncode == 0, result.stderr
    assert lock.read_text().strip() != "999999999"


def in_small_disk(tmp_path: Path, project: Path, fault: str) -> tuple[int, str, dict, dict]:
    """Build onto a 2 MB tmpfs (in a private mount namespace), cause ``fault``, build again."""
    disk = tmp_path / "disk"
    disk.mkdir()
    (tmp_path / "snap.py").write_text(
        f"import json, sys\nfrom pathlib import Path\nsys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_output_guard import snapshot\n"
        "print(json.dumps({k: str(v) for k, v in snapshot(Path(sys.argv[1])).items()}))\n", encoding="utf-8")
    snap = f"{sys.executable} {tmp_path}/snap.py"
    build = f"{sys.executable} -m storymaker --project {project} build --web --out {disk}/site"
    script = textwrap.dedent(f"""
        set -e
        mount -t tmpfs -o size=2m tmpfs {disk}
        touch {tmp_path}/mounted
        {build} -q
        {snap} {disk} > {tmp_path}/before.json
        {fault}
        set +e
        {build} 2> {tmp_path}/err.txt; echo $? > {tmp_path}/rc.txt
        {snap} {disk} > {tmp_path}/after.json
    """)
    done = subprocess.run([UNSHARE, "-rm", "bash", "-c", script], capture_output=True, text=True, timeout=300)
    if not (tmp_path / "mounted").exists():
        pytest.skip(f"cannot mount a small disk here: {done.stderr.strip()[:200]}")
    assert (tmp_path / "rc.txt").exists(), done.stderr
    read = lambda name: (tmp_path / name).read_text(encoding="utf-8")
    return int(read("rc.txt")), read("err.txt"), json.loads(read("before.json")), json.loads(read("after.json"))


@pytest.mark.skipif(not UNSHARE, reason="needs util-linux unshare for a private tmpfs")
@pytest.mark.parametrize("fault, message", [
    ("dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null || true", "the disk is full: free some space and build again"),
    ("mount -o remount,ro {disk}", "the folder is on a read-only disk: choose another with --out"),
])
def test_when_the_disk_is_full_or_read_only_then_the_previous_site_is_kept(tmp_path, small_project, fault, message):
    code, err, before, after = in_small_disk(tmp_path, small_project, fault.format(disk=tmp_path / "disk"))
    lines = [l for l in err.splitlines() if l.strip() and not l.startswith("✓")]
    assert code == 1 and len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith(f"{tmp_path / 'disk' / 'site'}") and message in lines[0] and lines[0].endswith("the previous output was left as it was")
    assert {k: v for k, v in after.items() if k != "filler"} == {k: v for k, v in before.items() if k != "filler"}
