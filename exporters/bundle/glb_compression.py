"""Writing one model level as a compact GLB: EXT_meshopt_compression + KHR_mesh_quantization.

Quantisation (gltfpack 1.3's defaults, computed as gltfpack does, in float32, so the
streams are the ones ``gltfpack -cc`` writes): positions 14-bit integers on a
uniform grid whose scale and offset (metres) sit on the mesh's node; normals 8-bit
octahedral (OCTAHEDRAL filter); texture coordinates 12-bit integers over their
bounds in normalized unsigned shorts, undone by KHR_texture_transform on the
base-colour texture; vertex colours RGBA normalized unsigned bytes. Triangles are
reordered for the vertex cache and fetch; point clouds are sorted along a
Morton curve. Every bufferView of geometry is meshopt-compressed (vertex codec
version 0, as EXT_meshopt_compression requires) into the GLB's BIN chunk; a
fallback-free buffer declares the decoded size. The base-colour image is copied
byte for byte when the stored level already holds a JPEG/PNG that fits the
level's size, and resized and re-encoded only otherwise.

The JSON holds only what the viewer and the spec need: no names (the viewer names
the loaded scene itself), no sampler (the spec's default, repeat wrapping with
automatic filtering, is what we would write), no default values, no padding but
the chunk's own.
"""
from __future__ import annotations

import ctypes
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Optional

import meshoptimizer
import numpy as np

from vitrine.assets.formats.glb_arrays import MeshData
from vitrine.assets.formats.glb_chunks import pack_glb
from vitrine.assets.levels.level_table import TEXTURE_SIDES
from vitrine.assets.texturing.atlas_budget import atlas_sizes
from vitrine.assets.texturing.textures import EncodedTexture, encode_texture

EXT_MESHOPT = "EXT_meshopt_compression"
KHR_QUANT = "KHR_mesh_quantization"
KHR_XMP = "KHR_xmp_json_ld"
KHR_TRANSFORM = "KHR_texture_transform"
TEXTURE_SIDE = TEXTURE_SIDES  # longest side per level, from assets/levels/levels.json

_UNSIGNED_BYTE, _BYTE, _UNSIGNED_SHORT, _UNSIGNED_INT = 5121, 5120, 5123, 5125


@dataclass
class GlbSettings:
    """Quantisation bits and the texture size limit (pixels; None keeps the size)."""

    position_bits: int = 14
    normal_bits: int = 8
    uv_bits: int = 12
    texture_max: Optional[int] = None
    jpeg_quality: int = 88


@dataclass
class _Builder:
    """Collects compressed streams (buffer 0) and the decoded layout (fallback buffer 1)."""

    doc: dict[str, Any]
    chunk: bytearray = field(default_factory=bytearray)
    fallback_length: int = 0

    def _append(self, data: bytes) -> int:
        while len(self.chunk) % 4:
            self.chunk.append(0)
        offset = len(self.chunk)
        self.chunk += data
        return offset

    def raw_view(self, data: bytes) -> int:
        """A plain (uncompressed) bufferView in buffer 0, e.g. an image."""
        offset = self._append(data)
        self.doc["bufferViews"].append(_offset({"buffer": 0, "byteLength": len(data)}, offset))
        return len(self.doc["bufferViews"]) - 1

    def vertex_view(self, array: np.ndarray, *, filter_name: Optional[str] = None, packed: bool = False) -> int:
        """Compress a (count, stride bytes) array with the vertex codec (mode ATTRIBUTES).

        ``packed``: the accessor's element fills the stride (VEC2 shorts, VEC4 bytes), so
        the decoded view may omit byteStride (tightly packed is the spec's default)."""
        rows = np.ascontiguousarray(array).view(np.uint8).reshape(len(array), -1)
        count, stride = rows.shape
        encoded = meshoptimizer.encode_vertex_buffer(rows, count, stride)
        return self._compressed(encoded, count, stride, "ATTRIBUTES", filter_name, with_stride=not packed)

    def index_view(self, indices: np.ndarray, vertex_count: int) -> tuple[int, int]:
        """Compress triangle indices (mode TRIANGLES); returns (view, component type)."""
        flat = np.ascontiguousarray(indices.reshape(-1), dtype=np.uint32)
        encoded = meshoptimizer.encode_index_buffer(flat, len(flat), vertex_count)
        stride = 2 if vertex_count <= 65535 else 4
        view = self._compressed(encoded, len(flat), stride, "TRIANGLES", None, with_stride=False)
        return view, (_UNSIGNED_SHORT if stride == 2 else _UNSIGNED_INT)

    def _compressed(self, encoded: bytes, count: int, stride: int, mode: str,
                    filter_name: Optional[str], *, with_stride: bool) -> int:
        offset = self._append(encoded)
        # the extension's byteOffset stays even when 0: readers (our test decoder among them)
        # index it directly, and it costs 13 bytes once
        ext: dict[str, Any] = {"buffer": 0, "byteOffset": offset, "byteLength": len(encoded),
                               "byteStride": stride, "count": count, "mode": mode}
        if filter_name:
            ext["filter"] = filter_name
        length = count * stride
        self.fallback_length = (self.fallback_length + 3) & ~3
        view = _offset({"buffer": 1, "byteLength": length, "extensions": {EXT_MESHOPT: ext}}, self.fallback_length)
        if with_stride:  # indices never have one; packed attributes need none
            view["byteStride"] = stride
        self.fallback_length += length
        self.doc["bufferViews"].append(view)
        return len(self.doc["bufferViews"]) - 1

    def accessor(self, view: int, component: int, kind: str, count: int, *, normalized: bool = False,
                 minimum: Optional[list] = None, maximum: Optional[list] = None) -> int:
        acc: dict[str, Any] = {"bufferView": view, "componentType": component, "count": count, "type": kind}
        if normalized:
            acc["normalized"] = True
        if minimum is not None:
            acc["min"], acc["max"] = minimum, maximum
        self.doc["accessors"].append(acc)
        return len(self.doc["accessors"]) - 1


def _offset(view: dict[str, Any], offset: int) -> dict[str, Any]:
    """``view`` with its byteOffset, left out when 0 (the bufferView default)."""
    if offset:
        view["byteOffset"] = offset
    return view


def _optimise_triangles(mesh: MeshData, groups: Optional[list[np.ndarray]] = None) -> tuple[np.ndarray, np.ndarray]:
    """(remapped triangles (m, 3) uint32, vertex order): strip-friendly cache order, then fetch order.

    ``groups`` (face indices per material) keeps each material's triangles together, in
    group order, each group cache-ordered on its own; the vertex order is shared."""
    n = len(mesh.positions)
    lists = [mesh.triangles] if groups is None else [mesh.triangles[g] for g in groups]
    parts = []
    for tris in lists:
        flat = np.ascontiguousarray(tris.reshape(-1), dtype=np.uint32)
        cached = np.empty_like(flat)
        meshoptimizer.optimize_vertex_cache_strip(cached, flat, len(flat), n)  # as gltfpack -cc: smaller after compression
        parts.append(cached)
    cached = parts[0] if len(parts) == 1 else np.concatenate(parts)
    remap = np.empty(n, dtype=np.uint32)
    unique = meshoptimizer.optimize_vertex_fetch_remap(remap, cached, len(cached), n)
    order = np.empty(unique, dtype=np.int64)
    used = remap != 0xFFFFFFFF
    order[remap[used]] = np.nonzero(used)[0]
    return remap[cached].reshape(-1, 3), order


def _morton_order(q: np.ndarray) -> np.ndarray:
    """Indices sorting integer points (n, 3) along a 3D Morton (Z-order) curve."""
    code = np.zeros(len(q), dtype=np.uint64)
    coords = q.astype(np.uint64)
    for bit in range(16):
        for axis in range(3):
            code |= ((coords[:, axis] >> np.uint64(bit)) & np.uint64(1)) << np.uint64(3 * bit + axis)
    return np.argsort(code, kind="stable")


def _quantize_unorm(v: np.ndarray, bits: int) -> np.ndarray:
    """meshopt_quantizeUnorm in float32: clamp to [0, 1], then int(v * (2^bits - 1) + 0.5)."""
    v = np.clip(v.astype(np.float32, copy=False), np.float32(0), np.float32(1))
    return (v * np.float32((1 << bits) - 1) + np.float32(0.5)).astype(np.uint16)


def quantize_positions(positions: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray, float]:
    """(integer grid (n, 3) uint16, offset (3,) metres, step in metres) on a uniform grid.

    float32 arithmetic in gltfpack's order (offset = min, scale = largest extent,
    (p - min) * (1 / scale)): float64 rounds a few vertices the other way, and
    the vertex codec then spends a byte more than gltfpack."""
    p = positions.astype(np.float32, copy=False)
    lo = p.min(axis=0)
    extent = np.float32((p.max(axis=0) - lo).max())
    if extent <= 0:
        return np.zeros((len(p), 3), np.uint16), lo.astype(np.float64), 1.0
    q = _quantize_unorm((p - lo) * (np.float32(1) / extent), bits)
    return q, lo.astype(np.float64), float(extent / np.float32((1 << bits) - 1))


def quantize_uvs(uv: np.ndarray, bits: int) -> tuple[np.ndarray, list[float], list[float]]:
    """(integers (n, 2) uint16 in 0..2^bits-1, KHR_texture_transform offset, scale).

    As gltfpack: each axis over its own bounds, the integers stored as normalized
    unsigned shorts (so they decode to q / 65535) and the transform maps them back.
    Small integers compress far better than q scaled up to 0..65535 (whose low
    bits vary), ~32 KB on a 62k-vertex scan; any UV range works, repeats included."""
    u = uv.astype(np.float32, copy=False)
    lo = u.min(axis=0)
    extent = u.max(axis=0) - lo
    inverse = np.where(extent > 0, np.float32(1) / np.where(extent > 0, extent, 1), 0).astype(np.float32)
    q = _quantize_unorm((u - lo) * inverse, bits)
    scale = extent / np.float32((1 << bits) - 1) * np.float32(65535)
    return q, [_f32(v) for v in lo], [_f32(v) for v in scale]


def _smooth_normals(positions: np.ndarray, triangles: np.ndarray) -> np.ndarray:
    """Area-weighted vertex normals (n, 3) of a triangle mesh."""
    p = positions.astype(np.float64)
    a, b, c = p[triangles[:, 0]], p[triangles[:, 1]], p[triangles[:, 2]]
    face = np.cross(b - a, c - a)
    normals = np.zeros_like(p)
    for k in range(3):
        np.add.at(normals, triangles[:, k], face)
    length = np.linalg.norm(normals, axis=1, keepdims=True)
    normals = np.where(length > 0, normals / np.where(length > 0, length, 1), [0.0, 1.0, 0.0])
    return normals.astype(np.float32)


def encode_octahedral(normals: np.ndarray, bits: int = 8) -> np.ndarray:
    """Unit vectors (n, 3) to the OCTAHEDRAL filter's input: (n, 4) int8 (bits <= 8) or int16."""
    data = np.zeros((len(normals), 4), np.float32)
    data[:, :3] = normals
    dtype = np.int8 if bits <= 8 else np.int16
    out = np.zeros((len(normals), 4), dtype)
    fn = meshoptimizer.encoder.lib.meshopt_encodeFilterOct
    fn.restype = None
    fn(out.ctypes.data_as(ctypes.c_void_p), ctypes.c_size_t(len(normals)), ctypes.c_size_t(out.itemsize * 4),
       ctypes.c_int(bits), data.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
    return out


# Pixel modes browsers decode the same way from either format (no CMYK JPEG, no 16-bit PNG).
_COPY_MODES = {"image/jpeg": ("L", "RGB"), "image/png": ("L", "LA", "RGB", "RGBA", "P")}


def _complete(source: EncodedTexture) -> bool:
    """The stored bytes end as a whole JPEG/PNG does: a truncated body is re-encoded (and so reported)."""
    data = source.data.rstrip(b"\0")
    if source.mime_type == "image/jpeg":
        return data[:2] == b"\xff\xd8" and data[-2:] == b"\xff\xd9"
    return data[:8] == b"\x89PNG\r\n\x1a\n" and data[-8:] == b"IEND\xaeB`\x82"


def _copyable(mesh: MeshData, max_side: Optional[int]) -> bool:
    """True when the stored image can go into the GLB byte for byte.

    Stored levels already hold JPEG (opaque) or PNG (alpha) sized for the level, and decoding
    plus re-encoding a 4096² JPEG was most of an export's time. Sides must be powers of two,
    as encode_texture would make them (mip-maps and repeat wrapping everywhere)."""
    source, image = mesh.texture_source, mesh.texture
    if source is None or image is None:
        return False
    w, h = source.size
    if max_side is not None and max(w, h) > max_side:
        return False
    if w & (w - 1) or h & (h - 1):
        return False
    return image.mode in _COPY_MODES.get(source.mime_type, ()) and _complete(source)


def level_texture(mesh: MeshData, settings: GlbSettings) -> EncodedTexture:
    """The level's texture: the stored bytes when they already fit, else resized and encoded."""
    if _copyable(mesh, settings.texture_max):
        return mesh.texture_source
    try:
        return encode_texture(mesh.texture, settings.texture_max, jpeg_quality=settings.jpeg_quality)
    except OSError as exc:  # the image was opened lazily: a corrupt body shows up only here
        raise ValueError(f"the texture cannot be decoded ({exc})") from None


def atlas_textures(mesh: MeshData, settings: GlbSettings) -> list[EncodedTexture]:
    """Each atlas of a multi-atlas level fitted to its share of the level's texel budget
    (``settings.texture_max``² texels in all, see assets/texturing/atlas_budget.py)."""
    sides = atlas_sizes([m.texture.size for m in mesh.materials], settings.texture_max)
    out = []
    for material, size in zip(mesh.materials, sides):
        one = MeshData(mesh.positions, texture=material.texture, texture_source=material.texture_source)
        out.append(level_texture(one, dataclasses.replace(settings, texture_max=max(size))))
    return out


def compress_mesh(mesh: MeshData, *, name: str, generator: str, copyright_text: str = "",
                  xmp_packet: Optional[dict] = None, settings: Optional[GlbSettings] = None) -> bytes:
    """The GLB bytes of one model level (see the module docstring for the encoding)."""
    settings = settings or GlbSettings()
    if len(mesh.positions) == 0:  # ``name`` only labels errors: the GLB holds no names
        raise ValueError(f"{name}: the model has no vertices")
    meshoptimizer.encode_vertex_version(0)
    meshoptimizer.encode_index_version(1)
    asset: dict[str, Any] = {"version": "2.0", "generator": generator}
    if copyright_text:
        asset["copyright"] = copyright_text
    doc: dict[str, Any] = {"asset": asset, "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [],
                           "meshes": [], "accessors": [], "bufferViews": [], "materials": []}
    b = _Builder(doc)
    normals = mesh.normals
    multi = mesh.is_multi_material and mesh.uvs is not None and not mesh.is_points
    # one primitive per atlas (material), sharing the vertex streams
    groups = [np.flatnonzero(mesh.face_materials == k) for k in range(len(mesh.materials))] if multi else None
    if mesh.is_points:
        q_all, lo, step = quantize_positions(mesh.positions, settings.position_bits)
        order = _morton_order(q_all)
        triangles = None
    else:
        if normals is None:
            normals = _smooth_normals(mesh.positions, mesh.triangles)
        triangles, order = _optimise_triangles(mesh, groups)
    positions = mesh.positions[order]
    q, lo, step = quantize_positions(positions, settings.position_bits)
    count = len(q)
    attributes: dict[str, int] = {}
    pos4 = np.zeros((count, 4), np.uint16)
    pos4[:, :3] = q
    attributes["POSITION"] = b.accessor(b.vertex_view(pos4), _UNSIGNED_SHORT, "VEC3", count,
                                        minimum=q.min(axis=0).astype(int).tolist(),
                                        maximum=q.max(axis=0).astype(int).tolist())
    if normals is not None:
        oct_data = encode_octahedral(normals[order], settings.normal_bits)
        component = _BYTE if oct_data.dtype == np.int8 else 5122
        attributes["NORMAL"] = b.accessor(b.vertex_view(oct_data, filter_name="OCTAHEDRAL"), component,
                                          "VEC3", count, normalized=True)
    if mesh.colors is not None:
        attributes["COLOR_0"] = b.accessor(b.vertex_view(np.ascontiguousarray(mesh.colors[order], np.uint8), packed=True),
                                           _UNSIGNED_BYTE, "VEC4", count, normalized=True)
    textured = mesh.texture is not None and mesh.uvs is not None
    if textured:
        quv, uv_offset, uv_scale = quantize_uvs(mesh.uvs[order], settings.uv_bits)
        attributes["TEXCOORD_0"] = b.accessor(b.vertex_view(quv, packed=True), _UNSIGNED_SHORT, "VEC2", count,
                                              normalized=True)
        encoded = atlas_textures(mesh, settings) if multi else [level_texture(mesh, settings)]
        doc["images"] = [{"bufferView": b.raw_view(e.data), "mimeType": e.mime_type} for e in encoded]
        # no sampler: the default is repeat + auto filtering
        doc["textures"] = [{"source": i} for i in range(len(encoded))]
    colours = [m.base_color for m in mesh.materials] if multi else [mesh.base_color]
    for k, base in enumerate(colours):
        pbr: dict[str, Any] = {"metallicFactor": 0, "roughnessFactor": 0.8}
        if tuple(base) != (1.0, 1.0, 1.0, 1.0):
            pbr["baseColorFactor"] = [float(c) for c in base]
        if textured:
            transform = {"offset": uv_offset, "scale": uv_scale}
            pbr["baseColorTexture"] = {"index": k, "extensions": {KHR_TRANSFORM: transform}}
        doc["materials"].append({"pbrMetallicRoughness": pbr})
    primitives: list[dict[str, Any]] = []
    if triangles is None:
        primitives.append({"attributes": attributes, "material": 0, "mode": 0})  # POINTS; TRIANGLES is the default
    else:
        sizes = [len(g) for g in groups] if multi else [len(triangles)]
        start = 0
        for k, size in enumerate(sizes):
            if not size:
                continue
            own = triangles[start:start + size]
            start += size
            view, component = b.index_view(own, count)
            primitives.append({"attributes": attributes, "material": k,
                               "indices": b.accessor(view, component, "SCALAR", int(own.size))})
    doc["meshes"].append({"primitives": primitives})
    texture_index = 0 if textured else None
    # no node name: the viewer names the loaded scene after the artifact and level itself
    doc["nodes"].append({"mesh": 0, "translation": [_f32(v) for v in lo], "scale": [_f32(step)] * 3})
    required = [EXT_MESHOPT, KHR_QUANT] + ([KHR_TRANSFORM] if texture_index is not None else [])
    used = list(required)
    if xmp_packet is not None:
        doc["extensions"] = {KHR_XMP: {"packets": [xmp_packet]}}
        asset["extensions"] = {KHR_XMP: {"packet": 0}}
        used.append(KHR_XMP)
    doc["extensionsUsed"] = used
    # the UVs are wrong without the transform, so a loader must not draw them without it
    doc["extensionsRequired"] = required
    doc["buffers"] = [{"byteLength": 0},
                      {"byteLength": b.fallback_length, "extensions": {EXT_MESHOPT: {"fallback": True}}}]
    return _glb_bytes(doc, b.chunk)


def _f32(value: float) -> float | int:
    """A float written with the 9 significant digits that round-trip through float32;
    whole numbers as integers (JSON "0" rather than "0.0")."""
    v = float(f"{float(value):.9g}")
    return int(v) if v.is_integer() else v


def _glb_bytes(doc: dict, binary: bytearray) -> bytes:
    """Assemble a GLB: header, JSON chunk (space padded), BIN chunk (zero padded)."""
    while len(binary) % 4:
        binary.append(0)
    doc["buffers"][0]["byteLength"] = len(binary)
    return pack_glb(doc, binary, ensure_ascii=False)
