"""Photogrammetry-size textures: a deliberate pixel limit with an exact refusal for bombs,
and JPEG draft decoding to the published size."""
from __future__ import annotations

import functools
import io

import pytest
from PIL import Image

from vitrine.assets.scan_errors import ScanError
from vitrine.assets.scan_loading import load_scan
from vitrine.assets.texturing.texture_images import MAX_DECODED_SIDE, MAX_TEXTURE_PIXELS, bounded_texture, check_pixels

from .texture_fixtures import noise_image, png_header_only, write_glb, write_obj

BOMB = "100,000 × 100,000 pixels, over the 268,435,456-pixel limit"


def test_the_limit_is_a_16k_square_and_pillow_is_told():
    assert MAX_TEXTURE_PIXELS == 16384 * 16384 == 268_435_456
    assert Image.MAX_IMAGE_PIXELS == MAX_TEXTURE_PIXELS
    check_pixels((16384, 16384), "atlas.jpg")  # a 16k atlas is welcome
    with pytest.raises(ScanError) as err:
        check_pixels((16385, 16384), "atlas.jpg")
    assert str(err.value) == "atlas.jpg: 16,385 × 16,384 pixels, over the 268,435,456-pixel limit"


def test_a_png_bomb_in_an_obj_material_is_refused_by_name(tmp_path):
    obj = write_obj(tmp_path, "bomb.png", png_header_only(100_000, 100_000))
    with pytest.raises(ScanError) as err:
        load_scan(obj)
    assert str(err.value) == f"bomb.png: {BOMB}"


def test_a_png_bomb_embedded_in_a_glb_is_refused_by_name(tmp_path):
    glb = write_glb(tmp_path / "mask.glb", png_header_only(100_000, 100_000))
    with pytest.raises(ScanError) as err:
        load_scan(glb)
    assert str(err.value) == f"mask.glb image 0: {BOMB}"


@functools.lru_cache(maxsize=None)
def _jpeg(side: int) -> bytes:
    """A JPEG ``side`` px square; above 4096 px a grey gradient (a 16k RGB image would take
    768 MiB just to make), below it colour noise."""
    buf = io.BytesIO()
    image = noise_image(side) if side <= 4096 else Image.linear_gradient("L").resize((side, side), Image.NEAREST)
    image.save(buf, "JPEG", quality=90)
    return buf.getvalue()


def test_jpeg_decodes_by_draft_straight_to_the_asked_size():
    image = Image.open(io.BytesIO(_jpeg(2048)))
    out = bounded_texture(image, "t.jpg", max_side=512)
    # Draft scaling happened in the decoder: the image was never 2048 px in memory.
    assert out.size == (512, 512) and out is image and image.decoderconfig == (4, 0)


def test_other_formats_are_decoded_once_then_reduced():
    buf = io.BytesIO()
    noise_image(1024).save(buf, "PNG")
    out = bounded_texture(Image.open(buf), "t.png", max_side=256)
    assert out.size == (256, 256)
    small = Image.open(io.BytesIO(_jpeg(256)))
    assert bounded_texture(small, "s.jpg", max_side=512).size == (256, 256)


@pytest.mark.parametrize("kind", ["obj", "glb"])
def test_imported_textures_are_bounded_by_the_largest_published_side(tmp_path, kind):
    side = 2 * MAX_DECODED_SIDE  # a 16k photogrammetry atlas, as JPEG
    data = _jpeg(side)
    path = write_obj(tmp_path, "atlas.jpg", data) if kind == "obj" else \
        write_glb(tmp_path / "quad.glb", data, "image/jpeg")
    scan = load_scan(path)
    assert scan.texture.size == (MAX_DECODED_SIDE, MAX_DECODED_SIDE)
    assert scan.texture.decoderconfig == (2, 0), "decoded at half scale by the JPEG decoder, never at 16k"
    material = scan.mesh.visual.material
    assert (getattr(material, "baseColorTexture", None) or material.image) is scan.texture
