"""Importing: a bad file is refused before the options dialog, the dialog shows the scan's
inspection report and a thumbnail of the scan as it will stand (units and up axis change it
live), the status bar names the imported artifact, and Frame Selection frames everything
when nothing is selected."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh
from PySide6.QtWidgets import QFileDialog

from vitrine.app.dialogs.import_dialog import ImportOptionsDialog, inspect_for_preview

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


def test_a_text_file_renamed_ply_is_refused_before_the_options_dialog(make_window, tmp_path, monkeypatch, dialogs) -> None:
    fake = tmp_path / "notes.ply"
    fake.write_text("Shopping list: eggs, milk\n", encoding="utf-8")
    window = make_window()
    window.new_project(tmp_path / "p")
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(fake), "")))
    monkeypatch.setattr(ImportOptionsDialog, "get_options", classmethod(lambda cls, path, parent=None: asked.append(path)))
    window.action_import.trigger()
    assert asked == []
    assert len(dialogs.errors) == 1
    assert dialogs.errors[0][0] == "notes.ply: is not a PLY file: it does not start with 'ply'"
    assert window.jobs is not None and window.session.document.exhibit.artifacts == []


def _z_up_box(tmp_path: Path) -> Path:
    """A box 100 × 200 × 600 mm, tallest along Z (a scanner's Z-up export)."""
    path = tmp_path / "stele.ply"
    trimesh.creation.box(extents=(100.0, 200.0, 600.0)).export(path)
    return path


def _drawn_extent(image) -> tuple[float, float]:
    """(width, height) of what is painted, as fractions of the taller side."""
    arr = np.frombuffer(image.convertToFormat(image.Format.Format_RGB32).constBits(), np.uint8,
                        count=image.sizeInBytes()).reshape(image.height(), image.width(), 4)
    drawn = np.argwhere(np.abs(arr[..., :3].astype(int) - [50, 43, 40]).sum(axis=2) > 30)  # BGRA: not the background
    h, w = np.ptp(drawn[:, 0]) + 1, np.ptp(drawn[:, 1]) + 1
    return w / max(h, w), h / max(h, w)


def test_import_dialog_shows_report_and_a_live_thumbnail(qtbot, tmp_path) -> None:
    path = _z_up_box(tmp_path)
    report, vertices, faces = inspect_for_preview(path)
    assert report is not None and vertices.shape == (8, 3) and faces.shape == (12, 3)
    dialog = ImportOptionsDialog(str(path), None, report, vertices, faces)
    qtbot.addWidget(dialog)
    text = dialog.report_view.toPlainText()
    assert "Format: PLY" in text and "12 faces" in text and "{" not in text  # readable, not JSON
    assert not dialog.preview.pixmap().isNull()
    dialog.units.setCurrentIndex(dialog.units.findData("mm"))
    dialog.up.setCurrentIndex(dialog.up.findData("z"))
    assert dialog.size_label.text() == "As it will stand: 10.0 × 60.0 × 20.0 cm (W × H × D)"
    standing = dialog.preview.pixmap().toImage()
    dialog.up.setCurrentIndex(dialog.up.findData("y"))
    assert dialog.size_label.text() == "As it will stand: 10.0 × 20.0 × 60.0 cm (W × H × D)"
    lying = dialog.preview.pixmap().toImage()
    assert standing != lying  # the thumbnail follows the up axis
    # standing (Z up): a tall shape, 10 cm wide and 60 cm high; lying: 10 × 20 cm
    assert _drawn_extent(standing) == pytest.approx((10 / 60, 1.0), abs=0.05)
    assert _drawn_extent(lying) == pytest.approx((0.5, 1.0), abs=0.05)
    dialog.units.setCurrentIndex(dialog.units.findData("cm"))
    assert dialog.size_label.text() == "As it will stand: 100.0 × 200.0 × 600.0 cm (W × H × D)"
    assert dialog.options() == {"name": "Stele", "units": "cm", "up": "y"}


def test_status_bar_names_the_artifact_and_frame_selection_frames_everything(make_window, tmp_path, qtbot) -> None:
    scan = tmp_path / "painted_vase.ply"
    trimesh.creation.box(extents=(0.1, 0.2, 0.3)).export(scan)
    window = make_window()
    window.new_project(tmp_path / "p")
    job = window.import_scan(scan, name="Painted vase", units="m", up="y")
    doc = window.session.document
    qtbot.waitUntil(lambda: len(doc.exhibit.artifacts) == 1, timeout=60000)
    assert window.statusBar().currentMessage().startswith("Imported Painted vase")
    assert job.finished
    window.relay.select([])
    assert window.action_frame.isEnabled()
    window.viewport.set_camera((30.0, 30.0, 30.0), (20.0, 0.0, 20.0))
    window.action_frame.trigger()
    target = np.asarray(window.viewport.camera_state()["target"], float)
    assert np.linalg.norm(target - np.asarray(window.viewport.scene_sphere()[0])) < 1e-6
