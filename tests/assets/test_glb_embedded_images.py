"""GLBs with embedded images: the image bytes never go through trimesh (issue 17 part 2),
yet the texture's pixels survive, and a decompression bomb is still refused by its header."""
from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from vitrine.assets.formats.glb_images import image_views, stub_glb
from vitrine.assets.formats.gltf_loading import split_glb
from vitrine.assets.scan_errors import ScanError
from vitrine.assets.scan_loading import load_scan

from .texture_fixtures import noise_image, png_header_only, write_glb


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def test_an_embedded_png_keeps_its_pixels(tmp_path):
    image = noise_image(96, seed=3)
    scan = load_scan(write_glb(tmp_path / "quad.glb", _png(image)))
    assert scan.texture.size == (96, 96)  # under every level's side: not resized
    assert np.array_equal(np.asarray(scan.texture.convert("RGB")), np.asarray(image))


def test_trimesh_is_handed_a_stand_in_not_the_image(tmp_path):
    big = _png(noise_image(512, seed=1))
    glb = write_glb(tmp_path / "quad.glb", big).read_bytes()
    doc, binary = split_glb(tmp_path / "quad.glb", memoryview(glb))
    stub = stub_glb(doc, binary, image_views(doc))
    assert len(stub) < 2000 < 100_000 < len(big)
    stub_doc, stub_bin = split_glb(tmp_path / "stub.glb", stub)
    v = stub_doc["bufferViews"][3]
    assert Image.open(io.BytesIO(stub_bin[v["byteOffset"]:v["byteOffset"] + v["byteLength"]])).size == (1, 1)
    # geometry views are carried over byte for byte
    for i in range(3):
        a, b = doc["bufferViews"][i], stub_doc["bufferViews"][i]
        assert binary[a["byteOffset"]:a["byteOffset"] + a["byteLength"]] == \
            stub_bin[b["byteOffset"]:b["byteOffset"] + b["byteLength"]]


def test_an_embedded_png_bomb_is_refused_with_the_exact_message(tmp_path):
    glb = write_glb(tmp_path / "bomb.glb", png_header_only(100_000, 100_000))
    with pytest.raises(ScanError) as err:
        load_scan(glb)
    assert str(err.value) == "bomb.glb image 0: 100,000 × 100,000 pixels, over the 268,435,456-pixel limit"


def test_an_unreadable_embedded_image_leaves_the_scan_untextured(tmp_path):
    scan = load_scan(write_glb(tmp_path / "quad.glb", b"\x89PNG\r\n\x1a\n" + b"not a png at all" * 4))
    assert scan.texture is None and len(scan.mesh.faces) == 2


def test_an_embedded_jpeg_keeps_its_pixels_through_the_file_window(tmp_path):
    buf = io.BytesIO()
    noise_image(64, seed=5).save(buf, "JPEG", quality=95)
    scan = load_scan(write_glb(tmp_path / "quad.glb", buf.getvalue(), "image/jpeg"))
    expected = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGB"))
    assert np.array_equal(np.asarray(scan.texture.convert("RGB")), expected)
