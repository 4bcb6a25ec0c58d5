"""The room: its floor and walls (the pieces of scenes/layout/room_walls.py, as the viewer
builds them), drawn with back faces culled so a camera outside sees through the near walls."""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
from OpenGL import GL

from vitrine.scenes.exhibit_model import Room
from vitrine.scenes.layout.room_walls import piece_corners, wall_frame, wall_pieces

from ..gpu import GeometryData, MeshBuffers
from ..math3d import hex_to_rgb
from .base import Adapter, Frame
from .lights import linear_rgb


def room_geometry(room: Room) -> tuple[GeometryData, GeometryData]:
    """(floor, walls) meshes in world metres, quads counter-clockwise seen from inside."""
    w, d = room.width / 2, room.depth / 2
    floor = GeometryData("mesh", np.array([(-w, 0, d), (w, 0, d), (w, 0, -d), (-w, 0, -d)], np.float32),
                         normals=np.array([(0, 1, 0)] * 4, np.float32),
                         indices=np.array([0, 1, 2, 0, 2, 3], np.uint32), base_color=(1, 1, 1, 1),
                         bounds_min=(-w, 0, -d), bounds_max=(w, 0, d))
    pos, nrm, idx = [], [], []
    for piece in wall_pieces(room):
        b = len(pos)
        pos += [tuple(c) for c in piece_corners(room, piece)]
        nrm += [tuple(wall_frame(room, piece.wall)[2])] * 4
        idx += [b, b + 1, b + 2, b, b + 2, b + 3]
    walls = GeometryData("mesh", np.array(pos, np.float32).reshape(-1, 3), normals=np.array(nrm, np.float32).reshape(-1, 3),
                         indices=np.array(idx, np.uint32), base_color=(1, 1, 1, 1),
                         bounds_min=(-w, 0, -d), bounds_max=(w, room.wall_height, d))
    return floor, walls


class RoomAdapter(Adapter):
    """Draws the room lit, back faces culled; its buffers are rebuilt when the room differs
    from the one they were built for (compared at draw: no document routing needed)."""

    def __init__(self, scene: Any) -> None:
        super().__init__(scene)
        self._key: Optional[Any] = None
        self._buffers: list[MeshBuffers] = []

    def _drop(self) -> None:
        for mb in self._buffers:
            mb.delete()
        self._buffers = []
        self._key = None

    def release_gl(self) -> None:
        self._drop()

    def draw(self, frame: Frame) -> None:
        room = frame.exhibit.environment.room if frame.exhibit is not None else None
        if room is None:
            return
        key = repr(room)
        if key != self._key:
            self._drop()
            self._buffers = [MeshBuffers(g) for g in room_geometry(room)]
            self._key = key
        p = frame.plain_surface_program(roughness=0.95)
        p.set_mat4("u_model", np.eye(4))
        p.set_mat3("u_normal_mat", np.eye(3))
        p.set_f("u_highlight", 0.0, 0.0, 0.0, 0.0)
        GL.glEnable(GL.GL_CULL_FACE)
        GL.glCullFace(GL.GL_BACK)
        GL.glFrontFace(GL.GL_CCW)
        for mb, colour in zip(self._buffers, (room.floor_color, room.wall_color)):
            p.set_f("u_base_color", *linear_rgb(hex_to_rgb(colour)), 1.0)
            mb.draw()
        GL.glDisable(GL.GL_CULL_FACE)
