"""The mesh shader variants shared by the plinth and artifact adapters (needs a context).

One program per (light count, points or triangles, fast, plain) combination, compiled on
first use and kept: switching programs is cheap, compiling one is not. Programs that only
one adapter uses (background, floor, grid) belong to that adapter.
"""
from __future__ import annotations

from . import shaders
from .gpu import Program


class ProgramCache:
    """Mesh programs by variant; ``delete_all`` with the context current."""

    def __init__(self) -> None:
        self._programs: dict[str, Program] = {}

    def mesh(self, nlights: int, points: bool, fast: bool = False, plain: bool = False) -> Program:
        """The mesh program specialised for a light count, points/triangles, motion (fast)
        and plain (no vertex colours or texture used)."""
        key = f"mesh{nlights}{'p' if points else 't'}{'f' if fast else ''}{'c' if not plain else ''}"
        prog = self._programs.get(key)
        if prog is None:
            prog = self._programs[key] = Program(shaders.mesh_vertex_source(points, plain),
                                                 shaders.mesh_fragment_source(nlights, points, fast, plain))
        return prog

    def delete_all(self) -> None:
        for p in self._programs.values():
            p.delete()
        self._programs.clear()
