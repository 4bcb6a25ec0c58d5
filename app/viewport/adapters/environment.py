"""The exhibit's environment: background gradient, floor disc and (in the editor) its grid.

Drawn after the opaque objects, tuned for Mesa llvmpipe where per-pixel work dominates:
the background is one full-screen triangle at the far plane, depth-tested, so pixels under
objects are never shaded twice; the floor is a flat blended disc and its grid is line
geometry rather than a full-screen procedural shader.
"""
from __future__ import annotations

from typing import Any, Optional

from OpenGL import GL

from .. import shaders
from ..gpu import MeshBuffers, Program, grid_lines_geometry, grid_major_vertex_count, quad_geometry
from ..math3d import hex_to_rgb
from .base import Adapter, Frame

DEFAULT_BACKGROUND = ("#2b2f36", "#101215")


class EnvironmentAdapter(Adapter):
    """Owns the background, floor and grid programs, the floor quad and the grid lines."""

    def __init__(self, scene: Any) -> None:
        super().__init__(scene)
        self._programs: dict[str, Program] = {}
        self._quad: Optional[MeshBuffers] = None
        self._grid: Optional[MeshBuffers] = None
        self._grid_radius: Optional[float] = None
        self._empty_vao = 0

    def initialize_gl(self) -> None:
        self._programs = {
            "background": Program(shaders.BACKGROUND_VS, shaders.BACKGROUND_FS),
            "grid": Program(shaders.GRID_VS, shaders.GRID_FS),
            "lines": Program(shaders.LINES_VS, shaders.LINES_FS),
        }
        self._quad = MeshBuffers(quad_geometry())
        self._empty_vao = GL.glGenVertexArrays(1)

    def release_gl(self) -> None:
        for p in self._programs.values():
            p.delete()
        self._programs = {}
        for mb in (self._quad, self._grid):
            if mb is not None:
                mb.delete()
        self._quad = self._grid = None
        self._grid_radius = None
        if self._empty_vao:
            GL.glDeleteVertexArrays(1, [self._empty_vao])
            self._empty_vao = 0

    def draw(self, frame: Frame) -> None:
        self._draw_background(frame.exhibit)
        if frame.exhibit is not None:
            self._draw_floor(frame)

    def _draw_background(self, exhibit) -> None:
        """The vertical gradient, drawn last among the opaque passes: it sits at the far plane
        with the depth test on and depth writes off, so only uncovered pixels run its shader."""
        colors = exhibit.environment.background.colors if exhibit else list(DEFAULT_BACKGROUND)
        top = hex_to_rgb(colors[0] if colors else DEFAULT_BACKGROUND[0])
        bottom = hex_to_rgb(colors[-1] if colors else DEFAULT_BACKGROUND[1])
        p = self._programs["background"]
        p.use()
        p.set_f("u_top", *top)
        p.set_f("u_bottom", *bottom)
        GL.glEnable(GL.GL_DEPTH_TEST)
        GL.glDepthFunc(GL.GL_LEQUAL)
        GL.glDepthMask(GL.GL_FALSE)
        GL.glBindVertexArray(self._empty_vao)
        GL.glDrawArrays(GL.GL_TRIANGLES, 0, 3)
        GL.glDepthMask(GL.GL_TRUE)
        GL.glDepthFunc(GL.GL_LESS)

    def _draw_floor(self, frame: Frame) -> None:
        """A flat disc with a soft edge (cheap per pixel) and, in the editor, grid lines as
        GL_LINES geometry so the per-pixel cost is only paid on the lines themselves."""
        floor = frame.exhibit.environment.floor
        if not floor.visible or frame.exhibit.environment.room is not None:
            return  # a room brings its own floor (RoomAdapter), as in the viewer
        radius = float(floor.radius)
        col = hex_to_rgb(floor.color)
        p = self._programs["grid"]
        p.use()
        p.set_mat4("u_view", frame.view)
        p.set_mat4("u_proj", frame.proj)
        p.set_f("u_radius", radius)
        p.set_f("u_color", *col)
        GL.glEnable(GL.GL_BLEND)
        GL.glBlendFunc(GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)
        GL.glEnable(GL.GL_POLYGON_OFFSET_FILL)
        GL.glPolygonOffset(1.0, 1.0)
        self._quad.draw()
        GL.glDisable(GL.GL_POLYGON_OFFSET_FILL)
        if not frame.state.visitor:
            lines = self._grid_lines(radius)
            q = self._programs["lines"]
            q.use()
            q.set_mat4("u_view", frame.view)
            q.set_mat4("u_proj", frame.proj)
            q.set_f("u_radius", radius)
            q.set_f("u_eye", *frame.camera.eye)
            q.set_f("u_line_color", *(min(1.0, c * 1.45 + 0.06) for c in col))
            # lines lie exactly on the disc: let them win the depth tie (LEQUAL), never write depth
            GL.glDepthFunc(GL.GL_LEQUAL)
            GL.glDepthMask(GL.GL_FALSE)
            GL.glBindVertexArray(lines.vao)
            # llvmpipe pays per line, not only per pixel (~10 ms for the ~250 lines of a 6 m
            # floor): while moving only the 1 m lines, the 10 cm ones come back when still
            count = grid_major_vertex_count(radius) if frame.fast else lines.count
            GL.glDrawArrays(GL.GL_LINES, 0, count)
            GL.glDepthMask(GL.GL_TRUE)
            GL.glDepthFunc(GL.GL_LESS)
        GL.glDisable(GL.GL_BLEND)

    def _grid_lines(self, radius: float) -> MeshBuffers:
        """Line geometry for a floor of ``radius`` metres (rebuilt only when the radius changes)."""
        if self._grid is None or self._grid_radius != radius:
            if self._grid is not None:
                self._grid.delete()
            self._grid = MeshBuffers(grid_lines_geometry(radius))
            self._grid_radius = radius
        return self._grid
