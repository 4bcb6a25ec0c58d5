"""Annotation pins: numbered discs painted with QPainter over the GL frame, at the
annotation's point (in its artifact's frame), hidden when a surface covers them.

Covered pins are neither drawn nor picked: after the 3D pass each frame reads the depth
buffer around every pin's pixel (a 3×3 block per pin, a handful of pins) and a pin counts
as covered when the nearest surface there is clearly in front of it.
"""
from __future__ import annotations

import math
from typing import Any, Callable, Optional

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from vitrine.exporters.document.visitor_rules import COLORS

from ..gl_window import RenderTarget, read_depths
from ..math3d import normal_matrix, normalize
from ..picking import PickResult
from .base import Adapter, Frame
from .selection import SELECTION_COLOR

PIN_RADIUS_PX = 11.0
# a pin is covered when the surface seen at its pixel is nearer than the pin by more than this
# fraction of the pin's view depth (absorbs LOD differences between the drawn level and the
# finest one the pin was placed on, and depth-buffer quantisation)
OCCLUSION_TOLERANCE = 0.02
# translated when painted (the language can change while the editor runs)
PIN_MODE_HINT = QT_TRANSLATE_NOOP("ViewportOverlay", "Pin mode: click a surface to place an annotation")


class PinAdapter(Adapter):
    """Pins of the annotations; ``hidden`` holds the ids a surface covered in the last frame."""

    def __init__(self, scene: Any) -> None:
        super().__init__(scene)
        self.hidden: set[str] = set()
        self._depth_resolve = RenderTarget()  # used only when the frame is multisampled

    def release_gl(self) -> None:
        self._depth_resolve.delete()

    def reset(self) -> None:
        self.hidden = set()

    def screen_positions(self, include_hidden: bool = False) -> list[tuple[Any, tuple[float, float, float]]]:
        """[(annotation, (x px, y px, view depth m))] of pins in front of the camera; without
        ``include_hidden``, pins covered by a surface in the last frame are left out."""
        doc = self.scene.session.document
        if doc is None:
            return []
        artifacts = self.scene.artifacts
        camera, host = self.scene.camera, self.scene.host
        w, h = host.width(), host.height()
        out = []
        arts = {a.id: a for a in doc.exhibit.artifacts}
        for ann in doc.exhibit.annotations:
            art = arts.get(ann.artifact_id)
            if art is None or not art.visible:
                continue
            if not include_hidden and ann.id in self.hidden:
                continue
            world = (artifacts.model(art) @ np.append(np.asarray(ann.point, float), 1.0))[:3]
            p = camera.project(world, w, h)
            if p is not None:
                out.append((ann, p))
        return out

    def sphere_of(self, ann: Any) -> Optional[tuple[np.ndarray, float]]:
        """A pin is framed as a small sphere about its point (a third of its artifact's size)."""
        doc = self.scene.session.document
        art = doc.find(ann.artifact_id) if doc is not None else None
        if art is None:
            return None
        s = self.scene.artifacts.sphere_of(art)
        p = (self.scene.artifacts.model(art) @ np.append(ann.point, 1.0))[:3]
        return p, (s[1] * 0.35) if s else 0.1

    def after_draw(self, frame: Frame, fb_scale: float, fb_w: int, fb_h: int) -> None:
        """Read the bound framebuffer's depth at each pin (``fb_scale`` = framebuffer px per
        widget px) and remember which pins a surface covers."""
        pins = self.screen_positions(include_hidden=True)
        hidden: set[str] = set()
        if pins:
            pts = [(int(x * fb_scale), int(y * fb_scale)) for _, (x, y, _) in pins]
            depths = read_depths(pts, fb_h, fb_w, resolve=self._depth_resolve)
            near, far = frame.camera.near, frame.camera.far
            for (ann, (_, _, z_pin)), d in zip(pins, depths):
                if d is None or d >= 1.0:
                    continue  # off-screen or background: nothing covers it
                z_ndc = d * 2.0 - 1.0
                z_surface = 2.0 * near * far / (far + near - z_ndc * (far - near))
                if z_surface < z_pin * (1.0 - OCCLUSION_TOLERANCE):
                    hidden.add(ann.id)
        self.hidden = hidden

    def pick(self, x: float, y: float) -> Optional[PickResult]:
        """The nearest visible pin within its disc of widget pixel (x, y)."""
        best = None
        for ann, pos in self.screen_positions():
            if math.hypot(pos[0] - x, pos[1] - y) <= PIN_RADIUS_PX + 2 and (best is None or pos[2] < best[1]):
                best = (ann, pos[2])
        if best is None:
            return None
        ann = best[0]
        art = self.scene.session.document.find(ann.artifact_id)
        w = (self.scene.artifacts.model(art) @ np.append(ann.point, 1.0))[:3] if art else np.zeros(3)
        return PickResult("annotation", ann.id, float(best[1]), tuple(w),
                          point_local=tuple(ann.point), normal_local=tuple(ann.normal))

    def overlay(self, frame: Frame) -> Optional[Callable[[QPainter], None]]:
        pins = self.screen_positions()
        hint = frame.state.pin_mode and not frame.state.visitor
        if not pins and not hint:
            return None
        return lambda painter: self._paint(painter, frame, pins, hint)

    def _paint(self, painter: QPainter, frame: Frame, pins: list, hint: bool) -> None:
        font = QFont(self.scene.host.font())
        font.setBold(True)
        font.setPixelSize(11)
        painter.setFont(font)
        artifacts = self.scene.artifacts
        eye = frame.camera.eye
        arts = {a.id: a for a in frame.exhibit.artifacts}
        selected = frame.state.selected if not frame.state.visitor else set()
        for ann, (x, y, _depth) in sorted(pins, key=lambda t: -t[1][2]):
            model = artifacts.model(arts[ann.artifact_id])
            n_world = normal_matrix(model) @ np.asarray(ann.normal, float)
            facing = float(np.dot(normalize(n_world), normalize(eye - (model @ np.append(ann.point, 1.0))[:3]))) > -0.05
            color = QColor(ann.marker.color or COLORS["marker"])
            if not facing:
                color.setAlpha(110)
            r = PIN_RADIUS_PX
            painter.setPen(QPen(QColor(255, 255, 255, 230 if facing else 120), 2.0))
            painter.setBrush(color)
            painter.drawEllipse(QPointF(x, y), r, r)
            if ann.id in selected:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor.fromRgbF(*SELECTION_COLOR), 2.5))
                painter.drawEllipse(QPointF(x, y), r + 4, r + 4)
            painter.setPen(QColor(20, 20, 20) if facing else QColor(20, 20, 20, 140))
            painter.drawText(QRectF(x - r, y - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(ann.marker.number))
        if hint:
            painter.setPen(QColor(255, 255, 255, 200))
            painter.drawText(QRectF(8, 6, 400, 18), Qt.AlignmentFlag.AlignLeft,
                             QCoreApplication.translate("ViewportOverlay", PIN_MODE_HINT))
