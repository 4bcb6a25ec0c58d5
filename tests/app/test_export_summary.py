"""After an export the editor shows what was written: folder, files and size, the warnings
(the CLI's too), the signing key's fingerprint, and buttons that open the folder and preview
the bundle in the browser."""
from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


def test_export_summary_lists_files_warnings_key_and_opens_and_previews(make_window, tmp_path, qtbot, monkeypatch) -> None:
    from tests.exporters.conftest import REAL_VIEWER, make_project, real_viewer_built
    assert real_viewer_built(), f"build the viewer first ({REAL_VIEWER})"
    project = make_project(tmp_path, rights=False)  # the artifacts lack rights: the export warns
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    window = make_window()
    assert window.open_project(project.path)
    out = tmp_path / "bundle"
    job = window.export_bundle(str(out))
    with qtbot.waitSignal(job.succeeded, timeout=120000) as blocker:
        pass
    report = blocker.args[0]
    qtbot.waitUntil(lambda: window.export_summary is not None and window.export_summary.isVisible())
    summary = window.export_summary
    assert summary.folder_label.text() == str(out)
    files = [p for p in out.rglob("*") if p.is_file()]
    assert report.files == len(files) and f"{len(files):,} files" in summary.size_label.text()
    assert summary.key_label.text() == report.fingerprint and report.fingerprint.startswith("SHA256:")
    shown = [summary.warnings.item(i).text() for i in range(summary.warnings.count())]
    assert len(shown) == len(report.warnings) >= 3
    assert "the 3D model of 'Painted Vase' has no rights statement" in shown

    summary.open_button.click()
    assert opened == [f"file://{out}"]
    summary.preview_button.click()
    url = window.browser_preview.url
    assert url and opened[-1] == url
    with urllib.request.urlopen(url.rsplit("/", 1)[0] + "/exhibit.json", timeout=10) as response:
        assert report.export_id.encode() in response.read()
    window.browser_preview.stop()
    assert out.is_dir()  # the exported bundle is served in place, never deleted
