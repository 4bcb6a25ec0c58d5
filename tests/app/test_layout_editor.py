"""Layout in the editor: a dropped scan lands at the drop point moved to the nearest free
space (one undo step), the Arrange menu arranges as one step, the room is drawn."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from vitrine.app.window.drop_placement import floor_point_under
from vitrine.app.workflows.placement import artifact_box, plinth_box, plinth_under
from vitrine.scenes.editing.commands import SetProperty
from vitrine.scenes.exhibit_model import Room
from vitrine.scenes.layout.footprints import CLEARANCE, box_footprint, find_free_spot, overlaps
from vitrine.scenes.storage.serialization import to_dict

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


def drop(window, path: Path, at: QPoint) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(window.viewport.mapTo(window, at))
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def unit_rect(doc, art):
    plinth = plinth_under(doc, art)
    return box_footprint(*(plinth_box(plinth) if plinth else artifact_box(doc, art)))


def test_dropped_scans_land_at_the_drop_point_or_the_nearest_free_space(make_window, tmp_path: Path, qtbot) -> None:
    scan = tmp_path / "bowl.ply"
    trimesh.creation.box(extents=(0.3, 0.25, 0.3)).export(scan)
    window = make_window()
    window.new_project(tmp_path / "drop")
    window.viewport.set_camera((0.0, 3.0, 4.0), (0.0, 0.0, 0.0), fov=0.9)
    doc = window.session.document
    at = QPoint(window.viewport.width() * 3 // 4, window.viewport.height() // 2)
    point = floor_point_under(window.viewport, at)
    assert point is not None
    drop(window, scan, at)
    qtbot.waitUntil(lambda: len(doc.exhibit.artifacts) == 1, timeout=60000)
    first = doc.exhibit.artifacts[0]
    assert first.mount == "plinth"
    assert np.allclose((first.transform.translation[0], first.transform.translation[2]), point, atol=1e-6)
    # the same spot again: moved to the nearest spot clear of the first
    point = floor_point_under(window.viewport, at)
    drop(window, scan, at)
    qtbot.waitUntil(lambda: len(doc.exhibit.artifacts) == 2, timeout=60000)
    a, b = (unit_rect(doc, x) for x in doc.exhibit.artifacts)
    assert not overlaps(a, b, CLEARANCE - 1e-6)
    assert np.allclose((b.cx, b.cz), find_free_spot((b.width, b.depth), [a], point), atol=1e-6)
    assert np.hypot(b.cx - point[0], b.cz - point[1]) < 1.0
    assert window.session.document.history.undo_label == "Import Scan"
    window.action_undo.trigger()
    assert len(doc.exhibit.artifacts) == 1 and len(doc.exhibit.plinths) == 1


def test_the_arrange_menu_makes_a_row_in_one_undo_step(make_window, tmp_path: Path, qtbot) -> None:
    from vitrine.app.workflows.placement import placed_import_command
    from vitrine.app.workflows.project_import import import_scan
    window = make_window()
    window.new_project(tmp_path / "arr")
    doc = window.session.document
    for i, size in enumerate(((0.3, 0.3, 0.3), (0.2, 0.5, 0.2), (0.5, 0.2, 0.4))):
        path = tmp_path / f"s{i}.stl"
        trimesh.creation.box(extents=size).export(path)
        result = import_scan(window.project, path, units="m", up="y")
        window.relay.push(placed_import_command(doc, result.command, result.artifact_id))
    ids = [a.id for a in doc.exhibit.artifacts]
    window.relay.push(SetProperty(doc, ids[2], ("transform", "translation"), (0.0, 0.7, 3.0)))
    window.relay.push(SetProperty(doc, doc.exhibit.plinths[2].id, ("transform", "translation"), (0.0, 0.0, 3.0)))
    before = to_dict(doc.exhibit)
    window.relay.select(ids)
    window.action_arrange_row.trigger()
    rects = [unit_rect(doc, doc.get(i)) for i in ids]
    assert len({round(r.cz, 6) for r in rects}) == 1  # one row
    assert all(not overlaps(p, q, CLEARANCE - 1e-6) for k, p in enumerate(rects) for q in rects[k + 1:])
    assert window.session.document.history.undo_label == "Arrange in a Row"
    window.action_undo.trigger()
    assert to_dict(doc.exhibit) == before


def test_the_viewport_draws_the_room_walls(make_window, tmp_path: Path, qtbot) -> None:
    window = make_window()
    window.new_project(tmp_path / "room")
    doc = window.session.document
    window.viewport.set_camera((0.0, 1.5, 2.0), (0.0, 1.5, -3.0), fov=0.8)
    centre = (window.viewport.width() // 2, window.viewport.height() // 2)

    def centre_rgb():
        window.viewport.update()
        qtbot.wait(50)
        image = window.viewport.grab_image()
        c = image.pixelColor(image.width() // 2, image.height() // 2)
        return np.array([c.red(), c.green(), c.blue()])

    without = centre_rgb()
    window.relay.push(SetProperty(doc, doc.exhibit.id, ("environment", "room"),
                                  Room(width=8.0, depth=6.0, wall_height=3.0, wall_color="#c03020")))
    with_room = centre_rgb()
    assert with_room[0] > with_room[1] + 40 and with_room[0] > with_room[2] + 40, (without, with_room)  # the red back wall
    # seen from outside, behind the front wall, the near wall does not hide the room
    window.viewport.set_camera((0.0, 1.5, 6.0), (0.0, 1.5, -3.0), fov=0.8)
    outside = centre_rgb()
    assert outside[0] > outside[1] + 40 and outside[0] > outside[2] + 40, outside  # still the back wall


def test_the_inspector_mount_snaps_onto_a_wall_in_one_step(make_window, tmp_path: Path, qtbot, dialogs) -> None:
    from vitrine.app.workflows.placement import placed_import_command
    from vitrine.app.workflows.project_import import import_scan
    window = make_window()
    window.new_project(tmp_path / "insp")
    doc = window.session.document
    path = tmp_path / "relief.stl"
    trimesh.creation.box(extents=(0.5, 0.4, 0.05)).export(path)
    result = import_scan(window.project, path, units="m", up="y")
    window.relay.push(placed_import_command(doc, result.command, result.artifact_id))
    window.relay.select([result.artifact_id])
    group = window.inspector_panel.art_placement
    assert group.mount.currentData() == "plinth"
    wall = group.mount.findData("wall")
    group.mount.setCurrentIndex(wall)
    group.mount.activated.emit(wall)
    assert dialogs.errors and "no room" in dialogs.errors[0][0]
    assert doc.get(result.artifact_id).mount == "plinth" and group.mount.currentData() == "plinth"
    window.relay.push(SetProperty(doc, doc.exhibit.id, ("environment", "room"), Room(width=6.0, depth=4.0)))
    before = to_dict(doc.exhibit)
    group.mount.setCurrentIndex(wall)
    group.mount.activated.emit(wall)
    art = doc.get(result.artifact_id)
    assert art.mount == "wall" and group.mount.currentData() == "wall"
    lo, hi = artifact_box(doc, art)
    assert lo[2] == pytest.approx(-2.0, abs=1e-6)  # its back against the back wall, the nearest
    assert (lo[1] + hi[1]) / 2 == pytest.approx(1.45, abs=1e-6)
    window.action_undo.trigger()
    assert to_dict(doc.exhibit) == before
