"""What a pirated copy goes through, as functions (positions (N, 3), faces (M, 3)) -> suspect.

Shared by the tracing tests and benchmarks/bench_recipient_mark.py. Each attack returns
the suspect's (positions (K, 3) float64, faces (L, 3) int64 or None), as a thief's
tool would hand them over (any unit, any pose, any vertex order).
"""
from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path
from typing import Callable, Optional

import fast_simplification
import meshoptimizer
import numpy as np
import trimesh
from scipy.spatial.transform import Rotation

from vitrine.exporters.bundle.glb_compression import compress_mesh
from vitrine.assets.formats.glb_arrays import MeshData
from tests.exporters import glb_decode

ROOT = Path(__file__).resolve().parents[3]
GLTFPACK = ROOT / "exporters" / "viewer" / "node_modules" / ".bin" / "gltfpack"
Mesh = tuple[np.ndarray, Optional[np.ndarray]]


def _faces(f: Optional[np.ndarray]) -> Optional[np.ndarray]:
    return None if f is None else np.asarray(f, np.int64)


def _diag(p: np.ndarray) -> float:
    return float(np.linalg.norm(p.max(axis=0) - p.min(axis=0)))


def decompressed(p: np.ndarray, f: np.ndarray, seed: int = 0) -> Mesh:
    """Our published GLB (14-bit positions, meshopt), decoded again."""
    glb = compress_mesh(MeshData(positions=np.asarray(p, np.float32), triangles=np.asarray(f, np.uint32)),
                        name="level", generator="test")
    return decoded_glb(glb)


def decoded_glb(data: bytes) -> Mesh:
    """Positions in metres (every node's transform applied) and triangles of a meshopt GLB's meshes."""
    doc, binary = glb_decode.split(data)
    points, faces, base = [], [], 0
    for node_index, world in _mesh_nodes(doc):
        for prim in doc["meshes"][doc["nodes"][node_index]["mesh"]]["primitives"]:
            acc = doc["accessors"][prim["attributes"]["POSITION"]]
            q = glb_decode.accessor(doc, binary, prim["attributes"]["POSITION"]).astype(np.float64)
            if acc.get("normalized"):
                q /= float(np.iinfo(q.dtype if q.dtype.kind in "iu" else np.uint16).max)
            q = q @ world[:3, :3].T + world[:3, 3]
            tri = glb_decode.accessor(doc, binary, prim["indices"]).astype(np.int64).reshape(-1, 3)
            points.append(q)
            faces.append(tri + base)
            base += len(q)
    return np.vstack(points), np.vstack(faces)


def _mesh_nodes(doc: dict):
    def local(node: dict) -> np.ndarray:
        if "matrix" in node:
            return np.array(node["matrix"], np.float64).reshape(4, 4).T
        m = np.eye(4)
        m[:3, :3] = Rotation.from_quat(node.get("rotation", [0, 0, 0, 1])).as_matrix() * np.array(node.get("scale", [1, 1, 1]))
        m[:3, 3] = node.get("translation", [0, 0, 0])
        return m

    stack = [(i, np.eye(4)) for i in doc["scenes"][doc.get("scene", 0)]["nodes"]]
    while stack:
        index, parent = stack.pop()
        node = doc["nodes"][index]
        world = parent @ local(node)
        if "mesh" in node:
            yield index, world
        stack.extend((child, world) for child in node.get("children", []))


def converted(fmt: str) -> Callable[..., Mesh]:
    """Written as OBJ / PLY / STL by trimesh and loaded back as trimesh loads it (merging)."""
    def attack(p: np.ndarray, f: np.ndarray, seed: int = 0) -> Mesh:
        data = trimesh.Trimesh(p, f, process=False).export(file_type=fmt)
        mesh = trimesh.load(io.BytesIO(data.encode() if isinstance(data, str) else data), file_type=fmt, force="mesh")
        return np.asarray(mesh.vertices, np.float64), np.asarray(mesh.faces, np.int64)
    attack.__name__ = f"as_{fmt}"
    return attack


def reordered(p: np.ndarray, f: np.ndarray, seed: int = 0) -> Mesh:
    """Vertices permuted and re-indexed, faces shuffled and their corners rotated."""
    rng = np.random.default_rng(seed)
    perm = rng.permutation(len(p))
    new_index = np.empty(len(p), np.int64)
    new_index[perm] = np.arange(len(p))
    if f is None:  # a point cloud: only the order changes
        return np.asarray(p, np.float64)[perm], None
    faces = new_index[np.asarray(f, np.int64)][rng.permutation(len(f))]
    return np.asarray(p, np.float64)[perm], np.roll(faces, int(rng.integers(3)), axis=1)


def similarity(p: np.ndarray, f: np.ndarray, seed: int = 0) -> Mesh:
    """A random uniform scale (0.01-100), rotation and translation (metres to kilometres)."""
    rng = np.random.default_rng(seed)
    scale = 10.0 ** rng.uniform(-2, 2)
    rotation = Rotation.random(random_state=int(rng.integers(1 << 31))).as_matrix()
    shift = rng.normal(0, 1000, 3)
    return scale * np.asarray(p, np.float64) @ rotation.T + shift, _faces(f)


def noisy(p: np.ndarray, f: np.ndarray, seed: int = 0) -> Mesh:
    """Gaussian noise of sigma = 1e-4 of the diagonal on every coordinate."""
    rng = np.random.default_rng(seed)
    q = np.asarray(p, np.float64)
    return q + rng.normal(0, 1e-4 * _diag(q), q.shape), _faces(f)


def simplified_meshopt(p: np.ndarray, f: np.ndarray, seed: int = 0) -> Mesh:
    """meshoptimizer's simplify to half the faces (keeps a subset of the vertices)."""
    indices = np.asarray(f, np.uint32).ravel()
    out = np.zeros_like(indices)
    count = meshoptimizer.simplify(out, indices, np.asarray(p, np.float32), target_index_count=len(indices) // 2 // 3 * 3,
                                   target_error=1.0)
    faces = out[:count].astype(np.int64).reshape(-1, 3)
    used, faces = np.unique(faces, return_inverse=True)
    return np.asarray(p, np.float64)[used], faces.reshape(-1, 3)


def simplified_quadric(p: np.ndarray, f: np.ndarray, seed: int = 0) -> Mesh:
    """fast_simplification to half the faces (quadric collapse: moves the vertices)."""
    q, faces = fast_simplification.simplify(np.asarray(p, np.float32), np.asarray(f, np.int32), target_reduction=0.5)
    return np.asarray(q, np.float64), np.asarray(faces, np.int64)


def cropped(p: np.ndarray, f: np.ndarray, seed: int = 0) -> Mesh:
    """The faces on one side of a random plane through the centroid, unused vertices dropped."""
    rng = np.random.default_rng(seed)
    q, faces = np.asarray(p, np.float64), np.asarray(f, np.int64)
    normal = rng.normal(size=3)
    side = (q[faces].mean(axis=1) - q.mean(axis=0)) @ normal > 0
    used, kept = np.unique(faces[side], return_inverse=True)
    return q[used], kept.reshape(-1, 3)


def gltfpack_cc(p: np.ndarray, f: np.ndarray, seed: int = 0) -> Mesh:
    """A plain GLB re-compressed with ``gltfpack -cc`` (viewer's pinned devDependency)."""
    with tempfile.TemporaryDirectory() as tmp:
        plain, packed = Path(tmp) / "in.glb", Path(tmp) / "out.glb"
        plain.write_bytes(trimesh.Trimesh(p, f, process=False).export(file_type="glb"))
        subprocess.run(["node", str(GLTFPACK), "-i", str(plain), "-o", str(packed), "-cc"],
                       check=True, capture_output=True)
        return decoded_glb(packed.read_bytes())


ATTACKS: dict[str, Callable[..., Mesh]] = {
    "decompressed": decompressed, "obj": converted("obj"), "ply": converted("ply"), "stl": converted("stl"),
    "reordered": reordered, "gltfpack_cc": gltfpack_cc, "similarity": similarity, "noise": noisy,
    "simplify_meshopt": simplified_meshopt, "simplify_quadric": simplified_quadric, "crop_half": cropped,
}
