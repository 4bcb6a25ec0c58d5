"""Rendering a frame of ``ViewportWidget`` (a mixin): GL resources, the window's paint,
reduced resolution while moving and the adaptive scale that steers it.

Moving frames are drawn into ``_lowres`` at ``motion_scale`` with the diffuse-only shader
and blitted up (bilinear): per-pixel work is what a software rasteriser pays for, and a
50% frame has a quarter of the pixels. The scale follows the measured pass time towards
MOTION_BUDGET_MS. Still frames go straight to the target at full resolution and quality.
"""
from __future__ import annotations

import time

from OpenGL import GL
from PySide6.QtCore import QSize
from PySide6.QtOpenGL import QOpenGLPaintDevice

from . import shaders
from .gl_window import blit
from .gpu import MeshBuffers, Program, box_geometry, cylinder_geometry, quad_geometry

# moving frames: target GL time (ms) for the reduced-resolution pass, and the range of the
# resolution scale that adapts to it (the blit, swap and Python work come on top)
MOTION_BUDGET_MS = 14.0
MOTION_SCALE_RANGE = (0.3, 1.0)
MOTION_SCALE_START = 0.5


class FrameMixin:
    """GL set-up and per-frame orchestration for ``ViewportWidget``."""

    # ------------------------------------------------------------------ GL
    def _initialize_gl(self) -> None:
        self._programs = {
            "background": Program(shaders.BACKGROUND_VS, shaders.BACKGROUND_FS),
            "grid": Program(shaders.GRID_VS, shaders.GRID_FS),
            "lines": Program(shaders.LINES_VS, shaders.LINES_FS),
        }
        self._shapes = {"box": MeshBuffers(box_geometry()), "cylinder": MeshBuffers(cylinder_geometry()),
                        "quad": MeshBuffers(quad_geometry())}
        self._empty_vao = GL.glGenVertexArrays(1)
        self._gl_ready = True
        ctx = self._window.context()
        if ctx is not None:
            ctx.aboutToBeDestroyed.connect(self._cleanup_gl)

    def _cleanup_gl(self) -> None:
        if not self._gl_ready:
            return
        import shiboken6
        if not shiboken6.isValid(self._window):
            # the window is being destroyed with its context: the objects go with the context
            self._gl_ready = False
            return
        self._window.makeCurrent()
        self._gpu.drop_asset(None)
        self._gpu.collect()
        for mb in self._shapes.values():
            mb.delete()
        for p in self._programs.values():
            p.delete()
        self._lowres.delete()
        self._grab_target.delete()
        GL.glDeleteVertexArrays(1, [self._empty_vao])
        self._gl_ready = False
        self._window.doneCurrent()

    def _paint_window(self) -> None:
        """One frame into the window surface (called from GLWindow.paintGL)."""
        dpr = self._window.devicePixelRatio()
        w, h = max(1, int(self.width() * dpr)), max(1, int(self.height() * dpr))
        ms = self._render_frame(self._window.defaultFramebufferObject(), w, h, dpr, moving=self._moving)
        self._last_frame_ms = ms
        self.frameRendered.emit(ms)

    def _render_frame(self, target_fbo: int, w: int, h: int, dpr: float, moving: bool) -> float:
        """Draw the scene into ``target_fbo`` (w×h device pixels); returns the CPU ms spent.

        Moving: into ``_lowres`` at ``motion_scale`` with the fast shader, then blitted up
        (bilinear) — per-pixel work is what a software rasteriser pays for, and a 50% frame
        has a quarter of the pixels. The scale follows the measured pass time.
        Still: straight into the target at full resolution and quality."""
        t0 = time.perf_counter()
        self._gpu.collect()
        doc = self.session.document
        exhibit = doc.exhibit if doc is not None else None
        center, radius = self.scene_sphere()
        floor_r = exhibit.environment.floor.radius if exhibit else 6.0
        self.camera.fit_clip_planes(center, max(radius, 0.5))
        if exhibit is not None and exhibit.environment.floor.visible:
            self.camera.far = max(self.camera.far, self.camera.distance + floor_r * 1.2)
        view = self.camera.view_matrix()
        proj = self.camera.projection_matrix(self.width() / max(self.height(), 1))
        scale = self.motion_scale if moving else 1.0
        if scale < 0.999:
            rw, rh = max(1, int(w * scale)), max(1, int(h * scale))
            self._lowres.ensure(rw, rh)
            GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, self._lowres.fbo)
        else:
            rw, rh = w, h
            GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, target_fbo)
        GL.glViewport(0, 0, rw, rh)
        self._draw_scene(exhibit, view, proj, rh, fast=moving)
        # pins: depth at their pixels decides which ones a surface covers (few pins, 3×3 each)
        self._update_pin_occlusion(rw / max(self.width(), 1), rh, rw)
        if scale < 0.999:
            if moving:
                GL.glFinish()  # the pass time steers the scale (the swap would wait for it anyway)
                self._adapt_motion_scale((time.perf_counter() - t0) * 1000.0)
            blit(self._lowres.fbo, (rw, rh), target_fbo, (w, h))
        GL.glViewport(0, 0, w, h)
        if exhibit is not None:
            device = QOpenGLPaintDevice(QSize(w, h))
            device.setDevicePixelRatio(dpr)
            self._draw_overlay(exhibit, device)
        return (time.perf_counter() - t0) * 1000.0

    def _adapt_motion_scale(self, pass_ms: float) -> None:
        """Steer ``motion_scale`` so the reduced pass takes about MOTION_BUDGET_MS: its cost
        is roughly proportional to the pixel count, i.e. to the scale squared."""
        lo, hi = MOTION_SCALE_RANGE
        if pass_ms <= 0:
            return
        want = self.motion_scale * (MOTION_BUDGET_MS / pass_ms) ** 0.5
        # damped, and at most ±15% a frame, so a single slow frame does not make it jump
        want = min(max(want, self.motion_scale * 0.85), self.motion_scale * 1.15)
        self.motion_scale = float(min(max(0.5 * self.motion_scale + 0.5 * want, lo), hi))
