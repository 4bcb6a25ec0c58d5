"""Compressed GLBs decode back to the stored geometry, carry their record, and pass the Khronos validator."""
from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image

from vitrine.exporters.bundle.glb_compression import GlbSettings, compress_mesh, encode_octahedral
from tests.gltf_validator import validate_glbs
from vitrine.assets.formats.glb_arrays import read_glb_arrays

from .conftest import coloured_box, point_cloud, textured_sphere
from .glb_decode import accessor, positions_in_metres, split, view_bytes


def _stored(geometry, tmp_path):
    import trimesh
    path = tmp_path / "level.glb"
    path.write_bytes(trimesh.Scene(geometry).export(file_type="glb"))
    return read_glb_arrays(path)


def _compress(mesh, **kw):
    return compress_mesh(mesh, name="t", generator="Vitrine 0.1", copyright_text="© Museum",
                         xmp_packet={"@context": {"dc": "http://purl.org/dc/elements/1.1/"}, "dc:title": "t"}, **kw)


def _sorted_rows(a: np.ndarray) -> np.ndarray:
    return a[np.lexsort(a.T[::-1])]


def test_triangle_mesh_round_trips_within_quantisation(tmp_path):
    import trimesh
    mesh = _stored(trimesh.creation.icosphere(subdivisions=3), tmp_path)
    doc, binary = split(_compress(mesh))
    assert doc["extensionsRequired"] == ["EXT_meshopt_compression", "KHR_mesh_quantization"]
    pos = positions_in_metres(doc, binary)
    extent = float((mesh.positions.max(0) - mesh.positions.min(0)).max())
    step = extent / (2 ** 14 - 1)
    prim = doc["meshes"][0]["primitives"][0]
    tris = accessor(doc, binary, prim["indices"]).reshape(-1, 3)
    assert prim.get("mode", 4) == 4 and len(tris) == len(mesh.triangles) and len(pos) == len(mesh.positions)
    # every decoded vertex lies within one grid step of its original, and the triangles are the same
    from scipy.spatial import cKDTree
    dist, nearest = cKDTree(mesh.positions.astype(np.float64)).query(pos)
    assert dist.max() <= step
    ours = {tuple(sorted(t)) for t in nearest[tris].tolist()}
    assert ours == {tuple(sorted(t)) for t in mesh.triangles.tolist()}
    normals = accessor(doc, binary, prim["attributes"]["NORMAL"])[:, :3].astype(np.float64) / 127.0
    expected = pos / np.linalg.norm(pos, axis=1, keepdims=True)  # a sphere's normals point outwards
    assert np.min(np.sum(normals / np.linalg.norm(normals, axis=1, keepdims=True) * expected, axis=1)) > 0.98


def test_vertex_colours_kept_as_rgba_bytes(tmp_path):
    box = coloured_box()
    mesh = _stored(box, tmp_path)
    doc, binary = split(_compress(mesh))
    prim = doc["meshes"][0]["primitives"][0]
    acc = doc["accessors"][prim["attributes"]["COLOR_0"]]
    assert acc["componentType"] == 5121 and acc["normalized"] and acc["type"] == "VEC4"
    colours = accessor(doc, binary, prim["attributes"]["COLOR_0"])
    pos = positions_in_metres(doc, binary)
    got = {tuple(np.round(p, 3)): tuple(c) for p, c in zip(pos, colours)}
    for p, c in zip(mesh.positions, mesh.colors):
        assert got[tuple(np.round(p.astype(np.float64), 3))] == tuple(c)


def test_point_cloud_is_a_points_primitive(tmp_path):
    cloud = point_cloud()
    mesh = _stored(cloud, tmp_path)
    assert mesh.is_points
    doc, binary = split(_compress(mesh))
    prim = doc["meshes"][0]["primitives"][0]
    assert prim["mode"] == 0 and "indices" not in prim
    pos = positions_in_metres(doc, binary)
    step = float((mesh.positions.max(0) - mesh.positions.min(0)).max()) / (2 ** 14 - 1)
    from scipy.spatial import cKDTree
    dist, nearest = cKDTree(mesh.positions.astype(np.float64)).query(pos)
    assert len(pos) == 500 and dist.max() <= step and len(set(nearest.tolist())) == 500
    assert len(accessor(doc, binary, prim["attributes"]["COLOR_0"])) == 500


def test_texture_resized_per_level_and_uvs_quantised(tmp_path):
    sphere = textured_sphere()
    sphere.visual.material.image = Image.fromarray(
        np.random.default_rng(4).integers(0, 255, (1024, 1024, 3), dtype=np.uint8), "RGB")
    mesh = _stored(sphere, tmp_path)
    doc, binary = split(_compress(mesh, settings=GlbSettings(texture_max=512)))
    raw, _ = view_bytes(doc, binary, doc["images"][0]["bufferView"])
    img = Image.open(io.BytesIO(raw))
    assert img.size == (512, 512) and doc["images"][0]["mimeType"] == "image/jpeg"
    prim = doc["meshes"][0]["primitives"][0]
    # 12-bit integers over the UV bounds, mapped back by KHR_texture_transform (as gltfpack)
    info = doc["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"]
    transform = info["extensions"]["KHR_texture_transform"]
    assert "KHR_texture_transform" in doc["extensionsRequired"]
    q = accessor(doc, binary, prim["attributes"]["TEXCOORD_0"])
    assert q.max() <= 4095
    uv = q.astype(np.float64) / 65535.0 * np.array(transform["scale"]) + np.array(transform["offset"])
    pos = positions_in_metres(doc, binary)
    lookup = {tuple(np.round(p, 3)): u for p, u in zip(pos, uv)}
    for p, u in zip(mesh.positions, mesh.uvs):
        assert np.allclose(lookup[tuple(np.round(p.astype(np.float64), 3))], u, atol=1.0 / 4095)


def test_asset_metadata_and_xmp(bundle):
    out, _ = bundle
    doc, _ = split((out / "models/painted-vase/low.glb").read_bytes())
    assert doc["asset"]["generator"].startswith("Vitrine ")
    assert "Museum & Co" in doc["asset"]["copyright"]
    packet = doc["extensions"]["KHR_xmp_json_ld"]["packets"][doc["asset"]["extensions"]["KHR_xmp_json_ld"]["packet"]]
    assert packet["@context"]["dc"] == "http://purl.org/dc/elements/1.1/"
    assert packet["@context"]["dcterms"] == "http://purl.org/dc/terms/"
    assert packet["dc:identifier"] == "INV.0" and packet["dc:date"] == "c. 1900"
    assert packet["dc:title"]["rdf:_1"] == {"@language": "en", "@value": "Painted Vase"}
    assert packet["dc:creator"] == {"@list": ["Unknown"]}
    assert packet["dc:rights"].startswith("https://creativecommons.org/") and packet["dcterms:rightsHolder"]
    assert "KHR_xmp_json_ld" in doc["extensionsUsed"]


def test_measured_dimensions_reach_the_record_and_the_credits(bundle):
    out, _ = bundle
    exhibit = json.loads((out / "exhibit.json").read_text())
    vase = next(a for a in exhibit["artifacts"] if a["name"] == "Painted Vase")
    expected = " × ".join(f"{d * 100:.1f}" for d in vase["dimensions"]) + " cm"
    doc, _ = split((out / "models/painted-vase/low.glb").read_bytes())
    packet = doc["extensions"]["KHR_xmp_json_ld"]["packets"][doc["asset"]["extensions"]["KHR_xmp_json_ld"]["packet"]]
    assert any(expected in e for e in packet["dcterms:extent"]["@set"])
    assert expected in (out / "credits.html").read_text()


def test_octahedral_encoding_decodes_to_unit_vectors():
    import meshoptimizer
    rng = np.random.default_rng(5)
    n = rng.normal(size=(200, 3))
    n /= np.linalg.norm(n, axis=1, keepdims=True)
    enc = encode_octahedral(n.astype(np.float32), 8)
    dec = np.asarray(meshoptimizer.decode_filter_oct(enc.copy(), len(enc), 4)).reshape(-1, 4)[:, :3] / 127.0
    dec /= np.linalg.norm(dec, axis=1, keepdims=True)
    assert np.min(np.sum(dec * n, axis=1)) > 0.99


def test_exported_glbs_pass_khronos_validator_with_zero_errors(bundle):
    out, _ = bundle
    glbs = sorted(out.rglob("*.glb"))
    results = validate_glbs(glbs)
    assert len(results) == len(glbs) >= 5
    for r in results:
        assert r.errors == [], (r.path, r.errors)
