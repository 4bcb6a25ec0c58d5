"""The viewport's interaction layer: mouse, wheel, touch-gesture and key input in, camera
moves and edit commands out. Qt-free (plain coordinates, button and key names), so it is
tested without a display.

Edits never touch the model: each builds a command (``MoveArtifact``, ``MoveAnnotationPin``,
``PinAnnotation``) and pushes it through the editor's one entry point (the document relay:
``push`` onto the document's command stack, ``select``). A drag seals the stack when it
starts and ends, so its many MoveArtifact commands merge into one undo step.

It asks three collaborators: the ``scene`` (the renderer: picking, gizmo handles, local
bounds, world rays), the ``view`` (the widget: camera, height, camera-changed notice,
presets, the signals it re-emits) and the ``editor`` (the relay). Positions are widget
pixels, top-left origin.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any, Optional, Protocol

import numpy as np

from vitrine.app.workflows.annotation_placement import pin_annotation_command
from vitrine.scenes.editing.annotation_commands import MoveAnnotationPin
from vitrine.scenes.editing.artifact_commands import MoveArtifact
from vitrine.scenes.layout.quaternions import quat_from_axis_angle, quat_multiply

from .placement import resting_height
from .view_state import ViewState

CLICK_SLOP_PX = 4
ORBIT_RAD_PER_PX = 0.008
KEY_ORBIT_RAD = math.radians(5.0)
LEFT, MIDDLE, RIGHT = "left", "middle", "right"
KEY_ORBITS = {"left": (KEY_ORBIT_RAD, 0.0), "right": (-KEY_ORBIT_RAD, 0.0),
              "up": (0.0, KEY_ORBIT_RAD), "down": (0.0, -KEY_ORBIT_RAD)}
KEY_ZOOMS = {"plus": 0.85, "minus": 1 / 0.85}
KEY_PRESETS = {"1": "front", "3": "side", "7": "top", "5": "perspective"}
AXES = {"x": (1.0, 0.0, 0.0), "y": (0.0, 1.0, 0.0), "z": (0.0, 0.0, 1.0)}


class Editor(Protocol):
    """The document's one entry point (``vitrine.app.panels.document_relay.DocumentRelay``)."""

    @property
    def document(self) -> Any: ...
    def push(self, command: Any) -> None: ...
    def select(self, ids: list[str]) -> None: ...


class Scene(Protocol):
    """What the renderer answers about the picture (``renderer.SceneRenderer``)."""

    def pick(self, x: float, y: float, *, kinds: tuple = ..., fine: bool = False) -> Any: ...
    def pick_surface(self, artifact_id: str, x: float, y: float) -> Any: ...
    def gizmo(self) -> Optional[dict]: ...
    def gizmo_handle_at(self, x: float, y: float) -> Optional[str]: ...
    def local_bounds(self, asset_id: str) -> Any: ...
    def world_ray(self, x: float, y: float) -> tuple[np.ndarray, np.ndarray]: ...


class View(Protocol):
    """What the widget offers (``viewport_widget.ViewportWidget``)."""

    camera: Any

    def height(self) -> int: ...
    def camera_changed(self, moving: bool = True) -> None: ...
    def stop_animation(self) -> None: ...
    def frame_selection(self) -> None: ...
    def set_view_preset(self, name: str) -> None: ...
    def set_pin_mode(self, on: bool) -> None: ...
    def set_measure_mode(self, on: bool) -> None: ...
    def object_clicked(self, obj_id: str) -> None: ...
    def pin_placed(self, artifact_id: str, point: tuple, normal: tuple, annotation_id: str) -> None: ...
    def measured(self, artifact_id: str, world_point: tuple) -> None: ...


@dataclass
class Press:
    """One button held down: where, which, and what a drag from here does (``mode``:
    None for the camera, 'move-artifact', 'move-annotation' or 'gizmo-<handle>')."""

    x: float
    y: float
    button: str
    shift: bool
    mode: Optional[str] = None
    hit: Any = None
    dragging: bool = False
    last: tuple[float, float] = (0.0, 0.0)
    drag: dict = field(default_factory=dict)


class ViewportInteraction:
    """Turns input into camera moves and commands; holds only the current press."""

    def __init__(self, view: View, scene: Scene, editor: Editor, state: ViewState) -> None:
        self.view = view
        self.scene = scene
        self.editor = editor
        self.state = state
        self.press_state: Optional[Press] = None

    # ------------------------------------------------------------------ buttons
    def press(self, x: float, y: float, button: str, shift: bool = False) -> None:
        self.view.stop_animation()
        pr = Press(x, y, button, shift, last=(x, y))
        if button == LEFT and not self.state.visitor and not self.state.pin_mode and not shift:
            handle = self.scene.gizmo_handle_at(x, y)
            if handle is not None:
                pr.mode = "gizmo-" + handle
            else:
                hit = self.scene.pick(x, y)
                if hit is not None and hit.object_id in self.state.selected and hit.kind in ("artifact", "annotation"):
                    pr.mode, pr.hit = "move-" + hit.kind, hit
        self.press_state = pr

    def move(self, x: float, y: float) -> None:
        pr = self.press_state
        if pr is None:
            return
        if not pr.dragging:
            if abs(x - pr.x) + abs(y - pr.y) < CLICK_SLOP_PX:
                return
            pr.dragging = True
            if pr.mode and self.editor.document is not None:
                self.editor.document.history.seal()
                if not self._begin_object_drag(pr):
                    pr.mode = None
        dx, dy = x - pr.last[0], y - pr.last[1]
        pr.last = (x, y)
        camera = self.view.camera
        if pr.mode == "move-artifact":
            self._drag_artifact(pr, x, y)
        elif pr.mode == "move-annotation":
            self._drag_pin(pr, x, y)
        elif pr.mode:
            self._drag_gizmo(pr, x, y)
        elif pr.button == MIDDLE or (pr.button == LEFT and pr.shift):
            camera.pan_pixels(dx, dy, self.view.height())
            self.view.camera_changed()
        elif pr.button == LEFT:
            camera.orbit(-dx * ORBIT_RAD_PER_PX, dy * ORBIT_RAD_PER_PX)
            self.view.camera_changed()
        elif pr.button == RIGHT:
            camera.zoom(math.exp(dy * 0.01))
            self.view.camera_changed()

    def release(self, x: float, y: float) -> None:
        pr, self.press_state = self.press_state, None
        if pr is None:
            return
        if pr.dragging:
            if pr.mode and self.editor.document is not None:
                self.editor.document.history.seal()
            return
        if pr.button == LEFT:
            self.click(x, y)

    def click(self, x: float, y: float) -> None:
        """A click without a drag: place a pin in pin mode, else select what is under it."""
        if self.state.pin_mode and not self.state.visitor:
            self._place_pin(x, y)
            return
        if self.state.measure_mode and not self.state.visitor:
            hit = self.scene.pick(x, y, kinds=("artifact",), fine=True)
            if hit is not None:
                self.view.measured(hit.object_id, tuple(hit.point))
            return
        hit = self.scene.pick(x, y)
        obj_id = hit.object_id if hit is not None else ""
        self.editor.select([obj_id] if obj_id else [])
        self.view.object_clicked(obj_id)

    # ------------------------------------------------------------------ wheel, gestures, keys
    def wheel(self, steps: float) -> None:
        """``steps``: wheel notches (120 eighths of a degree each), positive away from the user."""
        self.view.stop_animation()
        if steps:
            self.view.camera.zoom(0.88 ** steps)
            self.view.camera_changed()

    def pinch(self, amount: float) -> None:
        """A touch pinch: ``amount`` > 0 spreads the fingers (zooms in)."""
        self.view.camera.zoom(max(0.2, 1.0 - float(amount)))
        self.view.camera_changed()

    def twist(self, degrees: float) -> None:
        """A two-finger rotation turns the camera about the target."""
        self.view.camera.orbit(math.radians(float(degrees)), 0.0)
        self.view.camera_changed()

    def key(self, name: str) -> bool:
        """Arrows orbit, plus/minus zoom, F frames the selection, 1/3/7/5 are the front,
        side, top and perspective presets, Escape leaves pin mode. False: not handled."""
        camera = self.view.camera
        if name in KEY_ORBITS:
            camera.orbit(*KEY_ORBITS[name])
        elif name in KEY_ZOOMS:
            camera.zoom(KEY_ZOOMS[name])
        elif name == "f":
            self.view.frame_selection()
            return True
        elif name in KEY_PRESETS:
            self.view.set_view_preset(KEY_PRESETS[name])
            return True
        elif name == "escape" and self.state.pin_mode:
            self.view.set_pin_mode(False)
            return True
        elif name == "escape" and self.state.measure_mode:
            self.view.set_measure_mode(False)
            return True
        else:
            return False
        self.view.camera_changed()
        return True

    # ------------------------------------------------------------------ commands
    def _place_pin(self, x: float, y: float) -> None:
        doc = self.editor.document
        hit = self.scene.pick(x, y, kinds=("artifact",), fine=True)
        if doc is None or hit is None or hit.point_local is None:
            return
        command = pin_annotation_command(doc, hit.object_id, hit.point_local, hit.normal_local)
        if command is None:
            return
        self.editor.push(command)
        self.editor.select([command.object_id])
        self.view.pin_placed(hit.object_id, tuple(hit.point_local), tuple(hit.normal_local), command.object_id)

    def _begin_object_drag(self, pr: Press) -> bool:
        """Remember what the drag starts from; False when its object is gone."""
        doc = self.editor.document
        if pr.mode == "move-annotation":
            return doc.find(pr.hit.object_id) is not None
        if pr.mode == "move-artifact":
            art = doc.find(pr.hit.object_id)
            pr.drag.update(plane_y=pr.hit.point[1], grab=np.asarray(pr.hit.point, float))
        else:
            gizmo = self.scene.gizmo()
            art = doc.find(self._single_selected()) if gizmo is not None else None
            pr.drag["gizmo"] = gizmo
        if art is None:
            return False
        pr.drag.update(artifact_id=art.id, t0=art.transform)
        return True

    def _single_selected(self) -> str:
        return next(iter(self.state.selected)) if len(self.state.selected) == 1 else ""

    def _ray_plane_y(self, x: float, y: float, plane_y: float) -> Optional[np.ndarray]:
        o, d = self.scene.world_ray(x, y)
        if abs(d[1]) < 1e-6:
            return None
        t = (plane_y - o[1]) / d[1]
        return None if t <= 0 else o + d * t

    def _move_artifact(self, art, transform) -> None:
        self.editor.push(MoveArtifact(self.editor.document, art.id, transform))

    def _drag_artifact(self, pr: Press, x: float, y: float) -> None:
        """Slide the artifact under the cursor on the horizontal plane through the grabbed
        point, standing it on the floor or the plinth below."""
        p = self._ray_plane_y(x, y, pr.drag["plane_y"])
        doc = self.editor.document
        art = doc.find(pr.drag["artifact_id"])
        if p is None or art is None:
            return
        t0 = pr.drag["t0"]
        delta = p - pr.drag["grab"]
        nx, nz = t0.translation[0] + delta[0], t0.translation[2] + delta[2]
        ny = resting_height(doc.exhibit.plinths, self.scene.local_bounds(art.asset_id), t0, nx, nz)
        self._move_artifact(art, replace(t0, translation=(float(nx), float(ny), float(nz))))

    def _drag_gizmo(self, pr: Press, x: float, y: float) -> None:
        """Ring: turn about the vertical axis; arrows: slide along x or z (standing on what is
        below) or lift along y, by the cursor's travel along the arrow on screen."""
        g = pr.drag.get("gizmo")
        doc = self.editor.document
        art = doc.find(pr.drag.get("artifact_id", "")) if doc else None
        if g is None or art is None:
            return
        t0 = pr.drag["t0"]
        handle = pr.mode[len("gizmo-"):]
        cx, cy = g["center"]
        if handle == "ring":
            a0 = math.atan2(pr.y - cy, pr.x - cx)
            a1 = math.atan2(y - cy, x - cx)
            sign = 1.0 if self.view.camera.eye[1] > g["center3"][1] else -1.0
            rot = quat_multiply(quat_from_axis_angle((0, 1, 0), -(a1 - a0) * sign), t0.rotation)
            self._move_artifact(art, replace(t0, rotation=tuple(float(c) for c in rot)))
            return
        if handle not in g["axes"]:
            return
        ex, ey = g["axes"][handle]
        ax = np.array([ex - cx, ey - cy])
        length_px = float(np.linalg.norm(ax))
        if length_px < 1e-3:
            return
        moved_px = float(np.dot([x - pr.x, y - pr.y], ax / length_px))
        tr = np.asarray(t0.translation, float) + np.asarray(AXES[handle]) * (moved_px / length_px * g["size"])
        if handle != "y":
            tr[1] = resting_height(doc.exhibit.plinths, self.scene.local_bounds(art.asset_id), t0, tr[0], tr[2])
        self._move_artifact(art, replace(t0, translation=tuple(float(c) for c in tr)))

    def _drag_pin(self, pr: Press, x: float, y: float) -> None:
        """Slide a pin over its artifact's surface (the finest level)."""
        doc = self.editor.document
        ann = doc.find(pr.hit.object_id)
        if ann is None:
            return
        hit = self.scene.pick_surface(ann.artifact_id, x, y)
        if hit is None or hit.point_local is None:
            return
        self.editor.push(MoveAnnotationPin(doc, ann.id, hit.point_local, hit.normal_local))
