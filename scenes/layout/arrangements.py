"""Arrangements of a selection as pure functions on footprints.

Each takes the selection's floor footprints (:class:`Rect`, plinths included) in a given
order and returns one :class:`Spot` per footprint: the new centre (x, z) in metres and, where
the arrangement turns objects, the heading ``yaw`` (radians about +Y of the model's front, +z).
Neighbours keep ``gap`` metres of floor between them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

from .footprints import CLEARANCE, Rect

ALIGN_MODES = ("left", "centre", "right", "front", "back")


@dataclass(frozen=True)
class Spot:
    """Where an arrangement puts a footprint: centre (x, z) m; ``yaw`` rad or None (unchanged)."""

    x: float
    z: float
    yaw: Optional[float] = None


def _centre(rects: Sequence[Rect]) -> tuple[float, float]:
    return (sum(r.cx for r in rects) / len(rects), sum(r.cz for r in rects) / len(rects))


def row(rects: Sequence[Rect], gap: float = CLEARANCE, yaw: float = 0.0) -> list[Spot]:
    """Side by side along x in the given order, centred on the selection's centre, facing ``yaw``."""
    if not rects:
        return []
    cx, cz = _centre(rects)
    total = sum(r.width for r in rects) + gap * (len(rects) - 1)
    x = cx - total / 2
    out = []
    for r in rects:
        out.append(Spot(x + r.width / 2, cz, yaw))
        x += r.width + gap
    return out


def grid(rects: Sequence[Rect], columns: Optional[int] = None, gap: float = CLEARANCE, yaw: float = 0.0) -> list[Spot]:
    """Rows of ``columns`` (default: the square root, rounded up) in equal cells, front row at +z."""
    if not rects:
        return []
    n = len(rects)
    cols = max(1, columns or math.ceil(math.sqrt(n)))
    rows = math.ceil(n / cols)
    cell_w = max(r.width for r in rects) + gap
    cell_d = max(r.depth for r in rects) + gap
    cx, cz = _centre(rects)
    out = []
    for i in range(n):
        col, line = i % cols, i // cols
        out.append(Spot(cx + (col - (cols - 1) / 2) * cell_w, cz + (line - (rows - 1) / 2) * cell_d, yaw))
    return out


def arc(rects: Sequence[Rect], gap: float = CLEARANCE, span: float = math.radians(120)) -> list[Spot]:
    """Along an arc bowed away from the visitor (the start view at +z), each object turned to
    face the arc's centre; the radius is the smallest that fits them in ``span`` radians with
    ``gap`` between neighbours (measured along the arc, on the footprints' widest side)."""
    if not rects:
        return []
    if len(rects) == 1:
        return [Spot(rects[0].cx, rects[0].cz, 0.0)]
    cx, cz = _centre(rects)
    sizes = [max(r.width, r.depth) for r in rects]
    length = sum(sizes) + gap * (len(rects) - 1)
    # chords are shorter than arcs: size the radius on the chord of each object's angle
    radius = max(length / span, max(sizes))
    angles = []
    a = -sum(2 * math.asin(min(1.0, s / (2 * radius))) for s in sizes) / 2 \
        - gap / radius * (len(rects) - 1) / 2
    for s in sizes:
        half = math.asin(min(1.0, s / (2 * radius)))
        a += half
        angles.append(a)
        a += half + gap / radius
    focus = (cx, cz + radius)  # the arc's centre, towards the visitor
    return [Spot(focus[0] + radius * math.sin(t), focus[1] - radius * math.cos(t), -t) for t in angles]


def align(rects: Sequence[Rect], mode: str) -> list[Spot]:
    """Line up left edges (min x), centres (x), right edges (max x), fronts (max z) or backs (min z)."""
    if mode not in ALIGN_MODES:
        raise ValueError(f"align mode must be one of {', '.join(ALIGN_MODES)}")
    if not rects:
        return []
    if mode == "left":
        edge = min(r.x0 for r in rects)
        return [Spot(edge + r.width / 2, r.cz) for r in rects]
    if mode == "right":
        edge = max(r.x1 for r in rects)
        return [Spot(edge - r.width / 2, r.cz) for r in rects]
    if mode == "centre":
        mid = _centre(rects)[0]
        return [Spot(mid, r.cz) for r in rects]
    if mode == "front":
        edge = max(r.z1 for r in rects)
        return [Spot(r.cx, edge - r.depth / 2) for r in rects]
    edge = min(r.z0 for r in rects)
    return [Spot(r.cx, edge + r.depth / 2) for r in rects]


def distribute(rects: Sequence[Rect], axis: str = "x") -> list[Spot]:
    """Equal gaps between neighbours along ``axis`` ('x' or 'z'), the outermost two staying put."""
    if axis not in ("x", "z"):
        raise ValueError("distribute along 'x' or 'z'")
    if len(rects) < 3:
        return [Spot(r.cx, r.cz) for r in rects]
    lo = (lambda r: r.x0) if axis == "x" else (lambda r: r.z0)
    size = (lambda r: r.width) if axis == "x" else (lambda r: r.depth)
    order = sorted(range(len(rects)), key=lambda i: lo(rects[i]))
    first, last = rects[order[0]], rects[order[-1]]
    span = (lo(last) + size(last)) - lo(first)
    gap = (span - sum(size(r) for r in rects)) / (len(rects) - 1)
    out: list[Spot] = [Spot(r.cx, r.cz) for r in rects]
    pos = lo(first)
    for i in order:
        r = rects[i]
        c = pos + size(r) / 2
        out[i] = Spot(c, r.cz) if axis == "x" else Spot(r.cx, c)
        pos += size(r) + gap
    return out


def along_wall(widths: Sequence[float], wall_length: float, gap: float = CLEARANCE) -> list[float]:
    """Positions ``u`` (m from the wall's centre) of objects ``widths`` wide hung side by side,
    centred on the wall (they may run past its ends when too many: the caller warns)."""
    total = sum(widths) + gap * (len(widths) - 1)
    u = -total / 2
    out = []
    for w in widths:
        out.append(u + w / 2)
        u += w + gap
    return out
