"""A synthetic multi-material glTF/GLB, as photogrammetry tools and optimisers write them: four
parts of a sheet (a few dozen triangles each), one primitive each:

* part 0: texture 0 -> image 0 (red); part 2: texture 2 -> image 0 again (one image, two textures);
* part 1: texture 1 -> image 1, whose left half is yellow and right half blue, shown through
  KHR_texture_transform (offset 0.5, scale 0.5 on u) so that only blue is visible when the
  transform is applied (``transform=True``; else the texture is plain and image 1 all blue);
* part 3: no texture, baseColorFactor green.

Options: ``draco`` compresses every primitive (KHR_draco_mesh_compression, DracoPy),
``glb`` writes a GLB (images in the BIN chunk) else a .gltf with ``external`` PNG files
beside it or data: URIs."""
from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import numpy as np
from PIL import Image

from tests.assets.sample_files import make_glb

RED, BLUE, YELLOW, GREEN = (220, 30, 30), (30, 60, 220), (230, 210, 30), (0, 200, 0)
PART_COLOURS = (RED, BLUE, RED, GREEN)
CELLS = 4  # each part is CELLS² squares, 2 triangles each


def _part(q: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions (n, 3) float32, UVs (n, 2) float32 (glTF: v down) and faces (m, 3) uint32 of part q."""
    g = np.linspace(0.0, 0.5, CELLS + 1)
    x, y = np.meshgrid(g + 0.5 * (q % 2), g + 0.5 * (q // 2))
    pos = np.column_stack([x.ravel(), y.ravel(), np.zeros(x.size)]).astype(np.float32)
    t = np.linspace(0.1, 0.9, CELLS + 1)
    u, v = np.meshgrid(t, t)
    uv = np.column_stack([u.ravel(), v.ravel()]).astype(np.float32)
    i = np.arange(CELLS)
    a = (i[None, :] + (CELLS + 1) * i[:, None]).ravel()
    faces = np.concatenate([np.column_stack([a, a + 1, a + CELLS + 2]),
                            np.column_stack([a, a + CELLS + 2, a + CELLS + 1])]).astype(np.uint32)
    return pos, uv, faces


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


def _images(transform: bool, side: int) -> list[bytes]:
    second = Image.new("RGB", (side, side), BLUE)
    if transform:
        second.paste(Image.new("RGB", (side // 2, side), YELLOW), (0, 0))
    return [_png(Image.new("RGB", (side, side), RED)), _png(second)]


def write_multi_material_gltf(folder: Path, *, draco: bool = False, glb: bool = False,
                              external: bool = False, transform: bool = False, side: int = 32) -> Path:
    """Write the scan into ``folder`` (``scan.glb`` or ``scan.gltf`` + files), its two images
    ``side``² px; returns its path."""
    import DracoPy
    folder.mkdir(parents=True, exist_ok=True)
    binary = bytearray()
    views: list[dict] = []
    accessors: list[dict] = []

    def view(data: bytes) -> int:
        binary.extend(b"\0" * (-len(binary) % 4))
        views.append({"buffer": 0, "byteOffset": len(binary), "byteLength": len(data)})
        binary.extend(data)
        return len(views) - 1

    primitives = []
    for q in range(4):
        pos, uv, faces = _part(q)
        attrs = {"POSITION": len(accessors), "TEXCOORD_0": len(accessors) + 1}
        accessors += [{"componentType": 5126, "count": len(pos), "type": "VEC3",
                       "min": pos.min(0).tolist(), "max": pos.max(0).tolist()},
                      {"componentType": 5126, "count": len(uv), "type": "VEC2"},
                      {"componentType": 5125, "count": faces.size, "type": "SCALAR"}]
        prim = {"attributes": attrs, "indices": len(accessors) - 1, "material": q}
        if draco:
            blob = DracoPy.encode(pos, faces, tex_coord=uv.astype(np.float64), preserve_order=True)
            prim["extensions"] = {"KHR_draco_mesh_compression": {
                "bufferView": view(blob), "attributes": {"POSITION": 0, "TEX_COORD": 1}}}
        else:
            accessors[-3]["bufferView"] = view(pos.tobytes())
            accessors[-2]["bufferView"] = view(uv.tobytes())
            accessors[-1]["bufferView"] = view(faces.tobytes())
        primitives.append(prim)
    images = []
    for k, data in enumerate(_images(transform, side)):
        if glb:
            images.append({"bufferView": view(data), "mimeType": "image/png"})
        elif external:
            (folder / f"atlas {k}.png").write_bytes(data)
            images.append({"uri": f"atlas%20{k}.png"})
        else:
            images.append({"uri": "data:image/png;base64," + base64.b64encode(data).decode()})
    info1 = {"index": 1}
    if transform:
        info1["extensions"] = {"KHR_texture_transform": {"offset": [0.5, 0.0], "scale": [0.5, 1.0]}}
    pbr = lambda extra: {"pbrMetallicRoughness": {"metallicFactor": 0.0, **extra}}  # noqa: E731
    doc = {
        "asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": primitives}],
        "materials": [pbr({"baseColorTexture": {"index": 0}}), pbr({"baseColorTexture": info1}),
                      pbr({"baseColorTexture": {"index": 2}}),
                      pbr({"baseColorFactor": [0.0, 200 / 255, 0.0, 1.0]})],
        "textures": [{"source": 0}, {"source": 1}, {"source": 0}], "images": images,
        "bufferViews": views, "accessors": accessors,
    }
    used = (["KHR_draco_mesh_compression"] if draco else []) + (["KHR_texture_transform"] if transform else [])
    if used:
        doc["extensionsUsed"] = used
    if draco:
        doc["extensionsRequired"] = ["KHR_draco_mesh_compression"]
    if glb:
        doc["buffers"] = [{"byteLength": len(binary)}]
        (folder / "scan.glb").write_bytes(make_glb(doc, bytes(binary)))
        return folder / "scan.glb"
    (folder / "scan.bin").write_bytes(bytes(binary))
    doc["buffers"] = [{"byteLength": len(binary), "uri": "scan.bin"}]
    (folder / "scan.gltf").write_text(json.dumps(doc))
    return folder / "scan.gltf"
