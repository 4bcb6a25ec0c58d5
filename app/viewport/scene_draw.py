"""Drawing one frame of the exhibit (a mixin of ``ViewportWidget``; needs a current context).

Order and costs, tuned for Mesa llvmpipe where per-pixel work dominates:
opaque plinths and artifacts first, then the background gradient (one full-screen
triangle at the far plane, depth-tested, so pixels under objects are never shaded twice),
then the floor disc (flat, blended) and its grid as line geometry rather than a
full-screen procedural shader. While the camera moves the frame is drawn into a
reduced-resolution target with a cheaper shader variant (no specular, no rim) and
blitted up; see ``ViewportWidget._render_frame``.
"""
from __future__ import annotations

import math
from typing import Optional

import numpy as np
from OpenGL import GL

from . import shaders
from .gpu import MeshBuffers, Program, grid_lines_geometry, grid_major_vertex_count
from .math3d import hex_to_rgb, normal_matrix, normalize

SELECTION_COLOR = (0.25, 0.62, 1.0)


def _linear(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """sRGB → linear with gamma 2 (the shaders encode with sqrt, which is cheap on software GL)."""
    return tuple(c * c for c in rgb)  # type: ignore[return-value]


class SceneDrawMixin:
    """GL drawing of background, floor, plinths and artifacts for ``ViewportWidget``."""

    def _draw_scene(self, exhibit, view: np.ndarray, proj: np.ndarray, viewport_h: int, fast: bool) -> None:
        """Everything but the QPainter overlay, into the bound framebuffer (viewport set)."""
        GL.glDepthMask(GL.GL_TRUE)
        GL.glClearColor(0.1, 0.1, 0.11, 1.0)
        GL.glClear(GL.GL_COLOR_BUFFER_BIT | GL.GL_DEPTH_BUFFER_BIT | GL.GL_STENCIL_BUFFER_BIT)
        GL.glDisable(GL.GL_CULL_FACE)
        GL.glDisable(GL.GL_BLEND)
        GL.glEnable(GL.GL_DEPTH_TEST)
        GL.glDepthFunc(GL.GL_LESS)
        if exhibit is not None:
            self._draw_objects(exhibit, view, proj, viewport_h, fast)
        self._draw_background(exhibit)
        if exhibit is not None:
            self._draw_floor(exhibit, view, proj, fast)
        GL.glBindVertexArray(0)
        GL.glUseProgram(0)
        GL.glDisable(GL.GL_DEPTH_TEST)
        GL.glDisable(GL.GL_BLEND)

    def _draw_background(self, exhibit) -> None:
        """The vertical gradient, drawn last among the opaque passes: it sits at the far plane
        with the depth test on and depth writes off, so only uncovered pixels run its shader."""
        colors = exhibit.environment.background.colors if exhibit else ["#2b2f36", "#101215"]
        top = hex_to_rgb(colors[0] if colors else "#2b2f36")
        bottom = hex_to_rgb(colors[-1] if colors else "#101215")
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

    def _draw_floor(self, exhibit, view, proj, fast: bool = False) -> None:
        """A flat disc with a soft edge (cheap per pixel) and, in the editor, grid lines as
        GL_LINES geometry so the per-pixel cost is only paid on the lines themselves."""
        floor = exhibit.environment.floor
        if not floor.visible:
            return
        radius = float(floor.radius)
        col = hex_to_rgb(floor.color)
        p = self._programs["grid"]
        p.use()
        p.set_mat4("u_view", view)
        p.set_mat4("u_proj", proj)
        p.set_f("u_radius", radius)
        p.set_f("u_color", *col)
        GL.glEnable(GL.GL_BLEND)
        GL.glBlendFunc(GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)
        GL.glEnable(GL.GL_POLYGON_OFFSET_FILL)
        GL.glPolygonOffset(1.0, 1.0)
        self._shapes["quad"].draw()
        GL.glDisable(GL.GL_POLYGON_OFFSET_FILL)
        if not self._visitor:
            lines = self._grid_lines(radius)
            q = self._programs["lines"]
            q.use()
            q.set_mat4("u_view", view)
            q.set_mat4("u_proj", proj)
            q.set_f("u_radius", radius)
            q.set_f("u_eye", *self.camera.eye)
            q.set_f("u_line_color", *(min(1.0, c * 1.45 + 0.06) for c in col))
            # lines lie exactly on the disc: let them win the depth tie (LEQUAL), never write depth
            GL.glDepthFunc(GL.GL_LEQUAL)
            GL.glDepthMask(GL.GL_FALSE)
            GL.glBindVertexArray(lines.vao)
            # llvmpipe pays per line, not only per pixel (~10 ms for the ~250 lines of a 6 m
            # floor): while moving only the 1 m lines, the 10 cm ones come back when still
            count = grid_major_vertex_count(radius) if fast else lines.count
            GL.glDrawArrays(GL.GL_LINES, 0, count)
            GL.glDepthMask(GL.GL_TRUE)
            GL.glDepthFunc(GL.GL_LESS)
        GL.glDisable(GL.GL_BLEND)

    def _grid_lines(self, radius: float) -> MeshBuffers:
        """Line geometry for a floor of ``radius`` metres (rebuilt only when the radius changes)."""
        cached = self._shapes.get("grid")
        if cached is None or getattr(cached, "radius", None) != radius:
            if cached is not None:
                cached.delete()
            cached = MeshBuffers(grid_lines_geometry(radius))
            cached.radius = radius  # type: ignore[attr-defined]
            self._shapes["grid"] = cached
        return cached

    def _lights(self, exhibit) -> dict:
        if self._lights_cache is None:
            ambient = np.zeros(3)
            rows = []
            has_ambient = False
            for light in exhibit.lights:
                col = np.array(_linear(hex_to_rgb(light.color, (1, 1, 1)))) * float(light.intensity)
                if light.type == "ambient":
                    ambient += col
                    has_ambient = True
                    continue
                kind = {"directional": 1, "point": 2, "spot": 3}.get(light.type)
                if kind is None or len(rows) >= shaders.MAX_LIGHTS:
                    continue
                pos = np.asarray(light.position, float)
                direction = normalize(np.asarray(light.target, float) - pos)
                # three.js-style units (as the web export): irradiance / π for punctual lights
                rows.append((kind, pos, direction, col / math.pi, math.cos(light.angle), float(light.range)))
            if not has_ambient:
                ambient = np.array([0.3, 0.3, 0.3]) if not rows else np.array([0.15, 0.15, 0.15])
            self._lights_cache = {"ambient": ambient / math.pi * 2.0, "rows": rows}
        return self._lights_cache

    def _light_rows(self, exhibit) -> list:
        rows = list(self._lights(exhibit)["rows"])
        if not rows:  # a headlight, slightly above and to the left of the eye
            right, up, fwd = self.camera.basis()
            d = normalize(fwd - up * 0.9 + right * 0.6)
            rows = [(1, self.camera.eye, d, np.array([2.4, 2.4, 2.4]) / math.pi, 1.0, 0.0)]
        return rows

    def _mesh_program(self, nlights: int, points: bool, fast: bool = False, plain: bool = False) -> Program:
        """The mesh program specialised for a light count, points/triangles, motion (fast)
        and plain (no vertex colours or texture used)."""
        key = f"mesh{nlights}{'p' if points else 't'}{'f' if fast else ''}{'c' if not plain else ''}"
        prog = self._programs.get(key)
        if prog is None:
            prog = self._programs[key] = Program(shaders.mesh_vertex_source(points, plain),
                                                 shaders.mesh_fragment_source(nlights, points, fast, plain))
        return prog

    def _begin_mesh_program(self, exhibit, rows, points: bool, view, proj, viewport_h: int,
                            fast: bool = False, plain: bool = True) -> Program:
        p = self._mesh_program(len(rows), points, fast, plain)
        p.use()
        p.set_mat4("u_view", view)
        p.set_mat4("u_proj", proj)
        p.set_mat4("u_viewproj", proj @ view)
        p.set_f("u_eye", *self.camera.eye)
        p.set_f("u_viewport_h", float(viewport_h))
        p.set_i("u_texture", 0)
        p.set_i("u_flat", 0)
        self._set_light_uniforms(p, exhibit, rows)
        return p

    def _set_light_uniforms(self, p: Program, exhibit, rows) -> None:
        lights = self._lights(exhibit)
        n = len(rows)
        pad = shaders.MAX_LIGHTS - n
        p.set_i("u_nlights", n)
        p.set_i_array("u_light_type", np.array([r[0] for r in rows] + [0] * pad))
        p.set_vec3_array("u_light_pos", np.array([r[1] for r in rows] + [(0, 0, 0)] * pad))
        p.set_vec3_array("u_light_dir", np.array([r[2] for r in rows] + [(0, -1, 0)] * pad))
        p.set_vec3_array("u_light_color", np.array([r[3] for r in rows] + [(0, 0, 0)] * pad))
        p.set_f_array("u_light_cos", np.array([r[4] for r in rows] + [0.0] * pad))
        p.set_f_array("u_light_range", np.array([r[5] for r in rows] + [0.0] * pad))
        p.set_f("u_ambient", *lights["ambient"])
        p.set_f("u_sky", 1.0, 1.0, 1.04)
        p.set_f("u_ground", 0.32, 0.3, 0.28)

    def _draw_objects(self, exhibit, view, proj, viewport_h: int, fast: bool = False) -> None:
        rows = self._light_rows(exhibit)
        p = self._begin_mesh_program(exhibit, rows, False, view, proj, viewport_h, fast)
        GL.glEnable(GL.GL_PROGRAM_POINT_SIZE)
        show_selection = not self._visitor
        no_highlight = (0.0, 0.0, 0.0, 0.0)
        sel = (*SELECTION_COLOR, 0.42)
        # plinths
        p.set_i("u_use_vcolor", 0)
        p.set_i("u_use_texture", 0)
        p.set_i("u_lit", 1)
        p.set_i("u_points", 0)
        p.set_f("u_roughness", 0.9)
        p.set_f("u_metalness", 0.0)
        for pl in exhibit.plinths:
            model = self._plinth_model(pl)
            p.set_mat4("u_model", model)
            p.set_mat3("u_normal_mat", normal_matrix(model))
            p.set_f("u_base_color", *_linear(hex_to_rgb(pl.color)), 1.0)
            p.set_f("u_highlight", *(sel if show_selection and pl.id in self._selected else no_highlight))
            self._shapes["cylinder" if pl.shape == "cylinder" else "box"].draw()
        # artifacts: meshes, then point clouds with their own program variant
        draw_list = self._artifact_draw_list(exhibit)
        # meshes before point clouds (program switch), each group nearest first: early depth
        # rejection then skips the shading of whatever lies behind (overdraw is the cost here)
        eye = self.camera.eye
        draw_list.sort(key=lambda am: (am[1].kind == "points", am[1].has_colors or am[1].has_texture,
                                       float(np.linalg.norm(self._model(am[0])[:3, 3] - eye))))
        current = (False, True)   # (points, plain): the program the plinths used
        for art, mb in draw_list:
            disp = art.display
            plain = disp.color_override or not (mb.has_colors or mb.has_texture)
            if (mb.kind == "points", bool(plain)) != current:
                current = (mb.kind == "points", bool(plain))
                p = self._begin_mesh_program(exhibit, rows, current[0], view, proj, viewport_h, fast, current[1])
            model = self._model(art)
            p.set_mat4("u_model", model)
            p.set_mat3("u_normal_mat", normal_matrix(model))
            base = mb.base_color
            if disp.color_override:
                base = (*hex_to_rgb(disp.color_override), base[3])
            p.set_f("u_base_color", *_linear(base[:3]), base[3])
            p.set_i("u_use_vcolor", 1 if (mb.has_colors and not disp.color_override) else 0)
            p.set_i("u_use_texture", 1 if (mb.has_texture and not disp.color_override) else 0)
            p.set_f("u_roughness", float(disp.roughness))
            p.set_f("u_metalness", float(disp.metalness))
            p.set_f("u_highlight", *(sel if show_selection and art.id in self._selected else no_highlight))
            if mb.kind == "points":
                scale = float(np.mean(np.linalg.norm(model[:3, :3], axis=0)))
                p.set_i("u_points", 1)
                p.set_i("u_lit", 1 if mb.has_normals else 0)
                p.set_f("u_point_size", float(disp.point_size) * scale)
            else:
                p.set_i("u_points", 0)
                p.set_i("u_lit", 1)
            if mb.has_texture:
                GL.glActiveTexture(GL.GL_TEXTURE0)
                GL.glBindTexture(GL.GL_TEXTURE_2D, mb.texture)
            mb.draw(self._set_culling(art, mb, model))
        GL.glDisable(GL.GL_CULL_FACE)
        GL.glBindTexture(GL.GL_TEXTURE_2D, 0)

    def _set_culling(self, art, mb: MeshBuffers, model: np.ndarray) -> Optional[np.ndarray]:
        """Cull back faces of closed, consistently wound meshes seen from outside; returns
        the eye in the mesh's frame when its normal-cone clusters may be skipped too.

        Their back faces can never show, and on llvmpipe skipping them halves triangle
        setup and rasterisation. Open scans (the usual case for coarse levels) and point
        clouds are drawn two-sided, as before; so is everything while the eye is inside
        the artifact's bounding sphere."""
        closed = getattr(mb, "closed", 0)
        sphere = self._artifact_sphere(art) if closed else None
        if not closed or mb.kind != "mesh" or sphere is None or \
                float(np.linalg.norm(self.camera.eye - sphere[0])) <= sphere[1]:
            GL.glDisable(GL.GL_CULL_FACE)
            return None
        linear = model[:3, :3]
        # a mirroring model matrix flips the winding seen on screen
        if float(np.linalg.det(linear)) < 0:
            closed = -closed
        GL.glEnable(GL.GL_CULL_FACE)
        GL.glCullFace(GL.GL_BACK if closed > 0 else GL.GL_FRONT)
        # the cone test holds in the mesh's frame only if the model keeps angles (rotation,
        # uniform scale, mirror): a sheared or stretched artifact draws all its clusters
        gram = linear.T @ linear
        if not np.allclose(gram, np.eye(3) * gram[0, 0], rtol=1e-4, atol=1e-9 * max(gram[0, 0], 1e-12)):
            return None
        return (np.linalg.inv(model) @ np.append(self.camera.eye, 1.0))[:3]
