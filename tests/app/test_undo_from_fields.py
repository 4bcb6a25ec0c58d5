"""Ctrl+Z and Ctrl+Shift+Z while the cursor is in an Inspector field: the field's edit is
committed as one undo step, then undone (the field's own text undo does not swallow the key)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt


from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY, add_scanned_artifact

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


def _window_with_artifact(make_window, tmp_path: Path, qtbot):
    window = make_window()
    window.new_project(tmp_path / "p")
    doc = window.session.document
    artifact_id = add_scanned_artifact(window, "Vase", digit="b")
    doc.history.seal()
    window.relay.select([artifact_id])
    window.inspector_dock.raise_()
    window.activateWindow()
    qtbot.waitActive(window)  # focus (and so the field's own Ctrl+Z) needs the active window
    return window, doc, artifact_id


def test_ctrl_z_in_a_name_field_commits_then_undoes_and_ctrl_shift_z_redoes(make_window, tmp_path, qtbot) -> None:
    window, doc, art_id = _window_with_artifact(make_window, tmp_path, qtbot)
    field = window.inspector_panel.art_name
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, "Amphora")
    assert doc.find(art_id).name == "Vase"  # not committed yet: the edit is still in the field
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.find(art_id).name == "Vase"
    assert field.text() == "Vase"
    assert doc.history.can_redo and doc.history.redo_label.startswith("Rename")
    assert field.hasFocus()  # the cursor stays where the curator was typing
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert doc.find(art_id).name == "Amphora"
    assert field.text() == "Amphora"


def test_ctrl_z_in_a_spin_box_undoes_the_typed_position(make_window, tmp_path, qtbot) -> None:
    window, doc, art_id = _window_with_artifact(make_window, tmp_path, qtbot)
    box = window.inspector_panel.art_t.boxes[0]
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.selectAll()
    qtbot.keyClicks(box, "1.5")
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.find(art_id).transform.translation[0] == 0.0
    assert box.value() == 0.0
    assert doc.history.can_redo
    window.action_redo.trigger()
    assert doc.find(art_id).transform.translation[0] == pytest.approx(1.5)


def test_ctrl_z_with_no_pending_edit_undoes_the_last_command(make_window, tmp_path, qtbot) -> None:
    window, doc, art_id = _window_with_artifact(make_window, tmp_path, qtbot)
    field = window.inspector_panel.art_name
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.find(art_id) is None  # the import itself was undone
