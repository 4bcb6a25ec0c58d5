"""Decoding EXT_meshopt_compression / KHR_meshopt_compression bufferViews.

gltfpack (``-c``), gltf-transform's ``optimize`` and Vitrine's own exported bundles
(exporters/bundle/glb_compression.py) write them; without a decoder such a scan, or a model taken
back from a published Vitrine bundle, could not be imported.  Every parameter the C
decoder trusts (it asserts rather than checks) is checked here first: a hostile stride or
count gives one ScanError line, never an abort or an out-of-bounds write.
"""
from __future__ import annotations

import ctypes
from pathlib import Path

import numpy as np

from vitrine.assets.scan_errors import scan_error

MESHOPT = ("EXT_meshopt_compression", "KHR_meshopt_compression")
_MAX_DECODED = 4 << 30  # bytes of one decoded view; a 20-million-face scan needs ~240 MB of indices
# The codecs shrink data by far less than this (all-zero attributes come closest, ~60×): a
# claimed count beyond it is a lie that would allocate gigabytes before failing.
_MAX_RATIO = 128


def meshopt_extension(view: dict) -> dict | None:
    """The bufferView's meshopt extension object, or None."""
    ext = view.get("extensions") if isinstance(view, dict) else None
    if not isinstance(ext, dict):
        return None
    found = next((ext[name] for name in MESHOPT if isinstance(ext.get(name), dict)), None)
    return found


def decode_view(path: Path, ext: dict, buffers: list) -> bytes:
    """The decoded bytes (count × byteStride) of one compressed bufferView."""
    try:
        source = int(ext.get("buffer", 0))
        start, length = int(ext.get("byteOffset", 0)), int(ext["byteLength"])
        stride, count = int(ext["byteStride"]), int(ext["count"])
        mode, filter_name = ext.get("mode"), ext.get("filter", "NONE")
    except (KeyError, TypeError, ValueError, OverflowError):
        raise scan_error(path, "a meshoptimizer-compressed bufferView is malformed") from None
    data = buffers[source] if 0 <= source < len(buffers) else b""
    valid_stride = {"ATTRIBUTES": 0 < stride <= 256 and stride % 4 == 0,
                    "TRIANGLES": stride in (2, 4) and count % 3 == 0,
                    "INDICES": stride in (2, 4)}.get(mode, False)
    valid_filter = {"NONE": True, "OCTAHEDRAL": stride in (4, 8), "QUATERNION": stride == 8,
                    "EXPONENTIAL": stride % 4 == 0}.get(filter_name, False)
    valid = valid_stride and valid_filter and (filter_name == "NONE" or mode == "ATTRIBUTES")
    if not valid or count < 0 or start < 0 or length < 0 or start + length > len(data) or count * stride > _MAX_DECODED \
            or count * stride > _MAX_RATIO * length + (1 << 16):
        raise scan_error(path, "a meshoptimizer-compressed bufferView is malformed")
    from meshoptimizer import decode_filter_exp, decode_filter_oct, decode_filter_quat
    from meshoptimizer._loader import lib
    src = np.frombuffer(bytes(data[start:start + length]), np.uint8)
    dst = np.zeros(count * stride, np.uint8)
    decode = {"ATTRIBUTES": lib.meshopt_decodeVertexBuffer, "TRIANGLES": lib.meshopt_decodeIndexBuffer,
              "INDICES": lib.meshopt_decodeIndexSequence}[mode]
    result = decode(dst.ctypes.data_as(ctypes.c_void_p), count, stride,
                    src.ctypes.data_as(ctypes.POINTER(ctypes.c_ubyte)), len(src)) if count else 0
    if result != 0:
        raise scan_error(path, "the meshoptimizer-compressed data could not be decoded (error {code})", code=result)
    if filter_name != "NONE" and count:
        dst = {"OCTAHEDRAL": decode_filter_oct, "QUATERNION": decode_filter_quat,
               "EXPONENTIAL": decode_filter_exp}[filter_name](dst, count, stride)
    return dst.tobytes()


__all__ = ["MESHOPT", "meshopt_extension", "decode_view"]
