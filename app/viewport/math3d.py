"""Small 4×4 matrix helpers (numpy, float64, column vectors: p' = M @ p).

Matrices are uploaded to GLSL transposed (``glUniformMatrix4fv(..., GL_TRUE, ...)``)
so that numpy's row-major layout reads as GLSL's column-major matrices.
"""
from __future__ import annotations

import math
from typing import Iterable

import numpy as np

from vitrine.scenes.layout.quaternions import quat_to_matrix


def normalize(v: Iterable[float]) -> np.ndarray:
    a = np.asarray(v, dtype=np.float64)
    n = float(np.linalg.norm(a))
    return a / n if n > 1e-300 else a


def trs_matrix(translation: Iterable[float], rotation: Iterable[float], scale: Iterable[float]) -> np.ndarray:
    """Model matrix T · R · S."""
    m = np.eye(4)
    m[:3, :3] = quat_to_matrix(rotation) * np.asarray(tuple(scale), dtype=np.float64)[None, :]
    m[:3, 3] = tuple(translation)
    return m


def transform_matrix(transform) -> np.ndarray:
    """Model matrix of a :class:`vitrine.scenes.exhibit_model.Transform`."""
    return trs_matrix(transform.translation, transform.rotation, transform.scale)


def look_at(eye: Iterable[float], target: Iterable[float], up: Iterable[float]) -> np.ndarray:
    eye = np.asarray(tuple(eye), np.float64)
    f = normalize(np.asarray(tuple(target), np.float64) - eye)
    u0 = normalize(up)
    s = np.cross(f, u0)
    if np.linalg.norm(s) < 1e-9:  # looking along up: pick any perpendicular
        s = np.cross(f, [0.0, 0.0, 1.0] if abs(f[2]) < 0.9 else [1.0, 0.0, 0.0])
    s = normalize(s)
    u = np.cross(s, f)
    m = np.eye(4)
    m[0, :3], m[1, :3], m[2, :3] = s, u, -f
    m[:3, 3] = -m[:3, :3] @ eye
    return m


def perspective(fov_y: float, aspect: float, near: float, far: float) -> np.ndarray:
    f = 1.0 / math.tan(fov_y / 2.0)
    m = np.zeros((4, 4))
    m[0, 0] = f / max(aspect, 1e-9)
    m[1, 1] = f
    m[2, 2] = (far + near) / (near - far)
    m[2, 3] = 2.0 * far * near / (near - far)
    m[3, 2] = -1.0
    return m


def transform_point(m: np.ndarray, p: Iterable[float]) -> np.ndarray:
    v = m @ np.append(np.asarray(tuple(p), np.float64), 1.0)
    return v[:3] / v[3] if abs(v[3]) > 1e-300 else v[:3]


def transform_vector(m: np.ndarray, v: Iterable[float]) -> np.ndarray:
    return m[:3, :3] @ np.asarray(tuple(v), np.float64)


def normal_matrix(m: np.ndarray) -> np.ndarray:
    """Inverse-transpose of the upper 3×3 (for normals under non-uniform scale)."""
    a = m[:3, :3]
    try:
        return np.linalg.inv(a).T
    except np.linalg.LinAlgError:
        return a


def hex_to_rgb(color: str, default: tuple[float, float, float] = (0.8, 0.8, 0.8)) -> tuple[float, float, float]:
    """'#rrggbb' → (r, g, b) in 0..1."""
    try:
        c = color.strip().lstrip("#")
        if len(c) == 3:
            c = "".join(ch * 2 for ch in c)
        return (int(c[0:2], 16) / 255.0, int(c[2:4], 16) / 255.0, int(c[4:6], 16) / 255.0)
    except (ValueError, AttributeError, IndexError):
        return default
