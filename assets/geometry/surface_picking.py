"""Ray picking and closest-point snapping on a mesh (for placing pins/hotspots)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import trimesh
from scipy.spatial import cKDTree


@dataclass(frozen=True)
class Hit:
    """A point on the surface: ``point`` (3,) and unit face ``normal`` (3,) in mesh
    units, ``face`` index, ``distance`` from the ray origin (or query point)."""

    point: np.ndarray
    normal: np.ndarray
    face: int
    distance: float


class SurfacePicker:
    """Answers ray and nearest-surface queries on one mesh.

    The BVH is built once here (Embree via embreex when trimesh has it, else
    trimesh's pure-numpy intersector), so each pick costs microseconds to a
    few milliseconds even on millions of faces.
    """

    def __init__(self, mesh: trimesh.Trimesh) -> None:
        self.mesh = mesh
        if trimesh.ray.has_embree:
            from trimesh.ray.ray_pyembree import RayMeshIntersector
        else:
            from trimesh.ray.ray_triangle import RayMeshIntersector
        self.uses_embree = bool(trimesh.ray.has_embree)
        self._rays = RayMeshIntersector(mesh)
        # Face normals are computed per hit: trimesh's face_normals for all
        # faces costs half a second on a million faces, a hit needs one.
        self._vertices = np.asarray(mesh.vertices, np.float64)
        self._faces = np.asarray(mesh.faces)
        # A first query forces the BVH build now rather than on the first click.
        self._rays.intersects_first(np.zeros((1, 3)), np.array([[0.0, 0.0, 1.0]]))
        self._kd: cKDTree | None = None
        self._vf_order: np.ndarray | None = None
        self._vf_start: np.ndarray | None = None

    def pick(self, origin: np.ndarray, direction: np.ndarray) -> Hit | None:
        """First surface hit of the ray ``origin`` (3,) + t·``direction`` (3,), t > 0; None on a miss."""
        return self.pick_many(np.reshape(origin, (1, 3)), np.reshape(direction, (1, 3)))[0]

    def pick_many(self, origins: np.ndarray, directions: np.ndarray) -> list[Hit | None]:
        """First hits of n rays: ``origins`` (n, 3), ``directions`` (n, 3) (need not be unit)."""
        origins = np.asarray(origins, np.float64).reshape(-1, 3)
        directions = np.asarray(directions, np.float64).reshape(-1, 3)
        length = np.linalg.norm(directions, axis=1)
        ok = length > 0
        unit = np.zeros_like(directions)
        unit[ok] = directions[ok] / length[ok, None]
        hits: list[Hit | None] = [None] * len(origins)
        if not ok.any():
            return hits
        idx = np.flatnonzero(ok)
        locations, ray_index, tri_index = self._rays.intersects_location(
            origins[idx], unit[idx], multiple_hits=False)
        for loc, r, t in zip(locations, ray_index, tri_index):
            i = idx[r]
            hits[i] = Hit(np.asarray(loc, float), self._face_normal(int(t)), int(t),
                          float(np.dot(loc - origins[i], unit[i])))
        return hits

    def closest_point(self, point: np.ndarray, *, candidates: int = 16) -> Hit:
        """Nearest point on the surface to ``point`` (3,), e.g. to snap a dragged pin.

        Searches the faces around the ``candidates`` nearest vertices (a KD-tree
        built on first use), exact for meshes whose triangles are small compared
        with the distance to the surface.
        """
        p = np.asarray(point, np.float64).reshape(3)
        if self._kd is None:
            self._kd = cKDTree(self.mesh.vertices)
            flat = np.asarray(self.mesh.faces).ravel()
            self._vf_order = np.argsort(flat, kind="stable") // 3
            self._vf_start = np.searchsorted(flat[np.argsort(flat, kind="stable")],
                                             np.arange(len(self.mesh.vertices) + 1))
        k = min(candidates, len(self.mesh.vertices))
        _, near = self._kd.query(p, k=k)
        near = np.atleast_1d(near)
        faces = np.unique(np.concatenate([self._vf_order[self._vf_start[v]:self._vf_start[v + 1]] for v in near]))
        tris = self.mesh.triangles[faces]
        pts = trimesh.triangles.closest_point(tris, np.repeat(p[None], len(faces), axis=0))
        d = np.linalg.norm(pts - p, axis=1)
        best = int(np.argmin(d))
        f = int(faces[best])
        return Hit(pts[best], self._face_normal(f), f, float(d[best]))

    def _face_normal(self, face: int) -> np.ndarray:
        """Unit normal (3,) of one face by its winding; zero for a degenerate face."""
        a, b, c = self._vertices[self._faces[face]]
        n = np.cross(b - a, c - a)
        length = np.linalg.norm(n)
        return n / length if length > 0 else n
