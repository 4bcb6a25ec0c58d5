"""The editor window end to end: projects, undo/redo through the Edit menu, closing,
autosave and recovery, import through the File menu, and the Chinese UI."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from vitrine.scenes.editing.annotation_commands import EditAnnotationText, PinAnnotation, SetAnnotationMarker, delete_annotation
from vitrine.scenes.editing.artifact_commands import (
    EditArtifactRights, EditCapture, EditObjectRecord, MoveArtifact, SetArtifactVisibility, SetDisplaySetting,
    delete_artifact, duplicate_artifact,
)
from vitrine.scenes.editing.exhibit_commands import EditExhibitText, RenameObject, SetClassifications
from vitrine.scenes.exhibit_model import (
    Annotation, CaptureProvenance, Light, Plinth, Rights, Tour, TourStep, Transform, Viewpoint,
)
from vitrine.scenes.editing.furniture_commands import (
    AddLight, AddPlinth, AddViewpoint, DeletePlinth, EditLight, MovePlinth, ResizePlinth, RenameViewpoint,
    delete_viewpoint,
)
from vitrine.scenes.storage.project_store import Project
from vitrine.scenes.storage.serialization import to_dict
from vitrine.scenes.editing.tour_commands import AddTour, AddTourStep, EditNarration, RemoveTourStep, ReorderTourSteps

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY, add_scanned_artifact, chinese_ui

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


def add_artifact(window, name: str = "Vase") -> str:
    return add_scanned_artifact(window, name)


def menu_text(action) -> str:
    return action.text().replace("&", "")


def test_create_save_close_and_reopen(make_window, tmp_path: Path) -> None:
    window = make_window()
    assert window.new_project(tmp_path / "gallery")
    assert window.windowTitle() == "gallery[*] — Vitrine" and not window.isWindowModified()
    window.action_add_plinth.trigger()
    assert window.isWindowModified()
    window.action_save.trigger()
    assert not window.isWindowModified()
    window.close()
    again = make_window()
    assert again.open_project(tmp_path / "gallery.vitrine")
    assert [p.name for p in again.session.document.exhibit.plinths] == ["Plinth"]
    assert not again.isWindowModified()
    assert str(tmp_path / "gallery.vitrine") in again.settings.value("recent/files")


def test_open_error_is_one_line_message(make_window, tmp_path: Path, dialogs) -> None:
    window = make_window()
    assert not window.open_project(tmp_path / "nowhere.vitrine")
    assert len(dialogs.errors) == 1 and "\n" not in dialogs.errors[0][0]
    assert "Traceback" not in dialogs.errors[0][0] + dialogs.errors[0][1]


def every_kind_of_command(doc, art_id: str):
    """(label, builder) for one command of each kind the document knows."""
    ann = doc.exhibit.annotations[0].id
    plinth = Plinth(name="P")
    vp = Viewpoint(name={"en": "V"})
    tour = Tour(title={"en": "T"})
    return [
        ("Edit Exhibit Text", lambda: EditExhibitText(doc, "title", "en", "Hall")),
        ("Edit Classifications", lambda: SetClassifications(doc, ["vase"])),
        ("Move Artifact", lambda: MoveArtifact(doc, art_id, Transform(translation=(1.0, 0.0, 0.0)))),
        ("Rename Artifact", lambda: RenameObject(doc, art_id, "Jar")),
        ("Show/Hide Artifact", lambda: SetArtifactVisibility(doc, art_id, False)),
        ("Change Display Setting", lambda: SetDisplaySetting(doc, art_id, "roughness", 0.2)),
        ("Edit Object Record", lambda: EditObjectRecord(doc, art_id, "maker", "Potter")),
        ("Edit Rights", lambda: EditArtifactRights(doc, art_id, "model", Rights("https://creativecommons.org/licenses/by/4.0/"))),
        ("Edit Capture Details", lambda: EditCapture(doc, "a" * 64, CaptureProvenance(captured_by="Li"))),
        ("Duplicate Artifact", lambda: duplicate_artifact(doc, art_id)),
        ("Add Plinth", lambda: AddPlinth(doc, plinth)),
        ("Move Plinth", lambda: MovePlinth(doc, plinth.id, Transform(translation=(0.0, 0.0, 1.0)))),
        ("Resize Plinth", lambda: ResizePlinth(doc, plinth.id, (1.0, 1.0, 1.0))),
        ("Delete Plinth", lambda: DeletePlinth(doc, plinth.id)),
        ("Add Light", lambda: AddLight(doc, Light(name="L"))),
        ("Edit Light", lambda: EditLight(doc, doc.exhibit.lights[0].id, "intensity", 3.0)),
        ("Add Viewpoint", lambda: AddViewpoint(doc, vp)),
        ("Rename Viewpoint", lambda: RenameViewpoint(doc, vp.id, "en", "W")),
        ("Edit Annotation Text", lambda: EditAnnotationText(doc, ann, "body", "en", "Text")),
        ("Change Marker", lambda: SetAnnotationMarker(doc, ann, "color", "#ff0000")),
        ("Add Tour", lambda: AddTour(doc, tour)),
        ("Add Tour Step", lambda: AddTourStep(doc, tour.id, TourStep(viewpoint_id=vp.id))),
        ("Edit Narration", lambda: EditNarration(doc, tour.steps[0].id if False else doc.exhibit.tours[0].steps[0].id, "en", "Hi")),
        ("Remove Tour Step", lambda: RemoveTourStep(doc, doc.exhibit.tours[0].steps[0].id)),
        ("Delete Viewpoint", lambda: delete_viewpoint(doc, vp.id)),
        ("Delete Annotation", lambda: delete_annotation(doc, ann)),
        ("Delete Artifact", lambda: delete_artifact(doc, art_id)),
    ]


def test_undo_and_redo_every_kind_of_command_through_the_edit_menu(make_window, tmp_path: Path) -> None:
    window = make_window()
    window.new_project(tmp_path / "p")
    doc = window.session.document
    art_id = add_artifact(window)
    window.relay.push(PinAnnotation(doc, Annotation(artifact_id=art_id, title={"en": "Rim"})))
    assert menu_text(window.action_undo) == "Undo Pin Annotation"
    for label, build in every_kind_of_command(doc, art_id):
        before = to_dict(doc.exhibit)
        window.relay.push(build())
        doc.history.seal()
        after = to_dict(doc.exhibit)
        assert after != before, label
        assert menu_text(window.action_undo) == f"Undo {label}"
        window.action_undo.trigger()
        assert to_dict(doc.exhibit) == before, label
        assert menu_text(window.action_redo) == f"Redo {label}"
        window.action_redo.trigger()
        assert to_dict(doc.exhibit) == after, label
    while window.action_undo.isEnabled():
        window.action_undo.trigger()
    assert doc.exhibit.artifacts == [] and menu_text(window.action_undo) == "Undo"


def test_edit_menu_delete_duplicate_copy_paste(make_window, tmp_path: Path) -> None:
    window = make_window()
    window.new_project(tmp_path / "p")
    doc = window.session.document
    art_id = add_artifact(window)
    window.relay.select([art_id])
    window.action_duplicate.trigger()
    assert len(doc.exhibit.artifacts) == 2 and menu_text(window.action_undo) == "Undo Duplicate Artifact"
    window.relay.select([art_id])
    window.action_copy.trigger()
    window.action_paste.trigger()
    assert len(doc.exhibit.artifacts) == 3 and menu_text(window.action_undo) == "Undo Paste"
    window.action_select_all.trigger()
    window.action_delete.trigger()
    assert doc.exhibit.artifacts == []
    window.action_undo.trigger()
    assert len(doc.exhibit.artifacts) == 3


def test_close_with_unsaved_changes_asks(make_window, tmp_path: Path, dialogs) -> None:
    window = make_window()
    window.new_project(tmp_path / "p")
    window.action_add_light.trigger()
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible() and len(dialogs.questions) == 1
    dialogs.answer = QMessageBox.StandardButton.Save
    window.close()
    assert not window.isVisible()
    assert len(Project.open(tmp_path / "p.vitrine").document.exhibit.lights) == 1


def test_close_discarding_changes(make_window, tmp_path: Path, dialogs) -> None:
    window = make_window()
    window.new_project(tmp_path / "p")
    window.action_add_light.trigger()
    dialogs.answer = QMessageBox.StandardButton.Discard
    window.close()
    assert not window.isVisible()
    assert Project.open(tmp_path / "p.vitrine").document.exhibit.lights == []


def test_autosave_then_recovery_after_a_crash(make_window, tmp_path: Path, qtbot, dialogs) -> None:
    window = make_window()
    window.new_project(tmp_path / "p")
    window.autosave_timer.setInterval(50)
    window.action_add_plinth.trigger()
    project = window.project
    qtbot.waitUntil(lambda: project.recovery() is not None, timeout=3000)
    # "Crash": the window goes away without saving; the recovery file stays.
    window.session.set_project(None)
    dialogs.answer = QMessageBox.StandardButton.Yes
    again = make_window()
    assert again.open_project(tmp_path / "p.vitrine")
    assert any("not saved" in q for q in dialogs.questions)
    assert len(again.session.document.exhibit.plinths) == 1
    assert again.isWindowModified()


def test_import_scan_through_the_file_menu(make_window, tmp_path: Path, qtbot, monkeypatch) -> None:
    import trimesh
    from PySide6.QtWidgets import QFileDialog
    from vitrine.app.dialogs.import_dialog import ImportOptionsDialog

    scan = tmp_path / "cube.ply"
    trimesh.creation.box(extents=(0.1, 0.2, 0.3)).export(scan)
    window = make_window()
    window.new_project(tmp_path / "p")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(scan), "")))
    monkeypatch.setattr(ImportOptionsDialog, "get_options",
                        classmethod(lambda cls, path, parent=None: {"name": "Cube", "units": "m", "up": "y"}))
    window.action_import.trigger()
    doc = window.session.document
    qtbot.waitUntil(lambda: len(doc.exhibit.artifacts) == 1, timeout=60000)
    assert doc.exhibit.artifacts[0].name == "Cube"
    assert window.session.selection.ids == [doc.exhibit.artifacts[0].id]
    assert menu_text(window.action_undo) == "Undo Import Scan"
    window.action_undo.trigger()
    assert doc.exhibit.artifacts == []


def test_bad_scan_shows_a_message_not_a_traceback(make_window, tmp_path: Path, qtbot, dialogs) -> None:
    bad = tmp_path / "broken.ply"
    bad.write_bytes(b"ply\nformat nonsense\n")
    window = make_window()
    window.new_project(tmp_path / "p")
    job = window.import_scan(bad)
    assert job is not None
    qtbot.waitUntil(lambda: job.finished, timeout=30000)
    assert len(dialogs.errors) == 1
    message, details = dialogs.errors[0]
    assert "broken.ply" in message and "\n" not in message and "Traceback" not in details
    assert window.session.document.exhibit.artifacts == []


def test_chinese_ui(make_window, qtbot) -> None:
    with chinese_ui():
        window = make_window()
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:2] == ["文件(&F)", "编辑(&E)"] and "视图(&V)" in titles and "帮助(&H)" in titles
        assert window.outline_dock.windowTitle() == "大纲"
        window.new_project(Path(window.settings.fileName()).parent / "zh")
        window.action_add_plinth.trigger()
        assert window.action_undo.text() == "撤销添加展台(&U)"
