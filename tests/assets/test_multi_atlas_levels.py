"""Multi-atlas scans in the pipeline (issue 17): loading keeps one atlas per material, repair and
simplification never mix atlases, and the texel budget of a level is shared among the atlases."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from tests.assets.atlas_scans import ATLAS_COLOURS, write_atlas_obj
from vitrine.assets.geometry.mesh_repair import repair_mesh
from vitrine.assets.levels.level_of_detail import build_levels
from vitrine.assets.scan_loading import load_scan
from vitrine.assets.texturing.atlas_budget import atlas_sizes, total_texels
from vitrine.assets.texturing.atlases import atlas_images, face_atlases, vertex_atlases, with_atlases


@pytest.fixture(scope="module")
def atlas_scan(tmp_path_factory):
    return load_scan(write_atlas_obj(tmp_path_factory.mktemp("atlas"), cells=60, side=64))


def _mixed_faces(mesh) -> int:
    """Faces whose three vertices do not all belong to one atlas."""
    corners = vertex_atlases(mesh)[np.asarray(mesh.faces)]
    return int(np.count_nonzero((corners != corners[:, :1]).any(axis=1)))


def test_four_atlas_obj_loads_with_four_atlases_and_split_border_vertices(atlas_scan):
    mesh = atlas_scan.mesh
    assert len(atlas_scan.atlases) == 4 and atlas_scan.texture is atlas_scan.atlases[0]
    colours = {np.asarray(im.convert("RGB"))[0, 0].tobytes() for im in atlas_scan.atlases}
    assert colours == {bytes(c) for c in ATLAS_COLOURS}
    assert len(mesh.faces) == 2 * 60 * 60
    from vitrine.assets.inspection import format_report_text, inspect_scan
    report = inspect_scan(atlas_scan)
    assert report["texture_atlases"] == 4 and report["texture_size"] == [64, 64]
    assert "Attributes: UVs, 4 texture atlases (the first 64×64)" in format_report_text(report)
    # a position on a border between quarters is a vertex per material, never one shared vertex
    assert _mixed_faces(mesh) == 0
    assert np.bincount(face_atlases(mesh)).tolist() == [1800] * 4
    # ...and there are such positions: the 2 × 61 - 1 on the borders between the quarters
    atlases_at = {}
    for position, atlas in zip(map(tuple, np.round(mesh.vertices, 6)), vertex_atlases(mesh)):
        atlases_at.setdefault(position, set()).add(int(atlas))
    assert sum(len(a) > 1 for a in atlases_at.values()) == 2 * 61 - 1


def test_repair_keeps_two_atlases_apart_at_one_position_and_uv():
    from PIL import Image
    # two triangles meeting at an edge whose vertices have the same position and UV in both atlases
    v = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]], float)
    uv = np.array([[0, 0], [1, 0], [0, 1], [1, 0], [0, 1], [1, 1]], float)
    mesh = with_atlases(v, [[0, 1, 2], [3, 5, 4]], uv, [0, 0, 0, 1, 1, 1],
                        [Image.new("RGB", (4, 4), "red"), Image.new("RGB", (4, 4), "blue")])
    repaired, report = repair_mesh(mesh)
    assert report["vertices_merged"] == 0 and len(repaired.vertices) == 6
    assert _mixed_faces(repaired) == 0 and len(atlas_images(repaired)) == 2


def test_every_level_keeps_every_atlas_and_no_face_mixes_two(atlas_scan):
    levels = build_levels(atlas_scan.mesh, budgets={"low": 3000, "thumbnail": 400})
    assert [lv.name for lv in levels] == ["original", "low", "thumbnail"]
    for level in levels[1:]:
        mesh = level.geometry
        assert len(atlas_images(mesh)) == 4 and _mixed_faces(mesh) == 0
        assert set(np.unique(face_atlases(mesh))) == {0, 1, 2, 3}
        assert len(mesh.visual.uv) == len(mesh.vertices) == len(vertex_atlases(mesh))


def test_four_4096_atlases_at_a_4096_level_keep_four_times_one_image():
    assert atlas_sizes([(4096, 4096)] * 4, 4096) == [(2048, 2048)] * 4
    assert atlas_sizes([(4096, 4096)] * 4, None) == [(4096, 4096)] * 4  # 'original': as scanned
    assert atlas_sizes([(512, 512)] * 4, 1024) == [(512, 512)] * 4      # fits: unchanged
    assert atlas_sizes([(4096, 4096)] * 16, 2048) == [(512, 512)] * 16
    # unequal atlases: the same scale (0.485) for both, rounded down to powers of two, then the
    # smaller doubled back up to its own size with the budget left over
    assert atlas_sizes([(4096, 4096), (1024, 1024)], 2048) == [(1024, 1024), (1024, 1024)]
    assert atlas_sizes([(8192, 1024), (1000, 3000)], 4096) == [(4096, 512), (512, 2048)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 9000), st.integers(1, 9000)), min_size=1, max_size=16),
       st.sampled_from([512, 1024, 2048, 4096]))
def test_shares_fit_the_budget_and_never_upscale(sizes, side):
    out = atlas_sizes(sizes, side)
    assert len(out) == len(sizes)
    fits = total_texels(sizes) <= side * side and all(max(s) <= side for s in sizes)
    if fits:
        assert out == sizes
        return
    assert total_texels(out) <= side * side
    for (w, h), (ow, oh) in zip(out, sizes):
        assert 1 <= w <= ow and 1 <= h <= oh and max(w, h) <= side
        assert w & (w - 1) == 0 and h & (h - 1) == 0  # powers of two, as the bundle's texture copy needs


def test_atlases_share_one_decoding_budget(tmp_path, monkeypatch):
    """Sixteen 16k² atlases must not decode to sixteen 8k² images (3 GiB): all the atlases of a
    scan share MAX_ATLAS_TEXELS, each decoded to its share (here 4 × 128² atlases, 128² in all)."""
    import vitrine.assets.formats.trimesh_scans as trimesh_scans
    monkeypatch.setattr(trimesh_scans, "MAX_ATLAS_TEXELS", 128 * 128)
    scan = load_scan(write_atlas_obj(tmp_path, cells=8, side=128))
    assert [im.size for im in scan.atlases] == [(64, 64)] * 4
    colours = {np.asarray(im.convert("RGB"))[32, 32].tobytes() for im in scan.atlases}
    assert colours == {bytes(c) for c in ATLAS_COLOURS}


def test_a_glb_with_one_textured_primitive_per_atlas_loads_as_a_multi_atlas_scan(atlas_scan, tmp_path):
    from vitrine.assets.formats.glb_io import glb_bytes
    path = tmp_path / "four atlases.glb"
    path.write_bytes(glb_bytes(atlas_scan.mesh, atlas_side=64))  # each atlas 32² (64² texels in all)
    scan = load_scan(path)
    assert [im.size for im in scan.atlases] == [(32, 32)] * 4
    assert len(scan.mesh.faces) == len(atlas_scan.mesh.faces) and _mixed_faces(scan.mesh) == 0
    colours = {np.asarray(im.convert("RGB"))[16, 16].tobytes() for im in scan.atlases}
    assert len(colours) == 4
