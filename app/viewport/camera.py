"""An orbit camera (eye, target, up, vertical fov) with the viewport's navigation moves.

Pure numpy, no Qt or GL, so it is testable on its own. Metres and radians.
"""
from __future__ import annotations

import math
from typing import Iterable, Optional

import numpy as np

from .math3d import look_at, normalize, perspective

PRESETS = {
    # name: (direction from target to eye, up)
    "front": ((0.0, 0.0, 1.0), (0.0, 1.0, 0.0)),
    "side": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0)),
    "top": ((0.0, 1.0, 0.0), (0.0, 0.0, -1.0)),
    "perspective": ((0.62, 0.42, 0.66), (0.0, 1.0, 0.0)),
}
MIN_DISTANCE = 0.01
MAX_DISTANCE = 500.0
PITCH_LIMIT = math.radians(89.0)


class OrbitCamera:
    def __init__(self) -> None:
        self.eye = np.array([1.6, 1.4, 2.4])
        self.target = np.array([0.0, 0.8, 0.0])
        self.up = np.array([0.0, 1.0, 0.0])
        self.fov = math.radians(45.0)
        self.near = 0.01
        self.far = 100.0

    # --- state ---------------------------------------------------------------------
    def state(self) -> dict:
        return {"eye": tuple(float(c) for c in self.eye), "target": tuple(float(c) for c in self.target),
                "up": tuple(float(c) for c in self.up), "fov": float(self.fov)}

    def set(self, eye: Iterable[float], target: Iterable[float], up: Iterable[float] = (0.0, 1.0, 0.0),
            fov: Optional[float] = None) -> None:
        eye = np.asarray(tuple(eye), np.float64)
        target = np.asarray(tuple(target), np.float64)
        if not (np.all(np.isfinite(eye)) and np.all(np.isfinite(target))):
            raise ValueError("camera eye and target must be finite")
        if np.linalg.norm(eye - target) < 1e-6:
            eye = target + np.array([0.0, 0.0, MIN_DISTANCE])
        self.eye, self.target = eye, target
        self.up = normalize(up)
        if fov is not None:
            self.fov = float(min(max(fov, math.radians(5.0)), math.radians(150.0)))

    @property
    def distance(self) -> float:
        return float(np.linalg.norm(self.eye - self.target))

    @property
    def forward(self) -> np.ndarray:
        return normalize(self.target - self.eye)

    def basis(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(right, true up, forward) of the view."""
        v = look_at(self.eye, self.target, self.up)
        return v[0, :3].copy(), v[1, :3].copy(), -v[2, :3].copy()

    def view_matrix(self) -> np.ndarray:
        return look_at(self.eye, self.target, self.up)

    def projection_matrix(self, aspect: float) -> np.ndarray:
        return perspective(self.fov, aspect, self.near, self.far)

    def fit_clip_planes(self, center: Iterable[float], radius: float) -> None:
        """Near/far planes enclosing a sphere (the scene's bounds), with a sane ratio."""
        d = float(np.dot(np.asarray(tuple(center)) - self.eye, self.forward))
        far = max(d + radius * 1.5, self.distance * 2.0, 1.0)
        near = max(d - radius * 1.5, far / 20000.0, 1e-4)
        near = min(near, max(self.distance * 0.05, 1e-4))
        self.near, self.far = near, far

    # --- navigation ----------------------------------------------------------------
    def orbit(self, d_yaw: float, d_pitch: float) -> None:
        """Turn the eye about the target: yaw around world Y, pitch around the view's right axis."""
        offset = self.eye - self.target
        r = np.linalg.norm(offset)
        if r < 1e-9:
            return
        yaw = math.atan2(offset[0], offset[2])
        pitch = math.asin(max(-1.0, min(1.0, offset[1] / r)))
        if abs(abs(pitch) - math.pi / 2) < 1e-6 or abs(self.up[1]) < 0.5:
            # from a top view: derive yaw from the up vector, then continue in Y-up mode
            yaw = math.atan2(-self.up[0], -self.up[2]) if pitch > 0 else math.atan2(self.up[0], self.up[2])
        yaw += d_yaw
        pitch = max(-PITCH_LIMIT, min(PITCH_LIMIT, pitch + d_pitch))
        self.eye = self.target + r * np.array([math.cos(pitch) * math.sin(yaw), math.sin(pitch),
                                               math.cos(pitch) * math.cos(yaw)])
        self.up = np.array([0.0, 1.0, 0.0])

    def pan(self, dx: float, dy: float) -> None:
        """Move eye and target across the view by (dx, dy) in metres at the target's depth."""
        right, up, _ = self.basis()
        delta = right * dx + up * dy
        self.eye = self.eye + delta
        self.target = self.target + delta

    def pan_pixels(self, dx_px: float, dy_px: float, viewport_height: int) -> None:
        per_px = 2.0 * self.distance * math.tan(self.fov / 2.0) / max(viewport_height, 1)
        self.pan(-dx_px * per_px, dy_px * per_px)

    def zoom(self, factor: float) -> None:
        """Scale the eye's distance to the target (factor < 1 moves closer)."""
        d = min(max(self.distance * factor, MIN_DISTANCE), MAX_DISTANCE)
        self.eye = self.target - self.forward * d

    def preset(self, name: str, center: Iterable[float], radius: float) -> None:
        if name not in PRESETS:
            raise ValueError(f"unknown view preset {name!r}; use one of {', '.join(PRESETS)}")
        direction, up = PRESETS[name]
        self.frame(center, radius, direction=direction, up=up)

    def frame(self, center: Iterable[float], radius: float, direction: Optional[Iterable[float]] = None,
              up: Optional[Iterable[float]] = None) -> None:
        """Look at a bounding sphere so it fills the view, keeping (or setting) the direction."""
        center = np.asarray(tuple(center), np.float64)
        radius = max(float(radius), 0.01)
        dirn = normalize(direction) if direction is not None else -self.forward
        half = min(self.fov, self.fov) / 2.0
        dist = radius / math.sin(half) * 1.05
        self.target = center
        self.eye = center + dirn * dist
        self.up = normalize(up) if up is not None else np.array([0.0, 1.0, 0.0])

    # --- projection ----------------------------------------------------------------
    def ray(self, x: float, y: float, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
        """World-space ray (origin, unit direction) through widget pixel (x, y)."""
        right, up, fwd = self.basis()
        t = math.tan(self.fov / 2.0)
        aspect = width / max(height, 1)
        nx = (2.0 * x / max(width, 1) - 1.0) * t * aspect
        ny = (1.0 - 2.0 * y / max(height, 1)) * t
        return self.eye.copy(), normalize(fwd + right * nx + up * ny)

    def project(self, p: Iterable[float], width: int, height: int) -> Optional[tuple[float, float, float]]:
        """Widget pixel (x, y) and view depth of a world point, or None if behind the eye."""
        v = self.view_matrix() @ np.append(np.asarray(tuple(p), np.float64), 1.0)
        depth = -v[2]
        if depth <= 1e-9:
            return None
        t = math.tan(self.fov / 2.0)
        aspect = width / max(height, 1)
        nx = v[0] / (depth * t * aspect)
        ny = v[1] / (depth * t)
        return ((nx + 1.0) * 0.5 * width, (1.0 - ny) * 0.5 * height, float(depth))
