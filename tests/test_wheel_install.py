"""The wheel installs and exports on its own (issue 19, part 6).

Builds the wheel from this checkout (setup.py builds the web viewer into it), installs it
with its pinned dependencies into a fresh virtual environment, then, from a folder outside
the repository and with no PYTHONPATH, uses the installed ``vitrine`` command to write the
sample exhibit, export it and verify the bundle. Nothing may come from the checkout: the
test checks where the installed packages live. pip's cache makes a second run quick.
"""
from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

# After the rename to one `vitrine` import name these become "vitrine.exporters" etc.
INSTALLED_PACKAGES = ("vitrine.app", "vitrine.scenes", "vitrine.assets", "vitrine.exporters")
WHEEL_TOP_LEVEL = {"vitrine"}  # the one import name
VIEWER_IN_WHEEL = ("vitrine/exporters/viewer/dist/viewer.js", "vitrine/exporters/viewer/dist/viewer-ui.js", "vitrine/exporters/viewer/dist/viewer.css")


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 900) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(map(str, cmd))} exited {proc.returncode}:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """(the fresh venv's bin/ folder, an environment without PYTHONPATH and with HOME in a temp folder)."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["HOME"] = str(tmp / "home")  # the signing key is created under ~/.config/vitrine
    env["PIP_CACHE_DIR"] = os.environ.get("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    (tmp / "home").mkdir()
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(ROOT)], tmp, env)
    wheels = sorted((tmp / "dist").glob("vitrine-*.whl"))
    assert len(wheels) == 1, wheels
    import zipfile
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    assert set(VIEWER_IN_WHEEL) <= names, "the wheel lacks the built viewer"
    top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert top == WHEEL_TOP_LEVEL, f"the wheel installs {sorted(top)}"
    venv.create(tmp / "venv", with_pip=True)
    bin_dir = tmp / "venv" / "bin"
    # --no-compile: no .pyc for the dependencies (PySide6, scipy…) at install time; what the tests
    # import is compiled when imported, and the install itself is the same
    _run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-compile", "-c", str(ROOT / "requirements.lock"),
          str(wheels[0])], tmp, env)
    return bin_dir, env


def test_installed_packages_come_from_the_venv(installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    bin_dir, env = installed
    code = "import importlib, sys; print('\\n'.join(importlib.import_module(n).__file__ for n in sys.argv[1:]))"
    out = _run([str(bin_dir / "python"), "-c", code, *INSTALLED_PACKAGES], tmp_path, env).stdout.split()
    site = (bin_dir.parent / "lib").resolve()
    assert len(out) == len(INSTALLED_PACKAGES)
    for path in out:
        assert Path(path).resolve().is_relative_to(site), f"{path} is not the installed copy"


def test_installed_vitrine_exports_a_bundle_that_verifies(installed: tuple[Path, dict[str, str]],
                                                         tmp_path: Path) -> None:
    bin_dir, env = installed
    vitrine = str(bin_dir / "vitrine")
    assert not tmp_path.resolve().is_relative_to(ROOT)
    _run([vitrine, "sample", "sample.vitrine"], tmp_path, env)
    export = _run([vitrine, "export", "sample.vitrine", "--out", "bundle"], tmp_path, env)
    assert "npm" not in export.stdout + export.stderr
    bundle = tmp_path / "bundle"
    for name in ("index.html", "viewer-first.js", "viewer.js", "manifest.json", "manifest.sig", "exhibit.json"):
        assert (bundle / name).is_file(), f"the bundle lacks {name}"
    verify = _run([vitrine, "verify", "bundle"], tmp_path, env)
    assert verify.returncode == 0
    # the bundle's viewer is the one shipped in the wheel, byte for byte
    dist = next((bin_dir.parent / "lib").glob("python*/site-packages/vitrine/exporters/viewer/dist"))
    for name in ("viewer-first.js", "viewer.js", "viewer-ui.js"):
        assert (bundle / name).read_bytes() == (dist / name).read_bytes(), name


def test_installed_editor_speaks_chinese(installed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    """The wheel carries the .ts catalogue; the installed editor compiles it on first use."""
    bin_dir, env = installed
    env = {**env, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = ("from PySide6.QtWidgets import QApplication\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "app = QApplication([])\n"
            "from vitrine.app.window.translations import install_translations\n"
            "print(install_translations('zh_CN', app))\n"
            "print(QCoreApplication.translate('AnnotationPanel', 'Missing translation'))\n")
    out = _run([str(bin_dir / "python"), "-c", code], tmp_path, env).stdout.split()
    assert out == ["True", "缺少翻译"]
