"""The real museum scans of ../shared/scans load as MANIFEST.md describes."""
from __future__ import annotations

import json

import numpy as np
import pytest

from vitrine.assets.inspection import format_report_text, inspect_scan
from vitrine.assets.scan_loading import load_scan

pytestmark = pytest.mark.scans

# file -> (faces, vertices or points, is a point cloud)
MANIFEST = {
    "balinese-mask/mask.glb": (100_000, 62_383, False),
    "gargoyle/gargoyle.ply": (50_000, 25_002, False),
    "igea/igea.ply": (268_686, 134_345, False),
    "nefertiti/nefertiti.obj": (99_938, 49_971, False),
    "stanford-bunny/bunny.obj": (69_451, 34_834, False),
    "stanford-bunny/bunny.stl": (9_999, 5_055, False),
    "stanford-bunny/bunny-points.ply": (0, 7_244, True),
}


@pytest.mark.parametrize("rel", sorted(MANIFEST))
def test_manifest_counts(scan, rel):
    faces, vertices, is_points = MANIFEST[rel]
    loaded = load_scan(scan(rel))
    if is_points:
        assert loaded.mesh is None and len(loaded.points.vertices) == vertices
    else:
        assert loaded.points is None
        assert (len(loaded.mesh.faces), len(loaded.mesh.vertices)) == (faces, vertices)


def test_bunny_obj_holes_are_reported(scan):
    report = inspect_scan(load_scan(scan("stanford-bunny/bunny.obj")))
    holes = [p for p in report["problems"] if p["code"] == "holes"]
    assert holes and holes[0]["severity"] == "warning"
    assert report["watertight"] is False and report["topology"]["holes"] >= 1


def test_gargoyle_has_rgba_colours(scan):
    loaded = load_scan(scan("gargoyle/gargoyle.ply"))
    colors = loaded.mesh.visual.vertex_colors
    assert colors.shape == (25_002, 4) and colors.dtype == np.uint8
    report = inspect_scan(loaded)
    assert report["has_vertex_colors"] and report["has_normals"]


def test_mask_has_its_texture(scan):
    report = inspect_scan(load_scan(scan("balinese-mask/mask.glb")))
    assert report["has_uv"] and report["texture_size"] == [4096, 4096]
    assert report["up_axis_guess"] == "y"


@pytest.mark.parametrize("rel, unit", [("gargoyle/gargoyle.ply", "mm"), ("nefertiti/nefertiti.obj", "mm"),
                                       ("igea/igea.ply", "m"), ("balinese-mask/mask.glb", "m"),
                                       ("stanford-bunny/bunny.stl", "unknown")])
def test_unit_guesses(scan, rel, unit):
    report = inspect_scan(load_scan(scan(rel)))
    assert report["units_guess"] == unit, report["units_reason"]
    assert report["units_reason"].endswith(".")


def test_point_cloud_report_is_json_and_text(scan):
    report = inspect_scan(load_scan(scan("stanford-bunny/bunny-points.ply")))
    assert report["points"] == 7_244 and report["faces"] == 0
    text = format_report_text(json.loads(json.dumps(report)))
    assert "Point cloud: 7,244 points" in text


def test_mask_levels_keep_uv_seams_closed(scan):
    from vitrine.assets.inspection import mesh_topology
    from vitrine.assets.levels.level_of_detail import simplify_mesh
    mesh = load_scan(scan("balinese-mask/mask.glb")).mesh
    out = simplify_mesh(mesh, 30_000)
    assert 27_000 <= len(out.faces) <= 30_000
    # Welding by position must find no cracks where the photogrammetry atlas is cut.
    assert mesh_topology(out, weld=True)["boundary_edges"] == 0
    assert out.visual.uv.shape == (len(out.vertices), 2)
