"""The editor's 3D viewport: ``ViewportWidget``, the widget part of three (OpenGL 3.3 core).

- ``renderer.SceneRenderer`` draws, through one adapter per kind of object
  (``adapters.ADAPTERS``), and answers picking questions;
- ``interaction.ViewportInteraction`` turns input into camera moves and commands pushed
  through the document relay (the one entry point);
- this widget observes the document through the relay (``DocumentRelay``) and tells the
  renderer only what changed, owns the camera and its motion (animation, "still" timer),
  translates Qt events for the interaction layer, and keeps the public API.

Geometry is uploaded once per (asset, level); a frame is then a few GL calls per object.
Levels of detail are chosen per artifact by its size on screen, coarser while the camera
moves (back up after ~200 ms still). Frame cost on software GL (Mesa llvmpipe): the widget
is a plain QWidget holding a ``QOpenGLWindow`` in a window container (no per-frame
composition by Qt), and moving frames are drawn at reduced resolution (see renderer).
"""
from __future__ import annotations

import atexit
import time
from typing import Any, Optional

import numpy as np
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.exporters.document.visitor_rules import flight_seconds

from .camera import OrbitCamera
from .gl_window import GLWindow
from .interaction import LEFT, MIDDLE, RIGHT, ViewportInteraction
from .picking import PickResult
from .placement import support_height
from .renderer import ALL_KINDS, SceneRenderer
from .view_state import ViewState

STILL_MS = 200
FLY_SECONDS = 0.6
BUTTONS = {Qt.MouseButton.LeftButton: LEFT, Qt.MouseButton.MiddleButton: MIDDLE, Qt.MouseButton.RightButton: RIGHT}
_K = Qt.Key
KEYS = {_K.Key_Left: "left", _K.Key_Right: "right", _K.Key_Up: "up", _K.Key_Down: "down",
        _K.Key_Plus: "plus", _K.Key_Equal: "plus", _K.Key_Minus: "minus", _K.Key_Underscore: "minus",
        _K.Key_F: "f", _K.Key_1: "1", _K.Key_3: "3", _K.Key_5: "5", _K.Key_7: "7", _K.Key_Escape: "escape"}

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


class ViewportWidget(QWidget):
    """3D view of the open exhibit. See the module docstring; API names are stable.

    ``relay``: the window's ``DocumentRelay`` (its one entry point for commands and the
    selection); without one the widget makes its own over ``session`` (tests, benchmarks).
    A click selects what is under it and emits ``objectClicked``; in pin mode it pushes a
    ``PinAnnotation``, selects it, and emits ``pinPlaced`` then ``annotationPinned``."""

    objectClicked = Signal(str)
    pinPlaced = Signal(str, object, object)      # artifact id, point, normal (artifact frame)
    annotationPinned = Signal(str)               # the new annotation's id, after it was pushed
    measuredPoint = Signal(str, object)          # measuring tape: artifact id, world point (metres)
    cameraChanged = Signal()
    frameRendered = Signal(float)

    def __init__(self, session: Any, parent: Optional[QWidget] = None, relay: Optional[DocumentRelay] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.camera = OrbitCamera()
        self.state = ViewState(selected=set(session.selection.ids))
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
        self.renderer = SceneRenderer(session, self.camera, self.state, self)
        # the window's relay when given; else one of our own (parentless, detached on close)
        self._own_relay = relay is None
        self.relay = relay if relay is not None else DocumentRelay(session)
        self.interaction = ViewportInteraction(self, self.renderer, self.relay, self.state)
        self._still = QTimer(self)
        self._still.setSingleShot(True)
        self._still.setInterval(STILL_MS)
        self._still.timeout.connect(self.settle)
        self._anim_timer = QTimer(self)
        self._anim_timer.setInterval(16)
        self._anim_timer.timeout.connect(self._animate_step)
        self._anim: Optional[dict] = None
        # documentReset also comes with every project change (after projectChanged)
        self._relay_slots = [
            (self.relay.documentReset, self._on_reset),
            (self.relay.selectionChanged, self._on_selection_changed), (self.relay.objectAdded, self._on_added),
            (self.relay.objectRemoved, self._on_removed), (self.relay.objectChanged, self._on_changed),
            (self.relay.orderChanged, self._on_order_changed)]
        for signal, slot in self._relay_slots:
            signal.connect(slot)
        self._frame_initial()

    def detach(self) -> None:
        """Stop following the document (called on close; safe to call twice)."""
        for signal, slot in self._relay_slots:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass  # already disconnected
        self._relay_slots = []
        if self._own_relay:
            self.relay.detach()
            self._own_relay = False
        self.renderer.shutdown()

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

    def _initialize_gl(self) -> None:
        """GLWindow.initializeGL: the adapters create their GPU resources."""
        self.renderer.initialize_gl()
        self._gl_ready = True
        ctx = self._window.context()
        if ctx is not None:
            ctx.aboutToBeDestroyed.connect(self._cleanup_gl)

    def _cleanup_gl(self) -> None:
        if not self._gl_ready:
            return
        import shiboken6
        self._gl_ready = False
        if not shiboken6.isValid(self._window):
            return  # the window is being destroyed with its context: the objects go with it
        self._window.makeCurrent()
        self.renderer.release_gl()
        self._window.doneCurrent()

    def _paint_window(self) -> None:
        """GLWindow.paintGL: one frame into the window surface."""
        dpr = self._window.devicePixelRatio()
        w, h = max(1, int(self.width() * dpr)), max(1, int(self.height() * dpr))
        ms = self.renderer.render_frame(self._window.defaultFramebufferObject(), w, h, dpr, moving=self.state.moving)
        self.renderer.last_frame_ms = ms
        self.frameRendered.emit(ms)

    def _ensure_context(self, timeout_s: float = 3.0) -> bool:
        """Wait (processing events) until the GL window has its context and resources."""
        end = time.perf_counter() + timeout_s
        while not self._gl_ready and time.perf_counter() < end:
            if not self.isVisible():
                return False
            QApplication.processEvents()
            time.sleep(0.002)
        return self._gl_ready

    # ------------------------------------------------------------------ the document, through the relay
    def _on_reset(self) -> None:
        """Another project, or the whole document replaced: drop every cache, frame anew."""
        self.renderer.reset()
        self.state.selected = set(self.session.selection.ids)
        self._frame_initial()
        self.update()

    def _on_selection_changed(self, ids) -> None:
        self.state.selected = set(ids)
        self.update()

    def _on_added(self, kind: str, obj: Any, owner_id: str) -> None:
        self.renderer.object_added(kind, obj)
        self.update()

    def _on_removed(self, kind: str, obj_id: str, owner_id: str) -> None:
        self.renderer.object_removed(kind, obj_id)
        self.update()

    def _on_changed(self, kind: str, obj_id: str, path: tuple) -> None:
        self.renderer.object_changed(kind, obj_id, tuple(path))
        self.update()

    def _on_order_changed(self, kind: str, owner_id: str) -> None:
        self.update()

    # ------------------------------------------------------------------ input (from the widget or the GL window)
    def mousePressEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.interaction.press(pos.x(), pos.y(), BUTTONS.get(event.button(), "other"), shift)
        event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        self.interaction.move(pos.x(), pos.y())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        self.interaction.release(pos.x(), pos.y())

    def wheelEvent(self, event) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if not steps and not event.pixelDelta().isNull():
            steps = event.pixelDelta().y() / 60.0
        self.interaction.wheel(steps)
        event.accept()

    def event(self, ev) -> bool:
        if ev.type() == QEvent.Type.NativeGesture:
            gtype = ev.gestureType()
            if gtype == Qt.NativeGestureType.ZoomNativeGesture:
                self.interaction.pinch(float(ev.value()))
                return True
            if gtype == Qt.NativeGestureType.RotateNativeGesture:
                self.interaction.twist(float(ev.value()))
                return True
        return super().event(ev)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        name = KEYS.get(event.key())
        if name is None or not self.interaction.key(name):
            super().keyPressEvent(event)

    # what the interaction layer tells the widget
    def object_clicked(self, obj_id: str) -> None:
        self.objectClicked.emit(obj_id)

    def pin_placed(self, artifact_id: str, point: tuple, normal: tuple, annotation_id: str) -> None:
        self.pinPlaced.emit(artifact_id, point, normal)
        self.annotationPinned.emit(annotation_id)

    def measured(self, artifact_id: str, world_point: tuple) -> None:
        self.measuredPoint.emit(artifact_id, world_point)

    # ------------------------------------------------------------------ public API
    @property
    def motion_scale(self) -> float:
        """Resolution scale of frames drawn while the camera moves (adaptive)."""
        return self.renderer.motion_scale

    def set_pin_mode(self, on: bool) -> None:
        self.state.pin_mode = bool(on)
        cursor = Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor
        self.setCursor(cursor)
        self._window.setCursor(cursor)  # the native GL window shows its own cursor
        self.update()

    def pin_mode(self) -> bool:
        return self.state.pin_mode

    def set_measure_mode(self, on: bool) -> None:
        self.state.measure_mode = bool(on)
        cursor = Qt.CursorShape.CrossCursor if on or self.state.pin_mode else Qt.CursorShape.ArrowCursor
        self.setCursor(cursor)
        self._window.setCursor(cursor)
        self.update()

    def set_visitor_preview(self, on: bool) -> None:
        self.state.visitor = bool(on)
        self.update()

    def visitor_preview(self) -> bool:
        return self.state.visitor

    def camera_state(self) -> dict:
        return self.camera.state()

    def set_camera(self, eye, target, up=(0.0, 1.0, 0.0), fov=None, animate: bool = False,
                   seconds: float = FLY_SECONDS) -> None:
        if animate and self.isVisible():
            start = self.camera.state()
            self._anim = {"t0": time.perf_counter(), "dur": seconds, "from": start,
                          "to": {"eye": tuple(eye), "target": tuple(target), "up": tuple(up),
                                 "fov": start["fov"] if fov is None else float(fov)}}
            self._anim_timer.start()
            return
        self.stop_animation()
        self.camera.set(eye, target, up, fov)
        self.camera_changed(moving=False)

    def fly_to_viewpoint(self, viewpoint_id: str) -> bool:
        doc = self.session.document
        vp = doc.find(viewpoint_id) if doc else None
        if vp is None or not hasattr(vp, "eye"):
            return False
        self.set_camera(vp.eye, vp.target, vp.up, vp.fov, animate=True)
        return True

    def fly_to_view(self, view: dict) -> None:
        """Fly to a viewer-document view ({eye, target, up: metres; fov: radians}), as the web
        viewer does for the same view (see exporters/document/visitor_rules.py)."""
        cam = self.camera
        travel = float(np.linalg.norm(np.subtract(view["eye"], cam.eye)) + np.linalg.norm(np.subtract(view["target"], cam.target)))
        self.set_camera(view["eye"], view["target"], view.get("up", (0.0, 1.0, 0.0)), view.get("fov"), animate=True,
                        seconds=flight_seconds(travel))

    def finish_flight(self) -> None:
        """Jump a running camera flight to its end (tests; the viewer's reduced motion cuts too)."""
        a = self._anim
        if a is None:
            return
        self.stop_animation()
        self.camera.set(a["to"]["eye"], a["to"]["target"], a["to"]["up"], a["to"]["fov"])
        self.camera_changed(moving=False)

    def set_view_preset(self, name: str) -> None:
        center, radius = self.renderer.selection_sphere() or self.renderer.scene_sphere()
        self.camera.preset(name, center, radius)
        self.camera_changed(moving=False)

    def frame_selection(self) -> None:
        sphere = self.renderer.selection_sphere() or self.renderer.scene_sphere()
        self.camera.frame(sphere[0], sphere[1])
        self.camera_changed(moving=False)

    def scene_sphere(self) -> tuple[np.ndarray, float]:
        """Bounding sphere (centre (3,), radius m) of artifacts and plinths."""
        return self.renderer.scene_sphere()

    def local_bounds(self, asset_id: str) -> Optional[tuple[np.ndarray, np.ndarray]]:
        """(min, max) of an asset in its own frame (m), from its coarsest loaded level."""
        return self.renderer.local_bounds(asset_id)

    def support_height(self, x: float, z: float, exclude: Optional[str] = None) -> float:
        """Height (m) of what an object at world (x, z) would stand on: a plinth's top or the floor."""
        doc = self.session.document
        return support_height(doc.exhibit.plinths if doc else [], x, z)

    def project_to_screen(self, world_xyz) -> Optional[QPointF]:
        p = self.camera.project(world_xyz, self.width(), self.height())
        return None if p is None else QPointF(p[0], p[1])

    def world_ray(self, x: float, y: float) -> tuple[np.ndarray, np.ndarray]:
        return self.renderer.world_ray(x, y)

    def pick(self, x: float, y: float, *, kinds=ALL_KINDS, fine: bool = False) -> Optional[PickResult]:
        """What is under widget pixel (x, y): pins first, then the nearest surface."""
        return self.renderer.pick(x, y, kinds=kinds, fine=fine)

    def grab_image(self, moving: bool = False) -> QImage:
        """Render the current state now (full resolution and quality, with the overlay)
        into an offscreen target and return it; a null image without a GL context.
        ``moving`` renders a frame as drawn while the camera moves (to inspect its quality)."""
        if not self._ensure_context():
            return QImage()
        self._window.makeCurrent()
        dpr = self._window.devicePixelRatio()
        w, h = max(1, int(self.width() * dpr)), max(1, int(self.height() * dpr))
        return self.renderer.grab(w, h, dpr, moving, self._window.defaultFramebufferObject())

    def grabFramebuffer(self) -> QImage:  # noqa: N802 (QOpenGLWidget's name, kept for callers)
        return self.grab_image()

    def pin_occluded(self, annotation_id: str) -> bool:
        """True when the last frame found the annotation's pin covered by a surface (it is
        then neither drawn nor picked; overlays placing their own hotspots should skip it)."""
        return annotation_id in self.renderer.pins.hidden

    def last_frame_ms(self) -> float:
        return self.renderer.last_frame_ms

    def drawn_level(self, artifact_id: str) -> Optional[str]:
        """The level drawn for an artifact in the last frame (for tests and the status bar)."""
        return self.renderer.artifacts.drawn_level.get(artifact_id)

    def choose_level_for(self, artifact, moving: Optional[bool] = None) -> Optional[str]:
        """The level the LOD policy wants for an artifact at the current camera."""
        return self.renderer.artifacts.choose_level_for(artifact, self.state.moving if moving is None else moving)

    def wait_for_loads(self, timeout_s: float = 10.0) -> None:
        """Block (processing events) until background level loads finish (tests, benchmarks)."""
        end = time.perf_counter() + timeout_s
        while self.renderer.loads_pending() and time.perf_counter() < end:
            QApplication.processEvents()
            time.sleep(0.005)

    # ------------------------------------------------------------------ camera motion
    def camera_changed(self, moving: bool = True) -> None:
        """The camera was moved: with ``moving``, draw motion frames until ~200 ms of stillness."""
        if moving:
            self.state.moving = True
            self._still.start()
        self.cameraChanged.emit()
        self.update()

    def settle(self) -> None:
        """End the motion now: the next frame is full detail and quality."""
        self._still.stop()
        self.state.moving = False
        self.update()

    def stop_animation(self) -> None:
        if self._anim is not None:
            self._anim = None
            self._anim_timer.stop()

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
            self.stop_animation()
        self.camera_changed(moving=True)

    def _frame_initial(self) -> None:
        doc = self.session.document
        if doc is not None and doc.exhibit.start_viewpoint_id:
            vp = doc.find(doc.exhibit.start_viewpoint_id)
            if vp is not None:
                self.camera.set(vp.eye, vp.target, vp.up, vp.fov)
                return
        center, radius = self.renderer.scene_sphere()
        self.camera.preset("perspective", center, radius)


def _software_gl_likely() -> bool:
    """True where OpenGL will be Mesa's software rasteriser (no GPU device, or forced)."""
    import os
    import sys
    if os.environ.get("VITRINE_VIEWPORT_MSAA") == "1":
        return False
    if os.environ.get("LIBGL_ALWAYS_SOFTWARE") or os.environ.get("VITRINE_VIEWPORT_MSAA") == "0":
        return True
    return sys.platform.startswith("linux") and not os.path.exists("/dev/dri")
