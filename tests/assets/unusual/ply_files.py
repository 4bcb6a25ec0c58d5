"""PLY writers for the corpus: ASCII and both binary byte orders, odd count/index types, CRLF
headers, vertex colours under four naming schemes, quads and n-gons, MeshLab textures (per vertex
and per face corner, file names in Chinese), point clouds with normals and float64 positions.
``write_ply`` and ``xyz_columns`` are also used by the hostile files."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from .common import CUBE_QUADS, CUBE_V, TF, TV, Writer


def write_ply(path: Path, encoding: str, vprops: list[tuple[str, str]], vcols: list[np.ndarray],
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


def xyz_columns(v: np.ndarray, t: str = "float") -> tuple[list, list]:
    """PLY properties and columns x, y, z of type ``t`` for vertices ``v`` (N, 3)."""
    return [(t, "x"), (t, "y"), (t, "z")], [v[:, 0], v[:, 1], v[:, 2]]


def ply_basic(encoding: str, **kw) -> Writer:
    def write(folder: Path) -> Path:
        p, c = xyz_columns(TV)
        return write_ply(folder / f"tetra-{encoding}.ply", encoding, p, c, TF.tolist(), **kw)
    return write


def ply_colours(kind: str, encoding: str = "binary_little_endian") -> Writer:
    """Vertex colours as float 0..1, uchar RGBA, r/g/b names or diffuse_* names."""
    def write(folder: Path) -> Path:
        p, c = xyz_columns(TV)
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
        return write_ply(folder / f"colours-{kind}.ply", encoding, p, c, TF.tolist())
    return write


def ply_cube_quads(encoding: str, ngon: bool = False) -> Writer:
    def write(folder: Path) -> Path:
        p, c = xyz_columns(CUBE_V)
        faces = CUBE_QUADS.tolist()
        if ngon:  # the top as a pentagon through an extra centre vertex on one edge
            v = np.vstack([CUBE_V, [[0.5, 1, 1]]])
            p, c = xyz_columns(v)
            faces[4] = [2, 3, 7, 8, 6]
        return write_ply(folder / f"cube-{'ngon' if ngon else 'quads'}-{encoding}.ply", encoding, p, c, faces)
    return write


def ply_textured(folder: Path) -> Path:
    """MeshLab style: ``comment TextureFile`` and per-vertex s/t."""
    Image.new("RGB", (16, 8), (200, 150, 100)).save(folder / "stone texture.png")
    p, c = xyz_columns(TV)
    p += [("float", "s"), ("float", "t")]
    c += [np.array([0, 1, 0, 1.0]), np.array([0, 0, 1, 1.0])]
    return write_ply(folder / "textured.ply", "binary_little_endian", p, c, TF.tolist(),
                     comments=("TextureFile stone texture.png",))


def ply_wedge_texcoords(encoding: str) -> Writer:
    """MeshLab's default for a textured mesh: UVs per face corner (``list uchar float texcoord``)."""
    def write(folder: Path) -> Path:
        Image.new("RGB", (8, 8), (90, 90, 200)).save(folder / "wedge.png")
        p, c = xyz_columns(TV)
        uv = [[0, 0, 1, 0, 0, 1], [0, 0, 1, 0, 1, 1], [0.5, 0.5, 1, 0, 1, 1], [0, 0, 0.5, 0.5, 1, 1]]
        path = folder / f"wedge-{encoding}.ply"
        write_ply(path, encoding, p, c, TF.tolist(), comments=("TextureFile wedge.png",))
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
    p, c = xyz_columns(pts)
    p += [("float", "nx"), ("float", "ny"), ("float", "nz")]
    c += [nrm[:, 0], nrm[:, 1], nrm[:, 2]]
    return write_ply(folder / "points-normals.ply", "binary_little_endian", p, c, None)


def ply_float64(folder: Path) -> Path:
    p, c = xyz_columns(TV + 1e6, "double")  # survey coordinates far from the origin need doubles
    return write_ply(folder / "float64.ply", "binary_big_endian", p, c, TF.tolist(),
                     face_prop="list int int vertex_index")


def ply_texture_chinese(folder: Path) -> Path:
    """``comment TextureFile 青铜 纹理.png`` in UTF-8 (the header is otherwise ASCII)."""
    path = ply_textured(folder)
    (folder / "stone texture.png").rename(folder / "青铜 纹理.png")
    path.write_bytes(path.read_bytes().replace(b"TextureFile stone texture.png", "TextureFile 青铜 纹理.png".encode()))
    return path
