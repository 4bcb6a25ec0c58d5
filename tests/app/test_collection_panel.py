"""The Collection dock: open a collection made by `vitrine batch`, search it, see its sizes and
problems plotted, and add a prepared scan to the exhibit by double-click or drag-and-drop,
without reprocessing; a tampered collection gives a one-line message and changes nothing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import trimesh

from .editor_fixtures import *  # noqa: F401,F403 (fixtures)


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    from vitrine.app.workflows.batch_runner import run_batch
    src = tmp_path_factory.mktemp("scans")
    trimesh.creation.box(extents=(0.1, 0.2, 0.3)).export(src / "tall-box.ply")
    trimesh.creation.icosphere(subdivisions=2, radius=0.1).export(src / "ball.stl")
    (src / "broken.obj").write_text("v 1 2\nf 9 9 9\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("collections") / "museum"
    run_batch([src], out, workers=1)
    return out


def _rows(panel) -> list[str]:
    return [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]


def test_open_search_and_plot(make_window, collection: Path, tmp_path: Path) -> None:
    window = make_window()
    panel = window.collection_panel
    assert not panel.open_collection(tmp_path)
    assert panel.status.text() == f"{tmp_path / 'catalogue.json'}: no such collection catalogue"
    assert panel.open_collection(collection)
    assert _rows(panel) == ["ball.stl", "broken.obj", "tall-box.ply"]
    assert panel.status.text() == "3 of 3 scans shown (1 failed) in museum"
    assert len(panel.scatter.data) == 3
    panel.search.setText("box")
    assert _rows(panel) == ["tall-box.ply"]
    assert len(panel.scatter.data) == 1
    panel.search.setText("problems")
    assert _rows(panel) == ["broken.obj"]
    panel.search.setText(">1GB")
    assert _rows(panel) == [] and len(panel.scatter.data) == 0


def test_double_click_adds_without_reprocessing(make_window, collection: Path, tmp_path: Path, qtbot,
                                                monkeypatch) -> None:
    import vitrine.app.workflows.project_import as project_import
    monkeypatch.setattr(project_import, "prepare_scan", lambda *a, **k: pytest.fail("reprocessed"))
    window = make_window()
    window.new_project(tmp_path / "p")
    panel = window.collection_panel
    panel.open_collection(collection)
    panel.search.setText("tall")
    panel.table.selectRow(0)
    assert panel.add_button.isEnabled()
    panel.table.doubleClicked.emit(panel.proxy.index(0, 0))
    doc = window.session.document
    qtbot.waitUntil(lambda: len(doc.exhibit.artifacts) == 1, timeout=30000)
    entry = json.loads((collection / "catalogue.json").read_text("utf-8"))["entries"]
    box = next(e for e in entry if e["name"] == "tall-box.ply")
    assert doc.exhibit.artifacts[0].asset_id == box["asset_id"]
    assert [lv.sha256 for lv in doc.asset(box["asset_id"]).levels] == [lv["sha256"] for lv in box["levels"]]
    window.action_undo.trigger()
    assert doc.exhibit.artifacts == []


def test_failed_rows_cannot_be_added(make_window, collection: Path) -> None:
    from PySide6.QtCore import Qt
    window = make_window()
    panel = window.collection_panel
    panel.open_collection(collection)
    panel.search.setText("broken")
    panel.table.selectRow(0)
    assert not panel.add_button.isEnabled()
    assert panel.proxy.index(0, 3).data() == "failed"
    assert "broken.obj: " in panel.proxy.index(0, 3).data(Qt.ItemDataRole.ToolTipRole)


def test_drop_from_the_collection_and_a_tampered_file(make_window, collection: Path, tmp_path: Path, qtbot,
                                                      dialogs) -> None:
    import shutil
    from PySide6.QtCore import QMimeData, QPoint, Qt
    from PySide6.QtGui import QDropEvent
    from vitrine.app.panels.collection_panel import COLLECTION_MIME
    copy = tmp_path / "copy"
    shutil.copytree(collection, copy)
    window = make_window()
    window.new_project(tmp_path / "p")
    panel = window.collection_panel
    panel.open_collection(copy)
    panel.search.setText("ball")
    mime = panel.model.mimeData([panel.proxy.mapToSource(panel.proxy.index(0, 0))])
    assert mime.hasFormat(COLLECTION_MIME)
    ball = json.loads(bytes(mime.data(COLLECTION_MIME)))
    level = next(e for e in panel.model.entries if e["name"] == "ball.stl")["levels"][0]["file"]
    (copy / level).write_bytes(b"tampered")
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: len(dialogs.errors) == 1, timeout=30000)
    message, _ = dialogs.errors[0]
    assert "does not match the catalogue" in message and "\n" not in message
    assert window.session.document.exhibit.artifacts == []
    assert ball["collection"] == str(copy)
