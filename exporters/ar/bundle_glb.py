"""Read back a GLB this exporter wrote (EXT_meshopt_compression + KHR_mesh_quantization +
KHR_texture_transform) as flat arrays, so later outputs work from exactly the published
(recipient-marked) geometry rather than re-deriving it."""
from __future__ import annotations

import json
import struct
from pathlib import Path

import meshoptimizer
import numpy as np

from vitrine.assets.formats.glb_arrays import MeshData, mesh_from_gltf

_GLB_MAGIC, _JSON, _BIN = 0x46546C67, 0x4E4F534A, 0x004E4942


def _split(data: bytes) -> tuple[dict, bytes]:
    magic, version, total = struct.unpack_from("<III", data, 0)
    if magic != _GLB_MAGIC or version != 2 or total != len(data):
        raise ValueError("not a glTF 2.0 binary")
    clen, ctype = struct.unpack_from("<II", data, 12)
    if ctype != _JSON:
        raise ValueError("the first chunk is not JSON")
    doc = json.loads(data[20:20 + clen])
    off = 20 + clen
    binary = b""
    if off + 8 <= len(data):
        blen, btype = struct.unpack_from("<II", data, off)
        if btype == _BIN:
            binary = data[off + 8:off + 8 + blen]
    return doc, binary


def _decode_view(view: dict, binary: bytes) -> tuple[bytes, int]:
    """(plain bytes, byteStride) of one meshopt-compressed buffer view."""
    ext = view["extensions"]["EXT_meshopt_compression"]
    start = ext.get("byteOffset", 0)
    enc = binary[start:start + ext["byteLength"]]
    count, stride = ext["count"], ext["byteStride"]
    if ext["mode"] in ("TRIANGLES", "INDICES"):
        # the Python wrapper decodes reliably to 32-bit indices: decode so, then narrow to the view's width
        out = np.asarray(meshoptimizer.decode_index_buffer(count, 4, enc) if ext["mode"] == "TRIANGLES"
                         else meshoptimizer.decode_index_sequence(count, 4, enc))
        return out.astype(np.uint16 if stride == 2 else np.uint32).tobytes(), 0
    raw = meshoptimizer.decode_vertex_buffer(count, stride, enc)
    raw = np.ascontiguousarray(raw).view(np.uint8).reshape(count, stride)
    if ext.get("filter") == "OCTAHEDRAL":
        raw = np.asarray(meshoptimizer.decode_filter_oct(raw.view(np.int8 if stride == 4 else np.int16).reshape(count, 4),
                                                         count, stride))
    elif ext.get("filter") not in (None, "NONE"):
        raise ValueError(f"meshopt filter {ext['filter']} is not supported")
    return np.ascontiguousarray(raw).tobytes(), stride


def decompress(doc: dict, binary: bytes) -> tuple[dict, bytes]:
    """A copy of (doc, binary) with every meshopt view decoded into one plain buffer."""
    doc = json.loads(json.dumps(doc))
    out = bytearray()
    for view in doc.get("bufferViews", []):
        if "EXT_meshopt_compression" in view.get("extensions", {}):
            data, stride = _decode_view(view, binary)
        else:
            start = view.get("byteOffset", 0)
            data, stride = binary[start:start + view["byteLength"]], view.get("byteStride", 0)
        out.extend(b"\0" * (-len(out) % 4))
        view.clear()
        view.update({"buffer": 0, "byteOffset": len(out), "byteLength": len(data)})
        if stride:
            view["byteStride"] = stride
        out.extend(data)
    doc["buffers"] = [{"byteLength": len(out)}]
    for key in ("extensionsUsed", "extensionsRequired"):
        if key in doc:
            doc[key] = [e for e in doc[key] if e != "EXT_meshopt_compression"]
    return doc, bytes(out)


def read_bundle_glb(path: Path) -> MeshData:
    """The merged mesh of a bundle GLB: positions (n, 3) float32 metres (dequantised by the node
    transform), UVs (n, 2) with the base colour texture's KHR_texture_transform applied."""
    doc, binary = decompress(*_split(Path(path).read_bytes()))
    mesh = mesh_from_gltf(doc, binary)
    if mesh.uvs is not None:
        info = (doc.get("materials") or [{}])[0].get("pbrMetallicRoughness", {}).get("baseColorTexture", {})
        tt = info.get("extensions", {}).get("KHR_texture_transform")
        if tt:
            scale = np.asarray(tt.get("scale", [1.0, 1.0]), np.float32)
            offset = np.asarray(tt.get("offset", [0.0, 0.0]), np.float32)
            mesh.uvs = mesh.uvs * scale + offset
    return mesh
