"""Mouse, wheel, gesture and keyboard handling of ``ViewportWidget`` (a mixin): camera
navigation, clicks (select, place pins), dragging artifacts, pins and gizmo handles, and
the CPU ray casts behind them (``assets.surface_picking.SurfacePicker``, embree BVH).

Handlers take the event both from the widget (tests send synthetic events there) and from
the embedded GL window, which forwards its native events here; positions are the same
since the window fills the widget.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import Optional

import numpy as np
from PySide6.QtCore import Qt

from .math3d import normalize, quat_from_axis_angle, quat_multiply, transform_matrix
from .picking import PickResult, make_surface_picker, pick_artifact

CLICK_SLOP_PX = 4
ORBIT_RAD_PER_PX = 0.008
KEY_ORBIT_RAD = math.radians(5.0)


class InteractionMixin:
    """Input handling and object dragging for ``ViewportWidget``."""

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


