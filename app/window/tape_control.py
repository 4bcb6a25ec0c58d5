"""The measuring tape in the editor: Measure mode (M), the distance between two clicks on
artifact surfaces in the status bar, and saving it in the selected annotation or tour step
(one undo step each), where visitors see it in the viewer."""
from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.viewport.tape import Tape
from vitrine.scenes.editing.annotation_commands import SetAnnotationMeasurement
from vitrine.scenes.exhibit_model import Annotation, Artifact
from vitrine.scenes.editing.tour_commands import SetStepMeasurement


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class TapeControl(QObject):
    """``status(text, ms)`` reports to the status bar; ``changed`` when a measurement appears or goes."""

    status = Signal(str, int)
    changed = Signal()

    def __init__(self, relay: DocumentRelay, viewport: Any, current_step: Callable[[], Optional[str]],
                 parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.relay, self.viewport, self.current_step = relay, viewport, current_step
        self.tape = Tape()
        self.active = False
        viewport.measuredPoint.connect(self.add_point)

    def set_active(self, on: bool) -> None:
        self.active = bool(on)
        self.viewport.set_measure_mode(self.active)
        self.tape.clear()
        self.changed.emit()
        if on:
            self.status.emit(_tr("Measure: click two points on an artifact"), 0)
        else:
            self.status.emit("", 1)

    def add_point(self, artifact_id: str, world: tuple) -> None:
        metres = self.tape.add(artifact_id, world)
        self.changed.emit()
        if metres is None:
            self.status.emit(_tr("Measure: click a second point"), 0)
        else:
            self.status.emit(_tr("Distance: %1").replace("%1", self.tape.text()), 0)

    # --- saving -------------------------------------------------------------------------------
    def _measurement(self) -> Any:
        doc = self.relay.document
        if doc is None:
            return None

        def transform_of(artifact_id: str) -> Any:
            art = doc.find(artifact_id)
            return art.transform if isinstance(art, Artifact) else None
        return self.tape.measurement(transform_of)

    def selected_annotation(self) -> Optional[str]:
        doc = self.relay.document
        ids = list(self.relay.session.selection.ids) if doc is not None else []
        return next((i for i in ids if isinstance(doc.find(i), Annotation)), None)

    def can_save_in_annotation(self) -> bool:
        return self.tape.metres() is not None and self.selected_annotation() is not None

    def can_save_in_step(self) -> bool:
        return self.tape.metres() is not None and self.current_step() is not None

    def save_in_annotation(self) -> bool:
        ann, m = self.selected_annotation(), self._measurement()
        if ann is None or m is None:
            return False
        self.relay.push(SetAnnotationMeasurement(self.relay.document, ann, m))
        self.status.emit(_tr("Saved %1 in the annotation").replace("%1", self.tape.text()), 5000)
        return True

    def save_in_step(self) -> bool:
        step, m = self.current_step(), self._measurement()
        if step is None or m is None:
            return False
        self.relay.push(SetStepMeasurement(self.relay.document, step, m))
        self.status.emit(_tr("Saved %1 in the tour step").replace("%1", self.tape.text()), 5000)
        return True
