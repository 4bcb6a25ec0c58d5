"""The start view that shows every artifact: a camera looking at the exhibit from the
direction of the current start view (from +z and a little above by default), pulled back
until every corner of every box is inside the view frustum with a margin.

Fitting uses ``aspect`` = 1 (width = height): any landscape screen (and a square kiosk) then
shows at least this much; the vertical field of view is the viewpoint's ``fov`` (rad).
"""
from __future__ import annotations

import math
from typing import Optional, Sequence

import numpy as np

DEFAULT_DIRECTION = (0.0, math.sin(0.28), math.cos(0.28))  # from +z, about 16 degrees above
FIT_MARGIN = 0.9  # corners stay inside 90% of the half-angles
MIN_DISTANCE = 1.2


def camera_basis(direction: Sequence[float]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(forward, right, up) unit vectors of a camera placed along ``direction`` from its target."""
    back = np.asarray(direction, dtype=float)
    back = back / (np.linalg.norm(back) or 1.0)
    forward = -back
    right = np.cross(forward, (0.0, 1.0, 0.0))
    if np.linalg.norm(right) < 1e-6:
        right = np.array([1.0, 0.0, 0.0])
    right = right / np.linalg.norm(right)
    up = np.cross(right, forward)
    return forward, right, up


def in_frustum(point: Sequence[float], eye: Sequence[float], target: Sequence[float], fov: float,
               aspect: float = 1.0, margin: float = 1.0) -> bool:
    """True when ``point`` (m) is in front of the camera and inside its field of view
    (vertical ``fov`` rad, width/height ``aspect``), the half-angles scaled by ``margin``."""
    eye_v = np.asarray(eye, dtype=float)
    forward, right, up = camera_basis(eye_v - np.asarray(target, dtype=float))
    rel = np.asarray(point, dtype=float) - eye_v
    depth = float(rel @ forward)
    if depth <= 0.05:
        return False
    t = math.tan(fov / 2) * margin
    return abs(float(rel @ up)) <= depth * t + 1e-9 and abs(float(rel @ right)) <= depth * t * aspect + 1e-9


def frame_boxes(boxes: Sequence[tuple[np.ndarray, np.ndarray]], fov: float = 0.8,
                direction: Optional[Sequence[float]] = None) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(eye, target) in metres of a camera along ``direction`` (from the target towards the eye,
    any length; default from +z and a little above) that sees every (min, max) world box."""
    direction = np.asarray(direction if direction is not None else DEFAULT_DIRECTION, dtype=float)
    if not boxes:
        return (0.0, 1.6, 3.0), (0.0, 1.0, 0.0)
    lo = np.min([b[0] for b in boxes], axis=0)
    hi = np.max([b[1] for b in boxes], axis=0)
    target = (lo + hi) / 2
    corners = np.array([[x, y, z] for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])
    forward, right, up = camera_basis(direction)
    t = math.tan(fov / 2) * FIT_MARGIN
    # a corner at offset r from the target is inside when, with the eye at distance D:
    # |r.up| <= (D + r.forward) t and |r.right| <= (D + r.forward) t  ->  D >= |r.side| / t - r.forward
    rel = corners - target
    need = np.maximum(np.abs(rel @ up), np.abs(rel @ right)) / t - rel @ forward
    need = np.maximum(need, 0.3 - rel @ forward)  # every corner at least 0.3 m in front of the eye
    distance = max(MIN_DISTANCE, float(need.max()))
    eye = target - forward * distance
    return tuple(float(v) for v in eye), tuple(float(v) for v in target)
