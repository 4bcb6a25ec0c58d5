"""The exported room in the viewer: floor and walls (cut around a doorway) at true size."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh

from tests.browser.browser_run import MISSING, run_check
from tests.browser.viewer_project import VIEWER_DIR
from vitrine.app.workflows.placement import placed_import_command
from vitrine.app.workflows.project_import import import_scan
from vitrine.scenes.editing.commands import SetProperty
from vitrine.scenes.exhibit_model import Opening, Room
from vitrine.scenes.layout.room_walls import piece_corners, wall_pieces
from vitrine.scenes.storage.project_store import Project

pytestmark = pytest.mark.browser
if MISSING:
    pytestmark = [pytest.mark.browser, pytest.mark.skip(reason=MISSING)]

ROOM = Room(width=7.0, depth=5.0, wall_height=3.2, wall_color="#c8b89a",
            openings=[Opening("front", 1.0, 1.4, 2.3), Opening("left", 0.0, 1.0, 2.0)])


def room_bundle(tmp_path: Path) -> Path:
    from vitrine.exporters.bundle.bundle_writer import export_bundle
    project = Project.create(tmp_path / "room.vitrine", title="Room")
    doc = project.document
    doc.history.push(SetProperty(doc, doc.exhibit.id, ("environment", "room"), ROOM))
    for name, size in (("a", (0.3, 0.4, 0.3)), ("b", (0.6, 1.4, 0.6)), ("c", (0.2, 0.2, 0.2))):
        path = tmp_path / f"{name}.stl"
        trimesh.creation.box(extents=size).export(path)
        result = import_scan(project, path, units="m", up="y")
        doc.history.push(placed_import_command(doc, result.command, result.artifact_id))
    project.save()
    return export_bundle(project, tmp_path / "bundle", viewer_dir=VIEWER_DIR).out_dir


def test_the_viewer_builds_the_room_walls_at_true_size(tmp_path: Path) -> None:
    bundle = room_bundle(tmp_path)
    result = run_check(bundle, "room", tmp_path, "--out", str(tmp_path / "room.png"), "--viewport", "960x600")
    assert result["pass"], result
    room = result["room"]
    assert np.allclose(room["floor"]["min"], (-3.5, 0.0, -2.5), atol=1e-4)
    assert np.allclose(room["floor"]["max"], (3.5, 0.0, 2.5), atol=1e-4)
    expected = sorted((tuple(np.round(piece_corners(ROOM, p).min(axis=0), 4)), tuple(np.round(piece_corners(ROOM, p).max(axis=0), 4)))
                      for p in wall_pieces(ROOM))
    built = sorted((tuple(np.round(w["min"], 4)), tuple(np.round(w["max"], 4))) for w in room["walls"])
    assert built == expected
    # the doorway in the front wall: no wall below 2.3 m between x = -1.7 and -0.3 (u runs to -x there)
    front = [w for w in room["walls"] if w["name"].startswith("room-wall:front")]
    for w in front:
        overlaps_door = w["min"][0] < -0.3 - 1e-4 and w["max"][0] > -1.7 + 1e-4
        assert not overlaps_door or w["min"][1] >= 2.3 - 1e-4, w
    # walls reach 3.2 m
    assert max(w["max"][1] for w in room["walls"]) == pytest.approx(3.2)
