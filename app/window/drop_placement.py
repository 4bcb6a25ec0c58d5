"""Where a scan dropped on the editor lands: the floor point under the cursor."""
from __future__ import annotations

from typing import Any, Optional


def floor_point_under(viewport: Any, pos: Any) -> Optional[tuple[float, float]]:
    """(x, z) metres where the view ray through widget point ``pos`` (QPoint in the viewport's
    coordinates) meets the floor (y = 0); None outside the viewport or looking above the horizon
    (the scan then lands beside the others)."""
    if not viewport.rect().contains(pos):
        return None
    origin, direction = viewport.world_ray(float(pos.x()), float(pos.y()))
    if direction[1] > -1e-6:
        return None
    t = -float(origin[1]) / float(direction[1])
    point = origin + direction * t
    return (float(point[0]), float(point[2]))
