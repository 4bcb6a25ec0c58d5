"""Writers for small scan files of every supported format, used by the tests."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import trimesh
from PIL import Image

from vitrine.assets.formats.glb_chunks import pack_glb


def tetra() -> tuple[np.ndarray, np.ndarray]:
    """A closed tetrahedron: vertices (4, 3) and outward faces (4, 3)."""
    v = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]], float)
    f = np.array([[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]])
    return v, f


def write_ply(path: Path, vertices: np.ndarray, faces: np.ndarray | None, *, encoding: str = "binary_little_endian",
              colors: np.ndarray | None = None, normals: np.ndarray | None = None,
              strips: list[list[int]] | None = None, face_count_override: int | None = None) -> Path:
    """Write a PLY with optional uchar colours (n,3|4), normals and a ``tristrips`` element."""
    props = [("x", "f4"), ("y", "f4"), ("z", "f4")]
    if normals is not None:
        props += [("nx", "f4"), ("ny", "f4"), ("nz", "f4")]
    if colors is not None:
        props += [(c, "u1") for c in ("red", "green", "blue", "alpha")[:colors.shape[1]]]
    names = {"f4": "float", "u1": "uchar"}
    lines = ["ply", f"format {encoding} 1.0", f"element vertex {len(vertices)}"]
    lines += [f"property {names[t]} {n}" for n, t in props]
    nf = 0 if faces is None else len(faces)
    if faces is not None:
        lines += [f"element face {face_count_override if face_count_override is not None else nf}",
                  "property list uchar int vertex_indices"]
    if strips is not None:
        lines += [f"element tristrips {len(strips)}", "property list int int vertex_indices"]
    lines.append("end_header")
    head = ("\n".join(lines) + "\n").encode()
    cols = [vertices[:, 0], vertices[:, 1], vertices[:, 2]]
    if normals is not None:
        cols += [normals[:, 0], normals[:, 1], normals[:, 2]]
    if colors is not None:
        cols += [colors[:, i] for i in range(colors.shape[1])]
    if encoding == "ascii":
        body = [" ".join(f"{c[i]:g}" if t == "f4" else str(int(c[i])) for c, (_, t) in zip(cols, props))
                for i in range(len(vertices))]
        if faces is not None:
            body += [" ".join(map(str, [len(f), *f])) for f in faces]
        if strips is not None:
            body += [" ".join(map(str, [len(s), *s])) for s in strips]
        path.write_bytes(head + ("\n".join(body) + "\n").encode())
        return path
    bo = ">" if encoding == "binary_big_endian" else "<"
    dt = np.dtype([(n, bo + t) for n, t in props])
    arr = np.empty(len(vertices), dt)
    for (n, _), c in zip(props, cols):
        arr[n] = c
    data = head + arr.tobytes()
    if faces is not None:
        fdt = np.dtype([("n", "u1"), ("i", bo + "i4", (faces.shape[1],))])
        fa = np.empty(len(faces), fdt)
        fa["n"] = faces.shape[1]
        fa["i"] = faces
        data += fa.tobytes()
    if strips is not None:
        for s in strips:
            data += np.array([len(s), *s], bo + "i4").tobytes()
    path.write_bytes(data)
    return path


def write_obj_with_material(folder: Path, name: str = "vase.obj", texture_name: str = "tex ture.png",
                            write_texture: bool = True, two_materials: bool = False) -> Path:
    """A textured quad (two triangles) OBJ + MTL; optionally a second material and no texture file."""
    folder.mkdir(parents=True, exist_ok=True)
    mtl = f"newmtl stone\nKd 1 1 1\nmap_Kd {texture_name}\n"
    if two_materials:
        mtl += "newmtl paint\nKd 0.8 0.1 0.1\n"
    (folder / "materials.mtl").write_text(mtl)
    if write_texture:
        Image.new("RGB", (32, 16), (10, 200, 30)).save(folder / texture_name)
    obj = ["mtllib materials.mtl", "v 0 0 0", "v 1 0 0", "v 1 1 0", "v 0 1 0",
           "vt 0 0", "vt 1 0", "vt 1 1", "vt 0 1", "usemtl stone", "f 1/1 2/2 3/3", "f 1/1 3/3 4/4"]
    if two_materials:
        obj += ["v 0 0 1", "v 1 0 1", "v 1 1 1", "vt 0 0", "vt 1 0", "vt 1 1", "usemtl paint", "f 5/5 6/6 7/7"]
    path = folder / name
    path.write_text("\n".join(obj) + "\n", encoding="utf-8")
    return path


def write_off(path: Path, vertices: np.ndarray, faces: np.ndarray) -> Path:
    lines = ["OFF", f"{len(vertices)} {len(faces)} 0"]
    lines += [" ".join(f"{x:g}" for x in v) for v in vertices]
    lines += [" ".join(map(str, [len(f), *f])) for f in faces]
    path.write_text("\n".join(lines) + "\n")
    return path


def write_gltf_external(folder: Path, name: str = "model.gltf") -> Path:
    """A glTF with an external .bin holding one tetrahedron mesh used by two nodes
    (the second translated by +2 in x)."""
    v, f = tetra()
    pos = v.astype("<f4").tobytes()
    idx = f.astype("<u2").ravel().tobytes()
    (folder / "model data.bin").write_bytes(pos + idx)
    doc = {
        "asset": {"version": "2.0"},
        "scene": 0, "scenes": [{"nodes": [0, 1]}],
        "nodes": [{"mesh": 0}, {"mesh": 0, "translation": [2, 0, 0]}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
        "buffers": [{"uri": "model%20data.bin", "byteLength": len(pos) + len(idx)}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": len(pos)},
                        {"buffer": 0, "byteOffset": len(pos), "byteLength": len(idx)}],
        "accessors": [{"bufferView": 0, "componentType": 5126, "count": 4, "type": "VEC3",
                       "min": [0, 0, 0], "max": [1, 1, 1]},
                      {"bufferView": 1, "componentType": 5123, "count": 12, "type": "SCALAR"}],
    }
    path = folder / name
    path.write_text(json.dumps(doc))
    return path


def make_glb(doc: dict, binary: bytes) -> bytes:
    """Assemble GLB bytes from a glTF JSON dict and a BIN chunk (the product's own packer)."""
    return pack_glb(doc, binary)


def write_draco_glb(path: Path) -> Path:
    """A GLB whose only primitive is Draco-compressed (KHR_draco_mesh_compression)."""
    import DracoPy
    mesh = trimesh.creation.icosphere(2)
    blob = DracoPy.encode(mesh.vertices.astype(np.float32), mesh.faces.astype(np.uint32))
    doc = {
        "asset": {"version": "2.0"}, "extensionsUsed": ["KHR_draco_mesh_compression"],
        "extensionsRequired": ["KHR_draco_mesh_compression"],
        "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0, "scale": [2, 2, 2]}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1, "extensions": {
            "KHR_draco_mesh_compression": {"bufferView": 0, "attributes": {"POSITION": 0}}}}]}],
        "buffers": [{"byteLength": len(blob)}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": len(blob)}],
        "accessors": [{"componentType": 5126, "count": len(mesh.vertices), "type": "VEC3",
                       "min": [-1, -1, -1], "max": [1, 1, 1]},
                      {"componentType": 5125, "count": mesh.faces.size, "type": "SCALAR"}],
    }
    path.write_bytes(make_glb(doc, blob))
    return path
