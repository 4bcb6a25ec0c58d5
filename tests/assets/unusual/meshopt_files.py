"""EXT_meshopt_compression GLBs as Vitrine's exporter writes them, and damaged ones: a bad stride,
a range past the BIN chunk, absurd counts, a garbled stream."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
import trimesh
from PIL import Image

from ..sample_files import make_glb
from .common import Writer, split_glb


def meshopt_glb(folder: Path, name: str = "meshopt.glb", edit: Callable[[dict], None] | None = None,
                damage: Callable[[bytearray], None] | None = None) -> Path:
    """A level as Vitrine's exporter writes it (EXT_meshopt_compression + KHR_mesh_quantization +
    KHR_texture_transform, octahedral normals): an icosphere (radius 1) with UVs 0.1..0.9.
    ``edit`` changes its JSON, ``damage`` its BIN chunk."""
    from vitrine.assets.formats.glb_arrays import MeshData
    from vitrine.exporters.bundle.glb_compression import compress_mesh
    m = trimesh.creation.icosphere(2)
    mesh = MeshData(positions=m.vertices.astype(np.float32), normals=m.vertex_normals.astype(np.float32),
                    uvs=(m.vertices[:, :2] * 0.4 + 0.5).astype(np.float32), triangles=m.faces.astype(np.uint32),
                    texture=Image.new("RGB", (16, 16), (9, 200, 9)))
    doc, binary = split_glb(compress_mesh(mesh, name=name, generator="corpus"))
    binary = bytearray(binary)
    if edit:
        edit(doc)
    if damage:
        damage(binary)
    path = folder / name
    path.write_bytes(make_glb(doc, bytes(binary)))
    return path


def first_compressed_view(doc: dict) -> dict:
    """The EXT_meshopt_compression entry of the GLB's first bufferView."""
    return doc["bufferViews"][0]["extensions"]["EXT_meshopt_compression"]


def meshopt_damaged(name: str, *, view: dict | None = None,
                    damage: Callable[[bytearray], None] | None = None) -> Writer:
    """``meshopt_glb`` named ``name`` with the first compressed bufferView's extension entries
    updated by ``view`` and/or its BIN chunk changed by ``damage``."""
    def write(folder: Path) -> Path:
        edit = None if view is None else (lambda doc: first_compressed_view(doc).update(view))
        return meshopt_glb(folder, name, edit=edit, damage=damage)
    return write


def garble_first_64_bytes(binary: bytearray) -> None:
    """Overwrite the start of the BIN chunk (the first compressed stream) with 0, 1, ... 63."""
    binary[0:64] = bytes(range(64))
