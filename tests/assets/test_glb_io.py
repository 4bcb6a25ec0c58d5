"""GLB files of levels round-trip geometry, colours (RGBA), UVs + textures and point clouds."""
from __future__ import annotations

import hashlib
import io

import numpy as np
import pytest
import trimesh
from PIL import Image

from vitrine.assets.formats.glb_io import glb_bytes, read_glb, write_glb
from vitrine.assets.geometry.procedural_meshes import lathe_vessel, relief_tablet
from vitrine.assets.scan_loading import load_scan


def test_vertex_colour_mesh_round_trip(tmp_path):
    mesh = relief_tablet(40, 30)
    path = tmp_path / "tablet lod.glb"
    digest = write_glb(mesh, path)
    assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
    back = read_glb(path)
    assert np.allclose(back.vertices, mesh.vertices, atol=1e-6) and np.array_equal(back.faces, mesh.faces)
    assert np.array_equal(back.visual.vertex_colors, mesh.visual.vertex_colors)
    # The file is valid for our own loader too.
    assert len(load_scan(path).mesh.faces) == len(mesh.faces)


def test_textured_mesh_round_trip_with_replacement_texture():
    mesh = lathe_vessel(32, 24)
    small = Image.new("RGB", (64, 64), (200, 120, 40))
    buf = io.BytesIO()
    write_glb(mesh, buf, texture=small)
    assert b'"mimeType":"image/jpeg"' in buf.getvalue()  # opaque -> JPEG, not a huge PNG
    back = read_glb(buf.getvalue())
    assert np.allclose(back.visual.uv, mesh.visual.uv, atol=1e-6)
    image = back.visual.material.baseColorTexture
    assert image.size == (64, 64)
    assert np.abs(np.subtract(image.convert("RGB").getpixel((5, 5)), (200, 120, 40))).max() <= 3


def test_own_texture_with_alpha_is_stored_as_png():
    mesh = lathe_vessel(16, 12)
    mesh.visual.material.image = Image.new("RGBA", (32, 16), (10, 20, 30, 77))
    buf = io.BytesIO()
    write_glb(mesh, buf)
    assert b'"mimeType":"image/png"' in buf.getvalue()
    image = read_glb(buf.getvalue()).visual.material.baseColorTexture
    assert image.size == (32, 16) and image.getpixel((3, 3)) == (10, 20, 30, 77)


def test_point_cloud_round_trip_as_points():
    rng = np.random.default_rng(1)
    cloud = trimesh.PointCloud(rng.random((500, 3)), colors=rng.integers(0, 255, (500, 4), dtype=np.uint8))
    buf = io.BytesIO()
    write_glb(cloud, buf)
    assert b'"mode":0' in buf.getvalue().replace(b" ", b"")
    back = read_glb(buf.getvalue())
    assert isinstance(back, trimesh.PointCloud)
    assert np.allclose(back.vertices, cloud.vertices, atol=1e-6)
    assert np.array_equal(back.colors, cloud.colors)


def test_same_geometry_gives_same_bytes():
    mesh = relief_tablet(20, 20)
    a, b = io.BytesIO(), io.BytesIO()
    assert write_glb(mesh, a) == write_glb(mesh, b)


def test_glb_bytes_of_a_coloured_mesh_makes_no_copy_of_it(monkeypatch):
    # A 20M-face level would cost ~700 MiB more as a copy; the bytes must not change.
    mesh = trimesh.creation.icosphere(subdivisions=3)
    mesh.visual = trimesh.visual.ColorVisuals(mesh, vertex_colors=np.tile([200, 30, 10, 255], (len(mesh.vertices), 1)))
    expected = glb_bytes(mesh)
    monkeypatch.setattr(trimesh.Trimesh, "copy", lambda self, **kw: pytest.fail("the mesh was copied"))
    assert glb_bytes(mesh) == expected
    assert b"COLOR_0" in expected and b'"shape":"sphere"' in expected  # colours and metadata kept
