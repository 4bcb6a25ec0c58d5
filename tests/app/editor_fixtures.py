"""Fixtures for the editor window tests: isolated settings, no blocking dialogs,
and a factory for windows that closes them afterwards.

Imported by the editor test modules (``from .editor_fixtures import *``) rather than
living in a conftest, so they apply only to those modules."""
from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

NEEDS_DISPLAY = pytest.mark.skipif(not os.environ.get("DISPLAY"),
                                   reason="editor GUI tests need an X display (run under Xvfb with DISPLAY set)")


@pytest.fixture(autouse=True)
def isolated_settings_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep QSettings written by code under test out of the real user's configuration."""
    folder = tmp_path / "config"
    folder.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "vitrine-test.ini"), QSettings.Format.IniFormat)


class Dialogs:
    """Records message boxes instead of showing them; ``answer`` is what question() returns."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.answer = QMessageBox.StandardButton.Discard


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    record = Dialogs()

    def fake_exec(box: QMessageBox) -> int:
        record.errors.append((box.text(), box.detailedText()))
        return int(QMessageBox.StandardButton.Ok.value)

    def fake_question(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        record.questions.append(text)
        return record.answer

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake_question))
    return record


@pytest.fixture
def make_window(qtbot: Any, settings: QSettings) -> Callable[..., Any]:
    """Create MainWindows (shown); all are closed without prompts at the end."""
    if not os.environ.get("DISPLAY"):
        pytest.skip("editor GUI tests need an X display (run under Xvfb with DISPLAY set)")
    from vitrine.app.workflows.editor_session import EditorSession
    from vitrine.app.window.main_window import MainWindow

    windows: list[Any] = []

    def factory(session: Any = None, window_settings: QSettings | None = None) -> Any:
        window = MainWindow(session or EditorSession(), window_settings or settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        if window.isVisible():
            if window.project is not None:
                window.project.document.history.set_clean()
            window.close()


__all__ = ["NEEDS_DISPLAY", "Dialogs", "dialogs", "isolated_settings_location", "make_window", "settings"]


def add_scanned_artifact(window: Any, name: str = "Vase", *, stem: str = "vase", digit: str = "a",
                         dimensions: tuple[float, float, float] = (0.2, 0.3, 0.2)) -> str:
    """Push the import of a scan (asset id ``digit`` * 64, file assets/``stem``.ply, ``dimensions``
    in metres; no file is stored) as artifact ``name`` into the window's document; returns its id."""
    from vitrine.scenes.editing.artifact_commands import import_scan_command
    from vitrine.scenes.exhibit_model import Artifact, Asset
    asset = Asset(id=digit * 64, original_name=f"{stem}.ply", file=f"assets/{stem}.ply", format="ply",
                  dimensions=dimensions)
    artifact = Artifact(name=name, asset_id=asset.id)
    window.relay.push(import_scan_command(window.session.document, asset, artifact))
    return artifact.id


@contextmanager
def chinese_ui() -> Iterator[None]:
    """The editor's Simplified Chinese catalogue installed for the block, removed after it; compiled
    first when this checkout has no .qm (it is not in git)."""
    from vitrine.app.window.translations import TRANSLATIONS_DIR, install_translations, qm_path, remove_translations
    if not qm_path("zh_CN").is_file():
        subprocess.run([sys.executable, str(TRANSLATIONS_DIR / "build_translations.py"), "--release-only"], check=True)
    assert install_translations("zh_CN")
    try:
        yield
    finally:
        remove_translations()
