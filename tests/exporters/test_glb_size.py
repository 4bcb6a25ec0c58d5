"""The exported GLB stays as small as gltfpack 1.3 -cc's at the same quantisation.

What the size relies on: the JSON holds no names (the viewer names the loaded scene
itself) and no sampler (the spec's default is what we would write), and the
quantisation is gltfpack's own arithmetic, so the geometry streams are its streams.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import trimesh

from vitrine.exporters.bundle.glb_compression import GlbSettings, compress_mesh
from vitrine.assets.formats.glb_arrays import read_glb_arrays

from .conftest import coloured_box, textured_sphere
from .glb_decode import split

GLTFPACK = Path(__file__).resolve().parents[2] / "exporters" / "viewer" / "node_modules" / ".bin" / "gltfpack"


def _keys(value, path=""):
    """Every (path, key) of a JSON value, extensions' payloads included."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield path, k
            yield from _keys(v, f"{path}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _keys(v, f"{path}/{i}")


def _plain(geometry, tmp_path: Path) -> Path:
    """A stored level with its normals: without them we write smooth normals (the viewer
    lights the surface with them) and gltfpack writes none, which is no like-for-like."""
    path = tmp_path / "level.glb"
    _ = geometry.vertex_normals
    path.write_bytes(trimesh.Scene(geometry).export(file_type="glb", include_normals=True))
    return path


@pytest.mark.parametrize("make", [textured_sphere, coloured_box], ids=["textured", "coloured"])
def test_json_holds_no_names_or_samplers(make, tmp_path):
    doc, _ = split(compress_mesh(read_glb_arrays(_plain(make(), tmp_path)), name="Painted Vase", generator="Vitrine 0.1"))
    assert not [p for p, k in _keys(doc) if k == "name"]
    assert "samplers" not in doc and all("sampler" not in t for t in doc.get("textures", []))


def _sphere():
    """A textured sphere of some 10k triangles: big enough that stream sizes mean something."""
    mesh = textured_sphere()
    dense = trimesh.creation.uv_sphere(radius=0.1, count=(96, 96))
    dense.apply_translation((0, 0.1, 0))
    uv = (dense.vertices[:, [0, 1]] + [0.1, 0.0]) / 0.2
    dense.visual = trimesh.visual.TextureVisuals(uv=uv.clip(0, 1), image=mesh.visual.material.image)
    return dense


@pytest.mark.skipif(not (GLTFPACK.is_file() and shutil.which("node")),
                    reason="gltfpack 1.3 is not installed (npm ci in exporters/viewer)")
def test_no_larger_than_gltfpack_cc(tmp_path):
    plain = _plain(_sphere(), tmp_path)
    ours = compress_mesh(read_glb_arrays(plain), name="t", generator="gltfpack 1.3", settings=GlbSettings())
    out = tmp_path / "pack.glb"
    subprocess.run(["node", str(GLTFPACK), "-i", str(plain), "-o", str(out), "-cc"], check=True, capture_output=True)
    theirs = out.read_bytes()
    # same generator string, no copyright or XMP record: the rest must cost no more than gltfpack's
    assert len(ours) <= len(theirs)
    assert len(split(ours)[1]) <= len(split(theirs)[1])  # the geometry streams alone, too
