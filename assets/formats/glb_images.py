"""Images embedded in a GLB's binary chunk, kept out of trimesh.

trimesh copies every embedded image's bytes and decodes them at full size; with a 16k PNG
(~765 MiB compressed, 768 MiB decoded) beside the file's own bytes that peaked at 3.7 GB.
Here each image bufferView is cut out of the GLB handed to trimesh and replaced by a 1×1
stand-in PNG tagged with the image's index; afterwards each stand-in is swapped for the
real image, opened lazily from a window onto the file (or onto the caller's bytes), so
the compressed bytes are never copied and the decode happens once, bounded, in
:func:`assets.trimesh_scans.scan_from_loaded`.
"""
from __future__ import annotations

import io
import json
import os
import struct
from pathlib import Path
from typing import Callable

import trimesh
from PIL import Image, PngImagePlugin

from vitrine.assets.texturing.texture_images import ViewReader, open_image

__all__ = ["all_in_bin_chunk", "image_views", "stub_glb", "swap_stub_images", "FileWindow", "open_embedded"]

_TAG = "vitrine-glb-image"


def image_views(doc: dict) -> dict[int, int]:
    """{bufferView index: image index} for every image stored in a bufferView."""
    out: dict[int, int] = {}
    for i, img in enumerate(doc.get("images", []) if isinstance(doc.get("images"), list) else []):
        if isinstance(img, dict) and isinstance(img.get("bufferView"), int):
            out.setdefault(img["bufferView"], i)
    return out


def all_in_bin_chunk(doc: dict) -> bool:
    """True when the GLB has one buffer (its BIN chunk) and every bufferView lies in it:
    the only layout :func:`stub_glb` rewrites (others go to trimesh as they are)."""
    views = doc.get("bufferViews", [])
    return len(doc.get("buffers", [])) == 1 and "uri" not in doc["buffers"][0] and \
        all(isinstance(v, dict) and v.get("buffer") == 0 for v in views)


def _stand_in(index: int) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text(_TAG, str(index))
    buf = io.BytesIO()
    Image.new("RGB", (1, 1), (255, 255, 255)).save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def stub_glb(doc: dict, binary: memoryview | bytes, views: dict[int, int]) -> bytes:
    """A GLB of ``doc`` whose image bufferViews (``views``) hold tagged 1×1 PNGs instead of
    the images; other bufferViews are copied as they are (all in buffer 0, the BIN chunk)."""
    doc = json.loads(json.dumps(doc))  # a private copy: offsets change below
    parts: list[bytes] = []
    size = 0
    for i, view in enumerate(doc.get("bufferViews", [])):
        start = int(view.get("byteOffset", 0))
        blob = _stand_in(views[i]) if i in views else bytes(binary[start:start + int(view["byteLength"])])
        view["byteOffset"], view["byteLength"] = size, len(blob)
        blob += b"\x00" * (-len(blob) % 4)  # accessors need 4-byte alignment
        parts.append(blob)
        size += len(blob)
        if i in views:
            doc["images"][views[i]]["mimeType"] = "image/png"
    body = b"".join(parts)
    if doc.get("buffers"):
        doc["buffers"][0]["byteLength"] = len(body)
    js = json.dumps(doc).encode()
    js += b" " * (-len(js) % 4)
    chunks = struct.pack("<I4s", len(js), b"JSON") + js + struct.pack("<I4s", len(body), b"BIN\x00") + body
    return struct.pack("<4sII", b"glTF", 2, 12 + len(chunks)) + chunks


def swap_stub_images(loaded, open_real: Callable[[int], Image.Image | None]) -> None:
    """Put the real image (``open_real(image index)``, opened lazily; None for an unreadable
    one, leaving the material untextured) wherever trimesh holds a stand-in in ``loaded``
    (a Scene or a Trimesh)."""
    geoms = loaded.geometry.values() if isinstance(loaded, trimesh.Scene) else [loaded]
    opened: dict[int, Image.Image | None] = {}
    for geom in geoms:
        mat = getattr(getattr(geom, "visual", None), "material", None)
        for attr in ("baseColorTexture", "image"):
            img = getattr(mat, attr, None)
            if isinstance(img, Image.Image) and _TAG in img.info:
                index = int(img.info[_TAG])
                if index not in opened:
                    opened[index] = open_real(index)
                setattr(mat, attr, opened[index])


class FileWindow(ViewReader):
    """A seekable stream over bytes ``start`` .. ``start + length`` of a file, read with
    pread: the bytes pass through the page cache, never a mapping held by this process."""

    def __init__(self, path: Path, start: int, length: int) -> None:
        io.RawIOBase.__init__(self)
        self._fd = os.open(path, os.O_RDONLY)
        self._start, self._length, self._pos = start, length, 0
        self._view = memoryview(b"")

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: self._length}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer) -> int:
        want = max(0, min(len(buffer), self._length - self._pos))
        data = os.pread(self._fd, want, self._start + self._pos) if want else b""
        memoryview(buffer).cast("B")[:len(data)] = data
        self._pos += len(data)
        return len(data)

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


def open_embedded(stream: io.RawIOBase, label: str) -> Image.Image:
    """The image in ``stream``, opened lazily (header only) and checked against the pixel limit."""
    return open_image(io.BufferedReader(stream, 1 << 16), label)
