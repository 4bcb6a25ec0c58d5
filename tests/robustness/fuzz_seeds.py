"""Small, valid seed files of every scan format family, for the mutation fuzzer.

Each family gets several seeds that reach different code paths (encodings,
colours, strips, point clouds, materials, external buffers).  Side files that a
seed refers to (MTL, textures, .bin) are written next to the fuzzed file so the
loader follows real references; some seeds deliberately reference missing ones.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import trimesh
from PIL import Image

from tests.assets.sample_files import make_glb, write_off, write_ply

FAMILIES: dict[str, str] = {"ply": ".ply", "obj": ".obj", "stl": ".stl", "off": ".off", "gltf": ".gltf", "glb": ".glb"}
Seed = tuple[str, bytes]  # (label, file bytes)


def _mesh() -> trimesh.Trimesh:
    return trimesh.creation.icosphere(0)  # 12 vertices, 20 faces: loads in milliseconds


def _png(side: int = 8) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (side, side), (200, 40, 40)).save(buf, "PNG")
    return buf.getvalue()


def jpeg_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (1, 2, 3)).save(buf, "JPEG")
    return buf.getvalue()


def _ply_seeds(folder: Path) -> list[Seed]:
    m = _mesh()
    v, f = m.vertices, m.faces
    cols = np.full((len(v), 4), 180, np.uint8)
    out = []
    for enc in ("ascii", "binary_little_endian", "binary_big_endian"):
        out.append((f"ply-{enc}", write_ply(folder / "seed.ply", v, f, encoding=enc).read_bytes()))
    out.append(("ply-colors-normals", write_ply(folder / "seed.ply", v, f, colors=cols,
                                                normals=m.vertex_normals).read_bytes()))
    out.append(("ply-strips", write_ply(folder / "seed.ply", v, None, strips=[[0, 1, 2, 3, 4], [5, 6, 7]]).read_bytes()))
    out.append(("ply-points", write_ply(folder / "seed.ply", v, f[:0]).read_bytes()))
    out.append(("ply-points-ascii", write_ply(folder / "seed.ply", v, None, encoding="ascii",
                                              colors=cols[:, :3]).read_bytes()))
    # Texture coordinates plus a TextureFile comment, the way some scanners write them.
    head = ("ply\nformat ascii 1.0\ncomment TextureFile tex.png\nelement vertex 3\nproperty float x\n"
            "property float y\nproperty float z\nproperty float s\nproperty float t\nelement face 1\n"
            "property list uchar int vertex_indices\nend_header\n0 0 0 0 0\n1 0 0 1 0\n0 1 0 0 1\n3 0 1 2\n")
    out.append(("ply-texture", head.encode()))
    return out


def _obj_seeds(folder: Path) -> list[Seed]:
    (folder / "materials.mtl").write_text("newmtl stone\nKd 1 1 1\nmap_Kd tex.png\nnewmtl gone\nmap_Kd missing.png\n")
    (folder / "broken.mtl").write_bytes(b"newmtl x\nmap_Kd -s 1 1 1 broken.png\nKd nan nan\n")
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    quad = ["v 0 0 0", "v 1 0 0", "v 1 1 0", "v 0 1 0", "vt 0 0", "vt 1 0", "vt 1 1", "vt 0 1", "vn 0 0 1"]
    textured = ["mtllib materials.mtl", *quad, "usemtl stone", "f 1/1/1 2/2/1 3/3/1", "usemtl gone", "f 1/1/1 3/3/1 4/4/1"]
    return [
        ("obj-plain", _mesh().export(file_type="obj").encode()),
        ("obj-textured", ("\n".join(textured) + "\n").encode()),
        ("obj-missing-mtl", b"mtllib nowhere.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl a\nf 1 2 3\n"),
        ("obj-broken-mtl", b"mtllib broken.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\nusemtl x\nf 1/1 2/2 3/3\n"),
        ("obj-negative-quads", b"o a\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf -4 -3 -2 -1\ng b\nf 1 2 3\n"),
        ("obj-points", b"v 0 0 0\nv 1 0 0\nv 0 1 0\n"),
    ]


def _stl_seeds(folder: Path) -> list[Seed]:
    m = _mesh()
    return [("stl-binary", m.export(file_type="stl")), ("stl-ascii", m.export(file_type="stl_ascii").encode())]


def _off_seeds(folder: Path) -> list[Seed]:
    m = _mesh()
    plain = write_off(folder / "seed.off", m.vertices, m.faces).read_bytes()
    quads = b"OFF\n# a comment\n4 1 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n4 0 1 2 3\n"
    colored = b"COFF\n3 1 0\n0 0 0 255 0 0 255\n1 0 0 0 255 0 255\n0 1 0 0 0 255 255\n3 0 1 2\n"
    return [("off-plain", plain), ("off-quads", quads), ("off-color", colored)]


def gltf_document(pos_len: int, idx_len: int, *, uri: str | None, image_uri: str | None) -> dict:
    """A tetrahedron document whose buffer 0 holds positions then uint16 indices."""
    doc: dict = {
        "asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0, "children": [1]}, {"mesh": 0, "translation": [2, 0, 0]}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": [1, 1, 1, 1]}}],
        "buffers": [{"byteLength": pos_len + idx_len}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": pos_len},
                        {"buffer": 0, "byteOffset": pos_len, "byteLength": idx_len}],
        "accessors": [{"bufferView": 0, "componentType": 5126, "count": pos_len // 12, "type": "VEC3",
                       "min": [0, 0, 0], "max": [1, 1, 1]},
                      {"bufferView": 1, "componentType": 5123, "count": idx_len // 2, "type": "SCALAR"}],
    }
    if uri is not None:
        doc["buffers"][0]["uri"] = uri
    if image_uri is not None:
        doc["images"] = [{"uri": image_uri}]
        doc["textures"] = [{"source": 0}]
        doc["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"] = {"index": 0}
    return doc


def tetra_buffer() -> tuple[bytes, bytes]:
    v = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], "<f4")
    f = np.array([[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]], "<u2")
    return v.tobytes(), f.tobytes()


def _gltf_seeds(folder: Path) -> list[Seed]:
    import base64
    pos, idx = tetra_buffer()
    (folder / "model data.bin").write_bytes(pos + idx)
    (folder / "tex.png").write_bytes(_png())
    embedded = "data:application/octet-stream;base64," + base64.b64encode(pos + idx).decode()
    return [
        ("gltf-external", json.dumps(gltf_document(len(pos), len(idx), uri="model%20data.bin", image_uri="tex.png")).encode()),
        ("gltf-embedded", json.dumps(gltf_document(len(pos), len(idx), uri=embedded, image_uri=None)).encode()),
        ("gltf-missing-image", json.dumps(gltf_document(len(pos), len(idx), uri="model%20data.bin",
                                                        image_uri="nowhere.png")).encode()),
    ]


def glb_from(doc: dict, binary: bytes) -> bytes:
    return make_glb(doc, binary)


def _glb_seeds(folder: Path) -> list[Seed]:
    pos, idx = tetra_buffer()
    doc = gltf_document(len(pos), len(idx), uri=None, image_uri=None)
    png = _png()
    textured = gltf_document(len(pos), len(idx), uri=None, image_uri=None)
    pad = -(len(pos) + len(idx)) % 4
    textured["bufferViews"].append({"buffer": 0, "byteOffset": len(pos) + len(idx) + pad, "byteLength": len(png)})
    textured["buffers"][0]["byteLength"] = len(pos) + len(idx) + pad + len(png)
    textured["images"] = [{"bufferView": 2, "mimeType": "image/png"}]
    textured["textures"] = [{"source": 0}]
    textured["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"] = {"index": 0}
    return [("glb-plain", glb_from(doc, pos + idx)),
            ("glb-textured", glb_from(textured, pos + idx + b"\0" * pad + png)),
            ("glb-trimesh", _mesh().export(file_type="glb")),
            ("glb-meshopt", _meshopt_glb()), ("glb-rewritten", _rewritten_glb())]


def _meshopt_glb() -> bytes:
    """A level as Vitrine exports it: EXT_meshopt_compression (decoded by C code), octahedral normals."""
    from vitrine.assets.formats.glb_arrays import MeshData
    from vitrine.exporters.bundle.glb_compression import compress_mesh
    m = _mesh()
    return compress_mesh(MeshData(positions=m.vertices.astype(np.float32), normals=m.vertex_normals.astype(np.float32),
                                  triangles=m.faces.astype(np.uint32)), name="seed", generator="fuzz")


def _rewritten_glb() -> bytes:
    """Sparse accessor, triangle fan, normalised UVs under KHR_texture_transform: the paths
    assets/formats/gltf_primitives.py rewrites before trimesh reads the file."""
    from tests.assets.unusual.common import TF, TV
    from tests.assets.unusual.gltf_builder import GltfBuilder
    g = GltfBuilder()
    pos = g.accessor(TV, 5126, "VEC3", minmax=True)
    g.doc["accessors"][pos]["sparse"] = {
        "count": 1, "indices": {"bufferView": g.view(np.array([3], "<u2").tobytes()), "componentType": 5123},
        "values": {"bufferView": g.view(np.array([0, 0, 2], "<f4").tobytes())}}
    uv = g.accessor(np.array([[0, 0], [65535, 0], [0, 65535], [65535, 65535]]), 5123, "VEC2", normalized=True)
    g.doc["materials"] = [{"pbrMetallicRoughness": {"baseColorTexture": {"index": 0, "extensions": {
        "KHR_texture_transform": {"offset": [0.25, 0.5], "scale": [0.5, 0.25], "rotation": 0.3}}}}}]
    g.doc["images"] = [{"bufferView": g.view(_png()), "mimeType": "image/png"}]
    g.doc["textures"] = [{"source": 0}]
    g.mesh([{"attributes": {"POSITION": pos, "TEXCOORD_0": uv}, "indices": g.accessor(TF.ravel(), 5123, "SCALAR"),
             "material": 0},
            {"attributes": {"POSITION": pos}, "indices": g.accessor(np.array([0, 1, 2, 3]), 5121, "SCALAR"), "mode": 6}])
    g.doc["buffers"] = [{"byteLength": len(g.bin)}]
    return make_glb(g.doc, bytes(g.bin))


_BUILDERS = {"ply": _ply_seeds, "obj": _obj_seeds, "stl": _stl_seeds, "off": _off_seeds,
             "gltf": _gltf_seeds, "glb": _glb_seeds}


def build_seeds(family: str, folder: Path) -> list[Seed]:
    """Write the family's side files into ``folder`` and return its seeds (label, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tex.png").write_bytes(_png())
    seeds = _BUILDERS[family](folder)
    for leftover in ("seed.ply", "seed.off"):
        (folder / leftover).unlink(missing_ok=True)
    return seeds


def real_scan_heads(scans_dir: Path | None, family: str, head_bytes: int = 65536) -> list[Seed]:
    """Heads of the real scans of this family (their headers claim the full counts)."""
    if scans_dir is None or not scans_dir.is_dir():
        return []
    ext = FAMILIES[family]
    return [(f"real-{p.stem}-head", p.read_bytes()[:head_bytes]) for p in sorted(scans_dir.rglob("*" + ext))]


__all__ = ["FAMILIES", "Seed", "build_seeds", "real_scan_heads", "jpeg_bytes", "gltf_document", "tetra_buffer",
           "glb_from"]
