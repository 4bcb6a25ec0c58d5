"""``GltfBuilder`` assembles glTF documents (.glb, or .gltf with a data: URI or a .bin beside it)
from numpy arrays; ``tetra_primitive`` adds the corpus tetrahedron as one primitive."""
from __future__ import annotations

import base64
import json
from pathlib import Path
from urllib.parse import unquote

import numpy as np

from ..sample_files import make_glb
from .common import TF, TV


class GltfBuilder:
    """Assemble a glTF document and its binary buffer from numpy arrays."""

    def __init__(self) -> None:
        self.bin = bytearray()
        self.doc: dict = {"asset": {"version": "2.0"}, "bufferViews": [], "accessors": [], "meshes": [],
                          "nodes": [], "scenes": [{"nodes": []}], "scene": 0}

    def view(self, data: bytes, target: int | None = None) -> int:
        self.bin += b"\0" * (-len(self.bin) % 4)
        v = {"buffer": 0, "byteOffset": len(self.bin), "byteLength": len(data)}
        if target:
            v["target"] = target
        self.bin += data
        self.doc["bufferViews"].append(v)
        return len(self.doc["bufferViews"]) - 1

    def accessor(self, arr: np.ndarray, ctype: int, kind: str, *, normalized: bool = False,
                 minmax: bool = False) -> int:
        dt = {5120: "<i1", 5121: "<u1", 5122: "<i2", 5123: "<u2", 5125: "<u4", 5126: "<f4"}[ctype]
        a = np.asarray(arr)
        acc = {"bufferView": self.view(a.astype(dt).tobytes()), "componentType": ctype,
               "count": len(a) if kind != "SCALAR" else a.size, "type": kind}
        if normalized:
            acc["normalized"] = True
        if minmax:
            acc["min"] = a.min(axis=0).tolist()
            acc["max"] = a.max(axis=0).tolist()
        self.doc["accessors"].append(acc)
        return len(self.doc["accessors"]) - 1

    def mesh(self, primitives: list[dict], **node) -> int:
        self.doc["meshes"].append({"primitives": primitives})
        self.doc["nodes"].append({"mesh": len(self.doc["meshes"]) - 1, **node})
        self.doc["scenes"][0]["nodes"].append(len(self.doc["nodes"]) - 1)
        return len(self.doc["meshes"]) - 1

    def glb(self, path: Path) -> Path:
        self.doc["buffers"] = [{"byteLength": len(self.bin)}]
        path.write_bytes(make_glb(self.doc, bytes(self.bin)))
        return path

    def gltf(self, path: Path, uri: str | None = None) -> Path:
        """Write .gltf; the buffer as a data: URI, or as ``uri`` (percent-encoded name) beside it."""
        data = bytes(self.bin)
        if uri is None:
            self.doc["buffers"] = [{"byteLength": len(data),
                                    "uri": "data:application/octet-stream;base64," + base64.b64encode(data).decode()}]
        else:
            (path.parent / unquote(uri)).write_bytes(data)
            self.doc["buffers"] = [{"byteLength": len(data), "uri": uri}]
        path.write_text(json.dumps(self.doc))
        return path


def tetra_primitive(g: GltfBuilder, index_type: int | None = 5123) -> dict:
    """The tetrahedron's POSITION (float32, metres) and, unless ``index_type`` is None, its
    indices of that glTF component type, added to ``g``; returns the primitive (not yet in a mesh)."""
    prim = {"attributes": {"POSITION": g.accessor(TV, 5126, "VEC3", minmax=True)}}
    if index_type is not None:
        prim["indices"] = g.accessor(TF.ravel(), index_type, "SCALAR")
    return prim
