"""Decoded geometry streams of a GLB, to compare two encoders' output byte for byte.

A stream is one primitive's accessor (POSITION, NORMAL, TEXCOORD_0, …, and its indices)
after EXT_meshopt_compression is undone but before any meshopt filter (octahedral normals,
exponential floats) is applied: the quantised integers the file really stores. The filter's
name, the accessor's type, count and normalisation are part of the stream. What turns the
integers back into metres (each mesh node's translation / rotation / scale / matrix, and a
material's KHR_texture_transform) is compared too, as its own entry.
"""
from __future__ import annotations

import json
import struct

import meshoptimizer
import numpy as np

EXT = "EXT_meshopt_compression"
_SIZE = {5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4}
_WIDTH = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4}


def _split(data: bytes) -> tuple[dict, bytes]:
    clen = struct.unpack_from("<I", data, 12)[0]
    doc = json.loads(data[20:20 + clen])
    off = 20 + clen
    blen = struct.unpack_from("<I", data, off)[0] if off + 8 <= len(data) else 0
    return doc, data[off + 8:off + 8 + blen]


def _view(doc: dict, binary: bytes, index: int) -> tuple[bytes, int, str]:
    """(decoded bytes, byte stride or 0, meshopt filter name) of one bufferView."""
    view = doc["bufferViews"][index]
    ext = view.get("extensions", {}).get(EXT)
    if ext is None:
        start = view.get("byteOffset", 0)
        return binary[start:start + view["byteLength"]], view.get("byteStride", 0), "NONE"
    start = ext.get("byteOffset", 0)
    encoded = binary[start:start + ext["byteLength"]]
    count, stride = ext["count"], ext["byteStride"]
    if ext["mode"] in ("TRIANGLES", "INDICES"):
        decode = meshoptimizer.decode_index_buffer if ext["mode"] == "TRIANGLES" else meshoptimizer.decode_index_sequence
        # the wrapper mis-reads 16-bit output: decode to 32-bit, then narrow to the stored width
        out = np.asarray(decode(count, 4, encoded)).astype(np.uint16 if stride == 2 else np.uint32)
        return out.tobytes(), 0, ext.get("filter", "NONE")
    raw = np.ascontiguousarray(meshoptimizer.decode_vertex_buffer(count, stride, encoded)).view(np.uint8)
    return raw.reshape(-1)[:count * stride].tobytes(), stride, ext.get("filter", "NONE")


def _accessor_stream(doc: dict, binary: bytes, index: int) -> tuple:
    acc = doc["accessors"][index]
    item = _SIZE[acc["componentType"]] * _WIDTH[acc["type"]]
    raw, stride, filt = _view(doc, binary, acc["bufferView"])
    stride = stride or item
    rows = np.frombuffer(raw, np.uint8)[acc.get("byteOffset", 0):]
    rows = rows[:acc["count"] * stride].reshape(acc["count"], stride)[:, :item]
    return (acc["componentType"], acc["type"], bool(acc.get("normalized", False)), acc["count"], filt,
            np.ascontiguousarray(rows).tobytes())


def geometry_streams(data: bytes) -> dict[str, tuple]:
    """Every primitive's decoded streams and every mesh node's dequantising transform, by name."""
    doc, binary = _split(data)
    out: dict[str, tuple] = {}
    for m, mesh in enumerate(doc.get("meshes", [])):
        for p, prim in enumerate(mesh.get("primitives", [])):
            for attr, index in sorted(prim.get("attributes", {}).items()):
                out[f"mesh{m}/prim{p}/{attr}"] = _accessor_stream(doc, binary, index)
            if "indices" in prim:
                out[f"mesh{m}/prim{p}/indices"] = _accessor_stream(doc, binary, prim["indices"])
            material = doc.get("materials", [{}])[prim["material"]] if "material" in prim else {}
            tex = material.get("pbrMetallicRoughness", {}).get("baseColorTexture", {})
            out[f"mesh{m}/prim{p}/texture transform"] = (
                json.dumps(tex.get("extensions", {}).get("KHR_texture_transform"), sort_keys=True),)
    for n, node in enumerate(doc.get("nodes", [])):
        if "mesh" in node:
            out[f"node{n} transform"] = tuple(json.dumps(node.get(k), sort_keys=True)
                                              for k in ("translation", "rotation", "scale", "matrix"))
    return out


def compare_geometry(ours: bytes, theirs: bytes) -> tuple[bool, str]:
    """(every stream and transform byte-identical, a one-line account of what differs)."""
    a, b = geometry_streams(ours), geometry_streams(theirs)
    differ = []
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            differ.append(f"{key} only in {'ours' if key in a else 'gltfpack'}")
        elif a[key] != b[key]:
            x, y = a[key], b[key]
            if len(x) == 6 and x[:5] == y[:5]:
                diff = np.frombuffer(x[5], np.uint8) != np.frombuffer(y[5], np.uint8)
                differ.append(f"{key}: {int(diff.sum())} of {diff.size} bytes differ")
            else:
                differ.append(f"{key}: layout differs ({x[:5] if len(x) == 6 else x} vs "
                              f"{y[:5] if len(y) == 6 else y})")
    streams = sum(1 for k in a if "/" in k and not k.endswith("transform"))
    if not differ:
        return True, f"{streams} decoded streams and every transform byte-identical"
    return False, "; ".join(differ)
