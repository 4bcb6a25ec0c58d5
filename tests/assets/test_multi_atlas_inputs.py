"""Multi-atlas scans in the input forms not seen before (issue 17): an OBJ whose atlases are
partly missing or unreadable keeps the atlases that load (the broken one gets the placeholder
checker as its own atlas, one warning naming the file); glTF and GLB with several materials
(embedded, external or data: images, Draco, meshopt, KHR_texture_transform, a colour-only
material, two textures of one image) keep one atlas per distinct image with the right colours;
materials with colours only stay untextured."""
from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from tests.assets.atlas_scans import ATLAS_COLOURS, write_atlas_obj
from vitrine.assets.scan_loading import load_scan
from vitrine.assets.texturing.atlases import atlas_images as scan_atlases, face_atlases
from vitrine.assets.texturing.textures import placeholder_texture

GLTFPACK = Path(__file__).resolve().parents[2] / "exporters" / "viewer" / "node_modules" / ".bin" / "gltfpack"


def _corner_colour(image) -> tuple[int, ...]:
    return tuple(int(c) for c in np.asarray(image.convert("RGB"))[0, 0])


@pytest.mark.parametrize("broken, how, reason", [(2, "delete", "is not found"), (1, "garbage", "is unreadable")])
def test_obj_with_one_broken_atlas_keeps_the_other_three(tmp_path, broken, how, reason):
    obj = write_atlas_obj(tmp_path, cells=8, side=32)
    target = tmp_path / f"atlas_{broken}.png"
    if how == "delete":
        target.unlink()
    else:
        target.write_bytes(b"not an image at all")
    scan = load_scan(obj)
    assert len(scan.atlases) == 4
    checker = np.asarray(placeholder_texture())
    kept = [_corner_colour(a) for a in scan.atlases if a.size == (32, 32)]
    stand_ins = [a for a in scan.atlases if a.size != (32, 32)]
    assert sorted(kept) == sorted(c for q, c in enumerate(ATLAS_COLOURS) if q != broken)
    assert len(stand_ins) == 1 and np.array_equal(np.asarray(stand_ins[0].convert("RGB")), checker)
    # every atlas keeps its own quarter of the faces (8 × 8 squares, 2 triangles each, / 4)
    assert np.bincount(face_atlases(scan.mesh)).tolist() == [32] * 4
    warnings = [p.message for p in scan.problems if p.severity == "warning"]
    assert warnings == [f"texture 'atlas_{broken}.png' {reason}; a placeholder checker texture is used"]


def test_obj_with_all_atlases_missing_has_one_placeholder_texture(tmp_path):
    obj = write_atlas_obj(tmp_path, cells=8, side=32)
    for q in range(4):
        (tmp_path / f"atlas_{q}.png").unlink()
    scan = load_scan(obj)
    # four identical stand-ins are one image: no atlases, the mesh is textured by the checker
    assert scan.atlases == [] and scan.texture is not None and scan.texture.size == (256, 256)
    assert len([p for p in scan.problems if p.code == "missing_texture"]) == 4


# -- glTF / GLB with several materials ------------------------------------------------------

def _quadrant(points: np.ndarray) -> np.ndarray:
    """Part (0..3) of each point (n, 3) of the sheet written by atlas_gltf (0.5 m quarters)."""
    return (points[:, 0] > 0.5).astype(int) + 2 * (points[:, 1] > 0.5).astype(int)


def _vertex_colours(mesh) -> np.ndarray:
    """(n, 3) colour of each vertex's own atlas at its UV (trimesh: v up, rows run down)."""
    out = np.zeros((len(mesh.vertices), 3))
    per_vertex = np.asarray(mesh.vertex_attributes["atlas"])
    for k, image in enumerate(scan_atlases(mesh)):
        rgb = np.asarray(image.convert("RGB"), float)
        h, w = rgb.shape[:2]
        own = per_vertex == k
        uv = np.asarray(mesh.visual.uv)[own]
        out[own] = rgb[np.clip(((1 - uv[:, 1]) * h).astype(int), 0, h - 1),
                       np.clip((uv[:, 0] * w).astype(int), 0, w - 1)]
    return out


@pytest.mark.parametrize("form", ["gltf data URIs", "gltf external images", "glb", "gltf transform",
                                  "draco gltf external", "draco glb", "draco glb transform",
                                  "meshopt glb transform"])
def test_multi_material_gltf_keeps_one_atlas_per_distinct_image(tmp_path, form):
    from tests.assets.atlas_gltf import CELLS, PART_COLOURS, write_multi_material_gltf
    path = write_multi_material_gltf(tmp_path, draco="draco" in form, glb="glb" in form,
                                     external="external" in form, transform="transform" in form)
    if "meshopt" in form:  # EXT_meshopt_compression, quantised UVs mapped by KHR_texture_transform
        packed = tmp_path / "packed.glb"
        subprocess.run([str(GLTFPACK), "-i", str(path), "-o", str(packed), "-c", "-kn", "-km"], check=True,
                       capture_output=True)
        assert b"EXT_meshopt_compression" in packed.read_bytes()[:4096]
        path = packed
    scan = load_scan(path)
    # red (shared by parts 0 and 2), blue, and part 3's green factor as a small flat atlas
    assert len(scan.atlases) == 3 and [a.size for a in scan.atlases] == [(32, 32), (32, 32), (4, 4)]
    per_part = 2 * CELLS * CELLS
    assert sorted(np.bincount(face_atlases(scan.mesh)).tolist()) == [per_part, per_part, 2 * per_part]
    # the right colour on every vertex of every part (the transform shows image 1's blue half)
    faces = np.asarray(scan.mesh.faces)
    expected = np.asarray(PART_COLOURS, float)[_quadrant(scan.mesh.vertices[faces].mean(axis=1))]
    for corner in range(3):
        assert np.abs(_vertex_colours(scan.mesh)[faces[:, corner]] - expected).max() < 2


def test_untextured_parts_with_colours_only_are_not_forced_into_atlases(tmp_path):
    # an OBJ whose materials have Kd colours and no map_Kd: no atlases, colours as before
    obj = write_atlas_obj(tmp_path, cells=8, side=8, map_lines=("", "", "", ""))
    scan = load_scan(obj)
    assert scan.atlases == [] and scan.texture is None
    assert "atlas" not in scan.mesh.vertex_attributes


@pytest.mark.parametrize("draco", [False, True])
def test_an_image_shared_by_two_parts_stays_one_atlas_when_it_is_reduced(tmp_path, monkeypatch, draco):
    # reducing makes a new image per decode: decoded once per shared image, it stays one atlas
    from tests.assets.atlas_gltf import write_multi_material_gltf
    from vitrine.assets.formats import trimesh_scans
    monkeypatch.setattr(trimesh_scans, "MAX_DECODED_SIDE", 32)
    scan = load_scan(write_multi_material_gltf(tmp_path, glb=True, draco=draco, side=128))
    assert [a.size for a in scan.atlases] == [(32, 32), (32, 32), (4, 4)]


def test_obj_with_textured_and_colour_only_materials_keeps_both_textures_and_the_colour(tmp_path):
    obj = write_atlas_obj(tmp_path, cells=8, side=32,
                          map_lines=("map_Kd atlas_0.png", "map_Kd atlas_1.png", "", ""))
    (tmp_path / "scan.mtl").write_text((tmp_path / "scan.mtl").read_text().replace(
        "newmtl m3\nKd 1 1 1", "newmtl m3\nKd 0 0.5 1"))
    scan = load_scan(obj)
    # two textures at full size, and the two Kd colours (white, sky blue) as flat atlases
    assert [a.size for a in scan.atlases] == [(32, 32), (32, 32), (4, 4), (4, 4)]
    assert sorted(_corner_colour(a) for a in scan.atlases) == sorted(
        [ATLAS_COLOURS[0], ATLAS_COLOURS[1], (255, 255, 255), (0, 128, 255)])
    assert np.bincount(face_atlases(scan.mesh)).tolist() == [32] * 4
