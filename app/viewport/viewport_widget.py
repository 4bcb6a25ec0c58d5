"""The editor's 3D viewport: an OpenGL 3.3 core QOpenGLWidget over the exhibit document.

It follows the session (project, selection) and the document's signals, and never
polls. Geometry is uploaded once per (asset, level) into VBOs with a uint32 index
buffer; a frame is then a few GL calls per object. Levels of detail are chosen per
artifact by its size on screen, coarser while the camera moves (back up after
~200 ms still). Annotation pins are drawn with QPainter over the GL frame.
"""
from __future__ import annotations

import math
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any, Optional

import numpy as np
from OpenGL import GL
from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PySide6.QtOpenGLWidgets import QOpenGLWidget

from .camera import PRESETS, OrbitCamera
from .gpu import (GeometryData, MeshBuffers, Program, box_geometry, cylinder_geometry, prepare_geometry,
                  quad_geometry)
from .lod import SCENE_MOTION_BUDGET, choose_level, fit_scene_budget, level_counts, screen_radius_px
from .math3d import hex_to_rgb, normal_matrix, normalize, quat_from_axis_angle, quat_multiply, transform_matrix
from .picking import PickResult, make_surface_picker, pick_artifact, pick_plinth
from . import shaders

SELECTION_COLOR = (0.25, 0.62, 1.0)
PIN_RADIUS_PX = 11.0
CLICK_SLOP_PX = 4
STILL_MS = 200
SYNC_LOAD_LIMIT = 400_000   # primitives; finer levels load in a worker thread
ORBIT_RAD_PER_PX = 0.008
KEY_ORBIT_RAD = math.radians(5.0)


def _linear(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """sRGB → linear with gamma 2 (the shaders encode with sqrt, which is cheap on software GL)."""
    return tuple(c * c for c in rgb)  # type: ignore[return-value]


class _GpuCache:
    """Uploaded meshes by (asset_id, level); deletions wait until the context is current."""

    def __init__(self) -> None:
        self.meshes: dict[tuple[str, str], MeshBuffers] = {}
        self.prepared: dict[tuple[str, str], GeometryData] = {}
        self.doomed: list[MeshBuffers] = []

    def drop_asset(self, asset_id: Optional[str] = None) -> None:
        for key in [k for k in self.meshes if asset_id is None or k[0] == asset_id]:
            self.doomed.append(self.meshes.pop(key))
        for key in [k for k in self.prepared if asset_id is None or k[0] == asset_id]:
            del self.prepared[key]

    def collect(self) -> None:
        for mb in self.doomed:
            mb.delete()
        self.doomed.clear()


class ViewportWidget(QOpenGLWidget):
    """3D view of the open exhibit. See the module docstring; API names are stable."""

    objectClicked = Signal(str)
    pinPlaced = Signal(str, object, object)
    cameraChanged = Signal()
    frameRendered = Signal(float)
    _geometryReady = Signal(object, object)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.camera = OrbitCamera()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(200, 150)
        if _software_gl_likely():
            # Mesa llvmpipe: 4× MSAA multiplies the fill cost, which dominates a frame there
            from PySide6.QtGui import QSurfaceFormat
            fmt = QSurfaceFormat(self.format())
            fmt.setSamples(0)
            self.setFormat(fmt)
        self._gl_ready = False
        self._programs: dict[str, Program] = {}
        self._shapes: dict[str, MeshBuffers] = {}
        self._empty_vao = 0
        self._gpu = _GpuCache()
        self._local_bounds: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._models: dict[str, np.ndarray] = {}
        self._pickers: dict[tuple[str, str], Any] = {}
        self._drawn_level: dict[str, str] = {}
        self._loading: set[tuple[str, str]] = set()
        self._fallback_geometry: dict[tuple[str, str], Any] = {}
        self._executor: Optional[ThreadPoolExecutor] = None
        self._geometryReady.connect(self._on_geometry_ready)
        self._lights_cache: Optional[dict] = None
        self._scene_sphere: Optional[tuple[np.ndarray, float]] = None
        self._pin_mode = False
        self._visitor = False
        self._moving = False
        self._still = QTimer(self)
        self._still.setSingleShot(True)
        self._still.setInterval(STILL_MS)
        self._still.timeout.connect(self._on_still)
        self._anim_timer = QTimer(self)
        self._anim_timer.setInterval(16)
        self._anim_timer.timeout.connect(self._animate_step)
        self._anim: Optional[dict] = None
        self._press: Optional[dict] = None
        self._last_frame_ms = 0.0
        self._doc = None
        self._selected: set[str] = set()
        # the session's signals are plain callbacks: hold them weakly so a closed viewport
        # does not keep reacting (or crash on a deleted C++ object)
        ref = weakref.WeakMethod
        self._slots = {name: ref(getattr(self, name)) for name in (
            "_on_project_changed", "_on_selection_changed", "_on_added", "_on_removed", "_on_changed",
            "_on_order_changed", "_on_reset")}
        self._proxies = {name: self._make_proxy(name) for name in self._slots}
        session.project_changed.connect(self._proxies["_on_project_changed"])
        session.selection.changed.connect(self._proxies["_on_selection_changed"])
        self._selected = set(session.selection.ids)
        self._attach_document(session.document)
        self._frame_initial()

    # ------------------------------------------------------------------ signal wiring
    def _make_proxy(self, name: str):
        slots = self._slots

        def proxy(*args: Any) -> None:
            method = slots[name]()
            if method is None:
                return
            try:
                method(*args)
            except RuntimeError as exc:  # the C++ widget is gone
                if "already deleted" not in str(exc):
                    raise
        return proxy

    def _attach_document(self, doc) -> None:
        if self._doc is not None:
            for sig, name in self._doc_signals(self._doc):
                sig.disconnect(self._proxies[name])
        self._doc = doc
        if doc is not None:
            for sig, name in self._doc_signals(doc):
                sig.connect(self._proxies[name])

    @staticmethod
    def _doc_signals(doc):
        return [(doc.object_added, "_on_added"), (doc.object_removed, "_on_removed"),
                (doc.object_changed, "_on_changed"), (doc.order_changed, "_on_order_changed"),
                (doc.reset, "_on_reset")]

    def detach(self) -> None:
        """Stop following the session (called on close; safe to call twice)."""
        self._attach_document(None)
        self.session.project_changed.disconnect(self._proxies["_on_project_changed"])
        self.session.selection.changed.disconnect(self._proxies["_on_selection_changed"])
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def closeEvent(self, event) -> None:  # noqa: N802
        self.detach()
        super().closeEvent(event)

    # ------------------------------------------------------------------ document events
    def _on_project_changed(self, project) -> None:
        self._gpu.drop_asset(None)
        self._pickers.clear()
        self._fallback_geometry.clear()
        self._local_bounds.clear()
        self._models.clear()
        self._drawn_level.clear()
        self._lights_cache = None
        self._scene_sphere = None
        self._selected = set(self.session.selection.ids)
        self._attach_document(self.session.document)
        self._frame_initial()
        self.update()

    def _on_selection_changed(self, ids) -> None:
        self._selected = set(ids)
        self.update()

    def _on_added(self, kind: str, obj: Any, owner_id: str) -> None:
        self._invalidate(kind, getattr(obj, "id", ""))

    def _on_removed(self, kind: str, obj_id: str, owner_id: str) -> None:
        self._invalidate(kind, obj_id)
        if kind == "artifact":
            self._drawn_level.pop(obj_id, None)
            self._release_unused_assets()
        elif kind == "asset":
            self._forget_asset(obj_id)

    def _on_changed(self, kind: str, obj_id: str, path: tuple) -> None:
        if kind == "asset" and path and path[0] == "levels":
            self._forget_asset(obj_id)
        if kind == "artifact" and path and path[0] == "asset_id":
            self._release_unused_assets()
        self._invalidate(kind, obj_id)

    def _on_order_changed(self, kind: str, owner_id: str) -> None:
        self.update()

    def _on_reset(self) -> None:
        self._on_project_changed(self.session.project)

    def _invalidate(self, kind: str, obj_id: str) -> None:
        if kind == "artifact":
            self._models.pop(obj_id, None)
        if kind in ("artifact", "plinth", "asset"):
            self._scene_sphere = None
        if kind in ("light", "exhibit"):
            self._lights_cache = None
        self.update()

    def _forget_asset(self, asset_id: str) -> None:
        self._gpu.drop_asset(asset_id)
        self._local_bounds.pop(asset_id, None)
        for key in [k for k in self._pickers if k[0] == asset_id]:
            del self._pickers[key]
        for key in [k for k in self._fallback_geometry if k[0] == asset_id]:
            del self._fallback_geometry[key]

    def _release_unused_assets(self) -> None:
        doc = self.session.document
        used = {a.asset_id for a in doc.exhibit.artifacts} if doc else set()
        for asset_id in {k[0] for k in self._gpu.meshes} - used:
            self._gpu.drop_asset(asset_id)

    # ------------------------------------------------------------------ geometry access
    def _geometry(self, asset_id: str, level: str) -> Any:
        """Loaded trimesh geometry of one level (session cache; own loader if that is unavailable)."""
        try:
            return self.session.geometry(asset_id, level)
        except ImportError:
            key = (asset_id, level)
            if key not in self._fallback_geometry:
                path = self.session.level_path(asset_id, level)
                self._fallback_geometry[key] = _read_level_file(path) if path else None
            return self._fallback_geometry[key]

    def _levels(self, artifact) -> list[tuple[str, int]]:
        doc = self.session.document
        asset = doc.asset(artifact.asset_id) if doc else None
        if asset is None:
            return []
        return level_counts(asset, self.session.available_levels(asset.id))

    def local_bounds(self, asset_id: str) -> Optional[tuple[np.ndarray, np.ndarray]]:
        """(min, max) of an asset in its own frame, from its coarsest loaded level."""
        if asset_id in self._local_bounds:
            return self._local_bounds[asset_id]
        for key, mb in list(self._gpu.meshes.items()) + list(self._gpu.prepared.items()):
            if key[0] == asset_id:
                b = (np.array(mb.bounds_min), np.array(mb.bounds_max))
                self._local_bounds[asset_id] = b
                return b
        for level in self.session.available_levels(asset_id):
            geom = self._geometry(asset_id, level)
            if geom is not None and len(geom.vertices):
                b = (np.asarray(geom.vertices.min(axis=0), float), np.asarray(geom.vertices.max(axis=0), float))
                self._local_bounds[asset_id] = b
                return b
        return None

    def _model(self, artifact) -> np.ndarray:
        m = self._models.get(artifact.id)
        if m is None:
            m = self._models[artifact.id] = transform_matrix(artifact.transform)
        return m

    def _artifact_sphere(self, artifact) -> Optional[tuple[np.ndarray, float]]:
        b = self.local_bounds(artifact.asset_id)
        if b is None:
            return None
        m = self._model(artifact)
        c = (m @ np.append((b[0] + b[1]) / 2, 1.0))[:3]
        scale = float(np.max(np.linalg.norm(m[:3, :3], axis=0)))
        return c, float(np.linalg.norm(b[1] - b[0]) / 2 * scale)

    @staticmethod
    def _plinth_model(plinth) -> np.ndarray:
        m = transform_matrix(plinth.transform)
        return m @ np.diag([plinth.size[0], plinth.size[1], plinth.size[2], 1.0])

    def _plinth_sphere(self, plinth) -> tuple[np.ndarray, float]:
        m = transform_matrix(plinth.transform)
        c = (m @ np.array([0.0, plinth.size[1] / 2, 0.0, 1.0]))[:3]
        s = float(np.max(np.linalg.norm(m[:3, :3], axis=0)))
        return c, float(np.linalg.norm(plinth.size) / 2 * s)

    def scene_sphere(self) -> tuple[np.ndarray, float]:
        """Bounding sphere of artifacts and plinths (a default room-sized one when empty)."""
        if self._scene_sphere is None:
            spheres = []
            doc = self.session.document
            if doc is not None:
                spheres += [s for s in (self._artifact_sphere(a) for a in doc.exhibit.artifacts) if s]
                spheres += [self._plinth_sphere(p) for p in doc.exhibit.plinths]
            self._scene_sphere = _union_spheres(spheres) if spheres else (np.array([0.0, 0.8, 0.0]), 1.0)
        return self._scene_sphere

    # ------------------------------------------------------------------ public API
    def set_pin_mode(self, on: bool) -> None:
        self._pin_mode = bool(on)
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def pin_mode(self) -> bool:
        return self._pin_mode

    def set_visitor_preview(self, on: bool) -> None:
        self._visitor = bool(on)
        self.update()

    def visitor_preview(self) -> bool:
        return self._visitor

    def camera_state(self) -> dict:
        return self.camera.state()

    def set_camera(self, eye, target, up=(0.0, 1.0, 0.0), fov=None, animate: bool = False) -> None:
        if animate and self.isVisible():
            start = self.camera.state()
            self._anim = {"t0": time.perf_counter(), "dur": 0.6, "from": start,
                          "to": {"eye": tuple(eye), "target": tuple(target), "up": tuple(up),
                                 "fov": start["fov"] if fov is None else float(fov)}}
            self._anim_timer.start()
            return
        self._anim = None
        self._anim_timer.stop()
        self.camera.set(eye, target, up, fov)
        self._camera_changed(moving=False)

    def fly_to_viewpoint(self, viewpoint_id: str) -> bool:
        doc = self.session.document
        vp = doc.find(viewpoint_id) if doc else None
        if vp is None or not hasattr(vp, "eye"):
            return False
        self.set_camera(vp.eye, vp.target, vp.up, vp.fov, animate=True)
        return True

    def set_view_preset(self, name: str) -> None:
        center, radius = self._selection_sphere() or self.scene_sphere()
        self.camera.preset(name, center, radius)
        self._camera_changed(moving=False)

    def frame_selection(self) -> None:
        sphere = self._selection_sphere() or self.scene_sphere()
        self.camera.frame(sphere[0], sphere[1])
        self._camera_changed(moving=False)

    def project_to_screen(self, world_xyz) -> Optional[QPointF]:
        p = self.camera.project(world_xyz, self.width(), self.height())
        return None if p is None else QPointF(p[0], p[1])

    def world_ray(self, x: float, y: float) -> tuple[np.ndarray, np.ndarray]:
        return self.camera.ray(x, y, self.width(), self.height())

    def pick(self, x: float, y: float, *, kinds=("annotation", "artifact", "plinth"),
             fine: bool = False) -> Optional[PickResult]:
        """What is under widget pixel (x, y): pins first, then the nearest surface."""
        doc = self.session.document
        if doc is None:
            return None
        if "annotation" in kinds:
            best = None
            for ann, pos in self._pin_screen_positions():
                d = math.hypot(pos[0] - x, pos[1] - y)
                if d <= PIN_RADIUS_PX + 2 and (best is None or pos[2] < best[1]):
                    best = (ann, pos[2])
            if best is not None:
                ann = best[0]
                art = doc.find(ann.artifact_id)
                w = (self._model(art) @ np.append(ann.point, 1.0))[:3] if art else np.zeros(3)
                return PickResult("annotation", ann.id, float(best[1]), tuple(w),
                                  point_local=tuple(ann.point), normal_local=tuple(ann.normal))
        origin, direction = self.world_ray(x, y)
        hits: list[PickResult] = []
        if "artifact" in kinds:
            for art in doc.exhibit.artifacts:
                if not art.visible:
                    continue
                hit = self._pick_artifact(art, origin, direction, fine=fine)
                if hit is not None:
                    hits.append(hit)
        if "plinth" in kinds:
            for pl in doc.exhibit.plinths:
                hit = pick_plinth(pl, origin, direction, transform_matrix(pl.transform))
                if hit is not None:
                    hits.append(hit)
        return min(hits, key=lambda h: h.distance) if hits else None

    def grab_image(self) -> QImage:
        return self.grabFramebuffer()

    def last_frame_ms(self) -> float:
        return self._last_frame_ms

    def drawn_level(self, artifact_id: str) -> Optional[str]:
        """The level drawn for an artifact in the last frame (for tests and the status bar)."""
        return self._drawn_level.get(artifact_id)

    def choose_level_for(self, artifact, moving: Optional[bool] = None) -> Optional[str]:
        """The level the LOD policy wants for an artifact at the current camera."""
        levels = self._levels(artifact)
        if not levels:
            return None
        sphere = self._artifact_sphere(artifact)
        radius_px = float("inf")
        if sphere is not None:
            depth = float(np.dot(sphere[0] - self.camera.eye, self.camera.forward))
            dist = float(np.linalg.norm(sphere[0] - self.camera.eye))
            radius_px = screen_radius_px(max(depth, dist * 0.5), sphere[1], self.camera.fov, self.height())
        return choose_level(levels, radius_px, self._moving if moving is None else moving,
                            artifact.display.lod)

    def wait_for_loads(self, timeout_s: float = 10.0) -> None:
        """Block (processing events) until background level loads finish (tests, benchmarks)."""
        from PySide6.QtWidgets import QApplication
        end = time.perf_counter() + timeout_s
        while self._loading and time.perf_counter() < end:
            QApplication.processEvents()
            time.sleep(0.005)

    # ------------------------------------------------------------------ camera plumbing
    def _camera_changed(self, moving: bool = True) -> None:
        if moving:
            self._moving = True
            self._still.start()
        self.cameraChanged.emit()
        self.update()

    def _on_still(self) -> None:
        self._moving = False
        self.update()

    def _animate_step(self) -> None:
        a = self._anim
        if a is None:
            self._anim_timer.stop()
            return
        t = min((time.perf_counter() - a["t0"]) / a["dur"], 1.0)
        s = t * t * (3 - 2 * t)
        lerp = lambda k: tuple(np.asarray(a["from"][k]) * (1 - s) + np.asarray(a["to"][k]) * s)  # noqa: E731
        self.camera.set(lerp("eye"), lerp("target"), lerp("up"), a["from"]["fov"] * (1 - s) + a["to"]["fov"] * s)
        if t >= 1.0:
            self._anim = None
            self._anim_timer.stop()
        self._camera_changed(moving=True)

    def _stop_animation(self) -> None:
        if self._anim is not None:
            self._anim = None
            self._anim_timer.stop()

    def _frame_initial(self) -> None:
        doc = self.session.document
        if doc is not None and doc.exhibit.start_viewpoint_id:
            vp = doc.find(doc.exhibit.start_viewpoint_id)
            if vp is not None:
                self.camera.set(vp.eye, vp.target, vp.up, vp.fov)
                return
        center, radius = self.scene_sphere()
        self.camera.preset("perspective", center, radius)

    def _selection_sphere(self) -> Optional[tuple[np.ndarray, float]]:
        doc = self.session.document
        if doc is None or not self._selected:
            return None
        spheres = []
        for obj_id in self._selected:
            obj = doc.find(obj_id)
            kind = doc.kind(obj) if obj is not None else ""
            if kind == "artifact":
                s = self._artifact_sphere(obj)
                if s:
                    spheres.append(s)
            elif kind == "plinth":
                spheres.append(self._plinth_sphere(obj))
            elif kind == "annotation":
                art = doc.find(obj.artifact_id)
                if art is not None:
                    s = self._artifact_sphere(art)
                    p = (self._model(art) @ np.append(obj.point, 1.0))[:3]
                    spheres.append((p, (s[1] * 0.35) if s else 0.1))
        return _union_spheres(spheres) if spheres else None

    # ------------------------------------------------------------------ GL
    def initializeGL(self) -> None:  # noqa: N802
        self._programs = {
            "background": Program(shaders.BACKGROUND_VS, shaders.BACKGROUND_FS),
            "grid": Program(shaders.GRID_VS, shaders.GRID_FS),
        }
        self._shapes = {"box": MeshBuffers(box_geometry()), "cylinder": MeshBuffers(cylinder_geometry()),
                        "quad": MeshBuffers(quad_geometry())}
        self._empty_vao = GL.glGenVertexArrays(1)
        self._gl_ready = True
        ctx = self.context()
        if ctx is not None:
            ctx.aboutToBeDestroyed.connect(self._cleanup_gl)

    def _cleanup_gl(self) -> None:
        if not self._gl_ready:
            return
        self.makeCurrent()
        self._gpu.drop_asset(None)
        self._gpu.collect()
        for mb in self._shapes.values():
            mb.delete()
        for p in self._programs.values():
            p.delete()
        GL.glDeleteVertexArrays(1, [self._empty_vao])
        self._gl_ready = False
        self.doneCurrent()

    def resizeGL(self, w: int, h: int) -> None:  # noqa: N802
        self.update()

    def paintGL(self) -> None:  # noqa: N802
        t0 = time.perf_counter()
        self._gpu.collect()
        dpr = self.devicePixelRatioF()
        w, h = max(1, int(self.width() * dpr)), max(1, int(self.height() * dpr))
        GL.glViewport(0, 0, w, h)
        doc = self.session.document
        exhibit = doc.exhibit if doc is not None else None
        center, radius = self.scene_sphere()
        floor_r = exhibit.environment.floor.radius if exhibit else 6.0
        self.camera.fit_clip_planes(center, max(radius, 0.5))
        if exhibit is not None and exhibit.environment.floor.visible:
            self.camera.far = max(self.camera.far, self.camera.distance + floor_r * 1.2)
        view = self.camera.view_matrix()
        proj = self.camera.projection_matrix(self.width() / max(self.height(), 1))

        GL.glDepthMask(GL.GL_TRUE)
        GL.glClearColor(0.1, 0.1, 0.11, 1.0)
        GL.glClear(GL.GL_COLOR_BUFFER_BIT | GL.GL_DEPTH_BUFFER_BIT | GL.GL_STENCIL_BUFFER_BIT)
        GL.glDisable(GL.GL_CULL_FACE)
        self._draw_background(exhibit)
        GL.glEnable(GL.GL_DEPTH_TEST)
        GL.glDepthFunc(GL.GL_LESS)
        if exhibit is not None:
            self._draw_floor(exhibit, view, proj)
            self._draw_objects(exhibit, view, proj, h)
        GL.glBindVertexArray(0)
        GL.glUseProgram(0)
        GL.glDisable(GL.GL_DEPTH_TEST)
        GL.glDisable(GL.GL_BLEND)
        if exhibit is not None:
            self._draw_overlay(exhibit)
        ms = (time.perf_counter() - t0) * 1000.0
        self._last_frame_ms = ms
        self.frameRendered.emit(ms)

    def _draw_background(self, exhibit) -> None:
        colors = exhibit.environment.background.colors if exhibit else ["#2b2f36", "#101215"]
        top = hex_to_rgb(colors[0] if colors else "#2b2f36")
        bottom = hex_to_rgb(colors[-1] if colors else "#101215")
        p = self._programs["background"]
        p.use()
        p.set_f("u_top", *top)
        p.set_f("u_bottom", *bottom)
        GL.glDisable(GL.GL_DEPTH_TEST)
        GL.glDepthMask(GL.GL_FALSE)
        GL.glBindVertexArray(self._empty_vao)
        GL.glDrawArrays(GL.GL_TRIANGLES, 0, 3)
        GL.glDepthMask(GL.GL_TRUE)

    def _draw_floor(self, exhibit, view, proj) -> None:
        floor = exhibit.environment.floor
        if not floor.visible:
            return
        p = self._programs["grid"]
        p.use()
        p.set_mat4("u_view", view)
        p.set_mat4("u_proj", proj)
        p.set_f("u_radius", float(floor.radius))
        col = hex_to_rgb(floor.color)
        p.set_f("u_color", *col)
        p.set_f("u_line_color", *(min(1.0, c * 1.45 + 0.06) for c in col))
        p.set_i("u_lines", 0 if self._visitor else 1)
        p.set_f("u_eye", *self.camera.eye)
        GL.glEnable(GL.GL_BLEND)
        GL.glBlendFunc(GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)
        GL.glEnable(GL.GL_POLYGON_OFFSET_FILL)
        GL.glPolygonOffset(1.0, 1.0)
        self._shapes["quad"].draw()
        GL.glDisable(GL.GL_POLYGON_OFFSET_FILL)
        GL.glDisable(GL.GL_BLEND)

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

    def _mesh_program(self, nlights: int, points: bool) -> Program:
        key = f"mesh{nlights}{'p' if points else 't'}"
        prog = self._programs.get(key)
        if prog is None:
            prog = self._programs[key] = Program(shaders.MESH_VS, shaders.mesh_fragment_source(nlights, points))
        return prog

    def _begin_mesh_program(self, exhibit, rows, points: bool, view, proj, viewport_h: int) -> Program:
        p = self._mesh_program(len(rows), points)
        p.use()
        p.set_mat4("u_view", view)
        p.set_mat4("u_proj", proj)
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

    def _draw_objects(self, exhibit, view, proj, viewport_h: int) -> None:
        rows = self._light_rows(exhibit)
        p = self._begin_mesh_program(exhibit, rows, False, view, proj, viewport_h)
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
        draw_list.sort(key=lambda am: am[1].kind == "points")
        current_points = False
        for art, mb in draw_list:
            if (mb.kind == "points") != current_points:
                current_points = mb.kind == "points"
                p = self._begin_mesh_program(exhibit, rows, current_points, view, proj, viewport_h)
            model = self._model(art)
            p.set_mat4("u_model", model)
            p.set_mat3("u_normal_mat", normal_matrix(model))
            disp = art.display
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
            mb.draw()
        GL.glBindTexture(GL.GL_TEXTURE_2D, 0)

    def _artifact_draw_list(self, exhibit) -> list[tuple[Any, MeshBuffers]]:
        """Choose a level per visible artifact and return what to draw (uploading as needed)."""
        wanted: dict[str, tuple[Any, int, list[tuple[str, int]]]] = {}
        for art in exhibit.artifacts:
            if not art.visible:
                continue
            levels = self._levels(art)
            if not levels:
                continue
            name = self.choose_level_for(art)
            idx = [n for n, _ in levels].index(name) if name in [n for n, _ in levels] else 0
            wanted[art.id] = (art, idx, levels)
        if self._moving and len(wanted) > 1:
            fitted = fit_scene_budget({k: (v[1], v[2]) for k, v in wanted.items()}, SCENE_MOTION_BUDGET)
            wanted = {k: (v[0], fitted[k], v[2]) for k, v in wanted.items()}
        out = []
        for art, idx, levels in wanted.values():
            mb = self._buffers_for(art.asset_id, levels, idx)
            if mb is not None:
                self._drawn_level[art.id] = next(n for n, _ in levels if (art.asset_id, n) in self._gpu.meshes
                                                 and self._gpu.meshes[(art.asset_id, n)] is mb)
                out.append((art, mb))
        return out

    def _buffers_for(self, asset_id: str, levels: list[tuple[str, int]], idx: int) -> Optional[MeshBuffers]:
        """The uploaded buffers for levels[idx], loading it (now or in the background);
        meanwhile the nearest uploaded level of the same asset."""
        name, count = levels[idx]
        key = (asset_id, name)
        mb = self._gpu.meshes.get(key)
        if mb is not None:
            return mb
        data = self._gpu.prepared.pop(key, None)
        have_any = any(k[0] == asset_id for k in self._gpu.meshes)
        if data is None and key not in self._loading:
            if count <= SYNC_LOAD_LIMIT or not have_any:
                if not have_any and count > SYNC_LOAD_LIMIT:
                    # show the coarsest level now, fetch the wanted one in the background
                    coarse = self._load_now((asset_id, levels[0][0]))
                    self._load_async(key)
                    return coarse
                data = self._prepare(key)
            else:
                self._load_async(key)
        if data is not None:
            mb = self._gpu.meshes[key] = MeshBuffers(data)
            self._local_bounds.setdefault(asset_id, (np.array(data.bounds_min), np.array(data.bounds_max)))
            return mb
        # nearest uploaded level, preferring coarser ones
        order = sorted(range(len(levels)), key=lambda i: (abs(i - idx), i > idx))
        for i in order:
            mb = self._gpu.meshes.get((asset_id, levels[i][0]))
            if mb is not None:
                return mb
        return None

    def _load_now(self, key: tuple[str, str]) -> Optional[MeshBuffers]:
        mb = self._gpu.meshes.get(key)
        if mb is None:
            data = self._gpu.prepared.pop(key, None) or self._prepare(key)
            if data is None:
                return None
            mb = self._gpu.meshes[key] = MeshBuffers(data)
        return mb

    def _prepare(self, key: tuple[str, str]) -> Optional[GeometryData]:
        geom = self._geometry(*key)
        if geom is None or not len(getattr(geom, "vertices", ())):
            return None
        return prepare_geometry(geom)

    def _load_async(self, key: tuple[str, str]) -> None:
        if key in self._loading:
            return
        self._loading.add(key)
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="viewport-load")
        signal = self._geometryReady

        def job() -> None:
            try:
                data = self._prepare(key)
            except Exception:  # a level that cannot be read is drawn from another one
                data = None
            try:
                signal.emit(key, data)
            except RuntimeError:
                pass
        self._executor.submit(job)

    def _on_geometry_ready(self, key, data) -> None:
        self._loading.discard(key)
        if data is not None:
            doc = self.session.document
            if doc is not None and doc.asset(key[0]) is not None:
                self._gpu.prepared[key] = data
        self.update()

    # ------------------------------------------------------------------ overlay (QPainter)
    def _pin_screen_positions(self) -> list[tuple[Any, tuple[float, float, float]]]:
        doc = self.session.document
        if doc is None:
            return []
        out = []
        arts = {a.id: a for a in doc.exhibit.artifacts}
        for ann in doc.exhibit.annotations:
            art = arts.get(ann.artifact_id)
            if art is None or not art.visible:
                continue
            w = (self._model(art) @ np.append(np.asarray(ann.point, float), 1.0))[:3]
            p = self.camera.project(w, self.width(), self.height())
            if p is not None:
                out.append((ann, p))
        return out

    def _draw_overlay(self, exhibit) -> None:
        pins = self._pin_screen_positions()
        gizmo = None if self._visitor else self._gizmo_geometry()
        if not pins and gizmo is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if gizmo is not None:
            self._paint_gizmo(painter, gizmo)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(11)
        painter.setFont(font)
        doc = self.session.document
        arts = {a.id: a for a in exhibit.artifacts}
        for ann, (x, y, depth) in sorted(pins, key=lambda t: -t[1][2]):
            art = arts[ann.artifact_id]
            n_world = normal_matrix(self._model(art)) @ np.asarray(ann.normal, float)
            facing = float(np.dot(normalize(n_world), normalize(self.camera.eye - (
                self._model(art) @ np.append(ann.point, 1.0))[:3]))) > -0.05
            color = QColor(ann.marker.color or "#f2b134")
            selected = ann.id in self._selected and not self._visitor
            if not facing:
                color.setAlpha(110)
            r = PIN_RADIUS_PX
            painter.setPen(QPen(QColor(255, 255, 255, 230 if facing else 120), 2.0))
            painter.setBrush(color)
            painter.drawEllipse(QPointF(x, y), r, r)
            if selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor.fromRgbF(*SELECTION_COLOR), 2.5))
                painter.drawEllipse(QPointF(x, y), r + 4, r + 4)
            painter.setPen(QColor(20, 20, 20) if facing else QColor(20, 20, 20, 140))
            painter.drawText(QRectF(x - r, y - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter,
                             str(ann.marker.number))
        if self._pin_mode and not self._visitor:
            painter.setPen(QColor(255, 255, 255, 200))
            painter.drawText(QRectF(8, 6, 400, 18), Qt.AlignmentFlag.AlignLeft,
                             "Pin mode: click a surface to place an annotation")
        painter.end()
        del doc

    # ------------------------------------------------------------------ gizmo (move arrows, rotate ring)
    def _gizmo_target(self):
        doc = self.session.document
        if doc is None or len(self._selected) != 1:
            return None
        obj = doc.find(next(iter(self._selected)))
        return obj if obj is not None and doc.kind(obj) == "artifact" else None

    def _gizmo_geometry(self) -> Optional[dict]:
        """Screen-space handles for the selected artifact: X/Z arrows and a ring about Y."""
        art = self._gizmo_target()
        if art is None:
            return None
        sphere = self._artifact_sphere(art)
        if sphere is None:
            return None
        base = np.asarray(art.transform.translation, float)
        c = np.array([sphere[0][0], base[1], sphere[0][2]])
        size = sphere[1] * 1.2
        W, H = self.width(), self.height()
        pc = self.camera.project(c, W, H)
        if pc is None:
            return None
        axes = {}
        for name, vec in (("x", (1.0, 0.0, 0.0)), ("z", (0.0, 0.0, 1.0)), ("y", (0.0, 1.0, 0.0))):
            pe = self.camera.project(c + np.asarray(vec) * size, W, H)
            if pe is not None:
                axes[name] = (pe[0], pe[1])
        ring = []
        for a in np.linspace(0, 2 * np.pi, 65):
            q = self.camera.project(c + np.array([math.cos(a), 0.0, math.sin(a)]) * size * 0.8, W, H)
            if q is None:
                return {"center3": c, "size": size, "center": (pc[0], pc[1]), "axes": axes, "ring": []}
            ring.append((q[0], q[1]))
        return {"center3": c, "size": size, "center": (pc[0], pc[1]), "axes": axes, "ring": ring}

    def _paint_gizmo(self, painter: QPainter, g: dict) -> None:
        cx, cy = g["center"]
        if g["ring"]:
            path = QPainterPath(QPointF(*g["ring"][0]))
            for q in g["ring"][1:]:
                path.lineTo(QPointF(*q))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(240, 200, 60, 210), 2.5))
            painter.drawPath(path)
        colors = {"x": QColor(230, 70, 70), "y": QColor(90, 200, 90), "z": QColor(70, 120, 240)}
        for name, (ex, ey) in g["axes"].items():
            painter.setPen(QPen(colors[name], 3.0))
            painter.drawLine(QPointF(cx, cy), QPointF(ex, ey))
            painter.setBrush(colors[name])
            painter.drawEllipse(QPointF(ex, ey), 5.0, 5.0)

    def _hit_gizmo(self, x: float, y: float) -> Optional[str]:
        g = self._gizmo_geometry()
        if g is None:
            return None
        cx, cy = g["center"]
        for name, (ex, ey) in g["axes"].items():
            if _dist_to_segment((x, y), (cx, cy), (ex, ey)) < 6 and math.hypot(x - cx, y - cy) > 8:
                return name
        for a, b in zip(g["ring"], g["ring"][1:]):
            if _dist_to_segment((x, y), a, b) < 6:
                return "ring"
        return None

    # ------------------------------------------------------------------ input
    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._stop_animation()
        pos = event.position()
        press = {"pos": pos, "last": pos, "button": event.button(), "mods": event.modifiers(),
                 "dragging": False, "mode": None}
        if event.button() == Qt.MouseButton.LeftButton and not self._visitor and not self._pin_mode \
                and not (event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            handle = self._hit_gizmo(pos.x(), pos.y())
            if handle is not None:
                press["mode"] = "gizmo-" + handle
            else:
                hit = self.pick(pos.x(), pos.y())
                if hit is not None and hit.object_id in self._selected and hit.kind in ("artifact", "annotation"):
                    press["mode"] = "move-" + hit.kind
                    press["hit"] = hit
        self._press = press
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pr = self._press
        if pr is None:
            return
        pos = event.position()
        if not pr["dragging"]:
            if (pos - pr["pos"]).manhattanLength() < CLICK_SLOP_PX:
                return
            pr["dragging"] = True
            if pr["mode"] and self.session.document is not None:
                self.session.document.history.seal()
                self._begin_object_drag(pr)
        dx, dy = pos.x() - pr["last"].x(), pos.y() - pr["last"].y()
        pr["last"] = pos
        mode = pr["mode"]
        if mode == "move-artifact":
            self._drag_artifact(pr, pos.x(), pos.y())
        elif mode == "move-annotation":
            self._drag_pin(pr, pos.x(), pos.y())
        elif mode and mode.startswith("gizmo-"):
            self._drag_gizmo(pr, pos.x(), pos.y())
        elif pr["button"] == Qt.MouseButton.MiddleButton or (
                pr["button"] == Qt.MouseButton.LeftButton and pr["mods"] & Qt.KeyboardModifier.ShiftModifier):
            self.camera.pan_pixels(dx, dy, self.height())
            self._camera_changed()
        elif pr["button"] == Qt.MouseButton.LeftButton:
            self.camera.orbit(-dx * ORBIT_RAD_PER_PX, dy * ORBIT_RAD_PER_PX)
            self._camera_changed()
        elif pr["button"] == Qt.MouseButton.RightButton:
            self.camera.zoom(math.exp(dy * 0.01))
            self._camera_changed()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        pr, self._press = self._press, None
        if pr is None:
            return
        if pr["dragging"]:
            if pr["mode"] and self.session.document is not None:
                self.session.document.history.seal()
            return
        if pr["button"] != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        self._click(pos.x(), pos.y())

    def _click(self, x: float, y: float) -> None:
        if self._pin_mode and not self._visitor:
            hit = self.pick(x, y, kinds=("artifact",), fine=True)
            if hit is not None and hit.point_local is not None:
                self.pinPlaced.emit(hit.object_id, tuple(hit.point_local), tuple(hit.normal_local))
            return
        hit = self.pick(x, y)
        self.objectClicked.emit(hit.object_id if hit is not None else "")

    def wheelEvent(self, event) -> None:  # noqa: N802
        self._stop_animation()
        steps = event.angleDelta().y() / 120.0
        if not steps and not event.pixelDelta().isNull():
            steps = event.pixelDelta().y() / 60.0
        if steps:
            self.camera.zoom(0.88 ** steps)
            self._camera_changed()
        event.accept()

    def event(self, ev) -> bool:
        from PySide6.QtCore import QEvent
        if ev.type() == QEvent.Type.NativeGesture:
            gtype = ev.gestureType()
            if gtype == Qt.NativeGestureType.ZoomNativeGesture:
                self.camera.zoom(max(0.2, 1.0 - float(ev.value())))
                self._camera_changed()
                return True
            if gtype == Qt.NativeGestureType.RotateNativeGesture:
                self.camera.orbit(math.radians(float(ev.value())), 0.0)
                self._camera_changed()
                return True
        return super().event(ev)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        K = Qt.Key
        if key == K.Key_Left:
            self.camera.orbit(KEY_ORBIT_RAD, 0.0)
        elif key == K.Key_Right:
            self.camera.orbit(-KEY_ORBIT_RAD, 0.0)
        elif key == K.Key_Up:
            self.camera.orbit(0.0, KEY_ORBIT_RAD)
        elif key == K.Key_Down:
            self.camera.orbit(0.0, -KEY_ORBIT_RAD)
        elif key in (K.Key_Plus, K.Key_Equal):
            self.camera.zoom(0.85)
        elif key in (K.Key_Minus, K.Key_Underscore):
            self.camera.zoom(1 / 0.85)
        elif key == K.Key_F:
            self.frame_selection()
            return
        elif key == K.Key_1:
            self.set_view_preset("front")
            return
        elif key == K.Key_3:
            self.set_view_preset("side")
            return
        elif key == K.Key_7:
            self.set_view_preset("top")
            return
        elif key == K.Key_5:
            self.set_view_preset("perspective")
            return
        elif key == K.Key_Escape and self._pin_mode:
            self.set_pin_mode(False)
            return
        else:
            super().keyPressEvent(event)
            return
        self._camera_changed()

    # ------------------------------------------------------------------ object dragging
    def _begin_object_drag(self, pr: dict) -> None:
        doc = self.session.document
        mode = pr["mode"]
        if mode in ("move-artifact",) or mode.startswith("gizmo-"):
            art = pr["hit"].object_id if mode == "move-artifact" else self._gizmo_target().id
            a = doc.get(art)
            pr["artifact_id"] = a.id
            pr["t0"] = a.transform
            if mode == "move-artifact":
                pr["plane_y"] = pr["hit"].point[1]
                pr["grab"] = np.asarray(pr["hit"].point, float)
            else:
                g = self._gizmo_geometry()
                pr["gizmo"] = g

    def _ray_plane_y(self, x: float, y: float, plane_y: float) -> Optional[np.ndarray]:
        o, d = self.world_ray(x, y)
        if abs(d[1]) < 1e-6:
            return None
        t = (plane_y - o[1]) / d[1]
        if t <= 0:
            return None
        return o + d * t

    def support_height(self, x: float, z: float, exclude: Optional[str] = None) -> float:
        """Height of what an object at (x, z) would stand on: a plinth's top or the floor."""
        doc = self.session.document
        top = 0.0
        for pl in doc.exhibit.plinths if doc else []:
            m = transform_matrix(pl.transform)
            lp = np.linalg.inv(m) @ np.array([x, 0.0, z, 1.0])
            w, h, dp = pl.size
            if pl.shape == "cylinder":
                inside = (lp[0] / (w / 2)) ** 2 + (lp[2] / (dp / 2)) ** 2 <= 1.0
            else:
                inside = abs(lp[0]) <= w / 2 and abs(lp[2]) <= dp / 2
            if inside:
                top = max(top, float((m @ np.array([0.0, h, 0.0, 1.0]))[1]))
        return top

    def _base_offset(self, art, transform) -> tuple[float, np.ndarray]:
        """(lowest y of the artifact relative to its translation, its footprint centre offset)."""
        b = self.local_bounds(art.asset_id)
        if b is None:
            return 0.0, np.zeros(3)
        rs = transform_matrix(replace(transform, translation=(0.0, 0.0, 0.0)))[:3, :3]
        corners = np.array([[x, y, z] for x in (b[0][0], b[1][0]) for y in (b[0][1], b[1][1])
                            for z in (b[0][2], b[1][2])]) @ rs.T
        return float(corners[:, 1].min()), corners.mean(axis=0)

    def _drag_artifact(self, pr: dict, x: float, y: float) -> None:
        from scenes.artifact_commands import MoveArtifact
        p = self._ray_plane_y(x, y, pr["plane_y"])
        if p is None:
            return
        t0 = pr["t0"]
        doc = self.session.document
        art = doc.find(pr["artifact_id"])
        if art is None:
            return
        delta = p - pr["grab"]
        nx, nz = t0.translation[0] + delta[0], t0.translation[2] + delta[2]
        low, centre = self._base_offset(art, t0)
        ny = self.support_height(nx + centre[0], nz + centre[2]) - low
        doc.history.push(MoveArtifact(doc, art.id, replace(t0, translation=(float(nx), float(ny), float(nz)))))

    def _drag_gizmo(self, pr: dict, x: float, y: float) -> None:
        from scenes.artifact_commands import MoveArtifact
        g = pr.get("gizmo")
        doc = self.session.document
        art = doc.find(pr.get("artifact_id", "")) if doc else None
        if g is None or art is None:
            return
        t0 = pr["t0"]
        handle = pr["mode"][len("gizmo-"):]
        cx, cy = g["center"]
        if handle == "ring":
            a0 = math.atan2(pr["pos"].y() - cy, pr["pos"].x() - cx)
            a1 = math.atan2(y - cy, x - cx)
            sign = 1.0 if self.camera.eye[1] > g["center3"][1] else -1.0
            angle = -(a1 - a0) * sign
            rot = quat_multiply(quat_from_axis_angle((0, 1, 0), angle), t0.rotation)
            new = replace(t0, rotation=tuple(float(c) for c in rot))
        else:
            ex, ey = g["axes"][handle]
            ax = np.array([ex - cx, ey - cy])
            length_px = float(np.linalg.norm(ax))
            if length_px < 1e-3:
                return
            moved_px = float(np.dot([x - pr["pos"].x(), y - pr["pos"].y()], ax / length_px))
            metres = moved_px / length_px * g["size"]
            vec = {"x": (1, 0, 0), "y": (0, 1, 0), "z": (0, 0, 1)}[handle]
            tr = np.asarray(t0.translation, float) + np.asarray(vec, float) * metres
            if handle != "y":
                low, centre = self._base_offset(art, t0)
                tr[1] = self.support_height(tr[0] + centre[0], tr[2] + centre[2]) - low
            new = replace(t0, translation=tuple(float(c) for c in tr))
        doc.history.push(MoveArtifact(doc, art.id, new))

    def _drag_pin(self, pr: dict, x: float, y: float) -> None:
        from scenes.annotation_commands import MoveAnnotationPin
        doc = self.session.document
        ann = doc.find(pr["hit"].object_id)
        art = doc.find(ann.artifact_id) if ann is not None else None
        if art is None:
            return
        origin, direction = self.world_ray(x, y)
        hit = self._pick_artifact(art, origin, direction, fine=True)
        if hit is None:
            return
        doc.history.push(MoveAnnotationPin(doc, ann.id, hit.point_local, hit.normal_local))

    # ------------------------------------------------------------------ picking helpers
    def _picker(self, asset_id: str, level: str):
        key = (asset_id, level)
        if key not in self._pickers:
            geom = self._geometry(asset_id, level)
            self._pickers[key] = make_surface_picker(geom) if geom is not None and hasattr(geom, "faces") \
                and len(getattr(geom, "faces", ())) else None
        return self._pickers[key]

    def _pick_artifact(self, art, origin, direction, fine: bool = False) -> Optional[PickResult]:
        sphere = self._artifact_sphere(art)
        if sphere is not None:
            from .picking import ray_sphere
            if not ray_sphere(origin, direction, sphere[0], sphere[1] * 1.01):
                return None
        levels = self.session.available_levels(art.asset_id)
        if not levels:
            return None
        level = levels[-1] if fine else (self._drawn_level.get(art.id) or levels[-1])
        picker = self._picker(art.asset_id, level)
        if picker is None:
            return self._pick_points(art, level, origin, direction)
        return pick_artifact(art.id, picker, self._model(art), origin, direction)

    def _pick_points(self, art, level, origin, direction) -> Optional[PickResult]:
        """A point cloud is hit at its point nearest the ray (within a few point sizes)."""
        geom = self._geometry(art.asset_id, level)
        if geom is None or not len(geom.vertices):
            return None
        m = self._model(art)
        inv = np.linalg.inv(m)
        o = (inv @ np.append(origin, 1.0))[:3]
        d = normalize(inv[:3, :3] @ direction)
        v = np.asarray(geom.vertices, float)
        rel = v - o
        t = rel @ d
        perp = np.linalg.norm(rel - t[:, None] * d[None, :], axis=1)
        tol = max(art.display.point_size * 3, float(np.linalg.norm(v.max(0) - v.min(0))) * 0.01)
        ok = (perp < tol) & (t > 0)
        if not ok.any():
            return None
        i = int(np.argmin(np.where(ok, t, np.inf)))
        pw = (m @ np.append(v[i], 1.0))[:3]
        n_local = tuple(float(c) for c in -d)
        return PickResult("artifact", art.id, float(np.linalg.norm(pw - origin)), tuple(pw),
                          tuple(normalize(-direction)), tuple(float(c) for c in v[i]), n_local)


# ---------------------------------------------------------------------- helpers
def _software_gl_likely() -> bool:
    """True where OpenGL will be Mesa's software rasteriser (no GPU device, or forced)."""
    import os
    import sys
    if os.environ.get("VITRINE_VIEWPORT_MSAA") == "1":
        return False
    if os.environ.get("LIBGL_ALWAYS_SOFTWARE") or os.environ.get("VITRINE_VIEWPORT_MSAA") == "0":
        return True
    return sys.platform.startswith("linux") and not os.path.exists("/dev/dri")


def _union_spheres(spheres: list[tuple[np.ndarray, float]]) -> tuple[np.ndarray, float]:
    lo = np.min([c - r for c, r in spheres], axis=0)
    hi = np.max([c + r for c, r in spheres], axis=0)
    center = (lo + hi) / 2
    radius = max(float(np.linalg.norm(c - center)) + r for c, r in spheres)
    return center, radius


def _dist_to_segment(p, a, b) -> float:
    p, a, b = (np.asarray(v, float) for v in (p, a, b))
    ab = b - a
    t = 0.0 if not ab.any() else float(np.clip(np.dot(p - a, ab) / np.dot(ab, ab), 0.0, 1.0))
    return float(np.linalg.norm(p - (a + t * ab)))


def _read_level_file(path) -> Any:
    """Read a stored level (GLB) with trimesh: one mesh (parts concatenated) or a point cloud."""
    import trimesh
    loaded = trimesh.load(str(path))
    if isinstance(loaded, trimesh.Scene):
        parts = loaded.dump(concatenate=False)
        clouds = [g for g in parts if isinstance(g, trimesh.PointCloud)]
        meshes = [g for g in parts if isinstance(g, trimesh.Trimesh)]
        if meshes:
            return meshes[0] if len(meshes) == 1 else trimesh.util.concatenate(meshes)
        if clouds:
            return clouds[0]
        return None
    return loaded
