"""inspect_scan on generated meshes: topology problems, unit and up-axis guesses, JSON and text."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import trimesh

from vitrine.assets.inspection import format_report_text, guess_units, inspect_scan
from vitrine.assets.scan_model import Scan


def _scan(mesh: trimesh.Trimesh, fmt: str = "PLY") -> Scan:
    return Scan(Path("generated.ply"), fmt, mesh=mesh)


def _codes(report: dict) -> dict[str, dict]:
    return {p["code"]: p for p in report["problems"]}


def test_clean_closed_mesh_has_no_problems():
    report = inspect_scan(_scan(trimesh.creation.icosphere(2)))
    assert report["watertight"] and report["components"] == 1
    assert not [p for p in report["problems"] if p["severity"] != "info"]
    json.dumps(report)


def test_topology_problems_are_counted():
    sphere = trimesh.creation.icosphere(2)
    faces = sphere.faces[sphere.triangles_center[:, 2] < 0.9]       # open a hole at the top
    faces = np.vstack([faces, faces[:2], [[0, 0, 1]]])               # 2 duplicates, 1 degenerate
    extra = np.vstack([sphere.vertices, [[5, 5, 5]]])
    faces = np.vstack([faces, [[faces[5][0], faces[5][1], len(extra) - 1]]])  # a fin: non-manifold edge
    report = inspect_scan(_scan(trimesh.Trimesh(extra, faces, process=False)))
    codes = _codes(report)
    assert codes["holes"]["severity"] == "warning" and report["topology"]["holes"] >= 1
    assert report["topology"]["duplicate_faces"] == 2
    assert report["topology"]["degenerate_faces"] == 1
    assert report["topology"]["non_manifold_edges"] >= 1
    assert not report["watertight"]


def test_two_pieces_and_out_of_range_and_nan():
    a = trimesh.creation.box()
    b = trimesh.creation.box().apply_translation([3, 0, 0])
    assert inspect_scan(_scan(trimesh.util.concatenate([a, b])))["components"] == 2
    bad = trimesh.creation.box()
    faces = bad.faces.copy()
    faces[0, 0] = 99
    report = inspect_scan(_scan(trimesh.Trimesh(bad.vertices, faces, process=False, validate=False)))
    assert _codes(report)["index_out_of_range"]["severity"] == "error"
    verts = bad.vertices.copy()
    verts[0] = np.nan
    report = inspect_scan(_scan(trimesh.Trimesh(verts, bad.faces, process=False, validate=False)))
    assert _codes(report)["nonfinite_coordinates"]["severity"] == "error"


@pytest.mark.parametrize("size, unit", [(250.0, "mm"), (20.0, "cm"), (0.3, "m"), (2.0, "unknown"),
                                        (1e6, "unknown"), (0.001, "unknown")])
def test_unit_guess_by_extent(size, unit):
    guess, reason = guess_units(np.array([size, size / 2, size / 3]))
    assert guess == unit and reason.endswith(".")


def test_too_large_for_target():
    report = inspect_scan(_scan(trimesh.creation.icosphere(3)), target_faces=100)
    assert _codes(report)["too_large_for_target"]["severity"] == "info"


def test_up_axis_from_an_open_base_and_gltf_convention():
    # A cylinder standing along X with its bottom cap removed: the open base says +X is up.
    cyl = trimesh.creation.cylinder(radius=0.1, height=0.3, sections=48)
    cyl.apply_transform(trimesh.transformations.rotation_matrix(np.pi / 2, [0, 1, 0]))  # axis now along X
    keep = ~((cyl.face_normals[:, 0] < -0.99))
    open_cyl = trimesh.Trimesh(cyl.vertices, cyl.faces[keep], process=False)
    report = inspect_scan(_scan(open_cyl))
    assert report["up_axis_guess"] == "x" and "open base" in report["up_axis_reason"]
    # A closed box is flat on every side: no clear base, so the format's convention decides.
    box = inspect_scan(_scan(trimesh.creation.box(extents=[0.1, 0.2, 0.4])))
    assert box["up_axis_guess"] == "z" and "usually" in box["up_axis_reason"]
    obj = inspect_scan(_scan(trimesh.creation.box(extents=[0.1, 0.2, 0.4]), "OBJ"))
    assert obj["up_axis_guess"] == "y"
    scan = _scan(trimesh.creation.box())
    scan.up_hint = "y"
    assert inspect_scan(scan)["up_axis_guess"] == "y"


def test_text_report_mentions_the_essentials():
    report = inspect_scan(_scan(trimesh.creation.box(extents=[120, 80, 40])))
    text = format_report_text(report)
    assert "12 faces" in text and "Units: mm" in text and "Up axis:" in text
