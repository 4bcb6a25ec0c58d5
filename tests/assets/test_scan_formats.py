"""Each supported format loads from small generated files, with its attributes."""
from __future__ import annotations


import numpy as np
import pytest
import trimesh

from vitrine.assets.scan_errors import ScanError
from vitrine.assets.formats.scan_formats import BY_EXTENSION
from vitrine.assets.scan_loading import load_scan, peek_counts

from .sample_files import (make_glb, tetra, write_draco_glb, write_gltf_external, write_obj_with_material,
                           write_off, write_ply)


@pytest.mark.parametrize("encoding", ["ascii", "binary_little_endian", "binary_big_endian"])
@pytest.mark.parametrize("channels", [3, 4])
def test_ply_encodings_with_colours_and_normals(tmp_path, encoding, channels):
    v, f = tetra()
    cols = np.array([[255, 0, 0, 10], [0, 255, 0, 20], [0, 0, 255, 30], [9, 9, 9, 40]], np.uint8)[:, :channels]
    normals = v - v.mean(axis=0)
    scan = load_scan(write_ply(tmp_path / "t.ply", v, f, encoding=encoding, colors=cols, normals=normals))
    assert scan.format == "PLY" and scan.points is None
    assert np.allclose(scan.mesh.vertices, v) and np.array_equal(scan.mesh.faces, f)
    got = scan.mesh.visual.vertex_colors
    assert np.array_equal(got[:, :channels], cols)
    if channels == 3:
        assert (got[:, 3] == 255).all()
    assert scan.has_normals


def test_ply_triangle_strips_become_triangles(tmp_path):
    v = np.array([[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 0], [2, 0, 0], [2, 1, 0]], float)
    # One strip of 4 triangles, a restart, then a strip of 1 triangle.
    path = write_ply(tmp_path / "strip.ply", v, None, strips=[[0, 1, 2, 3, 4, 5, -1, 0, 2, 1]])
    scan = load_scan(path)
    assert scan.mesh is not None, "a strip-only PLY must not become a point cloud"
    assert len(scan.mesh.faces) == 5
    normals = scan.mesh.face_normals
    assert np.allclose(np.abs(normals[:, 2]), 1)
    # Strip winding alternates in the file; after conversion all 4 strip triangles agree.
    assert len(set(np.sign(normals[:4, 2]))) == 1
    assert any(p.code == "triangle_strips" for p in scan.problems)


def test_ply_quads_are_fan_triangulated(tmp_path):
    v = np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]], float)
    scan = load_scan(write_ply(tmp_path / "quad.ply", v, np.array([[0, 1, 2, 3]]), encoding="ascii"))
    assert len(scan.mesh.faces) == 2


def test_ply_zero_faces_is_a_point_cloud_and_says_so(tmp_path):
    v, _ = tetra()
    scan = load_scan(write_ply(tmp_path / "pts.ply", v, np.zeros((0, 3), int)))
    assert scan.mesh is None and len(scan.points.vertices) == 4
    assert any(p.code == "point_cloud" for p in scan.problems)


def test_stl_binary_and_ascii(tmp_path):
    mesh = trimesh.creation.box()
    (tmp_path / "b.stl").write_bytes(mesh.export(file_type="stl"))
    (tmp_path / "a.stl").write_text(mesh.export(file_type="stl_ascii"))
    for name in ("b.stl", "a.stl"):
        scan = load_scan(tmp_path / name)
        assert scan.format == "STL"
        assert len(scan.mesh.faces) == 12 and len(scan.mesh.vertices) == 8
    assert peek_counts(tmp_path / "b.stl")["faces"] == 12


def test_off(tmp_path):
    v, f = tetra()
    scan = load_scan(write_off(tmp_path / "t.off", v, f))
    assert scan.format == "OFF" and len(scan.mesh.faces) == 4


def test_obj_with_mtl_and_texture_by_relative_path(tmp_path):
    scan = load_scan(write_obj_with_material(tmp_path / "sub dir", "vase 中文.obj"))
    assert scan.format == "OBJ" and len(scan.mesh.faces) == 2
    assert scan.texture is not None and scan.texture.size == (32, 16)
    assert scan.texture.getpixel((0, 0))[:3] == (10, 200, 30)
    assert not [p for p in scan.problems if p.code == "missing_texture"]


def test_obj_missing_texture_gives_placeholder_and_problem(tmp_path):
    scan = load_scan(write_obj_with_material(tmp_path, write_texture=False))
    assert len(scan.mesh.faces) == 2
    assert [p for p in scan.problems if p.code == "missing_texture" and "tex ture.png" in p.message]
    assert scan.texture is not None  # the checker placeholder
    assert len(np.unique(np.asarray(scan.texture).reshape(-1, 3), axis=0)) == 2


def test_obj_with_two_materials_keeps_every_face(tmp_path):
    scan = load_scan(write_obj_with_material(tmp_path, two_materials=True))
    assert len(scan.mesh.faces) == 3
    assert len(scan.parts) == 2


def test_gltf_with_external_bin_keeps_node_transforms(tmp_path):
    scan = load_scan(write_gltf_external(tmp_path))
    assert scan.format == "glTF" and len(scan.mesh.faces) == 8
    assert np.allclose(scan.mesh.bounds, [[0, 0, 0], [3, 1, 1]])
    assert len(scan.parts) == 2
    assert scan.units_hint == "m" and scan.up_hint == "y"


def test_glb_round_trip_through_trimesh_export(tmp_path):
    mesh = trimesh.creation.icosphere(1)
    path = tmp_path / "名前 with space.glb"
    path.write_bytes(trimesh.Scene(mesh).export(file_type="glb"))
    scan = load_scan(path)
    assert scan.format == "GLB" and len(scan.mesh.faces) == len(mesh.faces)
    assert peek_counts(path)["faces"] == len(mesh.faces)


def test_draco_glb_is_decoded(tmp_path):
    scan = load_scan(write_draco_glb(tmp_path / "draco.glb"))
    assert len(scan.mesh.faces) == len(trimesh.creation.icosphere(2).faces)
    # The node's scale of 2 is applied: the unit sphere becomes radius 2 (Draco quantises slightly).
    assert np.allclose(np.linalg.norm(scan.mesh.vertices, axis=1), 2.0, atol=0.01)


def test_meshopt_compressed_glb_is_decoded(tmp_path):
    """EXT_meshopt_compression (gltfpack -c, gltf-transform optimize, Vitrine's own bundles) is
    decoded; corpus cases in test_unusual_files.py check the geometry and the hostile variants."""
    from .unusual.meshopt_files import meshopt_glb
    scan = load_scan(meshopt_glb(tmp_path))
    assert len(scan.mesh.faces) == len(trimesh.creation.icosphere(2).faces)


def test_registry_covers_every_format():
    assert {f.name for f in BY_EXTENSION.values()} == {"PLY", "STL", "OFF", "OBJ", "GLB", "glTF"}


def test_unknown_extension_is_refused(tmp_path):
    path = tmp_path / "scan.xyz"
    path.write_text("1 2 3\n")
    from vitrine.assets.scan_errors import UnsupportedFormat
    with pytest.raises(UnsupportedFormat, match=r"^scan\.xyz: unsupported file type '\.xyz'"):
        load_scan(path)


def test_load_reports_progress_and_can_be_cancelled(tmp_path):
    from vitrine.assets.progress import CancelToken, Cancelled
    v, f = tetra()
    path = write_ply(tmp_path / "t.ply", v, f)
    seen = []
    load_scan(path, progress=lambda frac, msg: seen.append(frac))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        load_scan(path, cancel=token)
