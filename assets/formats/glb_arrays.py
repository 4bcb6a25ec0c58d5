"""A plain GLB (a level stored in a project) as flat arrays, for re-encoding by the exporter.

Stored levels are uncompressed glTF 2.0 binaries in metres, Y up. All mesh
primitives of the default scene are merged (node transforms applied) into one
triangle mesh or one point cloud. The file passes the same guards as a scan
(:func:`vitrine.assets.formats.gltf_loading.split_glb` and :func:`~vitrine.assets.formats.gltf_loading.check_document`:
chunk lengths, buffer views and accessors inside their buffers, no refused extensions;
cycle-safe node traversal), and face indices must name existing vertices: a damaged or
hostile project file gives one :class:`ScanError` line, never a crash or a huge read.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import numpy as np
from PIL import Image

from vitrine.assets.formats.gltf_loading import check_document, node_transforms, split_glb
from vitrine.assets.scan_errors import scan_error
from vitrine.assets.texturing.textures import EncodedTexture

_COMPONENT = {5120: np.int8, 5121: np.uint8, 5122: np.int16, 5123: np.uint16, 5125: np.uint32, 5126: np.float32}
_WIDTH = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT4": 16}
_NORM_MAX = {np.int8: 127.0, np.uint8: 255.0, np.int16: 32767.0, np.uint16: 65535.0}


@dataclass
class MaterialData:
    """One textured material of a multi-atlas level: ``texture`` (opened lazily),
    ``texture_source`` its stored bytes, ``base_color`` RGBA factor 0..1."""

    texture: Optional[Image.Image] = None
    texture_source: Optional[EncodedTexture] = None
    base_color: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)


@dataclass
class MeshData:
    """Geometry of one model level.

    ``positions`` (n, 3) float32 metres; ``normals`` (n, 3) float32 unit vectors or None;
    ``colors`` (n, 4) uint8 RGBA or None; ``uvs`` (n, 2) float32 or None;
    ``triangles`` (m, 3) uint32 or None for a point cloud; ``texture`` the base colour image
    (opened lazily: pixels are decoded only if the exporter has to re-encode it);
    ``texture_source`` the image's stored bytes, so a texture that already fits can be copied as is.
    A multi-atlas level (one textured primitive per atlas) also has ``materials`` (one per
    atlas; ``texture``/``texture_source``/``base_color`` are then the first one's) and
    ``face_materials`` (m,) uint16, each triangle's index into ``materials``; both are
    empty/None for a level with one material.
    """

    positions: np.ndarray
    normals: Optional[np.ndarray] = None
    colors: Optional[np.ndarray] = None
    uvs: Optional[np.ndarray] = None
    triangles: Optional[np.ndarray] = None
    texture: Optional[Image.Image] = None
    base_color: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)
    texture_source: Optional[EncodedTexture] = None
    materials: list[MaterialData] = field(default_factory=list)
    face_materials: Optional[np.ndarray] = None

    @property
    def is_multi_material(self) -> bool:
        return len(self.materials) > 1 and self.face_materials is not None

    @property
    def is_points(self) -> bool:
        return self.triangles is None


def _view_bytes(doc: dict, binary: bytes, index: int) -> tuple[bytes, int]:
    view = doc["bufferViews"][index]
    if view.get("buffer", 0) != 0:
        raise ValueError("external buffers are not supported in a stored level")
    start = view.get("byteOffset", 0)
    return binary[start:start + view["byteLength"]], view.get("byteStride", 0)


def _accessor(doc: dict, binary: bytes, index: int, *, normalize: bool = True) -> np.ndarray:
    acc = doc["accessors"][index]
    dtype = np.dtype(_COMPONENT[acc["componentType"]])
    width = _WIDTH[acc["type"]]
    count = acc["count"]
    if "bufferView" not in acc:
        out = np.zeros((count, width), dtype)
    else:
        raw, stride = _view_bytes(doc, binary, acc["bufferView"])
        offset = acc.get("byteOffset", 0)
        item = dtype.itemsize * width
        stride = stride or item
        buf = np.frombuffer(raw, np.uint8, count=(count - 1) * stride + item if count else 0, offset=offset)
        if stride == item:
            out = buf.view(dtype).reshape(count, width).copy()
        else:
            rows = np.lib.stride_tricks.as_strided(buf, (count, item), (stride, 1))
            out = np.ascontiguousarray(rows).view(dtype).reshape(count, width)
    if normalize and acc.get("normalized") and dtype.type in _NORM_MAX:
        return np.maximum(out.astype(np.float32) / _NORM_MAX[dtype.type], -1.0)
    return out


def _triangles(doc: dict, binary: bytes, prim: dict, n_vertices: int) -> np.ndarray:
    """A triangle primitive's corner indices (m, 3) uint32, checked against its ``n_vertices``."""
    if "indices" in prim:
        tri = _accessor(doc, binary, prim["indices"], normalize=False).astype(np.uint32).reshape(-1, 3)
    else:
        tri = np.arange(n_vertices, dtype=np.uint32).reshape(-1, 3)
    if tri.size and int(tri.max()) >= n_vertices:
        raise ValueError("a primitive has face indices outside its vertices")
    return tri


def _material(doc: dict, prim: dict) -> tuple[int, dict]:
    """(material index or -1, the material object or {})."""
    material_index = prim.get("material", -1)
    return material_index, (doc.get("materials", [{}])[material_index] if "material" in prim else {})


def _mesh_instances(doc: dict) -> list[tuple[int, np.ndarray]]:
    """(mesh index, 4×4 world matrix) of each mesh in the default scene; a file with meshes
    but no nodes shows its first mesh untransformed."""
    out = node_transforms(doc)
    if not out and doc.get("meshes"):
        out = [(0, np.eye(4))]
    return out


_MIME = {"JPEG": "image/jpeg", "PNG": "image/png"}


def _image(doc: dict, binary: bytes, material: dict) -> tuple[Optional[Image.Image], Optional[EncodedTexture]]:
    """(lazily opened image, its stored bytes) of the base-colour texture, or (None, None)."""
    info = material.get("pbrMetallicRoughness", {}).get("baseColorTexture")
    if not info:
        return None, None
    tex = doc["textures"][info["index"]]
    img = doc["images"][tex["source"]]
    raw, _ = _view_bytes(doc, binary, img["bufferView"])
    # Image.open reads only the header: decoding a 4096² JPEG costs ~0.1 s and most
    # exports copy the stored bytes instead. verify() would decode too, so a corrupt
    # body surfaces when (if) the exporter re-encodes; the format is taken from the
    # bytes, never from the declared mimeType.
    image = Image.open(io.BytesIO(raw))
    mime = _MIME.get(image.format or "")
    source = EncodedTexture(bytes(raw), mime, image.size) if mime else None
    return image, source


def read_glb_arrays(path: str | Path) -> MeshData:
    """Read a plain GLB file into flat arrays; :class:`ScanError` (one line naming the file)
    when it is missing, damaged or not a plain glTF 2.0 binary."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise scan_error(path, "the file is missing") from None
    except OSError as exc:
        raise scan_error(path, "cannot be read ({reason})", reason=exc.strerror or exc) from None
    doc, binary = split_glb(path, data)
    check_document(path, doc, [len(binary)])
    try:
        return _merge(doc, binary)
    except (ValueError, KeyError, IndexError, TypeError, OSError) as exc:
        raise scan_error(path, "the GLB cannot be read ({error})", error=f"{exc.__class__.__name__}: {exc}") from None


def mesh_from_gltf(doc: dict, binary: bytes) -> MeshData:
    """The merged mesh of a parsed GLB (JSON ``doc`` and BIN chunk), node transforms applied."""
    return _merge(doc, binary)


def _merge(doc: dict, binary: bytes) -> MeshData:
    parts = []
    # primitives of one mesh instance with the same attribute accessors (one per material of a
    # multi-atlas level) share their vertices: read them once, keep them once
    seen: dict[tuple, int] = {}
    for instance, (mesh_index, world) in enumerate(_mesh_instances(doc)):
        for prim in doc["meshes"][mesh_index]["primitives"]:
            mode = prim.get("mode", 4)
            if mode not in (0, 4):
                continue
            attrs = prim["attributes"]
            if not isinstance(attrs, dict):
                raise ValueError("a primitive's attributes are not an object")
            key = (instance, mode, tuple(sorted(attrs.items(), key=str)))
            owner = seen.get(key)
            if owner is not None and mode == 4:
                tri = _triangles(doc, binary, prim, len(parts[owner][0]))
                material_index, material = _material(doc, prim)
                parts.append((*parts[owner][:4], tri, material, material_index, owner, len(parts)))
                continue
            seen[key] = len(parts)
            pos = _accessor(doc, binary, attrs["POSITION"]).astype(np.float64)
            pos = pos @ world[:3, :3].T + world[:3, 3]
            nrm = None
            if "NORMAL" in attrs:
                nrm = _accessor(doc, binary, attrs["NORMAL"]).astype(np.float64) @ np.linalg.inv(world[:3, :3])
                length = np.linalg.norm(nrm, axis=1, keepdims=True)
                nrm = nrm / np.where(length > 0, length, 1.0)
            col = None
            if "COLOR_0" in attrs:
                c = _accessor(doc, binary, attrs["COLOR_0"])
                if c.dtype != np.float32:
                    c = c.astype(np.float32) / 255.0 if c.dtype == np.uint8 else c.astype(np.float32)
                if c.shape[1] == 3:
                    c = np.hstack([c, np.ones((len(c), 1), np.float32)])
                col = np.clip(np.round(c * 255.0), 0, 255).astype(np.uint8)
            uv = _accessor(doc, binary, attrs["TEXCOORD_0"]).astype(np.float32) if "TEXCOORD_0" in attrs else None
            tri = _triangles(doc, binary, prim, len(pos)) if mode == 4 else None
            material_index, material = _material(doc, prim)
            parts.append((pos, nrm, col, uv, tri, material, material_index, len(parts), len(parts)))
    if not parts:
        raise ValueError("no triangles or points in the file")
    tri_parts = [p for p in parts if p[4] is not None]
    parts = tri_parts or parts  # a mixed file keeps its surface (sharing primitives are all triangles)
    texture, source = None, None
    base_color = (1.0, 1.0, 1.0, 1.0)
    if parts[0][5]:
        texture, source = _image(doc, binary, parts[0][5])
        base_color = tuple(parts[0][5].get("pbrMetallicRoughness", {}).get("baseColorFactor", base_color))

    blocks = [p for p in parts if p[7] == p[8]]  # the parts that hold their own vertices

    def cat(i: int):
        items = [p[i] for p in blocks]
        return None if any(x is None for x in items) else np.concatenate(items)

    tris = None
    if tri_parts:
        # each block's first vertex in the merged arrays, by the block's own part number
        starts = dict(zip((p[7] for p in blocks), np.cumsum([0] + [len(p[0]) for p in blocks[:-1]])))
        tris = np.concatenate([p[4] + np.uint32(starts[p[7]]) for p in parts])
    materials, face_materials = _atlases(doc, binary, parts) if tri_parts else ([], None)
    return MeshData(positions=cat(0).astype(np.float32),
                    normals=None if cat(1) is None else cat(1).astype(np.float32),
                    colors=cat(2), uvs=cat(3) if texture is not None else None,
                    triangles=tris, texture=texture, base_color=base_color, texture_source=source,
                    materials=materials, face_materials=face_materials)


def _atlases(doc: dict, binary: bytes, parts: list) -> tuple[list[MaterialData], Optional[np.ndarray]]:
    """(one MaterialData per distinct textured material, (m,) material index per triangle)
    when the triangle primitives use two or more textured materials and all have UVs
    (a multi-atlas level); else ([], None)."""
    indices = [p[6] for p in parts]
    distinct = list(dict.fromkeys(indices))
    if len(distinct) < 2 or any(p[3] is None or not p[5] for p in parts):
        return [], None
    materials = []
    for index in distinct:
        material = doc["materials"][index]
        if not material.get("pbrMetallicRoughness", {}).get("baseColorTexture"):
            return [], None
        texture, source = _image(doc, binary, material)
        base = tuple(material.get("pbrMetallicRoughness", {}).get("baseColorFactor", (1.0, 1.0, 1.0, 1.0)))
        materials.append(MaterialData(texture, source, base))
    slot = {index: k for k, index in enumerate(distinct)}
    face_materials = np.concatenate([np.full(len(p[4]), slot[p[6]], np.uint16) for p in parts])
    return materials, face_materials


__all__ = ["MeshData", "MaterialData", "read_glb_arrays"]
