"""Creates the 3D viewport, or a placeholder with the same API when it cannot be made
(the viewport module is absent or OpenGL is unavailable), so the editor still works."""
from __future__ import annotations

import logging
from typing import Any, Optional

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from app.workflows.editor_session import EditorSession

log = logging.getLogger(__name__)


class ViewportPlaceholder(QLabel):
    """Stands in for ``ViewportWidget``: same signals and methods, draws nothing."""

    objectClicked = Signal(str)
    pinPlaced = Signal(str, object, object)
    cameraChanged = Signal()

    def __init__(self, session: EditorSession, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("viewportPlaceholder")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setText(self.tr("3D view unavailable"))
        self.setStyleSheet("background: #1d2026; color: #8a8f98;")
        self.setMinimumSize(320, 240)
        self._camera = {"eye": (0.0, 1.6, 3.0), "target": (0.0, 1.0, 0.0), "up": (0.0, 1.0, 0.0), "fov": 0.8}
        self.pin_mode = False
        self.visitor_preview = False

    def set_pin_mode(self, on: bool) -> None:
        self.pin_mode = bool(on)

    def frame_selection(self) -> None:
        pass

    def set_view_preset(self, preset: str) -> None:
        pass

    def camera_state(self) -> dict:
        return dict(self._camera)

    def set_camera(self, eye: Any = None, target: Any = None, up: Any = None, fov: Any = None) -> None:
        for key, value in (("eye", eye), ("target", target), ("up", up), ("fov", fov)):
            if value is not None:
                self._camera[key] = value
        self.cameraChanged.emit()

    def fly_to_viewpoint(self, viewpoint_id: str) -> None:
        doc = self.session.document
        vp = doc.find(viewpoint_id) if doc else None
        if vp is not None:
            self.set_camera(vp.eye, vp.target, vp.up, vp.fov)

    def project_to_screen(self, xyz: Any) -> Any:
        return None

    def set_visitor_preview(self, on: bool) -> None:
        self.visitor_preview = bool(on)

    def grab_image(self) -> Any:
        return self.grab().toImage()


def create_viewport(session: EditorSession, parent: Optional[QWidget] = None) -> QWidget:
    try:
        from app.viewport.viewport_widget import ViewportWidget  # type: ignore[import-not-found]
    except ImportError as exc:
        log.info("viewport not available (%s); using a placeholder", exc)
        return ViewportPlaceholder(session, parent)
    try:
        return ViewportWidget(session, parent)
    except Exception:  # a broken GL set-up must not stop curators editing text and records
        log.exception("cannot create the 3D viewport; using a placeholder")
        return ViewportPlaceholder(session, parent)


__all__ = ["ViewportPlaceholder", "create_viewport", "QPixmap"]
