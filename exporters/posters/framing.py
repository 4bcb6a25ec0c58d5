"""The framing rule shared with the web viewer (exporters/viewer/src/camera_flight.js): a view
frames its subjects at any aspect ratio by moving the eye back along its line of sight until
every corner of the subjects' bounding box is inside BOTH the vertical and the horizontal field
of view (with a margin). The eye never moves closer than the curator put it."""
from __future__ import annotations

import math

import numpy as np

MARGIN = 0.92  # fraction of the half-field the subjects may fill (room for the frame's edges)


def camera_basis(eye: np.ndarray, target: np.ndarray, up: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(right, up, forward) unit vectors (3,) of a camera at ``eye`` looking at ``target``."""
    fwd = np.asarray(target, float) - np.asarray(eye, float)
    fwd = fwd / (np.linalg.norm(fwd) or 1.0)
    right = np.cross(fwd, np.asarray(up, float))
    if np.linalg.norm(right) < 1e-9:  # looking straight along up
        right = np.cross(fwd, np.array([0.0, 0.0, 1.0]))
    right /= np.linalg.norm(right)
    return right, np.cross(right, fwd), fwd


def box_corners(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The 8 corners (8, 3) of an axis-aligned box, metres."""
    lo, hi = np.asarray(lo, float), np.asarray(hi, float)
    return np.array([[x, y, z] for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])])


def pull_back(eye, target, up, fov_v: float, aspect: float, points: np.ndarray, margin: float = MARGIN) -> float:
    """Metres to move the eye back (away from the target, along the line of sight) so that
    every point (n, 3) is inside the frustum of vertical field ``fov_v`` (radians) at
    ``aspect`` (width / height); 0 when they already are."""
    right, upv, fwd = camera_basis(eye, target, up)
    rel = np.asarray(points, float) - np.asarray(eye, float)
    x, y, z = rel @ right, rel @ upv, rel @ fwd
    tan_v = math.tan(fov_v / 2) * margin
    tan_h = math.tan(fov_v / 2) * aspect * margin
    need = np.maximum(np.abs(x) / tan_h, np.abs(y) / tan_v) - z
    return float(max(0.0, need.max(initial=0.0)))


def framed_eye(eye, target, up, fov_v: float, aspect: float, points: np.ndarray) -> np.ndarray:
    """The eye (3,) after :func:`pull_back`; target, direction and field of view unchanged."""
    _r, _u, fwd = camera_basis(eye, target, up)
    return np.asarray(eye, float) - fwd * pull_back(eye, target, up, fov_v, aspect, points)
