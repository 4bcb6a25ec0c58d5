"""Texture resizing, re-encoding and placeholder images."""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import numpy as np
from PIL import Image


@dataclass(frozen=True)
class EncodedTexture:
    """An encoded image: ``data`` bytes, ``mime_type`` ('image/jpeg'|'image/png'), ``size`` (w, h) px."""

    data: bytes
    mime_type: str
    size: tuple[int, int]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def placeholder_texture(size: int = 256, squares: int = 8) -> Image.Image:
    """A magenta/grey checker (RGB, ``size``×``size`` px) that stands for a missing texture."""
    cell = max(1, size // squares)
    yy, xx = np.mgrid[0:size, 0:size]
    checker = ((xx // cell + yy // cell) % 2).astype(bool)
    rgb = np.where(checker[..., None], np.array([200, 0, 200], np.uint8), np.array([90, 90, 90], np.uint8))
    return Image.fromarray(rgb.astype(np.uint8), "RGB")


def _floor_pow2(n: int) -> int:
    return 1 << max(0, int(n).bit_length() - 1)


def has_alpha(image: Image.Image) -> bool:
    """True when the image has an alpha channel with any pixel below fully opaque."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        alpha = image.convert("RGBA").getchannel("A")
        return alpha.getextrema()[0] < 255
    return False


def resize_texture(image: Image.Image, max_side: int | None, *, power_of_two: bool = True) -> Image.Image:
    """Shrink ``image`` so neither side exceeds ``max_side`` pixels (never enlarges).

    With ``power_of_two`` each side is rounded down to a power of two, which
    GPUs mip-map best and WebGL 1 requires for repeat wrapping.
    ``max_side=None`` keeps the size (still rounding to powers of two).
    """
    w, h = image.size
    scale = 1.0 if max_side is None else min(1.0, max_side / max(w, h))
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    if power_of_two:
        nw, nh = _floor_pow2(nw), _floor_pow2(nh)
    if (nw, nh) == (w, h):
        return image.copy()
    return image.resize((nw, nh), Image.LANCZOS)


def _resized(image: Image.Image, max_side: int | None, power_of_two: bool) -> Image.Image:
    """resize_texture without its defensive copy when nothing changes."""
    w, h = image.size
    scale = 1.0 if max_side is None else min(1.0, max_side / max(w, h))
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    if power_of_two:
        nw, nh = _floor_pow2(nw), _floor_pow2(nh)
    return image if (nw, nh) == (w, h) else resize_texture(image, max_side, power_of_two=power_of_two)


def encode_texture(image: Image.Image, max_side: int | None = None, *, jpeg_quality: int = 88,
                   power_of_two: bool = True) -> EncodedTexture:
    """Resize then encode: JPEG for opaque images, PNG when there is real transparency."""
    img = _resized(image, max_side, power_of_two)
    buf = io.BytesIO()
    # No copies of an image already the right size and mode: an atlas can be 8k².
    if has_alpha(img):
        (img if img.mode == "RGBA" else img.convert("RGBA")).save(buf, "PNG", optimize=True)
        mime = "image/png"
    else:
        (img if img.mode in ("RGB", "L") else img.convert("RGB")).save(buf, "JPEG", quality=jpeg_quality,
                                                                      optimize=True)
        mime = "image/jpeg"
    return EncodedTexture(buf.getvalue(), mime, img.size)
