"""Files left by accidents and attackers: glTF URIs escaping the scan's folder, a texture symlinked
outside it, a FIFO and a directory named like scans, deeply nested and malformed glTF JSON, a GLB
named .gltf, NaN/inf coordinates, face indices out of range and headers claiming huge counts."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

from .common import TF, TV, Writer, raw
from .gltf_builder import GltfBuilder, tetra_primitive
from .gltf_files import gltf_indices
from .ply_files import ply_basic, ply_textured, write_ply, xyz_columns
from .stl_files import stl_ascii, stl_binary


def gltf_with_uri(uri: str, where: str = "buffer") -> Writer:
    """A glTF whose buffer (or image) names ``uri``: a path out of the folder, absolute, or http."""
    def write(folder: Path) -> Path:
        g = GltfBuilder()
        prim = tetra_primitive(g)
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


def fifo(folder: Path) -> Path:
    path = folder / "pipe.ply"
    os.mkfifo(path)
    return path


def directory_named_like_a_scan(folder: Path) -> Path:
    path = folder / "folder.ply"
    path.mkdir()
    return path


def deep_json(folder: Path) -> Path:
    path = folder / "deep.gltf"
    path.write_text('{"asset": {"version": "2.0"}, "extras": ' + "[" * 100_000 + "]" * 100_000 + "}")
    return path


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


def gltf_count_overflow(folder: Path) -> Path:
    """An accessor count of 1e400 (a float beyond double range) in otherwise valid JSON."""
    return raw("overflow.gltf", gltf_edited("x.gltf", lambda doc: None)(folder).read_bytes()
               .replace(b'"count": 4', b'"count": 1e400'))(folder)


def glb_named_gltf(folder: Path) -> Path:
    """A binary GLB renamed to .gltf."""
    return gltf_indices(5123)(folder).rename(folder / "binary.gltf")


def ply_nan(folder: Path) -> Path:
    v = TV.copy()
    v[2, 1] = np.nan
    v[3, 0] = np.inf
    p, c = xyz_columns(v)
    return write_ply(folder / "nan.ply", "binary_little_endian", p, c, TF.tolist())


def ply_bad_index(folder: Path) -> Path:
    p, c = xyz_columns(TV)
    return write_ply(folder / "bad-index.ply", "ascii", p, c, [[0, 1, 2], [0, 1, 40]])


def gltf_bad_index(folder: Path) -> Path:
    g = GltfBuilder()
    g.mesh([{"attributes": {"POSITION": g.accessor(TV, 5126, "VEC3", minmax=True)},
             "indices": g.accessor(np.array([0, 1, 2, 0, 1, 9]), 5123, "SCALAR")}])
    return g.glb(folder / "bad-index.glb")


def glb_huge_count(folder: Path) -> Path:
    g = GltfBuilder()
    g.mesh([tetra_primitive(g)])
    g.doc["accessors"][1]["count"] = 3_000_000_000
    return g.glb(folder / "huge-count.glb")


def ply_lying(folder: Path) -> Path:
    data = ply_basic("binary_little_endian")(folder).read_bytes()
    path = folder / "lying.ply"
    path.write_bytes(data.replace(b"element face 4", b"element face 1000000000"))
    return path


def ply_texture_outside(folder: Path) -> Path:
    """A PLY naming its texture by an absolute path."""
    path = ply_textured(folder)
    path.write_bytes(path.read_bytes().replace(b"TextureFile stone texture.png", b"TextureFile /etc/hostname.png"))
    return path


def stl_inf(folder: Path) -> Path:
    """A binary STL whose first triangle's second corner has x = +inf."""
    data = bytearray(stl_binary("inf.stl")(folder).read_bytes())
    data[84 + 12 + 12:84 + 12 + 16] = np.array([np.inf], "<f4").tobytes()
    (folder / "inf.stl").write_bytes(bytes(data))
    return folder / "inf.stl"


def stl_ascii_nan(folder: Path) -> Path:
    """The ASCII STL with one coordinate NaN."""
    return raw("nan-ascii.stl", stl_ascii(folder).read_bytes().replace(
        b"vertex 1.000000e+00 0.000000e+00 0.000000e+00", b"vertex NaN 0 0", 1))(folder)


OBJ_NAN = "v 0 0 0\nv nan 0 0\nv 0 1 0\nv 0 0 1\nf 1 2 3\nf 1 3 4\n"
OFF_INF = b"OFF\n4 2 0\n0 0 0\n1 0 0\n0 -inf 0\n0 0 1\n3 0 1 2\n3 0 2 3\n"
