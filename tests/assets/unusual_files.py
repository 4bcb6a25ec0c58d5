"""A corpus of small scan files as other museums' software writes them (valid but unusual)
and as accidents and attackers leave them (invalid), each made in a folder on demand.

``VALID`` maps a case name to ``(writer, expected)``: the writer makes the file in the folder
and returns its path; ``expected`` is what ``load_scan`` must find (``faces``, ``vertices``,
``points``, ``colors``, ``uv``, ``texture`` (w, h)).  ``INVALID`` maps a case name to
``(writer, reason)``: ``load_scan`` must raise a one-line ScanError ``<file>: ...reason...``.
Also used by benchmarks-free survey scripts: ``write_all(folder)`` makes every file.
"""
from __future__ import annotations

import base64
import io
import json
import os
import struct
from pathlib import Path
from typing import Callable

import numpy as np
import trimesh
from PIL import Image

from .sample_files import make_glb, tetra

Writer = Callable[[Path], Path]

# A unit cube as 8 vertices and 6 quads (outward, counter-clockwise) - quads are what
# photogrammetry and CAD exports often hold.
CUBE_V = np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 0, 1], [1, 0, 1], [1, 1, 1], [0, 1, 1]], float)
CUBE_QUADS = np.array([[0, 3, 2, 1], [4, 5, 6, 7], [0, 1, 5, 4], [1, 2, 6, 5], [2, 3, 7, 6], [3, 0, 4, 7]])
TV, TF = tetra()


# -- PLY --------------------------------------------------------------------------------

def _ply(path: Path, encoding: str, vprops: list[tuple[str, str]], vcols: list[np.ndarray],
         faces: list[list[int]] | None, *, face_prop: str = "list uchar int vertex_indices",
         comments: tuple[str, ...] = (), extra_face: list[tuple[str, str]] | None = None,
         face_extra_cols: list[list] | None = None, newline: str = "\n") -> Path:
    """Write a PLY with vertex properties ``vprops`` [(type, name)] and columns ``vcols``,
    faces as lists (any length) with the list property declared as ``face_prop``."""
    n = len(vcols[0])
    lines = ["ply", f"format {encoding} 1.0", *[f"comment {c}" for c in comments], f"element vertex {n}"]
    lines += [f"property {t} {name}" for t, name in vprops]
    if faces is not None:
        lines += [f"element face {len(faces)}", f"property {face_prop}"]
        lines += [f"property {t} {name}" for t, name in (extra_face or [])]
    lines.append("end_header")
    head = (newline.join(lines) + newline).encode("latin-1")
    np_types = {"float": "f4", "double": "f8", "uchar": "u1", "int": "i4", "uint": "u4", "ushort": "u2",
                "short": "i2", "char": "i1", "float32": "f4", "float64": "f8", "uint8": "u1", "int32": "i4"}
    if encoding == "ascii":
        rows = [" ".join(repr(float(c[i])) if np_types[t].startswith("f") else str(int(c[i]))
                         for c, (t, _) in zip(vcols, vprops)) for i in range(n)]
        for k, f in enumerate(faces or []):
            extra = [] if face_extra_cols is None else [str(x) for x in face_extra_cols[k]]
            rows.append(" ".join(map(str, [len(f), *f, *extra])))
        path.write_bytes(head + (newline.join(rows) + newline).encode())
        return path
    bo = ">" if encoding == "binary_big_endian" else "<"
    arr = np.empty(n, [(name, bo + np_types[t]) for t, name in vprops])
    for (t, name), c in zip(vprops, vcols):
        arr[name] = c
    body = bytearray(arr.tobytes())
    _, ctype, itype, _ = face_prop.split()
    for k, f in enumerate(faces or []):
        body += np.array([len(f)], bo + np_types[ctype]).tobytes() + np.array(f, bo + np_types[itype]).tobytes()
        for (t, _), x in zip(extra_face or [], [] if face_extra_cols is None else face_extra_cols[k]):
            body += np.array([x], bo + np_types[t]).tobytes()
    path.write_bytes(head + bytes(body))
    return path


def _xyz(v: np.ndarray, t: str = "float") -> tuple[list, list]:
    return [(t, "x"), (t, "y"), (t, "z")], [v[:, 0], v[:, 1], v[:, 2]]


def ply_basic(encoding: str, **kw) -> Writer:
    def write(folder: Path) -> Path:
        p, c = _xyz(TV)
        return _ply(folder / f"tetra-{encoding}.ply", encoding, p, c, TF.tolist(), **kw)
    return write


def ply_colours(kind: str, encoding: str = "binary_little_endian") -> Writer:
    """Vertex colours as float 0..1, uchar RGBA, r/g/b names or diffuse_* names."""
    def write(folder: Path) -> Path:
        p, c = _xyz(TV)
        rgb = np.array([[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 0]])
        if kind == "float":
            p += [("float", n) for n in ("red", "green", "blue")]
            c += [rgb[:, i] / 255.0 for i in range(3)]
        elif kind == "rgba":
            p += [("uchar", n) for n in ("red", "green", "blue", "alpha")]
            c += [rgb[:, i] for i in range(3)] + [np.array([255, 128, 64, 0])]
        elif kind == "rgb_short":
            p += [("uchar", n) for n in ("r", "g", "b")]
            c += [rgb[:, i] for i in range(3)]
        elif kind == "diffuse":
            p += [("uchar", n) for n in ("diffuse_red", "diffuse_green", "diffuse_blue")]
            c += [rgb[:, i] for i in range(3)]
        return _ply(folder / f"colours-{kind}.ply", encoding, p, c, TF.tolist())
    return write


def ply_cube_quads(encoding: str, ngon: bool = False) -> Writer:
    def write(folder: Path) -> Path:
        p, c = _xyz(CUBE_V)
        faces = CUBE_QUADS.tolist()
        if ngon:  # the top as a pentagon through an extra centre vertex on one edge
            v = np.vstack([CUBE_V, [[0.5, 1, 1]]])
            p, c = _xyz(v)
            faces[4] = [2, 3, 7, 8, 6]
        return _ply(folder / f"cube-{'ngon' if ngon else 'quads'}-{encoding}.ply", encoding, p, c, faces)
    return write


def ply_textured(folder: Path) -> Path:
    """MeshLab style: ``comment TextureFile`` and per-vertex s/t."""
    Image.new("RGB", (16, 8), (200, 150, 100)).save(folder / "stone texture.png")
    p, c = _xyz(TV)
    p += [("float", "s"), ("float", "t")]
    c += [np.array([0, 1, 0, 1.0]), np.array([0, 0, 1, 1.0])]
    return _ply(folder / "textured.ply", "binary_little_endian", p, c, TF.tolist(),
                comments=("TextureFile stone texture.png",))


def ply_wedge_texcoords(encoding: str) -> Writer:
    """MeshLab's default for a textured mesh: UVs per face corner (``list uchar float texcoord``)."""
    def write(folder: Path) -> Path:
        Image.new("RGB", (8, 8), (90, 90, 200)).save(folder / "wedge.png")
        p, c = _xyz(TV)
        uv = [[0, 0, 1, 0, 0, 1], [0, 0, 1, 0, 1, 1], [0.5, 0.5, 1, 0, 1, 1], [0, 0, 0.5, 0.5, 1, 1]]
        path = folder / f"wedge-{encoding}.ply"
        _ply(path, encoding, p, c, TF.tolist(), comments=("TextureFile wedge.png",))
        head, _, body = path.read_bytes().partition(b"end_header\n")
        head = head.replace(b"vertex_indices\n", b"vertex_indices\nproperty list uchar float texcoord\n")
        if encoding == "ascii":
            lines = body.decode().splitlines()
            lines[len(TV):] = [f"{row} 6 {' '.join(f'{x:g}' for x in t)}" for row, t in zip(lines[len(TV):], uv)]
            body = ("\n".join(lines) + "\n").encode()
        else:
            verts, faces = body[:len(TV) * 12], b""
            for f, t in zip(TF, uv):
                faces += bytes([3]) + np.array(f, "<i4").tobytes() + bytes([6]) + np.array(t, "<f4").tobytes()
            body = verts + faces
        path.write_bytes(head + b"end_header\n" + body)
        return path
    return write


def ply_points_normals(folder: Path) -> Path:
    rng = np.random.default_rng(1)
    pts = rng.normal(size=(50, 3))
    nrm = pts / np.linalg.norm(pts, axis=1, keepdims=True)
    p, c = _xyz(pts)
    p += [("float", "nx"), ("float", "ny"), ("float", "nz")]
    c += [nrm[:, 0], nrm[:, 1], nrm[:, 2]]
    return _ply(folder / "points-normals.ply", "binary_little_endian", p, c, None)


def ply_float64(folder: Path) -> Path:
    p, c = _xyz(TV + 1e6, "double")  # survey coordinates far from the origin need doubles
    return _ply(folder / "float64.ply", "binary_big_endian", p, c, TF.tolist(),
                face_prop="list int int vertex_index")


# -- OBJ --------------------------------------------------------------------------------

_CUBE_OBJ = "\n".join([*(f"v {x:g} {y:g} {z:g}" for x, y, z in CUBE_V),
                       *(f"f {' '.join(str(i + 1) for i in q)}" for q in CUBE_QUADS)]) + "\n"


def obj_text(name: str, text: str, *, encoding: str = "utf-8", newline: str = "\n") -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(text.replace("\n", newline).encode(encoding))
        return path
    return write


OBJ_NEGATIVE = "\n".join(["o first", *(f"v {x:g} {y:g} {z:g}" for x, y, z in CUBE_V[:4]), "f -4 -3 -2 -1",
                          "g second", *(f"v {x:g} {y:g} {z:g}" for x, y, z in CUBE_V[4:]), "f -4 -3 -2 -1"]) + "\n"
OBJ_VT3 = "\n".join(["v 0 0 0", "v 1 0 0", "v 1 1 0", "v 0 1 0", "vt 0 0 0", "vt 1 0 0", "vt 1 1 0", "vt 0 1 0",
                     "vn 0 0 1", "f 1/1/1 2/2/1 3/3/1 4/4/1"]) + "\n"
OBJ_GROUPS = "\n".join(["o statue", "g head", *(f"v {x:g} {y:g} {z:g}" for x, y, z in CUBE_V),
                        *(f"f {' '.join(str(i + 1) for i in q)}" for q in CUBE_QUADS[:3]), "g base",
                        *(f"f {' '.join(str(i + 1) for i in q)}" for q in CUBE_QUADS[3:])]) + "\n"
OBJ_VERTEX_COLOURS = "\n".join([*(f"v {x:g} {y:g} {z:g} 1 0.5 0" for x, y, z in TV),
                                *(f"f {a + 1} {b + 1} {c + 1}" for a, b, c in TF)]) + "\n"


# -- STL --------------------------------------------------------------------------------

def stl_binary(name: str, header: bytes = b"binary STL from a scanner") -> Writer:
    def write(folder: Path) -> Path:
        tris = TV[TF].astype("<f4")
        rec = np.zeros(len(TF), [("n", "<f4", 3), ("v", "<f4", (3, 3)), ("a", "<u2")])
        rec["v"] = tris
        path = folder / name
        path.write_bytes(header.ljust(80, b" ")[:80] + struct.pack("<I", len(TF)) + rec.tobytes())
        return path
    return write


def stl_ascii(folder: Path) -> Path:
    lines = ["solid tetra"]
    for a, b, c in TV[TF]:
        lines += ["  facet normal 0 0 0", "    outer loop", *(f"      vertex {x:e} {y:e} {z:e}" for x, y, z in (a, b, c)),
                  "    endloop", "  endfacet"]
    path = folder / "ascii.stl"
    path.write_bytes(("\r\n".join(lines + ["endsolid tetra"]) + "\r\n").encode())
    return path


# -- glTF -------------------------------------------------------------------------------

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
            from urllib.parse import unquote
            (path.parent / unquote(uri)).write_bytes(data)
            self.doc["buffers"] = [{"byteLength": len(data), "uri": uri}]
        path.write_text(json.dumps(self.doc))
        return path


def _tetra_prim(g: GltfBuilder, index_type: int | None = 5123) -> dict:
    prim = {"attributes": {"POSITION": g.accessor(TV, 5126, "VEC3", minmax=True)}}
    if index_type is not None:
        prim["indices"] = g.accessor(TF.ravel(), index_type, "SCALAR")
    return prim


def gltf_indices(index_type: int | None, ext: str = "glb") -> Writer:
    def write(folder: Path) -> Path:
        g = GltfBuilder()
        if index_type is None:  # non-indexed: three vertices per triangle
            g.mesh([{"attributes": {"POSITION": g.accessor(TV[TF].reshape(-1, 3), 5126, "VEC3", minmax=True)}}])
        else:
            g.mesh([_tetra_prim(g, index_type)])
        name = f"indices-{index_type or 'none'}.{ext}"
        return g.glb(folder / name) if ext == "glb" else g.gltf(folder / name)
    return write


def gltf_external(folder: Path) -> Path:
    g = GltfBuilder()
    g.mesh([_tetra_prim(g)], translation=[0, 0, 2])
    return g.gltf(folder / "external.gltf", uri="tetra%20data.bin")


def gltf_nodes(folder: Path) -> Path:
    """Three nodes: a parent with scale 0.001 (millimetre data), a child translated, a rotated sibling."""
    g = GltfBuilder()
    g.mesh([_tetra_prim(g)], scale=[0.001, 0.001, 0.001], children=[])
    g.doc["meshes"].append(g.doc["meshes"][0])
    g.doc["nodes"].append({"mesh": 0, "translation": [1000, 0, 0]})
    g.doc["nodes"][0]["children"] = [1]
    g.doc["nodes"].append({"mesh": 0, "rotation": [0, 0.7071068, 0, 0.7071068], "translation": [0, 3, 0]})
    g.doc["scenes"][0]["nodes"] = [0, 2]
    return g.glb(folder / "nodes.glb")


def gltf_quantized(folder: Path) -> Path:
    """KHR_mesh_quantization: int16 positions (not normalised) scaled by the node, uint8 normalised UVs."""
    g = GltfBuilder()
    pos = g.accessor((TV * 1000).astype(np.int16), 5122, "VEC3", minmax=True)
    uv = g.accessor(np.array([[0, 0], [255, 0], [0, 255], [255, 255]]), 5121, "VEC2", normalized=True)
    g.doc["images"] = [{"bufferView": g.view(_image_bytes("PNG")), "mimeType": "image/png"}]
    g.doc["textures"] = [{"source": 0}]
    g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}}]
    g.mesh([{"attributes": {"POSITION": pos, "TEXCOORD_0": uv}, "indices": g.accessor(TF.ravel(), 5123, "SCALAR"),
             "material": 0}], scale=[0.001, 0.001, 0.001])
    g.doc["extensionsUsed"] = g.doc["extensionsRequired"] = ["KHR_mesh_quantization"]
    return g.glb(folder / "quantized.glb")


def gltf_sparse(folder: Path) -> Path:
    """A sparse accessor moving vertex 3 of a tetrahedron from z=1 to z=2."""
    g = GltfBuilder()
    prim = _tetra_prim(g)
    acc = g.doc["accessors"][prim["attributes"]["POSITION"]]
    acc["max"] = [1, 1, 2]
    acc["sparse"] = {"count": 1, "indices": {"bufferView": g.view(np.array([3], "<u2").tobytes()), "componentType": 5123},
                     "values": {"bufferView": g.view(np.array([0, 0, 2], "<f4").tobytes())}}
    g.mesh([prim])
    return g.glb(folder / "sparse.glb")


def gltf_mode(mode: int) -> Writer:
    """A square as a triangle strip (mode 5) or a fan (mode 6): two triangles."""
    def write(folder: Path) -> Path:
        g = GltfBuilder()
        sq = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]], float) if mode == 5 else \
            np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]], float)
        g.mesh([{"attributes": {"POSITION": g.accessor(sq, 5126, "VEC3", minmax=True)},
                 "indices": g.accessor(np.arange(4), 5123, "SCALAR"), "mode": mode}])
        return g.glb(folder / f"mode-{mode}.glb")
    return write


def _image_bytes(fmt: str, size: tuple[int, int] = (8, 4)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (180, 40, 40)).save(buf, fmt)
    return buf.getvalue()


def gltf_textured(fmt: str, *, extension: str | None = None, mime: str | None = None) -> Writer:
    """An embedded image (PNG, JPEG, WebP via EXT_texture_webp, KTX2 via KHR_texture_basisu)
    with KHR_materials_* extensions on the material."""
    def write(folder: Path) -> Path:
        g = GltfBuilder()
        prim = _tetra_prim(g)
        prim["attributes"]["TEXCOORD_0"] = g.accessor(np.array([[0, 0], [1, 0], [0, 1], [1, 1]]), 5126, "VEC2")
        prim["material"] = 0
        blob = b"\xabKTX 20\xbb\r\n\x1a\n" + bytes(64) if fmt == "KTX2" else _image_bytes(fmt)
        g.doc["images"] = [{"bufferView": g.view(blob), "mimeType": mime or f"image/{fmt.lower()}"}]
        tex = {"source": 0} if extension is None else {"extensions": {extension: {"source": 0}}}
        g.doc["textures"] = [tex]
        g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}},
                               "extensions": {"KHR_materials_emissive_strength": {"emissiveStrength": 2},
                                              "KHR_materials_clearcoat": {"clearcoatFactor": 0.5}}}]
        used = ["KHR_materials_emissive_strength", "KHR_materials_clearcoat"]
        if extension:
            used.append(extension)
            g.doc["extensionsRequired"] = [extension]
        g.doc["extensionsUsed"] = used
        g.mesh([prim])
        return g.glb(folder / f"texture-{fmt.lower()}.glb")
    return write


# -- invalid ----------------------------------------------------------------------------

def raw(name: str, data: bytes) -> Writer:
    def write(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return write


def truncated(writer: Writer, fraction: float, name: str) -> Writer:
    def write(folder: Path) -> Path:
        sub = folder / f"_whole-{name}"
        sub.mkdir(exist_ok=True)
        data = writer(sub).read_bytes()
        path = folder / name
        path.write_bytes(data[:max(1, int(len(data) * fraction))])
        return path
    return write


def gltf_with_uri(uri: str, where: str = "buffer") -> Writer:
    """A glTF whose buffer (or image) names ``uri``: a path out of the folder, absolute, or http."""
    def write(folder: Path) -> Path:
        g = GltfBuilder()
        prim = _tetra_prim(g)
        if where == "image":
            prim["attributes"]["TEXCOORD_0"] = g.accessor(np.array([[0, 0], [1, 0], [0, 1], [1, 1]]), 5126, "VEC2")
            prim["material"] = 0
            g.doc["images"] = [{"uri": uri}]
            g.doc["textures"] = [{"source": 0}]
            g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}}]
        g.mesh([prim])
        path = g.gltf(folder / f"uri-{where}.gltf")
        if where == "buffer":
            doc = json.loads(path.read_text())
            doc["buffers"][0]["uri"] = uri
            path.write_text(json.dumps(doc))
        return path
    return write


def symlinked_texture(folder: Path) -> Path:
    """An OBJ+MTL whose texture is a symlink to a file outside the scan's folder."""
    outside = folder.parent / f"{folder.name}-outside"
    outside.mkdir(exist_ok=True)
    Image.new("RGB", (4, 4), (1, 2, 3)).save(outside / "secret.png")
    scan = folder / "linked"
    scan.mkdir(exist_ok=True)
    os.symlink(outside / "secret.png", scan / "tex.png")
    (scan / "m.mtl").write_text("newmtl a\nmap_Kd tex.png\n")
    path = scan / "linked.obj"
    path.write_text("mtllib m.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\nusemtl a\nf 1/1 2/2 3/3\n")
    return path


def deep_json(folder: Path) -> Path:
    path = folder / "deep.gltf"
    path.write_text('{"asset": {"version": "2.0"}, "extras": ' + "[" * 100_000 + "]" * 100_000 + "}")
    return path


def directory_named_like_a_scan(folder: Path) -> Path:
    path = folder / "folder.ply"
    path.mkdir()
    return path


def _ply_tetra_bytes(folder: Path) -> bytes:
    return ply_basic("binary_little_endian")(folder).read_bytes()


def ply_nan(folder: Path) -> Path:
    v = TV.copy()
    v[2, 1] = np.nan
    v[3, 0] = np.inf
    p, c = _xyz(v)
    return _ply(folder / "nan.ply", "binary_little_endian", p, c, TF.tolist())


def ply_bad_index(folder: Path) -> Path:
    p, c = _xyz(TV)
    return _ply(folder / "bad-index.ply", "ascii", p, c, [[0, 1, 2], [0, 1, 40]])


def gltf_bad_index(folder: Path) -> Path:
    g = GltfBuilder()
    g.mesh([{"attributes": {"POSITION": g.accessor(TV, 5126, "VEC3", minmax=True)},
             "indices": g.accessor(np.array([0, 1, 2, 0, 1, 9]), 5123, "SCALAR")}])
    return g.glb(folder / "bad-index.glb")


def glb_huge_count(folder: Path) -> Path:
    g = GltfBuilder()
    g.mesh([_tetra_prim(g)])
    g.doc["accessors"][1]["count"] = 3_000_000_000
    return g.glb(folder / "huge-count.glb")


def stl_bin_header_solid(folder: Path) -> Path:
    return stl_binary("solid-header.stl", b"solid exported by a scanner that writes 'solid' in binary")(folder)


VALID: dict[str, tuple[Writer, dict]] = {
    "ply ascii": (ply_basic("ascii"), {"faces": 4, "vertices": 4}),
    "ply binary little-endian": (ply_basic("binary_little_endian"), {"faces": 4, "vertices": 4}),
    "ply binary big-endian": (ply_basic("binary_big_endian"), {"faces": 4, "vertices": 4}),
    "ply CRLF header": (ply_basic("ascii", newline="\r\n"), {"faces": 4, "vertices": 4}),
    "ply vertex_index, int counts": (ply_basic("binary_little_endian", face_prop="list int int vertex_index"),
                                     {"faces": 4, "vertices": 4}),
    "ply uint counts, uint indices": (ply_basic("binary_big_endian", face_prop="list uint uint vertex_indices"),
                                      {"faces": 4, "vertices": 4}),
    "ply float64 positions": (ply_float64, {"faces": 4, "vertices": 4}),
    "ply colours float 0..1": (ply_colours("float"), {"faces": 4, "vertices": 4, "colors": (255, 0, 0, 255)}),
    "ply colours uchar RGBA": (ply_colours("rgba"), {"faces": 4, "vertices": 4, "colors": (255, 0, 0, 255)}),
    "ply colours r/g/b": (ply_colours("rgb_short"), {"faces": 4, "vertices": 4, "colors": (255, 0, 0, 255)}),
    "ply colours diffuse_*": (ply_colours("diffuse"), {"faces": 4, "vertices": 4, "colors": (255, 0, 0, 255)}),
    "ply colours ascii float": (ply_colours("float", "ascii"), {"faces": 4, "vertices": 4, "colors": (255, 0, 0, 255)}),
    "ply quads": (ply_cube_quads("binary_little_endian"), {"faces": 12, "vertices": 8}),
    "ply quads + pentagon": (ply_cube_quads("ascii", ngon=True), {"faces": 13, "vertices": 9}),
    "ply TextureFile + s/t": (ply_textured, {"faces": 4, "vertices": 4, "uv": True, "texture": (16, 8)}),
    # 12 corners, 10 distinct (vertex, UV) pairs: seams split, shared corners stay shared
    "ply per-corner texcoord ascii": (ply_wedge_texcoords("ascii"), {"faces": 4, "vertices": 10, "uv": True,
                                                                    "texture": (8, 8)}),
    "ply per-corner texcoord binary": (ply_wedge_texcoords("binary_little_endian"),
                                       {"faces": 4, "vertices": 10, "uv": True, "texture": (8, 8)}),
    "ply point cloud + normals": (ply_points_normals, {"points": 50}),
    "obj negative indices, o/g": (obj_text("negative.obj", OBJ_NEGATIVE), {"faces": 4, "vertices": 8}),
    "obj vt with 3 components": (obj_text("vt3.obj", OBJ_VT3), {"faces": 2, "vertices": 4, "uv": True}),
    "obj quads, no MTL": (obj_text("cube.obj", _CUBE_OBJ), {"faces": 12, "vertices": 8}),
    "obj groups": (obj_text("groups.obj", OBJ_GROUPS), {"faces": 12, "vertices": 8}),
    "obj mtllib missing": (obj_text("nomtl.obj", "mtllib gone.mtl\nusemtl x\n" + _CUBE_OBJ), {"faces": 12, "vertices": 8}),
    "obj CRLF": (obj_text("crlf.obj", _CUBE_OBJ, newline="\r\n"), {"faces": 12, "vertices": 8}),
    "obj UTF-8 BOM": (obj_text("bom.obj", "\ufeff" + _CUBE_OBJ), {"faces": 12, "vertices": 8}),
    "obj Chinese name with spaces": (obj_text("青铜 鼎 扫描.obj", "# 青铜鼎\n" + _CUBE_OBJ), {"faces": 12, "vertices": 8}),
    "obj vertex colours": (obj_text("vcolours.obj", OBJ_VERTEX_COLOURS), {"faces": 4, "vertices": 4,
                                                                          "colors": (255, 128, 0, 255)}),
    # OBJ has no counts: a cut file imports the faces it still holds (4 of the cube's 6 quads' 12 triangles)
    "obj cut mid-line": (truncated(obj_text("c.obj", _CUBE_OBJ), 0.7, "cut.obj"), {"faces": 4, "vertices": 8}),
    "stl ascii CRLF": (stl_ascii, {"faces": 4, "vertices": 4}),
    "stl binary": (stl_binary("binary.stl"), {"faces": 4, "vertices": 4}),
    "stl binary, header says solid": (stl_bin_header_solid, {"faces": 4, "vertices": 4}),
    "gltf external .bin": (gltf_external, {"faces": 4, "vertices": 4}),
    "gltf data: URI": (gltf_indices(5123, "gltf"), {"faces": 4, "vertices": 4}),
    "glb uint8 indices": (gltf_indices(5121), {"faces": 4, "vertices": 4}),
    "glb uint16 indices": (gltf_indices(5123), {"faces": 4, "vertices": 4}),
    "glb uint32 indices": (gltf_indices(5125), {"faces": 4, "vertices": 4}),
    "glb no indices": (gltf_indices(None), {"faces": 4}),
    "glb nodes with transforms": (gltf_nodes, {"faces": 12, "vertices": 12}),
    "glb KHR_mesh_quantization": (gltf_quantized, {"faces": 4, "vertices": 4, "uv": True, "max_z": 1.0}),
    "glb sparse accessor": (gltf_sparse, {"faces": 4, "vertices": 4, "max_z": 2.0}),
    "glb triangle strip": (gltf_mode(5), {"faces": 2, "vertices": 4}),
    "glb triangle fan": (gltf_mode(6), {"faces": 2, "vertices": 4}),
    "glb PNG + KHR_materials_*": (gltf_textured("PNG"), {"faces": 4, "uv": True, "texture": (8, 4)}),
    "glb JPEG": (gltf_textured("JPEG"), {"faces": 4, "uv": True, "texture": (8, 4)}),
}

INVALID: dict[str, tuple[Writer, str]] = {
    "empty ply": (raw("empty.ply", b""), "the file is empty"),
    "empty obj": (raw("empty.obj", b""), "the file is empty"),
    "empty glb": (raw("empty.glb", b""), "the file is empty"),
    "empty stl": (raw("empty.stl", b""), "the file is empty"),
    "ply cut in the header": (truncated(ply_basic("binary_little_endian"), 0.1, "cut-header.ply"), "no end_header"),
    "ply cut in the vertices": (truncated(ply_basic("binary_little_endian"), 0.85, "cut-vertices.ply"), "bytes of data"),
    "ply cut in the last face": (truncated(ply_basic("binary_little_endian"), 0.98, "cut-face.ply"),
                                 "the header claims 4 face elements but the file holds only 94 bytes"),
    "stl cut": (truncated(stl_binary("b.stl"), 0.6, "cut.stl"), "the binary STL header claims 4 triangles"),
    "glb cut in the JSON": (truncated(gltf_indices(5123), 0.2, "cut-json.glb"), "bytes but the file holds"),
    "glb cut in the BIN": (truncated(gltf_indices(5123), 0.95, "cut-bin.glb"), "bytes but the file holds"),
    "jpeg named .ply": (raw("photo.ply", _image_bytes("JPEG")), "it looks like a JPEG image"),
    "glb named .gltf": (lambda d: (gltf_indices(5123)(d).rename(d / "binary.gltf"), d / "binary.gltf")[1],
                        "it looks like a GLB (binary glTF) file"),
    "ply header claims 10^9 faces": (ply_basic("binary_little_endian"), ""),  # replaced below
    "ply NaN/inf vertices": (ply_nan, "2 of 4 vertices have NaN or infinite coordinates"),
    "ply index out of range": (ply_bad_index, "1 face indices point outside the 4 vertices"),
    "glb index out of range": (gltf_bad_index, "face indices point outside"),
    "glb accessor count 3e9": (glb_huge_count, "accessor 1 claims 3,000,000,000 elements"),
    "gltf deeply nested JSON": (deep_json, "nested too deeply"),
    "gltf buffer ../../etc/passwd": (gltf_with_uri("../../../../../../etc/passwd"), "outside the scan's folder"),
    "gltf buffer absolute path": (gltf_with_uri("/etc/passwd"), "outside the scan's folder"),
    "gltf buffer http URL": (gltf_with_uri("http://example.com/x.bin"), "not a file beside the scan"),
    "gltf image ../ path": (gltf_with_uri("../../../../../../etc/passwd", "image"), "outside the scan's folder"),
    "glb EXT_texture_webp": (gltf_textured("WEBP", extension="EXT_texture_webp"), "EXT_texture_webp"),
    "glb KHR_texture_basisu": (gltf_textured("KTX2", extension="KHR_texture_basisu", mime="image/ktx2"),
                               "KHR_texture_basisu"),
    "directory named scan.ply": (directory_named_like_a_scan, "is not a file"),
}


def _ply_lying(folder: Path) -> Path:
    data = ply_basic("binary_little_endian")(folder).read_bytes()
    path = folder / "lying.ply"
    path.write_bytes(data.replace(b"element face 4", b"element face 1000000000"))
    return path


INVALID["ply header claims 10^9 faces"] = (_ply_lying, "the header claims 1,000,000,000 face elements")


def write_all(folder: Path) -> dict[str, Path]:
    """Make every case in its own sub-folder of ``folder``; returns case name -> path."""
    out = {}
    for i, (name, (writer, _)) in enumerate({**VALID, **INVALID}.items()):
        sub = folder / f"{i:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        out[name] = writer(sub)
    return out


def gltf_webp_with_fallback(folder: Path) -> Path:
    """A texture in EXT_texture_webp with a plain PNG ``source`` fallback (extensionsUsed only)."""
    path = gltf_textured("PNG")(folder)
    doc, binary = _split(path.read_bytes())
    webp = _image_bytes("WEBP")
    view = len(doc["bufferViews"])
    pad = b"\0" * (-len(binary) % 4)
    doc["bufferViews"].append({"buffer": 0, "byteOffset": len(binary) + len(pad), "byteLength": len(webp)})
    doc["images"].append({"bufferView": view, "mimeType": "image/webp"})
    doc["textures"][0]["extensions"] = {"EXT_texture_webp": {"source": 1}}
    doc["extensionsUsed"].append("EXT_texture_webp")
    binary += pad + webp
    doc["buffers"][0]["byteLength"] = len(binary)
    out = folder / "webp-fallback.glb"
    out.write_bytes(make_glb(doc, binary))
    return out


def _split(glb: bytes) -> tuple[dict, bytes]:
    clen = struct.unpack_from("<I", glb, 12)[0]
    doc = json.loads(glb[20:20 + clen])
    blen = struct.unpack_from("<I", glb, 20 + clen)[0]
    return doc, glb[28 + clen:28 + clen + blen]


VALID["glb WebP-only texture"] = (gltf_textured("WEBP", extension="EXT_texture_webp"),
                                  {"faces": 4, "uv": True, "texture": (8, 4)})
VALID["glb WebP + PNG fallback"] = (gltf_webp_with_fallback, {"faces": 4, "uv": True, "texture": (8, 4)})
INVALID["glb KTX2-only texture"] = INVALID.pop("glb KHR_texture_basisu")
del INVALID["glb EXT_texture_webp"]


def ply_texture_outside(folder: Path) -> Path:
    """A PLY naming its texture by an absolute path."""
    path = ply_textured(folder)
    path.write_bytes(path.read_bytes().replace(b"TextureFile stone texture.png", b"TextureFile /etc/hostname.png"))
    return path


def gltf_external_image(folder: Path, *, data_uri: bool = False) -> Path:
    """Buffer in a .bin named in Chinese with spaces (percent-encoded URI), texture as a PNG
    file beside it, or as a data: URI."""
    g = GltfBuilder()
    prim = _tetra_prim(g)
    prim["attributes"]["TEXCOORD_0"] = g.accessor(np.array([[0, 0], [1, 0], [0, 1], [1, 1]]), 5126, "VEC2")
    prim["material"] = 0
    png = _image_bytes("PNG", (4, 2))
    if data_uri:
        g.doc["images"] = [{"uri": "data:image/png;base64," + base64.b64encode(png).decode()}]
    else:
        (folder / "纹理 1.png").write_bytes(png)
        g.doc["images"] = [{"uri": "%E7%BA%B9%E7%90%86%201.png"}]
    g.doc["textures"] = [{"source": 0}]
    g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0}}}]
    g.mesh([prim])
    return g.gltf(folder / ("data-image.gltf" if data_uri else "青铜 鼎.gltf"),
                  uri=None if data_uri else "%E6%95%B0%E6%8D%AE%20%E6%96%87%E4%BB%B6.bin")


def gltf_no_scene(folder: Path) -> Path:
    """Nodes but no ``scenes``/``scene`` (allowed: the file is a library); its meshes are the scan."""
    g = GltfBuilder()
    g.mesh([_tetra_prim(g)])
    del g.doc["scenes"], g.doc["scene"]
    return g.glb(folder / "no-scene.glb")


def stl_two_solids(folder: Path) -> Path:
    path = stl_ascii(folder)
    text = path.read_bytes().decode()
    path.write_text(text + text.replace("tetra", "副本"), encoding="utf-8")
    return path


VALID["gltf Chinese .bin and .png names"] = (gltf_external_image, {"faces": 4, "uv": True, "texture": (4, 2)})
VALID["gltf data: URI image"] = (lambda d: gltf_external_image(d, data_uri=True),
                                 {"faces": 4, "uv": True, "texture": (4, 2)})
VALID["glb without scenes"] = (gltf_no_scene, {"faces": 4, "vertices": 4})  # a library of nodes: its roots are the scan
VALID["stl ascii, two solids"] = (stl_two_solids, {"faces": 8})
INVALID["obj NaN vertex"] = (obj_text("nan.obj", "v 0 0 0\nv nan 0 0\nv 0 1 0\nv 0 0 1\nf 1 2 3\nf 1 3 4\n"), "NaN")


def stl_inf(folder: Path) -> Path:
    """A binary STL whose first triangle's second corner has x = +inf."""
    data = bytearray(stl_binary("inf.stl")(folder).read_bytes())
    data[84 + 12 + 12:84 + 12 + 16] = np.array([np.inf], "<f4").tobytes()
    (folder / "inf.stl").write_bytes(bytes(data))
    return folder / "inf.stl"


INVALID["stl binary inf vertex"] = (stl_inf, "NaN or infinite")
INVALID["off inf vertex"] = (raw("inf.off", b"OFF\n4 2 0\n0 0 0\n1 0 0\n0 -inf 0\n0 0 1\n3 0 1 2\n3 0 2 3\n"),
                             "1 of 4 vertices have NaN or infinite coordinates")
INVALID["obj NaN vertex"] = (INVALID["obj NaN vertex"][0], "1 of 4 vertices have NaN or infinite coordinates")
INVALID["stl binary inf vertex"] = (INVALID["stl binary inf vertex"][0], "1 of 12 vertices have NaN or infinite coordinates")
INVALID["stl ascii NaN vertex"] = (lambda d: raw("nan-ascii.stl", stl_ascii(d).read_bytes().replace(
    b"vertex 1.000000e+00 0.000000e+00 0.000000e+00", b"vertex NaN 0 0", 1))(d),
    "1 of 12 vertices have NaN or infinite coordinates")


def gltf_interleaved(folder: Path) -> Path:
    """POSITION and NORMAL interleaved in one bufferView with byteStride 24 (Sketchfab, Blender
    with some settings), and COLOR_0 as normalised uint8 RGBA."""
    g = GltfBuilder()
    normals = TV - TV.mean(axis=0)
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    inter = np.hstack([TV, normals]).astype("<f4")
    view = g.view(inter.tobytes())
    g.doc["bufferViews"][view]["byteStride"] = 24
    g.doc["accessors"] += [{"bufferView": view, "byteOffset": 0, "componentType": 5126, "count": 4, "type": "VEC3",
                            "min": TV.min(axis=0).tolist(), "max": TV.max(axis=0).tolist()},
                           {"bufferView": view, "byteOffset": 12, "componentType": 5126, "count": 4, "type": "VEC3"}]
    colour = g.accessor(np.array([[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 0, 255]]),
                        5121, "VEC4", normalized=True)
    g.mesh([{"attributes": {"POSITION": 0, "NORMAL": 1, "COLOR_0": colour},
             "indices": g.accessor(TF.ravel(), 5123, "SCALAR")}])
    return g.glb(folder / "interleaved.glb")


def gltf_node_cycle(folder: Path) -> Path:
    g = GltfBuilder()
    g.mesh([_tetra_prim(g)], children=[1])
    g.doc["nodes"].append({"children": [0]})
    return g.glb(folder / "cycle.glb")


def fifo(folder: Path) -> Path:
    path = folder / "pipe.ply"
    os.mkfifo(path)
    return path


VALID["glb interleaved + COLOR_0 uint8"] = (gltf_interleaved, {"faces": 4, "vertices": 4, "colors": (255, 0, 0, 255)})
# malformed (a node is its own grandchild) but harmless: read once, without looping
VALID["glb node cycle"] = (gltf_node_cycle, {"faces": 4, "vertices": 4})
INVALID["FIFO named scan.ply"] = (fifo, "is not a file")


def ply_texture_chinese(folder: Path) -> Path:
    """``comment TextureFile 青铜 纹理.png`` in UTF-8 (the header is otherwise ASCII)."""
    path = ply_textured(folder)
    (folder / "stone texture.png").rename(folder / "青铜 纹理.png")
    path.write_bytes(path.read_bytes().replace(b"TextureFile stone texture.png", "TextureFile 青铜 纹理.png".encode()))
    return path


VALID["ply TextureFile in Chinese"] = (ply_texture_chinese, {"faces": 4, "vertices": 4, "uv": True, "texture": (16, 8)})


def gltf_edited(name: str, edit: Callable[[dict], None]) -> Writer:
    """A valid data:-URI glTF of a tetrahedron, its JSON changed by ``edit``."""
    def write(folder: Path) -> Path:
        path = gltf_indices(5123, "gltf")(folder)
        doc = json.loads(path.read_text())
        edit(doc)
        out = folder / name
        out.write_text(json.dumps(doc))
        path.unlink()
        return out
    return write


INVALID["gltf JSON syntax error"] = (raw("syntax.gltf", b'{"asset": {"version": "2.0"},, }'),
                                     "the glTF JSON is invalid (not valid JSON: Expecting property name enclosed in "
                                     "double quotes at line 1, column 30)")
INVALID["gltf bufferView without buffer"] = (gltf_edited("no-buffer.gltf", lambda d: d["bufferViews"][0].pop("buffer")),
                                             "the glTF JSON is malformed (the required entry 'buffer' is missing)")
INVALID["gltf count 1e400"] = (lambda d: raw("overflow.gltf", gltf_edited("x.gltf", lambda doc: None)(d).read_bytes()
                                             .replace(b'"count": 4', b'"count": 1e400'))(d),
                               "the glTF JSON is malformed (a number is too large)")
INVALID["gltf buffer index 7"] = (gltf_edited("index.gltf", lambda d: d["bufferViews"][0].update(buffer=7)),
                                  "the glTF JSON is malformed (an index is out of range)")


def gltf_texture_transform(folder: Path) -> Path:
    """gltfpack's layout: UVs as normalised uint16 and the base colour texture's
    KHR_texture_transform (offset 0.25, 0.5; scale 0.5, 0.25) mapping them back."""
    g = GltfBuilder()
    prim = _tetra_prim(g)
    q = np.array([[0, 0], [65535, 0], [0, 65535], [65535, 65535]])
    prim["attributes"]["TEXCOORD_0"] = g.accessor(q, 5123, "VEC2", normalized=True)
    prim["material"] = 0
    g.doc["images"] = [{"bufferView": g.view(_image_bytes("PNG")), "mimeType": "image/png"}]
    g.doc["textures"] = [{"source": 0}]
    g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0, "extensions": {
        "KHR_texture_transform": {"offset": [0.25, 0.5], "scale": [0.5, 0.25]}}}}}]
    g.doc["extensionsUsed"] = ["KHR_mesh_quantization", "KHR_texture_transform"]
    g.doc["extensionsRequired"] = ["KHR_mesh_quantization"]
    g.mesh([prim])
    return g.glb(folder / "texture-transform.glb")


VALID["glb KHR_texture_transform (gltfpack)"] = (gltf_texture_transform, {"faces": 4, "vertices": 4, "texture": (8, 4)})


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
    doc, binary = _split(compress_mesh(mesh, name=name, generator="corpus"))
    binary = bytearray(binary)
    if edit:
        edit(doc)
    if damage:
        damage(binary)
    path = folder / name
    path.write_bytes(make_glb(doc, bytes(binary)))
    return path


def _first_compressed(doc: dict) -> dict:
    return doc["bufferViews"][0]["extensions"]["EXT_meshopt_compression"]


VALID["glb EXT_meshopt_compression (Vitrine's own)"] = (meshopt_glb, {"faces": 320, "vertices": 162, "uv": True,
                                                                      "texture": (16, 16)})
INVALID["glb meshopt stride 3"] = (lambda d: meshopt_glb(d, "stride.glb", edit=lambda doc: _first_compressed(doc).update(
    byteStride=3)), "a meshoptimizer-compressed bufferView is malformed")
INVALID["glb meshopt range past the BIN"] = (lambda d: meshopt_glb(d, "range.glb", edit=lambda doc: _first_compressed(
    doc).update(byteLength=1 << 30)), "a meshoptimizer-compressed bufferView is malformed")
INVALID["glb meshopt count 2^40"] = (lambda d: meshopt_glb(d, "count.glb", edit=lambda doc: _first_compressed(
    doc).update(count=1 << 40)), "a meshoptimizer-compressed bufferView is malformed")
INVALID["glb meshopt stream garbled"] = (lambda d: meshopt_glb(d, "garbled.glb", damage=lambda b: b.__setitem__(
    slice(0, 64), bytes(range(64)))), "the meshoptimizer-compressed data could not be decoded")
INVALID["glb meshopt count 10^8 from 900 bytes"] = (lambda d: meshopt_glb(d, "ratio.glb", edit=lambda doc: _first_compressed(
    doc).update(count=100_000_000)), "a meshoptimizer-compressed bufferView is malformed")


def gltf_points_scaled(folder: Path) -> Path:
    """A POINTS primitive (a point cloud) of int16 millimetre positions under a node scaled by 0.001."""
    g = GltfBuilder()
    pts = np.array([[0, 0, 0], [1000, 0, 0], [0, 2000, 0], [0, 0, 3000], [500, 500, 500]])
    g.mesh([{"attributes": {"POSITION": g.accessor(pts, 5122, "VEC3", minmax=True),
                            "COLOR_0": g.accessor(np.tile([255, 0, 0, 255], (5, 1)), 5121, "VEC4", normalized=True)},
             "mode": 0}], scale=[0.001, 0.001, 0.001])
    g.doc["extensionsUsed"] = g.doc["extensionsRequired"] = ["KHR_mesh_quantization"]
    return g.glb(folder / "points.glb")


VALID["glb point cloud under a scaled node"] = (gltf_points_scaled, {"points": 5, "max_extent": (1.0, 2.0, 3.0)})
