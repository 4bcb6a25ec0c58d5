"""Ray casting on the CPU: artifacts (via the assets package's SurfacePicker), plinths.

Rays are in world space; an artifact's ray is moved into its local frame with the
inverse model matrix, cast against the mesh there, and the hit is returned both
local (for pins, which live in the artifact's frame) and world.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from .math3d import normalize


@dataclass
class PickResult:
    kind: str                 # 'artifact', 'plinth', 'annotation' or 'floor'
    object_id: str
    distance: float           # along the world ray (m)
    point: tuple[float, float, float]                   # world
    normal: tuple[float, float, float] = (0.0, 1.0, 0.0)  # world
    point_local: Optional[tuple[float, float, float]] = None
    normal_local: Optional[tuple[float, float, float]] = None
    face: int = -1


def make_surface_picker(mesh: Any) -> Any:
    """An ``vitrine.assets.geometry.surface_picking.SurfacePicker`` (embree BVH) over a trimesh mesh."""
    from vitrine.assets.geometry.surface_picking import SurfacePicker
    return SurfacePicker(mesh)


def ray_sphere(origin: np.ndarray, direction: np.ndarray, center: np.ndarray, radius: float) -> bool:
    oc = center - origin
    t = float(np.dot(oc, direction))
    d2 = float(np.dot(oc, oc)) - t * t
    return d2 <= radius * radius and (t >= -radius)


def ray_box_local(o: np.ndarray, d: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> Optional[tuple[float, np.ndarray]]:
    """Slab test in a box's own frame: (t, outward normal) of the entry point, or None."""
    tmin, tmax, n_axis, n_sign = -math.inf, math.inf, 0, -1.0
    for k in range(3):
        if abs(d[k]) < 1e-12:
            if o[k] < lo[k] or o[k] > hi[k]:
                return None
            continue
        t1, t2 = (lo[k] - o[k]) / d[k], (hi[k] - o[k]) / d[k]
        sign = -1.0
        if t1 > t2:
            t1, t2, sign = t2, t1, 1.0
        if t1 > tmin:
            tmin, n_axis, n_sign = t1, k, sign
        tmax = min(tmax, t2)
        if tmin > tmax:
            return None
    if tmax < 0:
        return None
    n = np.zeros(3)
    n[n_axis] = n_sign
    return (max(tmin, 0.0), n)


def ray_cylinder_local(o: np.ndarray, d: np.ndarray, radius: float, height: float) -> Optional[tuple[float, np.ndarray]]:
    """Ray against a capped cylinder about +Y (base at y=0) in its own frame."""
    best: Optional[tuple[float, np.ndarray]] = None
    a = d[0] ** 2 + d[2] ** 2
    if a > 1e-12:
        b = 2 * (o[0] * d[0] + o[2] * d[2])
        c = o[0] ** 2 + o[2] ** 2 - radius ** 2
        disc = b * b - 4 * a * c
        if disc >= 0:
            for t in sorted(((-b - math.sqrt(disc)) / (2 * a), (-b + math.sqrt(disc)) / (2 * a))):
                y = o[1] + t * d[1]
                if t >= 0 and 0 <= y <= height:
                    p = o + t * d
                    best = (t, normalize([p[0], 0.0, p[2]]))
                    break
    if abs(d[1]) > 1e-12:
        for y, ny in ((height, 1.0), (0.0, -1.0)):
            t = (y - o[1]) / d[1]
            if t >= 0:
                p = o + t * d
                if p[0] ** 2 + p[2] ** 2 <= radius ** 2 and (best is None or t < best[0]):
                    best = (t, np.array([0.0, ny, 0.0]))
    return best


def pick_plinth(plinth, origin: np.ndarray, direction: np.ndarray, model: np.ndarray) -> Optional[PickResult]:
    """Hit a plinth (box or cylinder of ``size`` with its base centre at the transform's origin)."""
    inv = np.linalg.inv(model)
    o = (inv @ np.append(origin, 1.0))[:3]
    d = inv[:3, :3] @ direction
    w, h, dp = (float(c) for c in plinth.size)
    if plinth.shape == "cylinder":
        hit = _ray_scaled_cylinder(o, d, w, h, dp)
    else:
        hit = ray_box_local(o, d, np.array([-w / 2, 0.0, -dp / 2]), np.array([w / 2, h, dp / 2]))
    if hit is None:
        return None
    t_local, n_local = hit
    p_local = o + t_local * d
    p_world = (model @ np.append(p_local, 1.0))[:3]
    n_world = normalize(np.linalg.inv(model[:3, :3]).T @ n_local)
    return PickResult("plinth", plinth.id, float(np.linalg.norm(p_world - origin)), tuple(p_world), tuple(n_world))


def _ray_scaled_cylinder(o, d, w, h, dp):
    # an elliptic cylinder (w × dp) is a unit-radius one after scaling x and z
    s = np.array([2.0 / max(w, 1e-9), 1.0, 2.0 / max(dp, 1e-9)])
    hit = ray_cylinder_local(o * s, d * s, 1.0, h)
    if hit is None:
        return None
    t, n = hit
    return t, normalize(n * s)


def pick_artifact(artifact_id: str, picker: Any, model: np.ndarray, origin: np.ndarray,
                  direction: np.ndarray) -> Optional[PickResult]:
    """Cast a world ray at an artifact's surface (its picker works in the local frame)."""
    inv = np.linalg.inv(model)
    o = (inv @ np.append(origin, 1.0))[:3]
    d_raw = inv[:3, :3] @ direction
    d = normalize(d_raw)
    hit = picker.pick(tuple(o), tuple(d))
    if hit is None:
        return None
    p_local = np.asarray(hit.point, np.float64)
    n_local = normalize(hit.normal)
    if np.dot(n_local, d) > 0:  # open scans: report the side facing the camera
        n_local = -n_local
    p_world = (model @ np.append(p_local, 1.0))[:3]
    n_world = normalize(np.linalg.inv(model[:3, :3]).T @ n_local)
    return PickResult("artifact", artifact_id, float(np.linalg.norm(p_world - origin)), tuple(map(float, p_world)),
                      tuple(map(float, n_world)), tuple(map(float, p_local)), tuple(map(float, n_local)),
                      int(getattr(hit, "face", -1)))
