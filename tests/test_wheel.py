"""A real install: the wheel, installed into a fresh virtual environment outside the
repository, runs init, check, build --web and serve from any folder.

The new environment sees the test environment's dependencies through a ``.pth`` line (so
nothing is downloaded), but storymaker itself only from the wheel: the test checks where
it is imported from, with no PYTHONPATH and the repository nowhere on the path.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest

from helpers.project import REPO

SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "storymaker", "stories", "templates", "assets")


def run(*args, cwd: Path, env: dict, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict]:
    """A fresh venv with storymaker installed from a wheel built from a copy of the sources."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        copy = shutil.copytree if (REPO / name).is_dir() else shutil.copy2
        copy(REPO / name, src / name, **({"ignore": shutil.ignore_patterns("__pycache__")} if (REPO / name).is_dir() else {}))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    made = run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", tmp / "dist", src,
               cwd=tmp, env=env)
    assert made.returncode == 0, made.stderr
    venv = tmp / "venv"
    assert run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp, env=env).returncode == 0
    python = venv / "bin" / "python"
    own = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp, env=env).stdout.strip()
    Path(own, "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    wheel = next((tmp / "dist").glob("storymaker-*.whl"))
    done = run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel, cwd=tmp, env=env)
    assert done.returncode == 0, done.stderr
    return venv, env


def test_the_wheel_carries_the_example_and_storymaker_comes_from_it(installed):
    venv, env = installed
    where = run(venv / "bin/python", "-c", "import storymaker, storymaker.bundled as b; print(storymaker.__file__);"
                "print(b.example_root())", cwd=venv.parent, env=env)
    module, example = where.stdout.split()
    assert Path(module).is_relative_to(venv) and not Path(module).is_relative_to(REPO)
    assert Path(example) == Path(module).parent / "_bundled"
    package = Path(module).parent
    data = [p.relative_to(REPO / "storymaker") for p in (REPO / "storymaker").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert [rel for rel in data if not (package / rel).is_file()] == []  # every data file of the package ships
    for rel in ("stories/codebook.yaml", "templates/web/story.html", "templates/video/default/theme.yaml",
                "assets/images/park-bench.jpg"):
        assert (Path(example) / rel).is_file(), rel


def test_init_check_and_build_work_from_an_installed_wheel_in_any_folder(installed):
    venv, env = installed
    work = venv.parent / "elsewhere"
    work.mkdir()
    storymaker = venv / "bin" / "storymaker"
    init = run(storymaker, "init", "my-stories", cwd=work, env=env)
    assert init.returncode == 0, init.stderr
    project = work / "my-stories"
    shutil.rmtree(project / "templates")  # the build must find the default templates inside the package
    check = run(storymaker, "check", cwd=project, env=env)
    assert check.returncode == 0 and check.stdout.startswith("OK:"), check.stderr
    build = run(storymaker, "build", "--web", "-q", cwd=project, env=env)
    assert build.returncode == 0, build.stderr
    assert (project / "output/web/index.html").is_file() and (project / "output/web/style.css").is_file()
    assert (project / "private/anonymisation-log.csv").is_file()


def test_serve_works_from_an_installed_wheel(installed):
    venv, env = installed
    project = venv.parent / "served"
    assert run(venv / "bin/storymaker", "init", project, cwd=venv.parent, env=env).returncode == 0
    proc = subprocess.Popen([str(venv / "bin/storymaker"), "serve", "--port", "0", "--web"], cwd=project, env=env,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = ""
        deadline = time.time() + 120
        while time.time() < deadline and "serving at" not in line:
            line = proc.stderr.readline()
        assert "serving at http://127.0.0.1:" in line, line
        url = line.split("serving at ", 1)[1].split()[0]
        page = urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
        assert "<html" in page.lower()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
