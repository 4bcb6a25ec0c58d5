"""prepare_mesh puts scans in metres, Y-up, base on y=0; repair_mesh cleans without losing attributes."""
from __future__ import annotations

import numpy as np
import pytest
import trimesh

from vitrine.assets.geometry.mesh_repair import repair_mesh
from vitrine.assets.preparation import prepare_mesh, units_scale


def _z_up_column_mm() -> trimesh.Trimesh:
    """A 20 × 30 × 100 mm box standing on z = 500 (Z-up, millimetres)."""
    box = trimesh.creation.box(extents=[20, 30, 100])
    box.apply_translation([7, -3, 550])
    return box


def test_units_scale():
    assert units_scale("mm") == 0.001 and units_scale("cm") == 0.01 and units_scale("m") == 1
    assert units_scale("in") == pytest.approx(0.0254)
    with pytest.raises(ValueError):
        units_scale("unknown")


def test_mm_z_up_becomes_metres_y_up_on_its_base():
    src = _z_up_column_mm()
    before = src.vertices.copy()
    out = prepare_mesh(src, units="mm", up_axis="z")
    assert np.array_equal(src.vertices, before), "the input must not be mutated"
    lo, hi = out.bounds
    assert np.allclose(hi - lo, [0.020, 0.100, 0.030])  # the tall axis is now Y
    assert lo[1] == pytest.approx(0.0)
    assert (lo[0] + hi[0]) == pytest.approx(0.0) and (lo[2] + hi[2]) == pytest.approx(0.0)
    assert out.is_winding_consistent and out.volume > 0  # a rotation, not a mirror


@pytest.mark.parametrize("axis, extents", [("x", [100, 20, 30]), ("-y", [20, 100, 30]), ("-z", [20, 30, 100])])
def test_other_up_axes(axis, extents):
    box = trimesh.creation.box(extents=extents)
    out = prepare_mesh(box, units="cm", up_axis=axis)
    assert (out.bounds[1] - out.bounds[0])[1] == pytest.approx(1.0)
    assert out.volume > 0


def test_points_are_prepared_too():
    cloud = trimesh.PointCloud(np.array([[0, 0, 0], [1000, 0, 2000]], float))
    out = prepare_mesh(cloud, units="mm", up_axis="z")
    assert isinstance(out, trimesh.PointCloud)
    assert np.allclose(out.bounds, [[-0.5, 0, -0], [0.5, 2, 0]])


def test_repair_merges_and_drops_bad_faces_keeping_colours():
    base = trimesh.creation.icosphere(2)
    # Split every face's vertices (as STL does), add a degenerate and a duplicate face.
    tri = base.vertices[base.faces].reshape(-1, 3)
    faces = np.arange(len(tri)).reshape(-1, 3)
    faces = np.vstack([faces, [[0, 0, 1]], faces[:1]])
    mesh = trimesh.Trimesh(tri, faces, process=False)
    mesh.visual.vertex_colors = np.tile([120, 60, 30, 200], (len(tri), 1))
    fixed, report = repair_mesh(mesh)
    assert report["degenerate_faces_removed"] == 1 and report["duplicate_faces_removed"] == 1
    assert len(fixed.vertices) == len(base.vertices) and len(fixed.faces) == len(base.faces)
    assert report["watertight"] and fixed.volume > 0
    assert (fixed.visual.vertex_colors == [120, 60, 30, 200]).all()
    assert len(mesh.faces) == len(base.faces) + 2, "the input must not be mutated"


def test_repair_fixes_inverted_winding():
    mesh = trimesh.creation.icosphere(2)
    mesh.faces = mesh.faces[:, ::-1]
    assert mesh.volume < 0
    fixed, _ = repair_mesh(mesh)
    assert fixed.volume > 0


def test_repair_fills_small_holes_only():
    mesh = trimesh.creation.icosphere(3)
    # Remove the faces around one vertex (a small hole) and a large cap (a big hole).
    small = np.any(mesh.faces == 0, axis=1)
    big = mesh.triangles_center[:, 2] < -0.8
    mesh = trimesh.Trimesh(mesh.vertices, mesh.faces[~(small | big)], process=False)
    fixed, report = repair_mesh(mesh, fill_holes=True, max_hole_edges=12)
    assert report["holes_filled"] == 1 and report["holes_left"] == 1
    fixed_all, report_all = repair_mesh(mesh, fill_holes=True, max_hole_edges=1000)
    assert report_all["holes_left"] == 0 and report_all["watertight"]


def test_repair_keeps_uv_seams():
    vertices = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 0]], float)
    faces = np.array([[0, 1, 2], [3, 4, 2]])
    uv = np.array([[0, 0], [0.5, 0], [0, 1], [0.9, 0], [1, 1]])  # vertex 1 and 3 differ in UV
    mesh = trimesh.Trimesh(vertices, faces, visual=trimesh.visual.TextureVisuals(uv=uv), process=False)
    fixed, report = repair_mesh(mesh)
    assert len(fixed.vertices) == 5 and report["vertices_merged"] == 0


@pytest.mark.parametrize("axis", ["x", "y", "z", "-x", "-y", "-z"])
@pytest.mark.parametrize("units", ["mm", "in"])
def test_preparation_matrix_bounds_match_the_moved_points_exactly(axis, units):
    # The translation comes from the moved bounding-box corners; it must equal what
    # moving every point and taking its bounds gives, to the last bit.
    from vitrine.assets.preparation import preparation_matrix
    pts = np.random.default_rng(2).normal(size=(5000, 3)) * [300.0, 40.0, 7.0] + [12.0, -3.0, 900.0]
    matrix = preparation_matrix(pts, units=units, up_axis=axis)
    moved = pts @ matrix[:3, :3].T
    lo, hi = moved.min(axis=0), moved.max(axis=0)
    assert matrix[1, 3] == -lo[1]
    assert matrix[0, 3] == -(lo[0] + hi[0]) / 2 and matrix[2, 3] == -(lo[2] + hi[2]) / 2


def test_in_place_preparation_and_repair_make_no_copy_of_a_clean_scan():
    # prepare_scan relies on these for scan-scale memory: the mesh object is kept and a
    # clean scan's vertex array is never duplicated by repair.
    from vitrine.assets.geometry.mesh_repair import repair_mesh
    from vitrine.assets.inspection import mesh_topology
    mesh = trimesh.creation.icosphere(subdivisions=3, radius=200.0)
    assert prepare_mesh(mesh, units="mm", up_axis="z", copy=False) is mesh
    vertices = np.asarray(mesh.vertices)
    out, report = repair_mesh(mesh, copy=False, topology=mesh_topology(mesh))
    assert out is mesh and np.shares_memory(np.asarray(out.vertices), vertices)
    assert report["vertices_merged"] == 0 and report["faces"] == len(mesh.faces)


@pytest.mark.parametrize("axis", ["x", "z", "-y"])
def test_direct_vertex_move_matches_trimesh_transform_and_keeps_cached_normals_path(axis):
    # Without cached normals prepare_mesh moves the vertices itself (no cache-wide hashing);
    # the points must equal trimesh's apply_transform of the same matrix, and a mesh whose
    # normals are cached still gets them rotated by trimesh.
    from vitrine.assets.preparation import preparation_matrix
    mesh = trimesh.creation.box(extents=[30.0, 50.0, 70.0])
    mesh.vertices += [5.0, -8.0, 11.0]
    matrix = preparation_matrix(np.asarray(mesh.vertices), units="cm", up_axis=axis)
    expected = mesh.copy()
    expected.apply_transform(matrix)
    fast = prepare_mesh(mesh, units="cm", up_axis=axis)
    assert "vertex_normals" not in fast._cache.cache
    np.testing.assert_allclose(fast.vertices, expected.vertices, rtol=0, atol=1e-12)
    assert np.array_equal(fast.faces, expected.faces)
    with_normals = mesh.copy()
    normals = with_normals.vertex_normals.copy()  # now cached
    moved = prepare_mesh(with_normals, units="cm", up_axis=axis)
    np.testing.assert_allclose(moved.vertex_normals, normals @ matrix[:3, :3].T / 0.01, atol=1e-12)
    np.testing.assert_allclose(moved.vertices, expected.vertices, rtol=0, atol=1e-12)
