"""The room's walls as flat rectangles facing into the room, cut around openings.

The viewer (exporters/viewer/src/room.js) and the editor's viewport build the same pieces:
each wall is a plane at the edge of the floor whose front faces the room, so a camera outside
the room (the start view usually is) sees through the near wall and a visitor inside sees walls.
Along a wall, ``u`` runs to the right as seen from inside the room, 0 at the wall's centre.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vitrine.scenes.exhibit_model import WALLS, Room


@dataclass(frozen=True)
class WallPiece:
    """A rectangle of wall ``wall``: from ``u0`` to ``u1`` along it and ``y0`` to ``y1`` up, metres."""

    wall: str
    u0: float
    u1: float
    y0: float
    y1: float


def wall_length(room: Room, wall: str) -> float:
    return float(room.width if wall in ("back", "front") else room.depth)


def wall_frame(room: Room, wall: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(centre at floor level, unit ``u`` direction, unit normal into the room) of a wall, (3,) each."""
    w, d = room.width / 2, room.depth / 2
    frames = {
        "back": ((0.0, 0.0, -d), (1.0, 0.0, 0.0), (0.0, 0.0, 1.0)),
        "front": ((0.0, 0.0, d), (-1.0, 0.0, 0.0), (0.0, 0.0, -1.0)),
        "left": ((-w, 0.0, 0.0), (0.0, 0.0, -1.0), (1.0, 0.0, 0.0)),
        "right": ((w, 0.0, 0.0), (0.0, 0.0, 1.0), (-1.0, 0.0, 0.0)),
    }
    c, u, n = frames[wall]
    return np.array(c), np.array(u), np.array(n)


def wall_pieces(room: Room) -> list[WallPiece]:
    """Every wall cut into rectangles around its openings (lintels above them)."""
    pieces: list[WallPiece] = []
    top = float(room.wall_height)
    for wall in WALLS:
        half = wall_length(room, wall) / 2
        holes = sorted((max(-half, o.offset - o.width / 2), min(half, o.offset + o.width / 2), min(top, o.height))
                       for o in room.openings if o.wall == wall)
        cursor = -half
        for a, b, h in holes:
            if b <= a:
                continue
            if a > cursor:
                pieces.append(WallPiece(wall, cursor, a, 0.0, top))
            if h < top:
                pieces.append(WallPiece(wall, a, b, h, top))
            cursor = max(cursor, b)
        if cursor < half:
            pieces.append(WallPiece(wall, cursor, half, 0.0, top))
    return pieces


def piece_corners(room: Room, piece: WallPiece) -> np.ndarray:
    """(4, 3) world corners (m) of a piece, counter-clockwise seen from inside the room."""
    c, u, _ = wall_frame(room, piece.wall)
    up = np.array([0.0, 1.0, 0.0])
    return np.array([c + u * piece.u0 + up * piece.y0, c + u * piece.u1 + up * piece.y0,
                     c + u * piece.u1 + up * piece.y1, c + u * piece.u0 + up * piece.y1])
