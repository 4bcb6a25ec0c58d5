"""`vitrine add` places each scan: free floor space, its own plinth (or the floor), facing the
start view, every artifact in the start view; the placement is one undo step."""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
import trimesh

from vitrine.app.cli import main
from vitrine.app.workflows.placement import artifact_box, placed_import_command, plinth_box, plinth_under
from vitrine.app.workflows.project_import import import_scan
from vitrine.scenes.editing.exhibit_commands import SetStartViewpoint
from vitrine.scenes.layout.footprints import box_footprint, overlaps
from vitrine.scenes.layout.framing import in_frustum
from vitrine.scenes.storage.project_store import Project

# (width, height, depth) m: a small object (plinth), a tall one and a wide one (the floor)
SIZES = {"vase": (0.3, 0.4, 0.2), "statue": (0.5, 1.5, 0.5), "chest": (1.2, 0.8, 0.4)}


def write_box(folder: Path, name: str, size: tuple[float, float, float]) -> Path:
    path = folder / f"{name}.stl"
    trimesh.creation.box(extents=size).export(path)
    return path


@pytest.fixture()
def project_with_three(tmp_path: Path, capsys) -> Project:
    assert main(["new", str(tmp_path / "layout")]) == 0
    path = Path(capsys.readouterr().out.strip())
    for name, size in SIZES.items():
        assert main(["add", str(path), str(write_box(tmp_path, name, size)), "--units", "m", "--up", "y",
                     "--name", name]) == 0
    capsys.readouterr()
    return Project.open(path)


def corners(lo: np.ndarray, hi: np.ndarray) -> list[tuple[float, float, float]]:
    return [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]


def test_three_added_scans_stand_apart_on_plinths_or_the_floor_all_in_the_start_view(project_with_three) -> None:
    doc = project_with_three.document
    ex = doc.exhibit
    by_name = {a.name: a for a in ex.artifacts}
    assert [by_name[n].mount for n in SIZES] == ["plinth", "floor", "floor"]
    assert len(ex.plinths) == 1
    vase = by_name["vase"]
    plinth = plinth_under(doc, vase)
    assert plinth is ex.plinths[0]
    assert math.isclose(plinth.size[1], 1.2 - 0.4 / 2, abs_tol=1e-6)  # the vase's centre at 1.2 m
    lo, hi = artifact_box(doc, vase)
    assert math.isclose((lo[1] + hi[1]) / 2, 1.2, abs_tol=1e-6)
    for name in ("statue", "chest"):
        assert by_name[name].transform.translation[1] == 0.0 and plinth_under(doc, by_name[name]) is None
    # footprints (the vase's is its plinth's) never overlap
    rects = [box_footprint(*plinth_box(plinth)), box_footprint(*artifact_box(doc, by_name["statue"])),
             box_footprint(*artifact_box(doc, by_name["chest"]))]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not overlaps(a, b), (a, b)
    # every corner of every artifact is inside the start view (landscape or square screens)
    start = doc.get(ex.start_viewpoint_id)
    assert ex.start_view_manual is False
    for art in ex.artifacts:
        for c in corners(*artifact_box(doc, art)):
            assert in_frustum(c, start.eye, start.target, start.fov, aspect=1.0), (art.name, c)
    # each faces the start view: its front (+z) turned towards the eye's side
    for art in ex.artifacts:
        x, _, z = art.transform.translation
        q = art.transform.rotation
        front = (2 * (q[0] * q[2] + q[1] * q[3]), 1 - 2 * (q[0] ** 2 + q[1] ** 2))  # rotated +z in (x, z)
        to_eye = (start.eye[0] - start.target[0], start.eye[2] - start.target[2])
        assert front[0] * to_eye[0] + front[1] * to_eye[1] > 0.9 * math.hypot(*to_eye)


def test_the_saved_document_says_how_each_stands(project_with_three) -> None:
    data = json.loads((project_with_three.path / "exhibit.json").read_text("utf-8"))
    assert sorted(a["mount"] for a in data["artifacts"]) == ["floor", "floor", "plinth"]
    assert data["start_view_manual"] is False and data["schema_version"] == 3


def test_a_start_view_set_by_hand_is_left_alone(project_with_three, tmp_path: Path, capsys) -> None:
    project = project_with_three
    doc = project.document
    doc.history.push(SetStartViewpoint(doc, doc.exhibit.start_viewpoint_id))
    start = doc.get(doc.exhibit.start_viewpoint_id)
    eye_before = tuple(start.eye)
    project.save()
    assert main(["add", str(project.path), str(write_box(tmp_path, "bowl", (0.3, 0.2, 0.3))), "--units", "m"]) == 0
    reopened = Project.open(project.path)
    assert reopened.document.exhibit.start_view_manual is True
    assert tuple(reopened.document.get(reopened.document.exhibit.start_viewpoint_id).eye) == eye_before


def test_placement_is_one_undo_step_with_the_import(project_with_three, tmp_path: Path) -> None:
    project = project_with_three
    doc = project.document
    before = (len(doc.exhibit.artifacts), len(doc.exhibit.plinths), tuple(doc.get(doc.exhibit.start_viewpoint_id).eye))
    result = import_scan(project, write_box(tmp_path, "cup", (0.1, 0.1, 0.1)), units="m", up="y")
    doc.history.push(placed_import_command(doc, result.command, result.artifact_id))
    assert len(doc.exhibit.artifacts) == 4 and len(doc.exhibit.plinths) == 2
    assert doc.history.undo_label == "Import Scan"
    assert doc.history.undo()
    after = (len(doc.exhibit.artifacts), len(doc.exhibit.plinths), tuple(doc.get(doc.exhibit.start_viewpoint_id).eye))
    assert after == before
    assert doc.history.redo()
    cup = doc.get(result.artifact_id)
    assert cup.mount == "plinth" and plinth_under(doc, cup) is not None


def test_a_scan_found_upside_down_on_its_side_is_added_and_saved(tmp_path: Path) -> None:
    # The up-axis guess can be a negative axis (here a vase lying with its mouth towards
    # +X, so -X is up); the exhibit must accept the placement the import applied.
    from vitrine.assets.geometry.procedural_meshes import lathe_vessel
    vase = lathe_vessel()
    path = tmp_path / "vase.ply"
    trimesh.Trimesh(vase.vertices @ np.array([[0, 1, 0], [-1, 0, 0], [0, 0, 1]]).T, vase.faces,
                    process=False).export(path)
    project = Project.create(tmp_path / "p")
    assert main(["add", str(project.path), str(path)]) == 0
    asset = Project.open(project.path).document.exhibit.assets[0]
    assert asset.up_axis == "-x"
