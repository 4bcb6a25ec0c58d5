"""glTF 2.0 (.gltf + .bin, .glb) header checks and loading.

Plain files are loaded by trimesh (node transforms applied, parts kept).
Draco-compressed primitives (KHR_draco_mesh_compression) are decoded with
DracoPy here, because trimesh does not decode them.  Other compression
extensions are refused with a clear message.
"""
from __future__ import annotations

import base64
import io
import json
import mmap
import struct
from pathlib import Path
from urllib.parse import unquote

import numpy as np
import trimesh
from PIL import Image

from vitrine.assets.formats import glb_images, gltf_primitives
from vitrine.assets.texturing.texture_images import ViewReader, open_image

from vitrine.assets.scan_errors import ScanError, reason_of, scan_error
from vitrine.assets.scan_model import Problem, Scan
from vitrine.assets.formats.gltf_draco_materials import DracoMaterials
from vitrine.assets.formats.gltf_meshopt import MESHOPT, meshopt_extension
from vitrine.assets.formats.scan_references import referenced_file
from vitrine.assets.formats.trimesh_scans import scan_from_loaded

_DRACO = "KHR_draco_mesh_compression"
_REFUSED = {
    "EXT_meshopt_compression": "meshoptimizer-compressed buffers",
    "KHR_meshopt_compression": "meshoptimizer-compressed buffers",
    "KHR_texture_basisu": "KTX2/Basis textures",
    "EXT_texture_webp": "WebP-only textures",
    "EXT_texture_avif": "AVIF-only textures",
}
_COMPONENT = {5120: "i1", 5121: "u1", 5122: "i2", 5123: "u2", 5125: "u4", 5126: "f4"}
_WIDTH = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT4": 16}


def split_glb(path: Path, data: bytes, file_size: int | None = None) -> tuple[dict, bytes]:
    """Return (json, BIN chunk) of a GLB, checking the declared lengths against the data.

    ``data`` may be just the file's start when ``file_size`` gives the full size;
    the BIN chunk is then returned only if it lies within ``data``.  Pass a memoryview
    (of bytes or of an mmap) to get the BIN chunk as a view, without a copy.
    """
    total = len(data) if file_size is None else file_size
    if len(data) < 20 or data[:4] != b"glTF":
        raise scan_error(path, "not a GLB file (no 'glTF' magic)")
    version, length = struct.unpack_from("<II", data, 4)
    if version != 2:
        raise scan_error(path, "GLB version {version} is not supported (only glTF 2.0)", version=version)
    if length > total:
        raise scan_error(path, "the GLB header claims {length} bytes but the file holds {size} bytes",
                         length=f"{length:,}", size=f"{total:,}")
    clen, ctype = struct.unpack_from("<II", data, 12)
    if ctype != 0x4E4F534A or 20 + clen > min(length, len(data)):
        raise scan_error(path, "the GLB's first chunk is not a complete JSON chunk")
    try:
        doc = json.loads(bytes(data[20:20 + clen]).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise scan_error(path, "the GLB's JSON chunk is invalid ({error})", error=reason_of(exc)) from None
    binary = b""
    off = 20 + ((clen + 3) & ~3)
    if off + 8 <= length:
        blen, btype = struct.unpack_from("<II", data, off)
        if btype == 0x004E4942:
            if off + 8 + blen > length and file_size is None:
                raise scan_error(path, "the GLB's binary chunk claims {length} bytes past the end of the file",
                                 length=f"{blen:,}")
            binary = data[off + 8:off + 8 + blen]
    if not isinstance(doc, dict):
        raise scan_error(path, "the GLB's JSON is not an object")
    return doc, binary


def check_document(path: Path, doc: dict, buffer_sizes: list[int | None]) -> dict:
    """Refuse unsupported extensions and accessors that overrun their buffers; return counts."""
    try:
        required = set(doc.get("extensionsRequired", [])) | set(doc.get("extensionsUsed", []))
        for ext in sorted(required & set(_REFUSED)):
            if ext in MESHOPT:
                continue  # decoded by gltf_primitives (gltf_meshopt.py)
            if gltf_primitives.textures_readable(doc, ext):
                continue  # every texture has a plain fallback, or Pillow decodes it (WebP, AVIF)
            raise scan_error(path, "uses {extension} ({what}), which cannot be decoded here; "
                                   "re-export the file without that compression", extension=ext, what=_REFUSED[ext])
        views = doc.get("bufferViews", [])
        buffers = doc.get("buffers", [])
        for i, view in enumerate(views):
            b = int(view["buffer"])
            end = int(view.get("byteOffset", 0)) + int(view["byteLength"])
            declared = int(buffers[b]["byteLength"])
            # a meshopt view's own buffer is a byteless fallback; its compressed range is checked on decoding
            actual = buffer_sizes[b] if b < len(buffer_sizes) and meshopt_extension(view) is None else None
            if end > declared or (actual is not None and end > actual):
                raise scan_error(path, "bufferView {index} ends at byte {end}, past the end of its buffer",
                                 index=i, end=f"{end:,}")
        accessors = doc.get("accessors", [])
        for i, acc in enumerate(accessors):
            if "bufferView" not in acc:
                continue
            view = views[int(acc["bufferView"])]
            size = np.dtype(_COMPONENT[int(acc["componentType"])]).itemsize * _WIDTH[acc["type"]]
            stride = int(view.get("byteStride", size))
            count = int(acc["count"])
            need = int(acc.get("byteOffset", 0)) + (count - 1) * stride + size if count else 0
            if need > int(view["byteLength"]):
                raise scan_error(path, "accessor {index} claims {count} elements but its bufferView holds {size} bytes",
                                 index=i, count=f"{count:,}", size=f"{int(view['byteLength']):,}")
        faces = vertices = 0
        for mesh in doc.get("meshes", []):
            for prim in mesh.get("primitives", []):
                pos = accessors[int(prim["attributes"]["POSITION"])]
                vertices += int(pos["count"])
                if prim.get("mode", 4) == 4:
                    n = accessors[int(prim["indices"])]["count"] if "indices" in prim else pos["count"]
                    faces += int(n) // 3
    except ScanError:
        raise
    except (KeyError, IndexError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise scan_error(path, "the glTF JSON is malformed ({error})", error=reason_of(exc)) from None
    return {"vertices": vertices, "faces": faces}


def _read_uri(path: Path, uri: str) -> bytes:
    if uri.startswith("data:"):
        try:
            return base64.b64decode(uri.split(",", 1)[1])
        except (ValueError, IndexError):
            raise scan_error(path, "a data: URI in the glTF is not valid base64") from None
    target = referenced_file(path, uri, percent_encoded=True)
    # Only regular files: a URI naming /dev/urandom or a FIFO would read forever.
    if not target.is_file():
        raise scan_error(path, "the external buffer {uri} is missing or not a regular file", uri=repr(uri[:200]))
    try:
        return target.read_bytes()
    except OSError:
        raise scan_error(path, "the external buffer {uri} is missing", uri=repr(uri[:200])) from None


def _gltf_doc(path: Path, data: bytes) -> tuple[dict, list[bytes]]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise scan_error(path, "the glTF JSON is invalid ({error})", error=reason_of(exc)) from None
    if not isinstance(doc, dict):
        raise scan_error(path, "the glTF JSON is not an object")
    buffers = [_read_uri(path, b["uri"]) if isinstance(b, dict) and "uri" in b else b""
               for b in doc.get("buffers", [])]
    return doc, buffers


def peek_glb(path: Path, head: bytes, size: int) -> dict:
    """Counts claimed by a GLB, reading only its JSON chunk and the BIN chunk header."""
    if len(head) < 20 or head[:4] != b"glTF":
        raise scan_error(path, "not a GLB file (no 'glTF' magic)")
    clen = struct.unpack_from("<I", head, 12)[0]
    off = 20 + ((clen + 3) & ~3)
    if off + 8 > len(head) and clen <= size:
        with open(path, "rb") as fh:
            head = fh.read(min(off + 8, size))
    doc, _ = split_glb(path, head, file_size=size)
    bin_size = struct.unpack_from("<I", head, off)[0] if off + 8 <= len(head) else 0
    if off + 8 + bin_size > size:
        raise scan_error(path, "the GLB's binary chunk claims {length} bytes past the end of the file",
                         length=f"{bin_size:,}")
    return check_document(path, doc, [bin_size])


def peek_gltf(path: Path, head: bytes, size: int) -> dict:
    data = head if len(head) >= size else path.read_bytes()
    doc, buffers = _gltf_doc(path, data)
    return check_document(path, doc, [len(b) for b in buffers])


def check_image_sizes(path: Path, doc: dict, buffers: list[bytes]) -> None:
    """Refuse (ScanError naming the image) any image whose header is over the pixel limit,
    before trimesh decodes it (trimesh would drop a refused image silently)."""
    for i, img in enumerate(doc.get("images", []) if isinstance(doc.get("images"), list) else []):
        if not isinstance(img, dict):
            continue
        try:
            if "bufferView" in img:
                v = doc["bufferViews"][img["bufferView"]]
                start = v.get("byteOffset", 0)
                blob = buffers[v["buffer"]][start:start + v["byteLength"]]
                label = f"{path.name} image {img.get('name') or i}"
            elif isinstance(img.get("uri"), str) and not img["uri"].startswith("data:"):
                target = referenced_file(path, img["uri"], percent_encoded=True)
                if not target.is_file():
                    continue
                blob, label = target, target
            else:
                continue
            open_image(blob, label).close()
        except (OSError, KeyError, IndexError, TypeError, ValueError):
            continue  # unreadable images are reported by the loader as before


def load_glb(path: Path, data: bytes | mmap.mmap) -> Scan:
    """Load a GLB from its bytes (or an mmap of the file).  Embedded images never reach
    trimesh: they are opened afterwards from the file (or ``data``) without a copy and
    decoded once, bounded (see glb_images)."""
    view = memoryview(data)
    doc, binary = split_glb(path, view)
    check_document(path, doc, [len(binary)])
    check_image_sizes(path, doc, [binary])
    if _uses_draco(doc):
        return _load_draco(path, doc, [binary], "GLB")
    rewritten = gltf_primitives.normalised_glb(path, doc, [binary])  # sparse accessors, fans
    if rewritten is not None:
        return load_glb(path, rewritten)
    views = glb_images.image_views(doc)
    if not views or not glb_images.all_in_bin_chunk(doc):
        return _load_trimesh(path, data, "glb", "GLB")
    bin_start = 20 + ((struct.unpack_from("<I", view, 12)[0] + 3) & ~3) + 8
    stub = glb_images.stub_glb(doc, binary, views)

    def open_real(index: int) -> Image.Image | None:
        v = doc["bufferViews"][doc["images"][index]["bufferView"]]
        start, length = int(v.get("byteOffset", 0)), int(v["byteLength"])
        # From an mmap, read through the file: touching the mapping would add the
        # compressed image to this process's resident memory on top of its decode.
        stream = glb_images.FileWindow(path, bin_start + start, length) if isinstance(data, mmap.mmap) \
            else ViewReader(binary[start:start + length])
        label = f"{path.name} image {doc['images'][index].get('name') or index}"
        try:
            return glb_images.open_embedded(stream, label)
        except ScanError:
            raise
        except (OSError, ValueError, SyntaxError):
            return None  # an unreadable image: untextured, as trimesh itself would leave it

    loaded = trimesh.load(io.BytesIO(stub), file_type="glb", resolver=RegularFileResolver(str(path)))
    glb_images.swap_stub_images(loaded, open_real)
    scan = scan_from_loaded(path, "GLB", loaded, [])
    scan.units_hint, scan.up_hint = "m", "y"
    return scan


def load_gltf(path: Path, data: bytes) -> Scan:
    doc, buffers = _gltf_doc(path, data)
    check_document(path, doc, [len(b) for b in buffers])
    check_image_sizes(path, doc, buffers)
    if _uses_draco(doc):
        return _load_draco(path, doc, buffers, "glTF")
    rewritten = gltf_primitives.normalised_glb(path, doc, buffers)  # sparse accessors, fans
    if rewritten is not None:
        scan = load_glb(path, rewritten)
        scan.format = "glTF"
        return scan
    return _load_trimesh(path, data, "gltf", "glTF")


def _uses_draco(doc: dict) -> bool:
    return any(_DRACO in prim.get("extensions", {})
               for mesh in doc.get("meshes", []) for prim in mesh.get("primitives", []))


class RegularFileResolver(trimesh.resolvers.FilePathResolver):
    """Resolves names beside a scan for trimesh, reading regular files only.

    glTF URIs are percent-encoded ('my%20file.bin') while trimesh's resolver
    expects plain names; OBJ material libraries and textures go through it too.
    """

    def get(self, name: str) -> bytes:
        name = unquote(name)
        # Refuse devices and FIFOs (an image URI of /dev/zero would never finish reading).
        target = Path(self.parent) / name.strip()
        if target.exists() and not target.is_file():
            raise FileNotFoundError(name)
        try:  # nothing outside the scan's folder (the loaders name such a file in their error)
            referenced_file(target, name, folder=Path(self.parent))
        except ScanError:
            raise FileNotFoundError(name) from None
        return super().get(name)


def _load_trimesh(path: Path, data: bytes, file_type: str, name: str) -> Scan:
    resolver = RegularFileResolver(str(path))
    loaded = trimesh.load(io.BytesIO(data), file_type=file_type, resolver=resolver)
    scan = scan_from_loaded(path, name, loaded, [])
    scan.units_hint, scan.up_hint = "m", "y"
    return scan


def _accessor(doc: dict, buffers: list[bytes], index: int) -> np.ndarray:
    acc = doc["accessors"][index]
    view = doc["bufferViews"][acc["bufferView"]]
    dt = np.dtype("<" + _COMPONENT[acc["componentType"]])
    width = _WIDTH[acc["type"]]
    stride = view.get("byteStride", dt.itemsize * width)
    base = view.get("byteOffset", 0) + acc.get("byteOffset", 0)
    raw = np.frombuffer(buffers[view["buffer"]], np.uint8)
    rows = np.lib.stride_tricks.as_strided(raw[base:], (acc["count"], dt.itemsize * width), (stride, 1))
    return np.ascontiguousarray(rows).view(dt).reshape(acc["count"], width)


def node_transforms(doc: dict) -> list[tuple[int, np.ndarray]]:
    """(mesh index, 4×4 world matrix) for every node of the default scene carrying a mesh."""
    nodes = doc.get("nodes", [])
    scenes = doc.get("scenes", [{"nodes": list(range(len(nodes)))}])
    roots = scenes[doc.get("scene", 0)].get("nodes", [])
    out, stack, seen = [], [(r, np.eye(4)) for r in roots], set()
    while stack:
        i, parent = stack.pop()
        if i in seen:  # a cycle would loop forever
            continue
        seen.add(i)
        node = nodes[i]
        if "matrix" in node:
            local = np.asarray(node["matrix"], float).reshape(4, 4).T
        else:
            t = trimesh.transformations
            local = t.translation_matrix(node.get("translation", [0, 0, 0]))
            x, y, z, w = node.get("rotation", [0, 0, 0, 1])
            local = local @ t.quaternion_matrix([w, x, y, z]) @ np.diag(list(node.get("scale", [1, 1, 1])) + [1])
        world = parent @ local
        if "mesh" in node:
            out.append((node["mesh"], world))
        stack.extend((c, world) for c in node.get("children", []))
    return out


def _load_draco(path: Path, doc: dict, buffers: list[bytes], name: str) -> Scan:
    import DracoPy
    problems = [Problem.of("info", "draco", "Draco-compressed geometry was decoded")]
    materials = DracoMaterials(path, doc, buffers, lambda uri: _read_uri(path, uri))
    scene = trimesh.Scene()
    try:
        for mesh_index, world in node_transforms(doc):
            for p, prim in enumerate(doc["meshes"][mesh_index]["primitives"]):
                ext = prim.get("extensions", {}).get(_DRACO)
                if ext is not None:
                    view = doc["bufferViews"][ext["bufferView"]]
                    start = view.get("byteOffset", 0)
                    blob = buffers[view["buffer"]][start:start + view["byteLength"]]
                    decoded = DracoPy.decode(bytes(blob))
                    verts = np.asarray(decoded.points, float).reshape(-1, 3)
                    faces = np.asarray(decoded.faces, np.int64).reshape(-1, 3)
                    uv = getattr(decoded, "tex_coord", None)
                else:
                    verts = _accessor(doc, buffers, prim["attributes"]["POSITION"]).astype(float)
                    faces = _accessor(doc, buffers, prim["indices"]).astype(np.int64).reshape(-1, 3)
                    uv = prim["attributes"].get("TEXCOORD_0")
                    uv = None if uv is None else _accessor(doc, buffers, uv).astype(float)
                if faces.size and (faces.min() < 0 or faces.max() >= len(verts)):
                    raise scan_error(path, "a Draco primitive has face indices outside its vertices")
                m = trimesh.Trimesh(verts, faces, process=False)
                material = materials.material(prim.get("material"))
                if material is not None:
                    # each primitive its own material: several atlases stay several (scan_from_loaded)
                    uv = materials.texcoords(prim.get("material"), uv) \
                        if uv is not None and len(uv) == len(verts) else None
                    m.visual = trimesh.visual.TextureVisuals(uv=uv, material=material)
                scene.add_geometry(m.apply_transform(world), geom_name=f"mesh{mesh_index}_prim{p}")
    except ScanError:
        raise
    except Exception as exc:  # DracoPy raises its own types for corrupt streams
        raise scan_error(path, "Draco data could not be decoded ({error})", error=reason_of(exc)) from None
    if not scene.geometry:
        raise scan_error(path, "the glTF holds no mesh in its scene")
    del materials  # its image cache would keep each full-size decode alive until the end
    scan = scan_from_loaded(path, name, scene, problems)
    scan.units_hint, scan.up_hint = "m", "y"
    return scan
