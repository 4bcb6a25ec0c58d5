"""Build hook: the wheel (and the sdist) carry the built web viewer.

Everything else is declared in pyproject.toml. ``exporters/viewer/dist`` is a build output
(git-ignored), yet ``vitrine export`` copies ``dist/viewer-first.js``, ``dist/viewer.js``, ``dist/viewer-ui.js`` and ``dist/viewer.css`` into
every bundle, so a wheel without them cannot export. ``build_py`` and ``sdist`` therefore
build the viewer first (``npm ci`` when node_modules is missing, then ``npm run build``)
whenever dist/ is missing or older than its sources, and stop with one clear line when
Node.js is absent. An sdist made here carries dist/, so installing from it needs no Node.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist
from setuptools.errors import SetupError

VIEWER = Path(__file__).resolve().parent / "exporters" / "viewer"
BUILT = ("viewer-first.js", "viewer.js", "viewer-ui.js", "viewer.css")  # what bundle_writer copies into bundles (VIEWER_BUILT_FILES)
SOURCES = ("src", "build.mjs", "package.json", "package-lock.json")


def _newest_source_mtime() -> float:
    newest = 0.0
    for name in SOURCES:
        path = VIEWER / name
        files = path.rglob("*") if path.is_dir() else [path]
        newest = max([newest] + [f.stat().st_mtime for f in files if f.is_file()])
    return newest


def viewer_is_current() -> bool:
    """True when every built file exists and is no older than the newest viewer source."""
    built = [VIEWER / "dist" / name for name in BUILT]
    if not all(p.is_file() for p in built):
        return False
    if not (VIEWER / "src").is_dir():  # an sdist's tree without sources: ship what is built
        return True
    return min(p.stat().st_mtime for p in built) >= _newest_source_mtime()


def build_viewer() -> None:
    """Run ``npm ci`` (if needed) and ``npm run build`` in exporters/viewer unless dist/ is current."""
    if viewer_is_current():
        return
    npm = shutil.which("npm")
    if shutil.which("node") is None or npm is None:
        raise SetupError(f"{VIEWER / 'dist'}: the web viewer is not built and Node.js (node and npm, "
                         "version 20 or newer) is not on PATH; install Node.js, or build an sdist on a "
                         "machine that has it and install from that")
    if not (VIEWER / "node_modules").exists():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=VIEWER, check=True)
    subprocess.run([npm, "run", "--silent", "build"], cwd=VIEWER, check=True)
    if not viewer_is_current():
        raise SetupError(f"{VIEWER / 'dist'}: 'npm run build' did not produce {', '.join(BUILT)}")


class BuildPyWithViewer(build_py):
    def run(self) -> None:
        # an editable install runs from the checkout, whose viewer .ci/setup (or the developer)
        # builds with the pinned Node.js; only a real wheel must carry a built viewer
        if not getattr(self, "editable_mode", False):
            build_viewer()
        # bdist_wheel packs everything under build/lib: files left there by an earlier build
        # (a module since moved or renamed) would ship beside the current ones
        build_lib = Path(self.build_lib).resolve()
        if build_lib.is_relative_to(Path(__file__).resolve().parent / "build"):
            shutil.rmtree(build_lib, ignore_errors=True)
        # data_files is computed lazily from the package-data globs: recompute it now that dist/ exists
        self.__dict__.pop("data_files", None)
        super().run()


class SdistWithViewer(sdist):
    def run(self) -> None:
        build_viewer()
        super().run()


# the four folders install as vitrine.<folder> (pyproject package-dir)
PACKAGES = ["vitrine"] + [f"vitrine.{name}" for name in find_packages(
    include=[p for top in ("app", "scenes", "assets", "exporters") for p in (top, f"{top}.*")])]

setup(packages=PACKAGES, cmdclass={"build_py": BuildPyWithViewer, "sdist": SdistWithViewer})
