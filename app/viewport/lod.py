"""Choosing a stored level of detail per artifact (pure functions, no GL).

A level is chosen by the artifact's size on screen: about ``FACES_PER_PIXEL``
triangles per covered pixel is enough for shading, so a small or distant
artifact draws a coarse level. While the camera moves the budget drops further
(and is capped), so navigation stays interactive; the viewport switches back up
once the camera has been still for ~200 ms.
"""
from __future__ import annotations

import math
from typing import Iterable, Optional, Sequence

from vitrine.assets.levels.level_table import LEVEL_ORDER, NOMINAL_COUNTS

FACES_PER_PIXEL = 0.6
MOTION_FACTOR = 0.2
MOTION_CAP = 200_000          # primitives per artifact while moving
SCENE_MOTION_BUDGET = 600_000  # primitives for the whole scene while moving
ORDER = LEVEL_ORDER  # NOMINAL_COUNTS and ORDER come from assets/levels/levels.json


def screen_radius_px(center_view_depth: float, radius: float, fov_y: float, viewport_h: int) -> float:
    """Projected radius in pixels of a sphere at a view depth (inf when the eye is inside it)."""
    if center_view_depth <= radius:
        return float("inf")
    return radius / (center_view_depth * math.tan(fov_y / 2.0)) * (viewport_h / 2.0)


def desired_count(radius_px: float, moving: bool) -> float:
    if math.isinf(radius_px):
        want = float("inf")
    else:
        want = math.pi * radius_px * radius_px * FACES_PER_PIXEL
    if moving:
        want = min(want * MOTION_FACTOR, MOTION_CAP)
    return want


def choose_level(levels: Sequence[tuple[str, int]], radius_px: float, moving: bool = False,
                 forced: Optional[str] = None) -> Optional[str]:
    """Pick among ``levels`` [(name, primitive count)], ordered coarse to fine.

    ``forced`` is the artifact's display.lod ('auto' or a level name): a named level
    that exists is used when still, and while moving only if it is not above the cap.
    """
    if not levels:
        return None
    names = [n for n, _ in levels]
    counts = [c if c > 0 else NOMINAL_COUNTS.get(n, 100_000) for n, c in levels]
    if forced and forced != "auto" and forced in names:
        i = names.index(forced)
        if not moving or counts[i] <= MOTION_CAP:
            return forced
        ok = [n for n, c in zip(names[:i], counts[:i]) if c <= MOTION_CAP]
        return ok[-1] if ok else names[0]
    want = desired_count(radius_px, moving)
    for name, count in zip(names, counts):
        if count >= want:
            if moving and count > MOTION_CAP:
                # prefer the finest level under the cap, if any
                under = [n for n, c in zip(names, counts) if c <= MOTION_CAP]
                return under[-1] if under else names[0]
            return name
    if moving:
        under = [n for n, c in zip(names, counts) if c <= MOTION_CAP]
        return under[-1] if under else names[0]
    return names[-1]


def fit_scene_budget(choices: dict[str, tuple[int, list[tuple[str, int]]]], budget: int) -> dict[str, int]:
    """Step the biggest choices down until the total fits ``budget``.

    ``choices`` maps an artifact id to (index of the chosen level, its levels); returns
    the new indices. Used while moving, so many artifacts together stay interactive."""
    idx = {k: v[0] for k, v in choices.items()}

    def count(k: str) -> int:
        name, c = choices[k][1][idx[k]]
        return c if c > 0 else NOMINAL_COUNTS.get(name, 100_000)

    total = sum(count(k) for k in idx)
    while total > budget:
        candidates = [k for k in idx if idx[k] > 0]
        if not candidates:
            break
        k = max(candidates, key=count)
        total -= count(k)
        idx[k] -= 1
        total += count(k)
    return idx


def level_counts(asset, available: Iterable[str]) -> list[tuple[str, int]]:
    """[(level name, faces or points)] of an asset's stored levels, coarse to fine."""
    by_name = {lv.level: max(int(lv.faces or 0), int(lv.points or 0)) for lv in asset.levels}
    return [(n, by_name.get(n, 0)) for n in available]
