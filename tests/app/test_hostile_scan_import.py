"""The editor refuses hostile and broken scans (corpus: tests/assets/unusual/corpus.py) the way the
CLI does: one error line naming the file, before the options dialog, the exhibit untouched."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from vitrine.app.dialogs.import_dialog import ImportOptionsDialog
from tests.assets.unusual.corpus import INVALID

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


def test_hostile_and_broken_scans_are_refused_in_one_line(make_window, tmp_path, monkeypatch, dialogs) -> None:
    window = make_window()
    window.new_project(tmp_path / "p")
    asked: list[str] = []
    monkeypatch.setattr(ImportOptionsDialog, "get_options", classmethod(lambda cls, path, parent=None: asked.append(path)))
    for i, case in enumerate(["gltf buffer ../../etc/passwd", "ply header claims 10^9 faces", "glb accessor count 3e9"]):
        folder = tmp_path / f"scan{i}"
        folder.mkdir()
        scan = INVALID[case][0](folder)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, scan=scan, **k: (str(scan), "")))
        window.action_import.trigger()
    assert asked == []
    assert [e[0] for e in dialogs.errors] == [
        "uri-buffer.gltf: refers to '../../../../../../etc/passwd', which is outside the scan's folder; "
        "only files in the scan's folder are read",
        "lying.ply: the header claims 1,000,000,000 face elements but the file holds only 100 bytes of data",
        "huge-count.glb: accessor 1 claims 3,000,000,000 elements but its bufferView holds 24 bytes"]
    assert window.session.document.exhibit.artifacts == []
