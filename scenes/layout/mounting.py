"""How an object stands: on the floor, on a plinth sized to it, or hung on a wall.

The plinth rule: an object is shown with its centre at comfortable viewing height,
``VIEWING_HEIGHT`` = 1.2 m (between a seated or young visitor's eyes, ~1.1 m, and a
standing adult's, ~1.6 m, looking slightly down onto the object). So its plinth is
``1.2 m - object height / 2`` high, kept between 0.3 m (a plinth lower than that reads as a
step) and 1.1 m (small objects: a higher top would hide them from children). The plinth
top is the object's footprint plus ``PLINTH_MARGIN`` on every side, at least 0.3 m square.
Objects 1.2 m tall or more, or 1 m wide or deep or more, stand on the floor.
Wall-mounted objects hang with their centre at ``HANGING_HEIGHT`` = 1.45 m (the usual
gallery hanging line) and their back against the wall, facing into the room.
"""
from __future__ import annotations

from typing import Sequence

VIEWING_HEIGHT = 1.2
MIN_PLINTH_HEIGHT = 0.3
MAX_PLINTH_HEIGHT = 1.1
PLINTH_MARGIN = 0.08
MIN_PLINTH_SIDE = 0.3
FLOOR_HEIGHT_LIMIT = 1.2
FLOOR_WIDTH_LIMIT = 1.0
HANGING_HEIGHT = 1.45
MIN_HANGING_BASE = 0.3


def stands_on_floor(size: Sequence[float]) -> bool:
    """True for objects 1.2 m tall or more, or 1 m wide or deep or more; ``size`` is the
    scaled (width, height, depth) in metres."""
    w, h, d = (float(v) for v in size)
    return h >= FLOOR_HEIGHT_LIMIT or max(w, d) >= FLOOR_WIDTH_LIMIT


def plinth_height(object_height: float) -> float:
    """Plinth height (m) that brings an object ``object_height`` m tall to viewing height."""
    return min(MAX_PLINTH_HEIGHT, max(MIN_PLINTH_HEIGHT, VIEWING_HEIGHT - float(object_height) / 2))


def plinth_size(footprint: tuple[float, float], object_height: float) -> tuple[float, float, float]:
    """(width, height, depth) m of the plinth for an object with ``footprint`` (width, depth) m."""
    w = max(MIN_PLINTH_SIDE, footprint[0] + 2 * PLINTH_MARGIN)
    d = max(MIN_PLINTH_SIDE, footprint[1] + 2 * PLINTH_MARGIN)
    return (w, plinth_height(object_height), d)


def hanging_base(object_height: float) -> float:
    """Height (m) of the bottom of a wall-hung object whose centre is on the hanging line."""
    return max(MIN_HANGING_BASE, HANGING_HEIGHT - float(object_height) / 2)
