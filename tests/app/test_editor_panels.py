"""The dock panels driven as a curator would: annotations in two languages, tour steps
reordered and saved, outline reordering, problems, inspector and pins."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QByteArray, Qt

from vitrine.scenes.editing.annotation_commands import PinAnnotation
from vitrine.scenes.exhibit_model import Annotation, Tour, TourStep, Viewpoint
from vitrine.scenes.editing.tour_commands import AddTour, AddTourStep

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY, add_scanned_artifact

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


def project_with_artifact(window, tmp_path: Path) -> str:
    window.new_project(tmp_path / "p")
    return add_scanned_artifact(window, "Bowl", stem="bowl", digit="b", dimensions=(0.25, 0.1, 0.25))


def test_annotation_text_in_both_languages_and_missing_marker(make_window, tmp_path: Path, qtbot) -> None:
    window = make_window()
    art_id = project_with_artifact(window, tmp_path)
    # A pin placed in the viewport creates and selects an annotation.
    ann_id = window.pin_annotation(art_id, (0.0, 0.1, 0.0), (0.0, 2.0, 0.0))
    assert window.session.selection.ids == [ann_id]
    panel = window.annotation_panel
    window.annotation_dock.raise_()
    en, zh = panel.columns["en"], panel.columns["zh-Hans"]
    assert en.title.text() == "New annotation"
    assert zh.missing.isVisibleTo(panel) and not en.missing.isVisibleTo(panel)
    en.title.clear()
    qtbot.keyClicks(en.title, "Glaze")
    en.title.editingFinished.emit()
    qtbot.keyClicks(en.body, "Celadon glaze.")
    ann = window.session.document.find(ann_id)
    assert ann.title["en"] == "Glaze" and ann.body["en"] == "Celadon glaze."
    assert zh.missing.isVisibleTo(panel)
    zh.title.setFocus()
    zh.title.insert("釉色")
    zh.title.textEdited.emit(zh.title.text())
    assert zh.missing.isVisibleTo(panel)  # the body is still missing in Chinese
    zh.body.setPlainText("青瓷釉。")
    assert ann.title["zh-Hans"] == "釉色" and ann.body["zh-Hans"] == "青瓷釉。"
    assert not zh.missing.isVisibleTo(panel) and not en.missing.isVisibleTo(panel)
    window.action_undo.trigger()
    assert "zh-Hans" not in ann.body and zh.missing.isVisibleTo(panel)


def test_tour_steps_reordered_in_the_panel_survive_save_and_reopen(make_window, tmp_path: Path) -> None:
    window = make_window()
    window.new_project(tmp_path / "p")
    panel = window.tour_panel
    tour_id = panel.add_tour("Highlights")
    ids = [panel.capture_step() for _ in range(3)]
    assert [s.id for s in window.session.document.find(tour_id).steps] == ids
    # drag the first step to the end (model-level drop, as the list view does)
    mime = panel.model.mimeData([panel.model.index(0)])
    assert panel.model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, panel.model.index(0).parent())
    assert [s.id for s in window.session.document.find(tour_id).steps] == [ids[1], ids[2], ids[0]]
    assert window.action_undo.text().replace("&", "") == "Undo Reorder Tour Steps"
    # and the last one up with the Move Up button
    panel.steps.setCurrentIndex(panel.model.index(2))
    panel.up_button.click()
    expected = [ids[1], ids[0], ids[2]]
    assert [s.id for s in window.session.document.find(tour_id).steps] == expected
    window.action_save.trigger()
    window.close()
    again = make_window()
    again.open_project(tmp_path / "p.vitrine")
    assert [s.id for s in again.session.document.find(tour_id).steps] == expected
    assert again.tour_panel.model.rowCount() == 3


def test_outline_reorders_by_drop_and_follows_selection(make_window, tmp_path: Path) -> None:
    window = make_window()
    window.new_project(tmp_path / "p")
    for _ in range(3):
        window.action_add_plinth.trigger()
    doc = window.session.document
    ids = [p.id for p in doc.exhibit.plinths]
    model = window.outline_panel.model
    mime = QMimeData()
    mime.setData("application/x-vitrine-outline-id", QByteArray(ids[2].encode()))
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.group_index("plinth"))
    assert [p.id for p in doc.exhibit.plinths] == [ids[2], ids[0], ids[1]]
    view = window.outline_panel.view
    window.relay.select([ids[0]])
    assert [i.data(Qt.ItemDataRole.UserRole + 1) for i in view.selectionModel().selectedIndexes()] == [ids[0]]
    view.selectionModel().select(model.index_of(ids[1]), view.selectionModel().SelectionFlag.ClearAndSelect)
    assert window.session.selection.ids == [ids[1]]
    assert model.setData(model.index_of(ids[1]), "Tall plinth")
    assert doc.find(ids[1]).name == "Tall plinth"
    assert window.action_undo.text().replace("&", "") == "Undo Rename Plinth"


def test_problems_double_click_selects_the_object(make_window, tmp_path: Path, qtbot) -> None:
    window = make_window()
    art_id = project_with_artifact(window, tmp_path)  # its scan file is missing: a problem
    panel = window.problems_panel
    panel.refresh()
    rows = [r for r in range(panel.model.rowCount()) if panel.model.problems[r].object_id == art_id]
    assert rows
    window.problems_dock.raise_()
    qtbot.waitUntil(lambda: panel.view.isVisible())
    window.relay.select([])
    rect = panel.view.visualRect(panel.model.index(rows[0], 1))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.selection.ids == [art_id]


def test_inspector_edits_transform_in_degrees(make_window, tmp_path: Path) -> None:
    window = make_window()
    art_id = project_with_artifact(window, tmp_path)
    window.relay.select([art_id])
    inspector = window.inspector_panel
    assert inspector.stack.currentWidget() is inspector.artifact_page
    assert "25.0 × 10.0 × 25.0 cm" in inspector.art_dims.text()
    inspector.art_r.boxes[1].setValue(90.0)
    inspector.art_r.finished.emit()
    x, y, z, w = window.session.document.find(art_id).transform.rotation
    assert abs(y - 0.70710678) < 1e-6 and abs(w - 0.70710678) < 1e-6
    inspector.art_t.boxes[0].setValue(1.5)
    assert window.session.document.find(art_id).transform.translation[0] == 1.5
    assert window.action_undo.text().replace("&", "") == "Undo Move Artifact"
    window.action_undo.trigger()
    assert inspector.art_t.boxes[0].value() == 0.0


def test_record_panel_edits_record_and_rights(make_window, tmp_path: Path) -> None:
    window = make_window()
    art_id = project_with_artifact(window, tmp_path)
    window.relay.select([art_id])
    panel = window.record_panel
    panel.fields["identifier"].setText("1923.45")
    panel.fields["identifier"].editingFinished.emit()
    combo = panel.model_rights.statement
    combo.setCurrentIndex(combo.findData("https://creativecommons.org/licenses/by/4.0/"))
    combo.activated.emit(combo.currentIndex())
    art = window.session.document.find(art_id)
    assert art.record.identifier == "1923.45"
    assert art.rights.model.statement_uri == "https://creativecommons.org/licenses/by/4.0/"
    assert window.action_undo.text().replace("&", "") == "Undo Edit Rights"
