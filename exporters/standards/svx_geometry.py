"""Geometry between Vitrine's cameras and lights and Voyager's.

Vitrine stores a view as eye and target points (metres) and a vertical field of view (radians).
Voyager's orbit navigation stores ``orbit`` = [pitch, yaw, roll] in degrees and ``offset`` =
[x, y, z] in scene units, in the camera's rotated frame: the camera sits at ``R @ offset`` and
looks along its -Z axis, where R = Ry(yaw) @ Rx(pitch). Nodes carry (x, y, z, w) quaternions;
cameras and lights look down their -Z axis, as in glTF and three.js.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from scipy.spatial.transform import Rotation

Vec3 = tuple[float, float, float]


def _unit(v: np.ndarray, fallback: Sequence[float]) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 1e-12 else np.asarray(fallback, float)


def orbit_rotation(pitch_deg: float, yaw_deg: float) -> np.ndarray:
    """The 3×3 camera rotation Ry(yaw) @ Rx(pitch) of Voyager's orbit angles (degrees)."""
    p, y = math.radians(pitch_deg), math.radians(yaw_deg)
    rx = np.array([[1, 0, 0], [0, math.cos(p), -math.sin(p)], [0, math.sin(p), math.cos(p)]])
    ry = np.array([[math.cos(y), 0, math.sin(y)], [0, 1, 0], [-math.sin(y), 0, math.cos(y)]])
    return ry @ rx


def view_to_orbit(eye: Sequence[float], target: Sequence[float]) -> tuple[list[float], list[float]]:
    """(orbit [pitch, yaw, 0] in degrees, offset [x, y, z] in the same units as ``eye``) for a
    camera at ``eye`` looking at ``target``."""
    e, t = np.asarray(eye, float), np.asarray(target, float)
    back = _unit(e - t, (0.0, 0.0, 1.0))  # from the target towards the eye: the camera's +Z
    pitch = math.degrees(math.asin(max(-1.0, min(1.0, -back[1]))))
    yaw = math.degrees(math.atan2(back[0], back[2]))
    offset = orbit_rotation(pitch, yaw).T @ e
    return [round(pitch, 6), round(yaw, 6), 0.0], [round(float(v), 6) for v in offset]


def orbit_to_view(orbit: Sequence[float], offset: Sequence[float]) -> tuple[Vec3, Vec3]:
    """(eye, target) for Voyager's orbit angles (degrees) and offset; the target is the point
    the camera looks at in the plane through the orbit centre (the eye's distance is kept)."""
    r = orbit_rotation(float(orbit[0]), float(orbit[1]))
    off = np.asarray(offset, float)
    eye = r @ off
    target = r @ np.array([off[0], off[1], 0.0])
    if off[2] <= 1e-9:  # a camera at or behind the centre: look one unit ahead instead
        target = eye - r @ np.array([0.0, 0.0, 1.0])
    return tuple(float(v) for v in eye), tuple(float(v) for v in target)  # type: ignore[return-value]


def look_rotation(position: Sequence[float], target: Sequence[float]) -> list[float]:
    """(x, y, z, w) quaternion turning a node's -Z axis from ``position`` towards ``target``."""
    back = _unit(np.asarray(position, float) - np.asarray(target, float), (0.0, 0.0, 1.0))
    up = np.array([0.0, 1.0, 0.0]) if abs(back[1]) < 0.999 else np.array([0.0, 0.0, -1.0])
    right = _unit(np.cross(up, back), (1.0, 0.0, 0.0))
    true_up = np.cross(back, right)
    q = Rotation.from_matrix(np.column_stack([right, true_up, back])).as_quat()
    return [round(float(v), 8) for v in q]


def forward_point(position: Sequence[float], rotation: Sequence[float]) -> Vec3:
    """The point one unit along a node's -Z axis from ``position`` (a light's target)."""
    q = list(rotation) if len(rotation) == 4 and any(rotation) else [0.0, 0.0, 0.0, 1.0]
    d = Rotation.from_quat(q).apply([0.0, 0.0, -1.0])
    return tuple(float(p + v) for p, v in zip(position, d))  # type: ignore[return-value]


def rotate(rotation: Sequence[float], v: Sequence[float]) -> np.ndarray:
    """``v`` (3,) rotated by an (x, y, z, w) quaternion."""
    return Rotation.from_quat(list(rotation)).apply(np.asarray(v, float))


def hex_to_rgb(color: str) -> list[float]:
    """``#rrggbb`` as [r, g, b] in 0..1 (white for anything else)."""
    c = color.strip().lstrip("#")
    if len(c) != 6:
        return [1.0, 1.0, 1.0]
    try:
        return [round(int(c[i:i + 2], 16) / 255.0, 4) for i in (0, 2, 4)]
    except ValueError:
        return [1.0, 1.0, 1.0]


def rgb_to_hex(rgb: object) -> str:
    """[r, g, b] in 0..1 as ``#rrggbb`` (white for anything else)."""
    if not isinstance(rgb, (list, tuple)) or len(rgb) < 3:
        return "#ffffff"
    try:
        return "#" + "".join(f"{max(0, min(255, round(float(v) * 255))):02x}" for v in rgb[:3])
    except (TypeError, ValueError):
        return "#ffffff"
