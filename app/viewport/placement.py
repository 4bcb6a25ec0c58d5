"""Where a dragged artifact comes to rest: on the floor or on a plinth's top (pure numpy).

Shared by the interaction layer's artifact and gizmo drags. Metres; transforms are
``vitrine.scenes.exhibit_model.Transform`` (translation, rotation quaternion xyzw, scale).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

import numpy as np

from .math3d import transform_matrix


def support_height(plinths, x: float, z: float) -> float:
    """Height (m) of what an object at world (x, z) would stand on: a plinth's top or the floor."""
    top = 0.0
    for pl in plinths:
        m = transform_matrix(pl.transform)
        lp = np.linalg.inv(m) @ np.array([x, 0.0, z, 1.0])
        w, h, dp = pl.size
        if pl.shape == "cylinder":
            inside = (lp[0] / (w / 2)) ** 2 + (lp[2] / (dp / 2)) ** 2 <= 1.0
        else:
            inside = abs(lp[0]) <= w / 2 and abs(lp[2]) <= dp / 2
        if inside:
            top = max(top, float((m @ np.array([0.0, h, 0.0, 1.0]))[1]))
    return top


def base_offset(bounds: Optional[tuple[np.ndarray, np.ndarray]], transform) -> tuple[float, np.ndarray]:
    """(lowest y of the artifact relative to its translation, its footprint centre offset (3,))
    for local ``bounds`` (min (3,), max (3,)) under ``transform``'s rotation and scale."""
    if bounds is None:
        return 0.0, np.zeros(3)
    lo, hi = bounds
    rs = transform_matrix(replace(transform, translation=(0.0, 0.0, 0.0)))[:3, :3]
    corners = np.array([[x, y, z] for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]) @ rs.T
    return float(corners[:, 1].min()), corners.mean(axis=0)


def resting_height(plinths, bounds, transform, x: float, z: float) -> float:
    """The translation y that stands an artifact with translation (x, ·, z) on what is below it."""
    low, centre = base_offset(bounds, transform)
    return support_height(plinths, x + centre[0], z + centre[2]) - low
