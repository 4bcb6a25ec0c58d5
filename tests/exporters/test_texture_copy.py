"""Stored level textures that already fit go into the compressed GLB byte for byte;
the others are resized and re-encoded; either way the GLB stays valid."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from vitrine.assets.formats.glb_io import glb_bytes
from vitrine.assets.texturing.textures import encode_texture
from vitrine.exporters.bundle.glb_compression import GlbSettings, compress_mesh
from tests.gltf_validator import validate_glbs
from vitrine.assets.formats.glb_arrays import read_glb_arrays

from .conftest import textured_sphere
from .glb_decode import split, view_bytes


def _noise(side: int, alpha: bool = False) -> Image.Image:
    rng = np.random.default_rng(side)
    if alpha:
        pixels = rng.integers(0, 255, (side, side, 4), dtype=np.uint8)
        pixels[..., 3] = 128
        return Image.fromarray(pixels, "RGBA")
    return Image.fromarray(rng.integers(0, 255, (side, side, 3), dtype=np.uint8), "RGB")


def _stored_level(tmp_path, image: Image.Image, name: str = "level.glb"):
    """A level written as a project stores it (JPEG when opaque, PNG with alpha); returns (mesh, image bytes)."""
    sphere = textured_sphere()
    encoded = encode_texture(image, None, power_of_two=False)
    path = tmp_path / name
    path.write_bytes(glb_bytes(sphere, texture=encoded))
    return read_glb_arrays(path), encoded


def _glb_image(glb: bytes) -> tuple[bytes, str]:
    doc, binary = split(glb)
    raw, _ = view_bytes(doc, binary, doc["images"][0]["bufferView"])
    return raw, doc["images"][0]["mimeType"]


@pytest.mark.parametrize("alpha, mime", [(False, "image/jpeg"), (True, "image/png")])
def test_fitting_stored_texture_is_copied_unchanged(tmp_path, alpha, mime):
    mesh, stored = _stored_level(tmp_path, _noise(256, alpha))
    assert stored.mime_type == mime
    for limit in (None, 256, 1024):
        raw, got_mime = _glb_image(compress_mesh(mesh, name="t", generator="g", settings=GlbSettings(texture_max=limit)))
        assert raw == stored.data and got_mime == mime


def test_larger_texture_is_resized_and_encoded(tmp_path):
    mesh, stored = _stored_level(tmp_path, _noise(512))
    raw, mime = _glb_image(compress_mesh(mesh, name="t", generator="g", settings=GlbSettings(texture_max=128)))
    assert raw != stored.data and mime == "image/jpeg"
    assert Image.open(io.BytesIO(raw)).size == (128, 128)


def test_non_power_of_two_texture_is_still_made_power_of_two(tmp_path):
    mesh, stored = _stored_level(tmp_path, _noise(300))
    raw, _ = _glb_image(compress_mesh(mesh, name="t", generator="g", settings=GlbSettings(texture_max=None)))
    assert raw != stored.data and Image.open(io.BytesIO(raw)).size == (256, 256)


def test_truncated_texture_is_not_copied_and_fails_as_a_value_error(tmp_path):
    mesh, stored = _stored_level(tmp_path, _noise(64))
    cut = stored.data[: len(stored.data) // 2]
    mesh.texture_source = type(stored)(cut, stored.mime_type, stored.size)
    mesh.texture = Image.open(io.BytesIO(cut))
    with pytest.raises(ValueError, match="texture"):
        compress_mesh(mesh, name="t", generator="g")


def test_copied_and_encoded_textures_pass_the_validator(tmp_path):
    paths = []
    for n, (image, limit) in enumerate([(_noise(128), None), (_noise(128, True), 512), (_noise(512), 256)]):
        mesh, _ = _stored_level(tmp_path, image, f"in{n}.glb")
        out = tmp_path / f"out{n}.glb"
        out.write_bytes(compress_mesh(mesh, name="t", generator="g", settings=GlbSettings(texture_max=limit)))
        paths.append(out)
    results = validate_glbs(paths)
    assert len(results) == 3 and all(r.errors == [] for r in results), [(r.path, r.errors) for r in results]
