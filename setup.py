"""Ships the bundled example (its stories/, templates/ and assets/) inside the package.

The three folders stay where they are in the repository (a checkout is itself the
example project); building the package copies them to ``storymaker/_bundled/``,
where :mod:`storymaker.bundled` finds them with ``importlib.resources``.
Everything else is in pyproject.toml.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED = ("stories", "templates", "assets")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildWithExample(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):  # an editable install reads the folders from the checkout itself
            return
        for name in BUNDLED:
            if (HERE / name).is_dir():
                dest = Path(self.build_lib) / "storymaker" / "_bundled" / name
                shutil.rmtree(dest, ignore_errors=True)
                shutil.copytree(HERE / name, dest, ignore=SKIP)


setup(cmdclass={"build_py": BuildWithExample})
