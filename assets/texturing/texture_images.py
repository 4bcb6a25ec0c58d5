"""Photogrammetry-size textures with bounded memory: a deliberate pixel limit, and JPEG
draft decoding straight to the largest size a level publishes.

Pillow's default MAX_IMAGE_PIXELS (~89 M pixels) refuses an ordinary 16384² atlas as a
"decompression bomb".  The limit here is :data:`MAX_TEXTURE_PIXELS` = 16384 × 16384
(268,435,456 pixels, WebGL's largest common MAX_TEXTURE_SIZE squared): a 16k RGB image
decodes to 768 MiB at most; anything larger is refused by its header, before decoding,
with one line naming the file (``<file>: 100,000 × 100,000 pixels, over the 268,435,456-pixel
limit``).

Textures are kept at most :data:`MAX_DECODED_SIDE` pixels on their longer side (8192:
the largest texture phones and headsets load; no level publishes more).  JPEG decodes
straight to that scale with ``Image.draft`` (the DCT scales by 1/2, 1/4, 1/8 while
decoding, so a 16k JPEG never exists at full size in memory); other formats decode once
and are reduced.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Union

from PIL import Image

from vitrine.assets.scan_errors import scan_error

__all__ = ["ViewReader", "MAX_TEXTURE_PIXELS", "MAX_DECODED_SIDE", "check_pixels", "open_image", "decode_texture", "bounded_texture"]

MAX_TEXTURE_PIXELS = 16384 * 16384
MAX_DECODED_SIDE = 8192
# Deliberate: Pillow warns above this and raises above twice it; our own check
# (check_pixels) refuses anything above it first, with a clear message.
Image.MAX_IMAGE_PIXELS = MAX_TEXTURE_PIXELS

Source = Union[str, Path, bytes, memoryview, Image.Image]


class ViewReader(io.RawIOBase):
    """A seekable, read-only stream over a memoryview (no copy of the viewed bytes)."""

    def __init__(self, view: memoryview | bytes) -> None:
        super().__init__()
        self._view, self._pos = memoryview(view).cast("B"), 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: len(self._view)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def readinto(self, buffer) -> int:
        chunk = self._view[self._pos:self._pos + len(buffer)]
        n = len(chunk)
        memoryview(buffer).cast("B")[:n] = chunk
        self._pos += n
        return n


def _stream(source):
    """A binary stream for ``source`` without copying it: bytes through BytesIO (which
    shares a bytes object), other bytes-like objects through :class:`ViewReader`; file
    objects are rewound and used as they are; anything else is a path."""
    if isinstance(source, bytes):
        return io.BytesIO(source)
    if isinstance(source, (bytearray, memoryview)):
        return io.BufferedReader(ViewReader(source), 1 << 16)
    if hasattr(source, "read"):
        source.seek(0)
        return source
    return open(source, "rb")


def check_pixels(size: tuple[int, int], name: str | Path) -> None:
    """Raise ScanError naming ``name`` when ``size`` (w, h) px is over the pixel limit."""
    w, h = int(size[0]), int(size[1])
    if w * h > MAX_TEXTURE_PIXELS:
        raise scan_error(name, "{width} × {height} pixels, over the {limit}-pixel limit", width=f"{w:,}", height=f"{h:,}",
                         limit=f"{MAX_TEXTURE_PIXELS:,}")


def header_size(source) -> tuple[int, int] | None:
    """(w, h) px as the image's header claims, read by Pillow's format plugins without
    Image.open's bomb check (which refuses before saying the size); None if unknown."""
    Image.init()
    fp = _stream(source)
    try:
        prefix = fp.read(16)
        for fmt in Image.ID:
            factory, accept = Image.OPEN[fmt]
            if accept is not None and not accept(prefix):
                continue
            try:
                fp.seek(0)
                return tuple(factory(fp, "").size)  # type: ignore[return-value]
            except Exception:  # noqa: BLE001 - not this format
                continue
    finally:
        if fp is not source:
            fp.close()
    return None


def open_image(source, name: str | Path) -> Image.Image:
    """Image.open (lazy: header only) that refuses an image over the pixel limit with
    the exact size in the message, whether or not Pillow's own bomb check fires first.

    ``source``: a path, bytes-like object or seekable binary file object."""
    try:
        image = Image.open(_stream(source) if isinstance(source, (bytes, bytearray, memoryview)) else source)
    except Image.DecompressionBombError:
        size = header_size(source)
        if size is not None:
            check_pixels(size, name)
        raise scan_error(name, "the image is over the {limit}-pixel limit", limit=f"{MAX_TEXTURE_PIXELS:,}") from None
    check_pixels(image.size, name)
    return image


def _open(source: Source, name: str | Path) -> Image.Image:
    return source if isinstance(source, Image.Image) else open_image(source, name)


def bounded_texture(image: Image.Image, name: str | Path, max_side: int = MAX_DECODED_SIDE) -> Image.Image:
    """``image`` (opened, possibly not yet decoded) checked against the pixel limit and
    decoded at most ``max_side`` px on its longer side: JPEG by draft scaling while
    decoding, others decoded once then reduced by an integer box filter and resized."""
    check_pixels(image.size, name)
    w, h = image.size
    if max(w, h) <= max_side:
        image.load()
        return image
    scale = max_side / max(w, h)
    if image.format == "JPEG" and getattr(image, "_im", None) is None:
        # draft() picks the strongest DCT scaling that still gives at least this size.
        image.draft("RGB", (max(1, int(w * scale)), max(1, int(h * scale))))
    image.load()
    if max(image.size) > max_side:
        factor = max(1, max(image.size) // max_side)
        if factor > 1:
            image = image.reduce(factor)
        if max(image.size) > max_side:
            s = max_side / max(image.size)
            image = image.resize((max(1, round(image.size[0] * s)), max(1, round(image.size[1] * s))),
                                 Image.LANCZOS)
    return image


def decode_texture(source: Source, name: str | Path, max_side: int = MAX_DECODED_SIDE) -> Image.Image:
    """Open a texture (path, bytes or an opened PIL image) and decode it bounded: see
    :func:`bounded_texture`.  Raises ScanError naming ``name`` over the pixel limit."""
    return bounded_texture(_open(source, name), name, max_side)
