"""Floor footprints: axis-aligned rectangles on the floor plane (x, z) in metres, and the
search for the nearest free spot for a new one.

Every footprint of an occupant already includes its plinth; the clearance between two
footprints (room for visitors, and for the plinth's shadow line) is added by the search.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

import numpy as np

from .quaternions import quat_to_matrix

CLEARANCE = 0.4  # metres of free floor kept between two footprints
EPS = 1e-9


@dataclass(frozen=True)
class Rect:
    """A floor rectangle: centre (cx, cz) and full width (x) and depth (z), metres."""

    cx: float
    cz: float
    width: float
    depth: float

    @property
    def x0(self) -> float:
        return self.cx - self.width / 2

    @property
    def x1(self) -> float:
        return self.cx + self.width / 2

    @property
    def z0(self) -> float:
        return self.cz - self.depth / 2

    @property
    def z1(self) -> float:
        return self.cz + self.depth / 2

    def grown(self, margin: float) -> "Rect":
        return Rect(self.cx, self.cz, self.width + 2 * margin, self.depth + 2 * margin)

    def moved(self, cx: float, cz: float) -> "Rect":
        return Rect(cx, cz, self.width, self.depth)


def overlaps(a: Rect, b: Rect, gap: float = 0.0) -> bool:
    """True when ``a`` and ``b`` are closer than ``gap`` metres on both axes (they intrude)."""
    return (a.x0 < b.x1 + gap - EPS and b.x0 < a.x1 + gap - EPS
            and a.z0 < b.z1 + gap - EPS and b.z0 < a.z1 + gap - EPS)


def world_box(dimensions: Sequence[float], translation: Sequence[float], rotation: Sequence[float],
              scale: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """(min (3,), max (3,)) world box in metres of a prepared model: ``dimensions`` (x, y, z)
    extents of a model centred in x/z and standing on y = 0, under its transform."""
    w, h, d = (float(v) for v in dimensions)
    corners = np.array([[sx * w / 2, y, sz * d / 2] for sx in (-1, 1) for y in (0.0, h) for sz in (-1, 1)])
    corners = corners * np.asarray(scale, dtype=float)
    world = corners @ quat_to_matrix(rotation).T + np.asarray(translation, dtype=float)
    return world.min(axis=0), world.max(axis=0)


def box_footprint(lo: np.ndarray, hi: np.ndarray) -> Rect:
    """The floor rectangle under a world box."""
    return Rect(float(lo[0] + hi[0]) / 2, float(lo[2] + hi[2]) / 2, float(hi[0] - lo[0]), float(hi[2] - lo[2]))


def _free(rect: Rect, occupied: Sequence[Rect], gap: float, bounds: Optional[Rect]) -> bool:
    if bounds is not None and (rect.x0 < bounds.x0 - EPS or rect.x1 > bounds.x1 + EPS
                               or rect.z0 < bounds.z0 - EPS or rect.z1 > bounds.z1 + EPS):
        return False
    return not any(overlaps(rect, o, gap) for o in occupied)


def find_free_spot(size: tuple[float, float], occupied: Iterable[Rect], preferred: tuple[float, float], *,
                   gap: float = CLEARANCE, bounds: Optional[Rect] = None) -> Optional[tuple[float, float]]:
    """The centre (x, z) nearest to ``preferred`` where a ``size`` (width, depth) footprint
    keeps ``gap`` metres from every occupied rectangle and stays inside ``bounds``
    (a room's floor) if given; None when no such spot exists.

    Exact for axis-aligned rectangles: the nearest free point is ``preferred`` itself or lies
    where the footprint touches the gap of one or two rectangles (or a bound), so the
    candidates are the cross product of those touching coordinates with the preferred ones.
    """
    occupied = list(occupied)
    w, d = size
    xs = {preferred[0]}
    zs = {preferred[1]}
    for o in occupied:
        xs.update((o.x0 - gap - w / 2, o.x1 + gap + w / 2))
        zs.update((o.z0 - gap - d / 2, o.z1 + gap + d / 2))
    if bounds is not None:
        xs.update((bounds.x0 + w / 2, bounds.x1 - w / 2))
        zs.update((bounds.z0 + d / 2, bounds.z1 - d / 2))
    candidates = sorted(((x - preferred[0]) ** 2 + (z - preferred[1]) ** 2, x, z) for x in xs for z in zs)
    for _, x, z in candidates:
        if _free(Rect(x, z, w, d), occupied, gap, bounds):
            return (x, z)
    return None
