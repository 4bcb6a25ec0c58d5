"""Rotations as unit quaternions (x, y, z, w), the form an exhibit Transform keeps.

One place for the quaternion arithmetic that the layout (footprints, arrangements) and the
editor's viewport both need; angles are radians, +Y is up.
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np

Quaternion = tuple[float, float, float, float]


def quat_to_matrix(q: Iterable[float]) -> np.ndarray:
    """(3, 3) rotation matrix of the quaternion (x, y, z, w); normalised first (a zero one is the identity)."""
    x, y, z, w = (float(c) for c in q)
    n = math.sqrt(x * x + y * y + z * z + w * w) or 1.0
    x, y, z, w = x / n, y / n, z / n, w / n
    return np.array([
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ])


def quat_from_axis_angle(axis: Iterable[float], angle: float) -> Quaternion:
    """The rotation by ``angle`` radians about ``axis`` (3 floats, any length but zero)."""
    a = np.asarray(tuple(axis), dtype=np.float64)
    n = float(np.linalg.norm(a))
    if n > 1e-300:
        a = a / n
    s = math.sin(angle / 2.0)
    return (float(a[0] * s), float(a[1] * s), float(a[2] * s), math.cos(angle / 2.0))


def quat_multiply(a: Iterable[float], b: Iterable[float]) -> Quaternion:
    """Hamilton product a ⊗ b (apply b first, then a), both (x, y, z, w)."""
    ax, ay, az, aw = a
    bx, by, bz, bw = b
    return (aw * bx + ax * bw + ay * bz - az * by,
            aw * by - ax * bz + ay * bw + az * bx,
            aw * bz + ax * by - ay * bx + az * bw,
            aw * bw - ax * bx - ay * by - az * bz)


def yaw_quaternion(yaw: float) -> Quaternion:
    """The rotation by ``yaw`` radians about +Y, as (x, y, z, w)."""
    return quat_from_axis_angle((0.0, 1.0, 0.0), yaw)


def quaternion_yaw(q: Iterable[float]) -> float:
    """The heading (radians about +Y) the rotation gives the model's +Z axis."""
    forward = quat_to_matrix(q) @ np.array([0.0, 0.0, 1.0])
    return math.atan2(float(forward[0]), float(forward[2]))
