"""The QPainter overlay of ``ViewportWidget`` (a mixin): annotation pins and the move/rotate gizmo.

Pins hidden behind a surface are not drawn (nor picked): after the 3D pass each frame reads
the depth buffer around every pin's pixel (a 3×3 block per pin, a handful of pins) and a
pin counts as covered when the nearest surface there is clearly in front of it.
"""
from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from .gl_window import read_depths
from .math3d import normal_matrix, normalize
from .scene_draw import SELECTION_COLOR

PIN_RADIUS_PX = 11.0
# a pin is covered when the surface seen at its pixel is nearer than the pin by more than this
# fraction of the pin's view depth (absorbs LOD differences between the drawn level and the
# finest one the pin was placed on, and depth-buffer quantisation)
OCCLUSION_TOLERANCE = 0.02


def _dist_to_segment(p, a, b) -> float:
    p, a, b = (np.asarray(v, float) for v in (p, a, b))
    ab = b - a
    t = 0.0 if not ab.any() else float(np.clip(np.dot(p - a, ab) / np.dot(ab, ab), 0.0, 1.0))
    return float(np.linalg.norm(p - (a + t * ab)))


class OverlayMixin:
    """Pins and gizmo for ``ViewportWidget``; ``_pin_hidden`` holds the ids covered last frame."""

    _pin_hidden: set

    def _pin_screen_positions(self, include_hidden: bool = False) -> list[tuple[Any, tuple[float, float, float]]]:
        """[(annotation, (x px, y px, view depth m))] of pins in front of the camera; without
        ``include_hidden``, pins covered by a surface in the last frame are left out."""
        doc = self.session.document
        if doc is None:
            return []
        out = []
        arts = {a.id: a for a in doc.exhibit.artifacts}
        for ann in doc.exhibit.annotations:
            art = arts.get(ann.artifact_id)
            if art is None or not art.visible:
                continue
            if not include_hidden and ann.id in self._pin_hidden:
                continue
            w = (self._model(art) @ np.append(np.asarray(ann.point, float), 1.0))[:3]
            p = self.camera.project(w, self.width(), self.height())
            if p is not None:
                out.append((ann, p))
        return out

    def _update_pin_occlusion(self, scale: float, fb_h: int, fb_w: int) -> None:
        """Read the bound framebuffer's depth at each pin (``scale`` = framebuffer px per
        widget px) and remember which pins a surface covers."""
        pins = self._pin_screen_positions(include_hidden=True)
        hidden: set = set()
        if pins:
            pts = [(int(x * scale), int(y * scale)) for _, (x, y, _) in pins]
            depths = read_depths(pts, fb_h, fb_w)
            near, far = self.camera.near, self.camera.far
            for (ann, (_, _, z_pin)), d in zip(pins, depths):
                if d is None or d >= 1.0:
                    continue  # off-screen or background: nothing covers it
                z_ndc = d * 2.0 - 1.0
                z_surface = 2.0 * near * far / (far + near - z_ndc * (far - near))
                if z_surface < z_pin * (1.0 - OCCLUSION_TOLERANCE):
                    hidden.add(ann.id)
        self._pin_hidden = hidden

    def _draw_overlay(self, exhibit, device: Any) -> None:
        """Paint pins, gizmo and the pin-mode hint with QPainter on ``device`` (widget pixels)."""
        pins = self._pin_screen_positions()
        gizmo = None if self._visitor else self._gizmo_geometry()
        hint = self._pin_mode and not self._visitor
        if not pins and gizmo is None and not hint:
            return  # no QPainter at all: beginning one on a GL device resets state and costs time
        painter = QPainter(device)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if gizmo is not None:
            self._paint_gizmo(painter, gizmo)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(11)
        painter.setFont(font)
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
        if hint:
            painter.setPen(QColor(255, 255, 255, 200))
            painter.drawText(QRectF(8, 6, 400, 18), Qt.AlignmentFlag.AlignLeft,
                             "Pin mode: click a surface to place an annotation")
        painter.end()

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

