"""glTF features trimesh's loader drops silently or refuses, rewritten into ones it reads.

meshoptimizer-compressed bufferViews (gltfpack -c, gltf-transform optimize, Vitrine's own
bundles) are decoded (gltf_meshopt.py).

Textures only in ``EXT_texture_webp`` / ``EXT_texture_avif`` (no plain ``source``) are
pointed at their WebP/AVIF image, which Pillow decodes, rather than lost.

trimesh 5.2 ignores sparse accessors (a morph-free sparse POSITION, used by some exporters
to patch a shared base mesh, loads as the unpatched base: wrong geometry, no message) and
triangle fans (``mode`` 6: the primitive is dropped, leaving "no triangle mesh") and the
``normalized`` flag of integer attributes (KHR_mesh_quantization, gltfpack's default output:
UVs stored as uint16 0..65535 load as 0..65535, so the texture is lost), and
``KHR_texture_transform`` on the base colour (gltfpack stores its UV quantisation's offset
and scale there: ignored, the texture lands in the wrong place).
:func:`normalised_glb` returns a GLB in which every sparse accessor is dense and every
fan is a triangle list, so the ordinary loader reads the file as its author meant.
"""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np

from vitrine.assets.formats.glb_chunks import pack_glb
from vitrine.assets.formats.gltf_meshopt import MESHOPT, decode_view, meshopt_extension
from vitrine.assets.scan_errors import reason_of, scan_error

_COMPONENT = {5120: "<i1", 5121: "<u1", 5122: "<i2", 5123: "<u2", 5125: "<u4", 5126: "<f4"}
_WIDTH = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT2": 4, "MAT3": 9, "MAT4": 16}
_FAN = 6
# Texture extensions whose images Pillow decodes (KTX2/Basis it does not).
_PILLOW_IMAGES = {"EXT_texture_webp": "webp", "EXT_texture_avif": "avif"}


def _textures_with(doc: dict, ext: str) -> list[dict]:
    textures = doc.get("textures", [])
    return [t for t in (textures if isinstance(textures, list) else [])
            if isinstance(t, dict) and isinstance(t.get("extensions"), dict) and ext in t["extensions"]]


def textures_readable(doc: dict, ext: str) -> bool:
    """True when every texture using the texture extension ``ext`` can still be shown:
    it has a plain ``source`` fallback, or ``ext`` names a format Pillow decodes here.
    False for other extensions (buffer compression)."""
    if ext in _PILLOW_IMAGES:
        from PIL import features
        if features.check(_PILLOW_IMAGES[ext]):
            return True
    if not ext.startswith(("EXT_texture_", "KHR_texture_")):
        return False
    return all("source" in t for t in _textures_with(doc, ext))


def _extension_only_textures(doc: dict) -> list[tuple[dict, int]]:
    """(texture, image index) for textures whose image is only in a WebP/AVIF extension."""
    out = []
    for ext in _PILLOW_IMAGES:
        for t in _textures_with(doc, ext):
            source = t["extensions"][ext].get("source") if isinstance(t["extensions"][ext], dict) else None
            if "source" not in t and isinstance(source, int):
                out.append((t, source))
    return out


def needs_rewrite(doc: dict) -> bool:
    """True when the document has a sparse accessor, a triangle-fan primitive or a texture
    whose image is only in a WebP/AVIF extension."""
    accessors = doc.get("accessors", [])
    sparse = any(isinstance(a, dict) and "sparse" in a for a in accessors)
    fans = any(isinstance(p, dict) and p.get("mode") == _FAN
               for m in doc.get("meshes", []) if isinstance(m, dict) for p in m.get("primitives", []))
    if _needs_scene(doc):
        return True
    compressed = any(meshopt_extension(v) is not None for v in doc.get("bufferViews", []) if isinstance(v, dict))
    return compressed or sparse or fans or bool(_extension_only_textures(doc)) or bool(_normalised_attributes(doc)) \
        or bool(_transformed_texcoords(doc))


_TEXTURE_TRANSFORM = "KHR_texture_transform"


def _needs_scene(doc: dict) -> bool:
    """No ``scenes`` but nodes: the file is a library of its nodes (glTF 2.0 §3.5.2); a scan
    import takes every root node, as a scene of its own would."""
    return not doc.get("scenes") and isinstance(doc.get("nodes"), list) and bool(doc["nodes"])


def _library_scene(doc: dict) -> None:
    nodes = doc["nodes"]
    children = {c for n in nodes if isinstance(n, dict) for c in n.get("children", []) if isinstance(c, int)}
    doc["scenes"] = [{"nodes": [i for i in range(len(nodes)) if i not in children]}]
    doc["scene"] = 0


def base_colour_transform(doc: dict, material_index: object) -> dict | None:
    """The KHR_texture_transform of a material's base-colour texture (its texCoord kept), or None."""
    materials = doc.get("materials", [])
    if not isinstance(material_index, int) or not 0 <= material_index < len(materials):
        return None
    info = (materials[material_index] or {}).get("pbrMetallicRoughness", {}).get("baseColorTexture", {})
    ext = info.get("extensions", {}).get(_TEXTURE_TRANSFORM) if isinstance(info, dict) else None
    if not isinstance(ext, dict):
        return None
    return {"texCoord": ext.get("texCoord", info.get("texCoord", 0)), **{k: v for k, v in ext.items() if k != "texCoord"}}


def _transformed_texcoords(doc: dict) -> list[tuple[dict, dict]]:
    """(primitive, transform) for each primitive whose base-colour texture is transformed."""
    out = []
    for m in doc.get("meshes", []):
        for p in (m.get("primitives", []) if isinstance(m, dict) else []):
            t = base_colour_transform(doc, p.get("material")) if isinstance(p, dict) else None
            if t is not None:
                out.append((p, t))
    return out


def apply_texture_transform(uv: np.ndarray, t: dict) -> np.ndarray:
    """UVs (n, 2) through KHR_texture_transform: translation · rotation · scale (glTF's UV space)."""
    ox, oy = (float(x) for x in t.get("offset", (0.0, 0.0)))
    sx, sy = (float(x) for x in t.get("scale", (1.0, 1.0)))
    r = float(t.get("rotation", 0.0))
    c, s = np.cos(r), np.sin(r)
    u, v = uv[:, 0] * sx, uv[:, 1] * sy
    # the spec's GLSL mat3s are column-major: rotation * (u, v) = (c·u - s·v, s·u + c·v)
    return np.column_stack([ox + c * u - s * v, oy + s * u + c * v])


# Largest value of each normalised integer type: float = max(c / scale, -1) (glTF 2.0 §3.11).
_NORM_SCALE = {5120: 127.0, 5121: 255.0, 5122: 32767.0, 5123: 65535.0}


def _normalised_attributes(doc: dict) -> set[int]:
    """Indices of integer accessors flagged ``normalized`` that primitives use as attributes."""
    accessors = doc.get("accessors", [])
    out = set()
    for m in doc.get("meshes", []):
        for p in (m.get("primitives", []) if isinstance(m, dict) else []):
            attributes = p.get("attributes", {}) if isinstance(p, dict) else {}
            for i in (attributes.values() if isinstance(attributes, dict) else []):
                if isinstance(i, int) and 0 <= i < len(accessors) and isinstance(accessors[i], dict) \
                        and accessors[i].get("normalized") and accessors[i].get("componentType") in _NORM_SCALE:
                    out.add(i)
    return out


def _view_slice(path: Path, doc: dict, buffers: list, view_index: int, offset: int, count: int,
                dtype: np.dtype, width: int) -> np.ndarray:
    """``count`` elements of ``width`` components from a bufferView, honouring byteStride,
    bounds-checked (the sparse parts are not covered by check_document)."""
    view = doc["bufferViews"][int(view_index)]
    data = buffers[int(view.get("buffer", 0))]
    item = dtype.itemsize * width
    stride = int(view.get("byteStride", item)) or item
    start = int(view.get("byteOffset", 0)) + int(offset)
    need = (count - 1) * stride + item if count else 0
    if count < 0 or int(offset) < 0 or int(offset) + need > int(view["byteLength"]) or start + need > len(data):
        raise scan_error(path, "a sparse accessor's data lies past the end of its bufferView")
    raw = np.frombuffer(data, np.uint8, need, start) if count else np.zeros(0, np.uint8)
    rows = np.lib.stride_tricks.as_strided(raw, (count, item), (stride, 1)) if count else raw.reshape(0, item)
    return np.ascontiguousarray(rows).view(dtype).reshape(count, width)


def normalised_glb(path: Path, doc: dict, buffers: list) -> bytes | None:
    """A GLB (bytes) equivalent to ``doc`` + ``buffers`` with sparse accessors made dense
    and triangle fans made triangle lists; None when the document needs neither.

    ``doc`` has passed ``check_document``; every buffer is gathered into the one BIN chunk
    (images named by URI stay URIs, resolved beside ``path`` as before).
    Raises ScanError for sparse data or fan indices that point outside their arrays.
    """
    if not needs_rewrite(doc):
        return None
    try:
        return _rewrite(path, copy.deepcopy(doc), buffers)
    except (KeyError, IndexError, TypeError, ValueError, OverflowError) as exc:  # ScanError is none of these
        raise scan_error(path, "the glTF JSON is malformed ({error})", error=reason_of(exc)) from None


def _rewrite(path: Path, doc: dict, buffers: list) -> bytes:
    out = bytearray()
    shift = []
    # a meshopt fallback buffer has no bytes (no uri, not the GLB's BIN chunk)
    buffers = list(buffers) + [b""] * (len(doc.get("buffers", [])) - len(buffers))
    for b in buffers:
        out += b"\0" * (-len(out) % 4)
        shift.append(len(out))
        out += bytes(b)
    for view in doc.get("bufferViews", []):
        compressed = meshopt_extension(view)
        if compressed is not None:  # decoded into the merged buffer, the extension dropped
            decoded = decode_view(path, compressed, buffers)
            out += b"\0" * (-len(out) % 4)
            view["byteOffset"], view["byteLength"] = len(out), len(decoded)
            out += decoded
            for name in MESHOPT:
                view["extensions"].pop(name, None)
        else:
            view["byteOffset"] = int(view.get("byteOffset", 0)) + shift[int(view.get("buffer", 0))]
        view["buffer"] = 0
    if _needs_scene(doc):
        _library_scene(doc)
    for key in ("extensionsRequired", "extensionsUsed"):
        if key in doc:
            doc[key] = [e for e in doc[key] if e not in MESHOPT]
    merged = [bytes(out)]

    def append(arr: np.ndarray) -> int:
        out.extend(b"\0" * (-len(out) % 4))
        doc["bufferViews"].append({"buffer": 0, "byteOffset": len(out), "byteLength": arr.nbytes})
        out.extend(arr.tobytes())
        return len(doc["bufferViews"]) - 1

    for acc in doc.get("accessors", []):
        if "sparse" not in acc:
            continue
        dt, width, count = np.dtype(_COMPONENT[int(acc["componentType"])]), _WIDTH[acc["type"]], int(acc["count"])
        base = _view_slice(path, doc, merged, acc["bufferView"], int(acc.get("byteOffset", 0)), count, dt, width) \
            if "bufferView" in acc else np.zeros((count, width), dt)
        dense = base.copy()
        sparse = acc.pop("sparse")
        n = int(sparse["count"])
        idx = sparse["indices"]
        where = _view_slice(path, doc, merged, idx["bufferView"], int(idx.get("byteOffset", 0)), n,
                            np.dtype(_COMPONENT[int(idx["componentType"])]), 1).ravel().astype(np.int64)
        if where.size and (where.min() < 0 or where.max() >= count):
            raise scan_error(path, "a sparse accessor changes elements outside its {count} elements", count=f"{count:,}")
        val = sparse["values"]
        dense[where] = _view_slice(path, doc, merged, val["bufferView"], int(val.get("byteOffset", 0)), n, dt, width)
        acc["bufferView"], acc["byteOffset"] = append(dense), 0
    merged = [bytes(out)]  # sparse results are read back below
    for i in sorted(_normalised_attributes(doc)):
        acc = doc["accessors"][i]
        ctype, width, count = int(acc["componentType"]), _WIDTH[acc["type"]], int(acc["count"])
        ints = _view_slice(path, doc, merged, acc["bufferView"], int(acc.get("byteOffset", 0)), count,
                           np.dtype(_COMPONENT[ctype]), width) if "bufferView" in acc else np.zeros((count, width))
        floats = np.maximum(ints.astype(np.float32) / _NORM_SCALE[ctype], -1.0).astype("<f4")
        acc.update(bufferView=append(floats), byteOffset=0, componentType=5126)
        acc.pop("normalized")
        for bound in ("min", "max"):
            if bound in acc:
                acc[bound] = [max(float(x) / _NORM_SCALE[ctype], -1.0) for x in acc[bound]]
    merged = [bytes(out)]
    for prim, transform in _transformed_texcoords(doc):
        # bake KHR_texture_transform into a copy of the UVs (the copy: another primitive may share them)
        name = f"TEXCOORD_{int(transform.get('texCoord') or 0)}"
        if name not in prim.get("attributes", {}):
            continue
        acc = doc["accessors"][int(prim["attributes"][name])]
        ctype = int(acc["componentType"])
        uv = _view_slice(path, doc, merged, acc["bufferView"], int(acc.get("byteOffset", 0)), int(acc["count"]),
                         np.dtype(_COMPONENT[ctype]), 2).astype(np.float64)
        if acc.get("normalized") and ctype in _NORM_SCALE:
            uv = np.maximum(uv / _NORM_SCALE[ctype], -1.0)
        doc["accessors"].append({"bufferView": append(apply_texture_transform(uv, transform).astype("<f4")),
                                 "componentType": 5126, "count": len(uv), "type": "VEC2"})
        prim["attributes"][name] = len(doc["accessors"]) - 1
    for material in doc.get("materials", []):
        info = material.get("pbrMetallicRoughness", {}).get("baseColorTexture", {})
        if isinstance(info.get("extensions"), dict):
            info["extensions"].pop(_TEXTURE_TRANSFORM, None)
    for mesh in doc.get("meshes", []):
        for prim in mesh.get("primitives", []):
            if prim.get("mode") != _FAN:
                continue
            if "indices" in prim:
                ia = doc["accessors"][int(prim["indices"])]
                idx = _view_slice(path, doc, merged, ia["bufferView"], int(ia.get("byteOffset", 0)),
                                  int(ia["count"]), np.dtype(_COMPONENT[int(ia["componentType"])]), 1).ravel()
            else:
                idx = np.arange(int(doc["accessors"][int(prim["attributes"]["POSITION"])]["count"]))
            idx = idx.astype(np.uint32)
            tris = np.column_stack([np.full(max(len(idx) - 2, 0), idx[0] if len(idx) else 0, np.uint32),
                                    idx[1:-1], idx[2:]]) if len(idx) >= 3 else np.zeros((0, 3), np.uint32)
            doc["accessors"].append({"bufferView": append(tris.ravel()), "componentType": 5125,
                                     "count": int(tris.size), "type": "SCALAR"})
            prim["indices"], prim["mode"] = len(doc["accessors"]) - 1, 4
    for texture, source in _extension_only_textures(doc):
        texture["source"] = source
    doc["extensionsRequired"] = [e for e in doc.get("extensionsRequired", []) if e not in _PILLOW_IMAGES]
    doc["buffers"] = [{"byteLength": len(out)}]
    for img in doc.get("images", []):
        if isinstance(img, dict) and "bufferView" in img:
            img.pop("uri", None)
    return pack_glb(doc, out)


__all__ = ["needs_rewrite", "normalised_glb"]
