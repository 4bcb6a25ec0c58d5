"""Test helper: decode a meshopt-compressed GLB back into arrays with the Python wrapper."""
from __future__ import annotations

import json
import struct

import meshoptimizer
import numpy as np

_DT = {5120: np.int8, 5121: np.uint8, 5122: np.int16, 5123: np.uint16, 5125: np.uint32, 5126: np.float32}
_W = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4}


def split(data: bytes) -> tuple[dict, bytes]:
    magic, version, total = struct.unpack_from("<III", data, 0)
    assert magic == 0x46546C67 and version == 2 and total == len(data)
    clen, _ = struct.unpack_from("<II", data, 12)
    doc = json.loads(data[20:20 + clen])
    off = 20 + clen
    blen, btype = struct.unpack_from("<II", data, off)
    assert btype == 0x004E4942
    return doc, data[off + 8:off + 8 + blen]


def view_bytes(doc: dict, binary: bytes, index: int) -> tuple[bytes, int]:
    view = doc["bufferViews"][index]
    ext = view.get("extensions", {}).get("EXT_meshopt_compression")
    if ext is None:
        return binary[view.get("byteOffset", 0):view.get("byteOffset", 0) + view["byteLength"]], view.get("byteStride", 0)
    enc = binary[ext["byteOffset"]:ext["byteOffset"] + ext["byteLength"]]
    count, stride = ext["count"], ext["byteStride"]
    if ext["mode"] == "TRIANGLES":
        # the wrapper mis-reads index_size=2 output, so decode to 32-bit and narrow
        out = meshoptimizer.decode_index_buffer(count, 4, enc)
        return np.asarray(out).astype(np.uint16 if stride == 2 else np.uint32).tobytes(), 0
    # the wrapper's default (float32 words) allocates count * stride bytes; its dtype= path does not
    raw = meshoptimizer.decode_vertex_buffer(count, stride, enc)
    raw = np.ascontiguousarray(raw).view(np.uint8).reshape(count, stride)
    if ext.get("filter") == "OCTAHEDRAL":
        raw = np.asarray(meshoptimizer.decode_filter_oct(raw.view(np.int8 if stride == 4 else np.int16).reshape(count, 4), count, stride))
    return np.ascontiguousarray(raw).tobytes(), stride


def accessor(doc: dict, binary: bytes, index: int) -> np.ndarray:
    acc = doc["accessors"][index]
    dtype = np.dtype(_DT[acc["componentType"]])
    width = _W[acc["type"]]
    raw, stride = view_bytes(doc, binary, acc["bufferView"])
    item = dtype.itemsize * width
    stride = stride or item
    rows = np.frombuffer(raw, np.uint8).reshape(acc["count"], stride)[:, :item]
    return np.ascontiguousarray(rows).view(dtype).reshape(acc["count"], width)


def positions_in_metres(doc: dict, binary: bytes) -> np.ndarray:
    prim = doc["meshes"][0]["primitives"][0]
    q = accessor(doc, binary, prim["attributes"]["POSITION"]).astype(np.float64)
    node = doc["nodes"][0]
    return q * np.array(node.get("scale", [1, 1, 1])) + np.array(node.get("translation", [0, 0, 0]))
