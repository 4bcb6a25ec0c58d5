"""The editor's 3D viewport: ``ViewportWidget`` over the exhibit document (OpenGL 3.3 core).

It follows the session (project, selection) and the document's signals, and never
polls. Geometry is uploaded once per (asset, level) into VBOs with a uint32 index
buffer; a frame is then a few GL calls per object. Levels of detail are chosen per
artifact by its size on screen, coarser while the camera moves (back up after
~200 ms still). Annotation pins are drawn with QPainter over the GL frame.

Frame cost on software GL (Mesa llvmpipe, where it matters most): the widget is a plain
QWidget holding a ``QOpenGLWindow`` in a window container (no per-frame composition by
Qt); while the camera moves, frames are drawn at reduced resolution (``motion_scale``,
adapted to a frame-time budget) with a diffuse-only shader and blitted up; the still
frame ~200 ms later is full resolution and full quality.
"""
from __future__ import annotations

import atexit
import math
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional

import numpy as np
from OpenGL import GL
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from .camera import OrbitCamera
from .frame import MOTION_SCALE_START, FrameMixin
from .gl_window import GLWindow, RenderTarget, read_image
from .gpu import MeshBuffers, Program
from .interaction import InteractionMixin
from .loading import GpuCache, LevelLoaderMixin
from .lod import choose_level, level_counts, screen_radius_px
from .math3d import transform_matrix
from .overlay import PIN_RADIUS_PX, OverlayMixin
from .picking import PickResult, pick_plinth
from .scene_draw import SceneDrawMixin

STILL_MS = 200


_LIVE_CONTAINERS: dict[int, tuple[Any, Any]] = {}


def _keep_until_container_dies(window: Any, container: Any) -> None:
    """Qt's window container needs its GL window alive until the container is destroyed, and
    crashes (Qt 6: toplevelAboutToBeDestroyed) if the window goes first. PySide still treats
    the window as Python's and deletes it when its wrapper is collected, or in its exit-time
    clean-up before the application's widgets. So: hold the wrapper until Qt destroys the
    container, and at exit delete the remaining containers (and their windows) first."""
    key = id(container)
    _LIVE_CONTAINERS[key] = (container, window)
    container.destroyed.connect(lambda *_: _LIVE_CONTAINERS.pop(key, None))


@atexit.register
def _delete_containers_before_qt_cleanup() -> None:
    # atexit runs last-registered first, so this runs before PySide's own clean-up
    import shiboken6
    for container, _window in list(_LIVE_CONTAINERS.values()):
        if shiboken6.isValid(container):
            shiboken6.delete(container)
    _LIVE_CONTAINERS.clear()


class ViewportWidget(InteractionMixin, OverlayMixin, LevelLoaderMixin, FrameMixin, SceneDrawMixin, QWidget):
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
        self._window = GLWindow(self)
        if _software_gl_likely():
            # Mesa llvmpipe: 4× MSAA multiplies the fill cost, which dominates a frame there
            from PySide6.QtGui import QSurfaceFormat
            fmt = QSurfaceFormat(self._window.format())
            fmt.setSamples(0)
            self._window.setFormat(fmt)
        self._container = QWidget.createWindowContainer(self._window, self)
        _keep_until_container_dies(self._window, self._container)
        self._container.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._container.setGeometry(self.rect())
        self._gl_ready = False
        self._lowres = RenderTarget()
        self._grab_target = RenderTarget()
        self.motion_scale = MOTION_SCALE_START
        self._pin_hidden: set = set()
        self._programs: dict[str, Program] = {}
        self._shapes: dict[str, MeshBuffers] = {}
        self._empty_vao = 0
        self._gpu = GpuCache()
        self._local_bounds: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._models: dict[str, np.ndarray] = {}
        self._pickers: dict[tuple[str, str], Any] = {}
        self._drawn_level: dict[str, str] = {}
        self._loading: set[tuple[str, str]] = set()
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

    # ------------------------------------------------------------------ the GL window behind the widget
    def resizeEvent(self, event) -> None:  # noqa: N802
        self._container.setGeometry(self.rect())
        super().resizeEvent(event)

    def update(self) -> None:  # type: ignore[override]
        """Schedule a frame (the GL window repaints; the widget itself draws nothing)."""
        self._window.update()

    def makeCurrent(self) -> None:  # noqa: N802
        """Make the viewport's GL context current (benchmarks, tests)."""
        self._window.makeCurrent()

    def doneCurrent(self) -> None:  # noqa: N802
        self._window.doneCurrent()

    def context(self):
        return self._window.context()

    def gl_window(self) -> GLWindow:
        """The QOpenGLWindow that renders (for code that needs the native surface)."""
        return self._window

    def _ensure_context(self, timeout_s: float = 3.0) -> bool:
        """Wait (processing events) until the GL window has its context and resources."""
        end = time.perf_counter() + timeout_s
        while not self._gl_ready and time.perf_counter() < end:
            if not self.isVisible():
                return False
            QApplication.processEvents()
            time.sleep(0.002)
        return self._gl_ready

    # ------------------------------------------------------------------ document events
    def _on_project_changed(self, project) -> None:
        self._gpu.drop_asset(None)
        self._pickers.clear()
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

    def _release_unused_assets(self) -> None:
        doc = self.session.document
        used = {a.asset_id for a in doc.exhibit.artifacts} if doc else set()
        for asset_id in {k[0] for k in self._gpu.meshes} - used:
            self._gpu.drop_asset(asset_id)

    # ------------------------------------------------------------------ geometry access
    def _geometry(self, asset_id: str, level: str) -> Any:
        """Loaded geometry of one level (trimesh mesh or point cloud, the session's cache)."""
        return self.session.geometry(asset_id, level)

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
        cursor = Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor
        self.setCursor(cursor)
        self._window.setCursor(cursor)  # the native GL window shows its own cursor
        self.update()

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

    def grab_image(self, moving: bool = False) -> QImage:
        """Render the current state now (full resolution and quality, with the overlay)
        into an offscreen target and return it; a null image without a GL context.
        ``moving`` renders a frame as drawn while the camera moves (to inspect its quality)."""
        if not self._ensure_context():
            return QImage()
        self._window.makeCurrent()
        dpr = self._window.devicePixelRatio()
        w, h = max(1, int(self.width() * dpr)), max(1, int(self.height() * dpr))
        self._grab_target.ensure(w, h)
        self._render_frame(self._grab_target.fbo, w, h, dpr, moving=moving)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, self._grab_target.fbo)
        img = read_image(w, h)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, self._window.defaultFramebufferObject())
        img.setDevicePixelRatio(dpr)
        return img

    def grabFramebuffer(self) -> QImage:  # noqa: N802 (QOpenGLWidget's name, kept for callers)
        return self.grab_image()

    def pin_occluded(self, annotation_id: str) -> bool:
        """True when the last frame found the annotation's pin covered by a surface (it is
        then neither drawn nor picked; overlays placing their own hotspots should skip it)."""
        return annotation_id in self._pin_hidden

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
