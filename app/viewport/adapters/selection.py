"""The selection: the highlight tint of selected plinths and artifacts, and the move/rotate
gizmo (X/Z/Y arrows and a ring about Y) of a single selected artifact, painted with
QPainter over the frame. Neither shows in the visitor preview."""
from __future__ import annotations

import math
from typing import Any, Callable, Optional

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from .base import Adapter, Frame

SELECTION_COLOR = (0.25, 0.62, 1.0)
SELECTED_TINT = (*SELECTION_COLOR, 0.42)
NO_TINT = (0.0, 0.0, 0.0, 0.0)
HANDLE_SLOP_PX = 6


def _dist_to_segment(p, a, b) -> float:
    p, a, b = (np.asarray(v, float) for v in (p, a, b))
    ab = b - a
    t = 0.0 if not ab.any() else float(np.clip(np.dot(p - a, ab) / np.dot(ab, ab), 0.0, 1.0))
    return float(np.linalg.norm(p - (a + t * ab)))


class SelectionAdapter(Adapter):
    """Reads the selected ids from the shared view state; owns no GPU resources."""

    def highlight(self, obj_id: str) -> tuple[float, float, float, float]:
        """RGBA tint (alpha = strength) the mesh shader mixes into a selected object."""
        state = self.scene.state
        return SELECTED_TINT if not state.visitor and obj_id in state.selected else NO_TINT

    def gizmo_target(self) -> Any:
        """The artifact the gizmo moves: the only selected object, if it is an artifact."""
        doc = self.scene.session.document
        state = self.scene.state
        if doc is None or state.visitor or len(state.selected) != 1:
            return None
        obj = doc.find(next(iter(state.selected)))
        return obj if obj is not None and doc.kind(obj) == "artifact" else None

    def gizmo(self) -> Optional[dict]:
        """Screen-space handles of the gizmo: ``center`` (px), ``center3`` (world, m),
        ``size`` (m), ``axes`` {name: end px} and ``ring`` [px points]; None without one."""
        art = self.gizmo_target()
        if art is None:
            return None
        sphere = self.scene.artifacts.sphere_of(art)
        if sphere is None:
            return None
        camera, host = self.scene.camera, self.scene.host
        base = np.asarray(art.transform.translation, float)
        c = np.array([sphere[0][0], base[1], sphere[0][2]])
        size = sphere[1] * 1.2
        W, H = host.width(), host.height()
        pc = camera.project(c, W, H)
        if pc is None:
            return None
        axes = {}
        for name, vec in (("x", (1.0, 0.0, 0.0)), ("z", (0.0, 0.0, 1.0)), ("y", (0.0, 1.0, 0.0))):
            pe = camera.project(c + np.asarray(vec) * size, W, H)
            if pe is not None:
                axes[name] = (pe[0], pe[1])
        ring = []
        for a in np.linspace(0, 2 * np.pi, 65):
            q = camera.project(c + np.array([math.cos(a), 0.0, math.sin(a)]) * size * 0.8, W, H)
            if q is None:
                ring = []
                break
            ring.append((q[0], q[1]))
        return {"center3": c, "size": size, "center": (pc[0], pc[1]), "axes": axes, "ring": ring}

    def handle_at(self, x: float, y: float) -> Optional[str]:
        """The gizmo handle ('x', 'y', 'z' or 'ring') under widget pixel (x, y), if any."""
        g = self.gizmo()
        if g is None:
            return None
        cx, cy = g["center"]
        for name, (ex, ey) in g["axes"].items():
            if _dist_to_segment((x, y), (cx, cy), (ex, ey)) < HANDLE_SLOP_PX and math.hypot(x - cx, y - cy) > 8:
                return name
        for a, b in zip(g["ring"], g["ring"][1:]):
            if _dist_to_segment((x, y), a, b) < HANDLE_SLOP_PX:
                return "ring"
        return None

    def overlay(self, frame: Frame) -> Optional[Callable[[QPainter], None]]:
        g = self.gizmo()
        return None if g is None else (lambda painter: self._paint(painter, g))

    @staticmethod
    def _paint(painter: QPainter, g: dict) -> None:
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
