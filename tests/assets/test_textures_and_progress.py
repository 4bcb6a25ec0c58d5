"""Texture resizing/encoding, placeholders, and the progress/cancel helpers."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from vitrine.assets.progress import CancelToken, Cancelled, report, sub_progress
from vitrine.assets.scan_errors import ScanError, ScanTooLarge
from vitrine.assets.texturing.textures import encode_texture, placeholder_texture, resize_texture


def test_resize_to_power_of_two_never_enlarges():
    img = Image.new("RGB", (3000, 1500), (9, 9, 9))
    assert resize_texture(img, 1024).size == (1024, 512)
    assert resize_texture(Image.new("RGB", (300, 200)), 4096).size == (256, 128)
    assert resize_texture(Image.new("RGB", (300, 200)), 4096, power_of_two=False).size == (300, 200)


def test_opaque_is_jpeg_and_alpha_is_png():
    opaque = encode_texture(Image.new("RGBA", (64, 64), (10, 20, 30, 255)), 32)
    assert opaque.mime_type == "image/jpeg" and opaque.size == (32, 32)
    assert Image.open(io.BytesIO(opaque.data)).format == "JPEG"
    clear = encode_texture(Image.new("RGBA", (64, 64), (10, 20, 30, 100)))
    assert clear.mime_type == "image/png"
    assert Image.open(io.BytesIO(clear.data)).getpixel((0, 0))[3] == 100
    assert len(clear.sha256) == 64


def test_placeholder_is_a_checker():
    img = placeholder_texture(64, 4)
    assert img.size == (64, 64) and img.getpixel((0, 0)) != img.getpixel((16, 0))
    assert img.getpixel((0, 0)) == img.getpixel((16, 16))


def test_progress_helpers():
    seen = []
    inner = sub_progress(lambda f, m: seen.append((f, m)), 0.5, 1.0)
    report(inner, 0.5, "half")
    report(inner, 2.0, "clamped")
    assert seen == [(0.75, "half"), (1.0, "clamped")]
    token = CancelToken()
    report(None, 0.1, "fine", token)
    token.cancel()
    assert token.cancelled
    with pytest.raises(Cancelled):
        report(None, 0.2, "stop", token)


def test_scan_errors_are_one_line_with_the_file_name():
    err = ScanError("/data/some dir/bunny.ply", "bad\nthing")
    assert str(err) == "bunny.ply: bad thing"
    big = ScanTooLarge("x.ply", "too big", claimed_faces=5, max_faces=1)
    assert isinstance(big, ScanError) and big.claimed_faces == 5
