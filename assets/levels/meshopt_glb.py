"""Reading the geometry of a meshopt-compressed GLB (EXT_meshopt_compression, as in every
bundle and as gltfpack -cc writes), so ``vitrine trace`` can take a model straight out of a
leaked bundle. Only positions and triangle indices are decoded (that is all tracing needs);
other attributes, materials and textures are dropped."""
from __future__ import annotations

import copy
import struct
from pathlib import Path

import meshoptimizer
import numpy as np

from vitrine.assets.formats.glb_arrays import MeshData, mesh_from_gltf
from vitrine.assets.formats.gltf_loading import split_glb
from vitrine.assets.scan_errors import ScanError, scan_error

EXT = "EXT_meshopt_compression"


def uses_meshopt(data: bytes) -> bool:
    """True when the GLB bytes declare EXT_meshopt_compression (a cheap text check of the JSON chunk)."""
    if len(data) < 20 or data[:4] != b"glTF":
        return False
    clen = struct.unpack_from("<I", data, 12)[0]
    return EXT.encode() in data[20:20 + clen]


def _decode_view(view: dict, buffers: dict[int, bytes]) -> bytes:
    ext = view["extensions"][EXT]
    source = buffers.get(ext.get("buffer", 0), b"")
    start = ext.get("byteOffset", 0)
    encoded = source[start:start + ext["byteLength"]]
    count, stride, mode = ext["count"], ext["byteStride"], ext["mode"]
    if mode in ("TRIANGLES", "INDICES"):
        decode = meshoptimizer.decode_index_buffer if mode == "TRIANGLES" else meshoptimizer.decode_index_sequence
        out = np.asarray(decode(count, 4, encoded))  # decoded as 32-bit, narrowed to the declared size
        return out.astype(np.uint16 if stride == 2 else np.uint32).tobytes()
    raw = np.ascontiguousarray(meshoptimizer.decode_vertex_buffer(count, stride, encoded)).view(np.uint8)
    raw = raw.reshape(-1)[:count * stride]
    name = ext.get("filter", "NONE")
    if name == "EXPONENTIAL":  # 24-bit signed mantissa, 8-bit signed exponent per 32-bit word
        words = raw.view(np.int32)
        mantissa = (words << 8) >> 8
        exponent = words >> 24
        return (mantissa.astype(np.float64) * np.exp2(exponent)).astype(np.float32).tobytes()
    if name != "NONE":
        raise ValueError(f"position filter {name} is not supported")
    return raw.tobytes()


def read_compressed_glb(path: Path) -> MeshData:
    """Positions (n, 3) float32 and triangles of a meshopt-compressed GLB; ScanError when unreadable."""
    path = Path(path)
    try:
        doc, binary = split_glb(path, path.read_bytes())
        doc = copy.deepcopy(doc)
        doc.pop("materials", None)
        needed: set[int] = set()
        for mesh in doc.get("meshes", []):
            for prim in mesh.get("primitives", []):
                prim["attributes"] = {"POSITION": prim["attributes"]["POSITION"]}
                prim.pop("material", None)
                needed.update(doc["accessors"][i].get("bufferView", -1)
                              for i in (prim["attributes"]["POSITION"], prim.get("indices")) if i is not None)
        out = bytearray()
        for index, view in enumerate(doc.get("bufferViews", [])):
            if index in needed:
                data = (_decode_view(view, {0: binary}) if EXT in view.get("extensions", {}) else
                        binary[view.get("byteOffset", 0):view.get("byteOffset", 0) + view["byteLength"]])
            else:
                data = b""
            out += b"\0" * (-len(out) % 4)
            doc["bufferViews"][index] = {"buffer": 0, "byteOffset": len(out), "byteLength": len(data),
                                         **({"byteStride": view["byteStride"]} if "byteStride" in view else {})}
            if EXT in view.get("extensions", {}) and view["extensions"][EXT]["mode"] == "ATTRIBUTES":
                doc["bufferViews"][index]["byteStride"] = view["extensions"][EXT]["byteStride"]
            out += data
        return mesh_from_gltf(doc, bytes(out))
    except ScanError:
        raise
    except (OSError, ValueError, KeyError, IndexError, TypeError, struct.error) as exc:
        raise scan_error(path, "the compressed GLB cannot be read ({reason})", reason=exc) from None
