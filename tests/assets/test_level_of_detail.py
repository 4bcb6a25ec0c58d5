"""Levels of detail: face budgets, attributes carried through, no duplicated levels, cancellation."""
from __future__ import annotations

import numpy as np
import pytest
import trimesh

from vitrine.assets.levels.level_of_detail import LOD_BUDGETS, TEXTURE_SIZES, build_levels, simplify_mesh, subsample_points
from vitrine.assets.geometry.procedural_meshes import lathe_vessel, relief_tablet
from vitrine.assets.progress import CancelToken, Cancelled


def test_simplify_hits_the_budget_and_keeps_colours():
    mesh = relief_tablet()
    out = simplify_mesh(mesh, 5_000)
    assert 4_000 <= len(out.faces) <= 5_000
    colors = out.visual.vertex_colors
    assert colors.shape == (len(out.vertices), 4)
    # Each kept vertex keeps its own colour: look it up by position in the input.
    idx = {tuple(v): i for i, v in enumerate(np.round(mesh.vertices, 9))}
    src = [idx[tuple(v)] for v in np.round(out.vertices[:200], 9)]
    assert np.array_equal(colors[:200], mesh.visual.vertex_colors[src])
    assert np.allclose(out.bounds, mesh.bounds, atol=2e-3)


def test_simplify_keeps_uvs_and_material():
    mesh = lathe_vessel()
    out = simplify_mesh(mesh, 3_000)
    assert len(out.faces) <= 3_000
    assert out.visual.uv.shape == (len(out.vertices), 2)
    assert out.visual.material.image is mesh.visual.material.image


def test_simplify_small_mesh_is_a_copy():
    mesh = trimesh.creation.box()
    out = simplify_mesh(mesh, 100)
    assert out is not mesh and np.array_equal(out.faces, mesh.faces)


def test_levels_skip_budgets_at_or_above_the_input():
    mesh = relief_tablet()  # ~60k faces: 'high' and 'medium' budgets would only duplicate it
    levels = build_levels(mesh)
    assert [lv.name for lv in levels] == ["original", "low", "thumbnail"]
    assert levels[0].geometry is mesh
    for lv in levels[1:]:
        assert 0.8 * LOD_BUDGETS[lv.name] <= lv.faces <= LOD_BUDGETS[lv.name]
        assert lv.texture_size == TEXTURE_SIZES[lv.name]


def test_point_cloud_levels():
    rng = np.random.default_rng(0)
    cloud = trimesh.PointCloud(rng.random((30_000, 3)), colors=rng.integers(0, 255, (30_000, 4), dtype=np.uint8))
    levels = build_levels(cloud, budgets={"low": 10_000, "thumbnail": 2_000, "high": 50_000})
    assert [lv.name for lv in levels] == ["original", "low", "thumbnail"]
    for lv in levels[1:]:
        assert lv.faces == 0 and 0.5 * lv.points <= lv.points <= {"low": 10_000, "thumbnail": 2_000}[lv.name]
        assert isinstance(lv.geometry, trimesh.PointCloud) and len(lv.geometry.colors) == lv.points
    sub = subsample_points(cloud, 5_000)
    assert set(map(tuple, sub.vertices)) <= set(map(tuple, cloud.vertices))


def test_progress_is_reported_and_cancel_raises():
    mesh = relief_tablet()
    seen = []
    build_levels(mesh, progress=lambda f, m: seen.append(f))
    assert seen and seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen) and seen == sorted(seen)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        build_levels(mesh, cancel=token)
    calls = []

    def cancel_midway(f, m):
        calls.append(f)
        if len(calls) == 2:
            token2.cancel()

    token2 = CancelToken()
    with pytest.raises(Cancelled):
        build_levels(mesh, progress=cancel_midway, cancel=token2)


def test_parallel_slabs_stay_stitched(monkeypatch):
    import vitrine.assets.levels.level_of_detail as lod
    monkeypatch.setattr(lod, "_PARALLEL_MIN_FACES", 1_000)
    monkeypatch.setattr(lod.os, "cpu_count", lambda: 3)
    from vitrine.assets.geometry.procedural_meshes import figurine
    mesh = figurine()
    out = lod.simplify_mesh(mesh, 4_000)
    assert 3_600 <= len(out.faces) <= 4_000
    # Locked seams between slabs keep the closed surface closed (no cracks).
    assert out.is_watertight and out.volume > 0.9 * mesh.volume
    assert out.visual.vertex_colors.shape == (len(out.vertices), 4)



def test_many_slabs_keep_uv_seams_and_border(monkeypatch):
    import vitrine.assets.levels.level_of_detail as lod
    from vitrine.assets.inspection import mesh_topology
    monkeypatch.setattr(lod, "_PARALLEL_MIN_FACES", 1_000)
    monkeypatch.setattr(lod, "_FACES_PER_SLAB", 1_000)  # the 8-slab maximum on a 24k-face mesh
    mesh = lathe_vessel()
    before = mesh_topology(mesh, weld=True)
    out = lod.simplify_mesh(mesh, 3_000)
    assert 2_700 <= len(out.faces) <= 3_000
    after = mesh_topology(out, weld=True)
    # Welded by position: no seam opened into a crack, the open rim is untouched.
    assert (after["holes"], after["boundary_edges"]) == (before["holes"], before["boundary_edges"])
    assert out.visual.uv.shape == (len(out.vertices), 2)


def test_presimplification_keeps_the_shape_of_a_large_sphere(monkeypatch):
    # 327,680 faces down to 30,000: the sloppy pass thins to 2x the target first (the
    # size from which it runs is lowered from 1M faces so that a test-sized sphere has it).
    from vitrine.assets.levels import level_of_detail as lod
    sphere = trimesh.creation.icosphere(subdivisions=7)
    calls = []
    real = lod._presimplify
    monkeypatch.setattr(lod, "_presimplify", lambda *a: calls.append(a[2]) or real(*a))
    simplify_mesh(sphere, 30_000)
    assert calls == []  # below _PRESIMPLIFY_MIN_FACES: the quadric simplifier alone
    monkeypatch.setattr(lod, "_PRESIMPLIFY_MIN_FACES", 300_000)
    out = simplify_mesh(sphere, 30_000)
    assert calls == [2 * 30_000 * 3]
    assert 0.8 * 30_000 <= len(out.faces) <= 1.2 * 30_000
    # Every vertex is one of the input's (on the unit sphere); faces stay close to it and
    # cover it (no holes: the area is the sphere's, less the chords' shortfall).
    assert np.allclose(np.linalg.norm(out.vertices, axis=1), 1.0, atol=1e-6)
    pts, _ = trimesh.sample.sample_surface(out, 20_000, seed=0)
    assert np.abs(np.linalg.norm(pts, axis=1) - 1.0).max() < 0.01
    assert abs(out.area - 4 * np.pi) / (4 * np.pi) < 0.01


def test_uv_mapped_meshes_are_not_presimplified(monkeypatch):
    # The vertex grid ignores UV seams, so a textured mesh keeps the quadric path only.
    from vitrine.assets.levels import level_of_detail as lod
    sphere = trimesh.creation.icosphere(subdivisions=5)
    uv = np.column_stack([np.arctan2(sphere.vertices[:, 1], sphere.vertices[:, 0]), sphere.vertices[:, 2]])
    sphere.visual = trimesh.visual.TextureVisuals(uv=uv)
    monkeypatch.setattr(lod, "_PRESIMPLIFY_MIN_FACES", 0)
    monkeypatch.setattr(lod, "_presimplify", lambda *a: pytest.fail("pre-simplified a UV-mapped mesh"))
    out = simplify_mesh(sphere, 1000)
    assert len(out.faces) <= 1.2 * 1000 and out.visual.uv is not None
