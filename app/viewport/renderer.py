"""The viewport's renderer: adapters (one per kind of object, see ``adapters.ADAPTERS``),
the frame they draw together, and the scene queries the interaction layer asks.

It knows the session (document, geometry), the camera, the shared ``ViewState`` and a
host (the widget: its size in logical pixels, font, and ``update()`` to schedule a frame);
it never touches the document except to read it.

Frame cost on software GL (Mesa llvmpipe, where it matters most): while the camera moves,
frames are drawn into ``_lowres`` at ``motion_scale`` with a diffuse-only shader and
blitted up (bilinear): per-pixel work is what a software rasteriser pays for, and a 50%
frame has a quarter of the pixels. The scale follows the measured pass time towards
MOTION_BUDGET_MS. Still frames go straight to the target at full resolution and quality.
"""
from __future__ import annotations

import time
from typing import Any, Optional, Protocol

import numpy as np
from OpenGL import GL
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtOpenGL import QOpenGLPaintDevice

from vitrine.app.workflows.editor_session import Selection
from vitrine.scenes.document import KIND_OF_TYPE
from vitrine.scenes.exhibit_model import Annotation, Artifact, Light, Plinth

from .adapters import (
    ADAPTERS, AFTER_DRAW_ORDER, DRAW_ORDER, OVERLAY_ORDER, Adapter, ArtifactAdapter, Frame, LightAdapter,
    PinAdapter, SelectionAdapter,
)
from .camera import OrbitCamera
from .gl_state import restore_for_qt
from .gl_window import RenderTarget, blit, read_image
from .gpu import MeshBuffers
from .picking import PickResult
from .programs import ProgramCache
from .view_state import ViewState

# moving frames: target GL time (ms) for the reduced-resolution pass, and the range of the
# resolution scale that adapts to it (the blit, swap and Python work come on top)
MOTION_BUDGET_MS = 14.0
MOTION_SCALE_RANGE = (0.3, 1.0)
MOTION_SCALE_START = 0.5
EMPTY_SCENE_SPHERE = (np.array([0.0, 0.8, 0.0]), 1.0)
ALL_KINDS = ("annotation", "artifact", "plinth")


class Host(Protocol):
    """What the renderer needs of the widget it draws for."""

    def width(self) -> int: ...
    def height(self) -> int: ...
    def font(self) -> Any: ...
    def update(self) -> None: ...


def union_spheres(spheres: list[tuple[np.ndarray, float]]) -> tuple[np.ndarray, float]:
    """A sphere (centre (3,), radius m) holding all the given ones."""
    lo = np.min([c - r for c, r in spheres], axis=0)
    hi = np.max([c + r for c, r in spheres], axis=0)
    center = (lo + hi) / 2
    radius = max(float(np.linalg.norm(c - center)) + r for c, r in spheres)
    return center, radius


class SceneRenderer:
    """Draws the open exhibit through its adapters and answers picking questions."""

    def __init__(self, session: Any, camera: OrbitCamera, state: ViewState, host: Host) -> None:
        self.session = session
        self.camera = camera
        self.state = state
        self.host = host
        self.programs = ProgramCache()
        self.motion_scale = MOTION_SCALE_START
        self.last_frame_ms = 0.0
        self._lowres = RenderTarget()
        self._grab = RenderTarget()
        self._scene_sphere: Optional[tuple[np.ndarray, float]] = None
        instances: dict[type, Adapter] = {}
        self.adapters: dict[type, Adapter] = {}
        for model, adapter_class in ADAPTERS.items():
            if adapter_class not in instances:
                instances[adapter_class] = adapter_class(self)
            self.adapters[model] = instances[adapter_class]
        self._instances = list(instances.values())
        # document kind ('artifact', ...) -> adapters whose caches a change of that kind makes stale
        self._routes: dict[str, list[Adapter]] = {}
        for model, adapter in self.adapters.items():
            if model in KIND_OF_TYPE:
                self._routes.setdefault(KIND_OF_TYPE[model], []).append(adapter)
        for adapter in self._instances:
            for model in adapter.also_follows:
                self._routes.setdefault(KIND_OF_TYPE[model], []).append(adapter)
        self.artifacts: ArtifactAdapter = self.adapters[Artifact]  # type: ignore[assignment]
        self.pins: PinAdapter = self.adapters[Annotation]  # type: ignore[assignment]
        self.lights: LightAdapter = self.adapters[Light]  # type: ignore[assignment]
        self.selection: SelectionAdapter = self.adapters[Selection]  # type: ignore[assignment]
        self._draw = [self.adapters[m] for m in DRAW_ORDER]
        self._after_draw = [self.adapters[m] for m in AFTER_DRAW_ORDER]
        self._overlay = [self.adapters[m] for m in OVERLAY_ORDER]

    def adapter(self, model_class: type) -> Adapter:
        return self.adapters[model_class]

    def request_update(self) -> None:
        self.host.update()

    # ------------------------------------------------------------------ document changes
    def object_added(self, kind: str, obj: Any) -> None:
        for adapter in self._routes.get(kind, ()):
            adapter.added(kind, obj)
        self._stale_bounds(kind)

    def object_removed(self, kind: str, obj_id: str) -> None:
        for adapter in self._routes.get(kind, ()):
            adapter.removed(kind, obj_id)
        self._stale_bounds(kind)

    def object_changed(self, kind: str, obj_id: str, path: tuple) -> None:
        for adapter in self._routes.get(kind, ()):
            adapter.changed(kind, obj_id, path)
        self._stale_bounds(kind)

    def reset(self) -> None:
        """Another project, or the whole document replaced: every cache goes."""
        for adapter in self._instances:
            adapter.reset()
        self._scene_sphere = None

    def _stale_bounds(self, kind: str) -> None:
        if any(a.affects_bounds for a in self._routes.get(kind, ())):
            self._scene_sphere = None

    # ------------------------------------------------------------------ scene queries
    def scene_sphere(self) -> tuple[np.ndarray, float]:
        """Bounding sphere of artifacts and plinths (a default room-sized one when empty)."""
        if self._scene_sphere is None:
            doc = self.session.document
            spheres = []
            if doc is not None:
                for adapter in self._instances:
                    if adapter.affects_bounds:
                        spheres += adapter.spheres(doc.exhibit)  # type: ignore[attr-defined]
            self._scene_sphere = union_spheres(spheres) if spheres else EMPTY_SCENE_SPHERE
        return self._scene_sphere

    def selection_sphere(self) -> Optional[tuple[np.ndarray, float]]:
        """Bounding sphere of the selected objects that have an extent, or None."""
        doc = self.session.document
        if doc is None or not self.state.selected:
            return None
        spheres = []
        for obj_id in self.state.selected:
            obj = doc.find(obj_id)
            adapter = self.adapters.get(type(obj)) if obj is not None else None
            s = adapter.sphere_of(obj) if adapter is not None else None
            if s is not None:
                spheres.append(s)
        return union_spheres(spheres) if spheres else None

    def local_bounds(self, asset_id: str) -> Optional[tuple[np.ndarray, np.ndarray]]:
        return self.artifacts.levels.local_bounds(asset_id)

    def world_ray(self, x: float, y: float) -> tuple[np.ndarray, np.ndarray]:
        return self.camera.ray(x, y, self.host.width(), self.host.height())

    def pick(self, x: float, y: float, *, kinds=ALL_KINDS, fine: bool = False) -> Optional[PickResult]:
        """What is under widget pixel (x, y): pins first, then the nearest surface."""
        doc = self.session.document
        if doc is None:
            return None
        if "annotation" in kinds:
            hit = self.pins.pick(x, y)
            if hit is not None:
                return hit
        origin, direction = self.world_ray(x, y)
        hits: list[PickResult] = []
        if "artifact" in kinds:
            hits += self.artifacts.pick(doc.exhibit, origin, direction, fine=fine)
        if "plinth" in kinds:
            hits += self.adapters[Plinth].pick(doc.exhibit, origin, direction)  # type: ignore[attr-defined]
        return min(hits, key=lambda h: h.distance) if hits else None

    def pick_surface(self, artifact_id: str, x: float, y: float) -> Optional[PickResult]:
        """The finest level's surface of one artifact under widget pixel (x, y)."""
        doc = self.session.document
        art = doc.find(artifact_id) if doc is not None else None
        if art is None:
            return None
        origin, direction = self.world_ray(x, y)
        return self.artifacts.pick_one(art, origin, direction, fine=True)

    def gizmo(self) -> Optional[dict]:
        return self.selection.gizmo()

    def gizmo_handle_at(self, x: float, y: float) -> Optional[str]:
        return self.selection.handle_at(x, y)

    def uploaded_meshes(self) -> dict[tuple[str, str], MeshBuffers]:
        """The levels on the GPU by (asset_id, level) (for tests and benchmarks)."""
        return dict(self.artifacts.levels.meshes)

    def loads_pending(self) -> bool:
        return bool(self.artifacts.levels.loading)

    def shutdown(self) -> None:
        self.artifacts.levels.shutdown()

    # ------------------------------------------------------------------ GL life (context current)
    def initialize_gl(self) -> None:
        for adapter in self._instances:
            adapter.initialize_gl()

    def release_gl(self) -> None:
        for adapter in self._instances:
            adapter.release_gl()
        self.programs.delete_all()
        self._lowres.delete()
        self._grab.delete()

    def grab(self, w: int, h: int, dpr: float, moving: bool, default_fbo: int) -> QImage:
        """Render into an offscreen w×h (device px) target and read it back."""
        self._grab.ensure(w, h)
        self.render_frame(self._grab.fbo, w, h, dpr, moving=moving)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, self._grab.fbo)
        img = read_image(w, h)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, default_fbo)
        img.setDevicePixelRatio(dpr)
        return img

    # ------------------------------------------------------------------ the frame
    def render_frame(self, target_fbo: int, w: int, h: int, dpr: float, moving: bool) -> float:
        """Draw the scene into ``target_fbo`` (w×h device pixels); returns the CPU ms spent.

        Moving: into ``_lowres`` at ``motion_scale`` with the fast shader, then blitted up.
        Still: straight into the target at full resolution and quality."""
        t0 = time.perf_counter()
        self.artifacts.levels.collect()
        doc = self.session.document
        exhibit = doc.exhibit if doc is not None else None
        width, height = self.host.width(), self.host.height()
        center, radius = self.scene_sphere()
        floor_r = exhibit.environment.floor.radius if exhibit else 6.0
        self.camera.fit_clip_planes(center, max(radius, 0.5))
        if exhibit is not None and exhibit.environment.floor.visible:
            self.camera.far = max(self.camera.far, self.camera.distance + floor_r * 1.2)
        view = self.camera.view_matrix()
        proj = self.camera.projection_matrix(width / max(height, 1))
        scale = self.motion_scale if moving else 1.0
        if scale < 0.999:
            rw, rh = max(1, int(w * scale)), max(1, int(h * scale))
            self._lowres.ensure(rw, rh)
            GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, self._lowres.fbo)
        else:
            rw, rh = w, h
            GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, target_fbo)
        GL.glViewport(0, 0, rw, rh)
        frame = Frame(exhibit, view, proj, rh, moving, self.camera, self.state, self.programs, self.lights)
        self._draw_scene(frame)
        # pins: depth at their pixels decides which ones a surface covers (few pins, 3×3 each)
        for adapter in self._after_draw:
            adapter.after_draw(frame, rw / max(width, 1), rw, rh)
        if scale < 0.999:
            if moving:
                GL.glFinish()  # the pass time steers the scale (the swap would wait for it anyway)
                self._adapt_motion_scale((time.perf_counter() - t0) * 1000.0)
            blit(self._lowres.fbo, (rw, rh), target_fbo, (w, h))
        GL.glViewport(0, 0, w, h)
        if exhibit is not None:
            self._paint_overlay(frame, w, h, dpr)
        return (time.perf_counter() - t0) * 1000.0

    def _draw_scene(self, frame: Frame) -> None:
        """Everything but the QPainter overlay, into the bound framebuffer (viewport set)."""
        GL.glDepthMask(GL.GL_TRUE)
        GL.glClearColor(0.1, 0.1, 0.11, 1.0)
        GL.glClear(GL.GL_COLOR_BUFFER_BIT | GL.GL_DEPTH_BUFFER_BIT | GL.GL_STENCIL_BUFFER_BIT)
        GL.glDisable(GL.GL_CULL_FACE)
        GL.glDisable(GL.GL_BLEND)
        GL.glEnable(GL.GL_DEPTH_TEST)
        GL.glDepthFunc(GL.GL_LESS)
        for adapter in self._draw:
            adapter.draw(frame)
        GL.glBindVertexArray(0)
        GL.glUseProgram(0)
        GL.glDisable(GL.GL_DEPTH_TEST)
        GL.glDisable(GL.GL_BLEND)

    def _paint_overlay(self, frame: Frame, w: int, h: int, dpr: float) -> None:
        painters = [p for p in (a.overlay(frame) for a in self._overlay) if p is not None]
        if not painters:
            return  # no QPainter at all: beginning one on a GL device resets state and costs time
        restore_for_qt()  # glyphs cached from here on are uploaded with Qt's assumed pixel store
        device = QOpenGLPaintDevice(QSize(w, h))
        device.setDevicePixelRatio(dpr)
        painter = QPainter(device)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for paint in painters:
            paint(painter)
        painter.end()

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

