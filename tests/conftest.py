"""Shared fixtures: the real scans in ../shared/scans, and Qt set-up for GUI tests."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytest_plugins = ["tests.skip_policy"]  # under CI=true, skips not on tests/allowed_skips.py fail the run

REPO_ROOT = Path(__file__).resolve().parent.parent
SCANS_DIR = Path(os.environ.get("VITRINE_SCANS", REPO_ROOT.parent / "shared" / "scans"))


def pytest_configure(config: pytest.Config) -> None:
    # OpenGL needs a real X server (Xvfb) with the xcb platform: Qt's offscreen
    # platform gets no GL context on this kind of machine. The default surface
    # format must be set before any QApplication exists.
    if os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vitrine.app.window.gl_format import install_default_surface_format
    install_default_surface_format()


@pytest.fixture(scope="session", autouse=True)
def isolated_config_dir(tmp_path_factory: pytest.TempPathFactory):
    """Signing keys and other per-user configuration go to a temporary folder, never the user's."""
    old = os.environ.get("VITRINE_CONFIG_DIR")
    os.environ["VITRINE_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))
    yield Path(os.environ["VITRINE_CONFIG_DIR"])
    if old is None:
        os.environ.pop("VITRINE_CONFIG_DIR", None)
    else:
        os.environ["VITRINE_CONFIG_DIR"] = old


@pytest.fixture(autouse=True)
def config_dir_is_restored(isolated_config_dir: Path, request: pytest.FixtureRequest):
    """A test that points VITRINE_CONFIG_DIR elsewhere without restoring it would make later tests
    sign with another machine's key; fail that test by name instead of a later one by chance."""
    yield
    now = os.environ.get("VITRINE_CONFIG_DIR")
    if now != str(isolated_config_dir):
        os.environ["VITRINE_CONFIG_DIR"] = str(isolated_config_dir)
        pytest.fail(f"{request.node.nodeid} left VITRINE_CONFIG_DIR={now}; use monkeypatch.setenv", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def exports_follow_the_viewer_contract():
    """Every bundle any test exports is validated against the viewer document schema."""
    from tests.bundle_contract import checking_exports
    with checking_exports():
        yield


@pytest.fixture(scope="session")
def scans_dir() -> Path:
    """Folder of real museum scans; tests that need it skip (saying why) when absent."""
    if not (SCANS_DIR / "MANIFEST.md").is_file():
        pytest.skip(f"real scans not found at {SCANS_DIR} (set VITRINE_SCANS or provide ../shared/scans)")
    return SCANS_DIR


@pytest.fixture
def scan(scans_dir: Path):
    """Return a function mapping a relative name (e.g. 'igea/igea.ply') to its path, skipping if absent."""
    def _get(rel: str) -> Path:
        p = scans_dir / rel
        if not p.is_file():
            pytest.skip(f"scan {rel} not found in {scans_dir}")
        return p
    return _get


@pytest.hookimpl(trylast=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Once a QApplication exists, garbage is collected on the GUI thread only, as in the editor
    (app/window/gui_thread_gc.py): before each test, and on the collector's timer."""
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication
    if QApplication.instance() is not None:
        from vitrine.app.window.gui_thread_gc import collect_on_gui_thread
        collect_on_gui_thread().check()
