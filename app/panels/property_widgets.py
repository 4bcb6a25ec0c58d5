"""Small editors shared by the panels: a three-number row, signal-blocking setters, and the frame
of a selection panel (a scroll area, refreshed as the selection and the document change)."""
from __future__ import annotations

from typing import Any, Optional, Sequence

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from vitrine.app.window.accessible_names import form_label_text

# The schema's limits (scenes/schema/exhibit.schema.json, $defs/text and $defs/longtext):
# text fields stop at these so a curator cannot type what Save would refuse. Localized
# text (titles, bodies, narration, alt text) is longtext. QLineEdit's own default (32,767)
# would silently cut a valid longer title when it is shown and then edited.
TEXT_MAX = 2_000
LONGTEXT_MAX = 200_000


def spin(minimum: float, maximum: float, decimals: int = 3, step: float = 0.01, suffix: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(minimum, maximum)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setKeyboardTracking(False)  # one command per finished number, not per keystroke
    if suffix:
        box.setSuffix(suffix)
    return box


class Vec3Edit(QWidget):
    """Three spin boxes (x, y, z). ``edited(tuple)`` on a user change; ``finished()``
    when editing of a number ends (the caller seals the undo step)."""

    edited = Signal(tuple)
    finished = Signal()

    def __init__(self, minimum: float, maximum: float, decimals: int = 3, step: float = 0.01,
                 suffix: str = "", parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = [spin(minimum, maximum, decimals, step, suffix) for _ in range(3)]
        # The row's form label names the row, not the boxes: each box is named for its axis
        # (and, once shown, for the row too: "Position: X axis").
        self.axis_names = [QCoreApplication.translate("AccessibleNames", "X axis"),
                           QCoreApplication.translate("AccessibleNames", "Y axis"),
                           QCoreApplication.translate("AccessibleNames", "Z axis")]
        for axis, box, axis_name in zip("XYZ", self.boxes, self.axis_names):
            box.setAccessibleName(axis_name)
            box.setPrefix(f"{axis} ")
            # Let the three boxes share the dock's width instead of forcing a scroll bar.
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            box.setMinimumWidth(72)
            box.valueChanged.connect(self._emit)
            box.editingFinished.connect(self.finished)
            layout.addWidget(box)

    def showEvent(self, event: QShowEvent) -> None:
        row = form_label_text(self)
        if row:
            for box, axis_name in zip(self.boxes, self.axis_names):
                box.setAccessibleName(f"{row}: {axis_name}")
        super().showEvent(event)

    def value(self) -> tuple[float, float, float]:
        return tuple(b.value() for b in self.boxes)  # type: ignore[return-value]

    def set_value(self, values: Sequence[float]) -> None:
        for box, v in zip(self.boxes, values):
            with QSignalBlocker(box):
                box.setValue(float(v))

    def _emit(self) -> None:
        self.edited.emit(self.value())


def set_quietly(widget: QWidget, setter: str, value: object) -> None:
    """Update a widget from the document without it reporting a user edit."""
    with QSignalBlocker(widget):
        getattr(widget, setter)(value)


def selection_panel_frame(panel: QWidget, content: QWidget, relay: Any) -> QScrollArea:
    """Put ``content`` in a resizable scroll area filling ``panel`` edge to edge, and keep the
    panel current: ``panel.refresh()`` when the selection changes or a document is loaded,
    ``panel._on_changed(...)`` for every changed object (``relay``: the DocumentRelay)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    relay.selectionChanged.connect(lambda _ids: panel.refresh())
    relay.objectChanged.connect(panel._on_changed)
    relay.documentReset.connect(panel.refresh)
    return scroll
