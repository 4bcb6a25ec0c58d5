"""The import dialog plots level-of-detail error against face count (issue 17 part 6): one
point per simplified level of the scan being imported, error falling as faces rise."""
from __future__ import annotations

import pytest

from vitrine.app.dialogs.import_dialog import ImportOptionsDialog, preview_scan
from vitrine.assets.levels.level_of_detail import LOD_BUDGETS
from vitrine.assets.levels.lod_error import level_errors

from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


@pytest.fixture
def bunny(scan):
    """The real Stanford bunny (69,451 faces) from the shared scans."""
    return scan("stanford-bunny/bunny.obj")


def _bunny_dialog(qtbot, path) -> ImportOptionsDialog:
    """The import dialog for the bunny, without its thumbnail: PySide6 6.12.0 on Python 3.11
    drops a reference to None on every void Qt call, and two 20,000-triangle thumbnails in
    one process (3 calls a triangle) exhaust None's count and abort the interpreter."""
    report, _vertices, _faces, mesh = preview_scan(path)
    dialog = ImportOptionsDialog(str(path), None, report, None, None, mesh)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.scans
def test_the_import_dialog_plots_one_point_per_level_error_falling_with_faces(qtbot, bunny) -> None:
    dialog = _bunny_dialog(qtbot, bunny)
    mesh = preview_scan(bunny)[3]
    qtbot.waitUntil(lambda: dialog.lod_plot.errors is not None, timeout=60_000)
    expected = [b for b in LOD_BUDGETS.values() if b < len(mesh.faces)]  # the levels build_levels makes
    points = dialog.lod_plot.points()
    assert len(points) == len(expected) >= 2
    faces_axis = [f for f, _ in points]
    errors = [e for _, e in points]
    assert faces_axis == sorted(faces_axis)
    assert all(0 < later < earlier for earlier, later in zip(errors, errors[1:])), errors
    # the plotted values are those computed (log10 undone), within float rounding
    for (f, e), level in zip(points, dialog.lod_plot.errors):
        assert f == pytest.approx(level.faces) and e == pytest.approx(level.rms_error)
    assert dialog.lod_plot.plot.getPlotItem().getAxis("left").logMode
    assert dialog.lod_plot.plot.getPlotItem().getAxis("bottom").logMode
    assert dialog.lod_plot.status.text() == f"{len(expected)} levels; the full scan is the reference (error 0)."


def test_a_scan_too_small_for_levels_says_so_and_plots_nothing(qtbot, tmp_path) -> None:
    import trimesh
    path = tmp_path / "box.ply"
    trimesh.creation.box().export(path)
    report, vertices, faces, mesh = preview_scan(path)
    assert level_errors(mesh) == []
    dialog = ImportOptionsDialog(str(path), None, report, vertices, faces, mesh)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.lod_plot.errors is not None, timeout=30_000)
    assert dialog.lod_plot.points() == []
    assert dialog.lod_plot.status.text() == "The scan is small enough to be published whole: no simpler level."


@pytest.mark.scans
def test_closing_the_dialog_stops_the_estimate(qtbot, bunny) -> None:
    import threading
    dialog = _bunny_dialog(qtbot, bunny)
    dialog.show()
    dialog.reject()  # the curator cancels at once
    assert dialog.lod_plot.cancel.cancelled
    for thread in [t for t in threading.enumerate() if t.name == "lod-error"]:
        thread.join(timeout=60)
        assert not thread.is_alive()
    qtbot.wait(50)  # nothing queued: a cancelled estimate reports nothing
    assert dialog.lod_plot.errors is None
