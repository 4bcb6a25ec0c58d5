"""Qt signals for the open project's document, history and selection.

The document (``scenes``) has plain-Python signals. Panels connect to this relay
instead, so connections die with the widgets (Qt disconnects destroyed receivers)
and a panel never has to re-wire itself when another project is opened.
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QObject, Signal

from vitrine.app.workflows.editor_session import EditorSession
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.storage.project_store import Project


class DocumentRelay(QObject):
    """Re-emits the current document's changes as Qt signals.

    ``documentChanged`` is any change at all (object, order, reset); panels that
    show derived data (problems, title) listen to that one.
    """

    projectChanged = Signal(object)          # Project | None
    objectAdded = Signal(str, object, str)   # kind, obj, owner_id
    objectRemoved = Signal(str, str, str)    # kind, obj_id, owner_id
    objectChanged = Signal(str, str, object)  # kind, obj_id, path tuple
    orderChanged = Signal(str, str)          # kind, owner_id
    documentReset = Signal()
    documentChanged = Signal()
    historyChanged = Signal()
    selectionChanged = Signal(list)

    def __init__(self, session: EditorSession, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.session = session
        self._document: Optional[ExhibitDocument] = None
        session.project_changed.connect(self._on_project_changed)
        session.selection.changed.connect(self._on_selection_changed)
        self._attach(session.document)

    # --- access -----------------------------------------------------------------------
    @property
    def project(self) -> Optional[Project]:
        return self.session.project

    @property
    def document(self) -> Optional[ExhibitDocument]:
        return self.session.document

    def push(self, command: Any) -> None:
        """Run a command through the undo stack (the only way widgets change the model)."""
        if self.document is not None:
            self.document.history.push(command)

    def select(self, ids: list[str]) -> None:
        self.session.selection.set(ids)

    def detach(self) -> None:
        """Stop listening to the session (the window is closing)."""
        self._attach(None)
        self.session.project_changed.disconnect(self._on_project_changed)
        self.session.selection.changed.disconnect(self._on_selection_changed)

    # --- wiring -----------------------------------------------------------------------
    def _attach(self, document: Optional[ExhibitDocument]) -> None:
        for doc, how in ((self._document, "disconnect"), (document, "connect")):
            if doc is not None:
                for signal, slot in self._document_slots(doc):
                    getattr(signal, how)(slot)
        self._document = document

    def _document_slots(self, doc: ExhibitDocument) -> list:
        return [(doc.object_added, self._on_added), (doc.object_removed, self._on_removed),
                (doc.object_changed, self._on_changed), (doc.order_changed, self._on_order),
                (doc.reset, self._on_reset), (doc.history.changed, self._on_history)]

    def _on_project_changed(self, project: Optional[Project]) -> None:
        self._attach(project.document if project is not None else None)
        self.projectChanged.emit(project)
        self.documentReset.emit()
        self.documentChanged.emit()
        self.historyChanged.emit()

    def _on_added(self, kind: str, obj: Any, owner_id: str) -> None:
        self.objectAdded.emit(kind, obj, owner_id)
        self.documentChanged.emit()

    def _on_removed(self, kind: str, obj_id: str, owner_id: str) -> None:
        self.objectRemoved.emit(kind, obj_id, owner_id)
        self.documentChanged.emit()

    def _on_changed(self, kind: str, obj_id: str, path: tuple) -> None:
        self.objectChanged.emit(kind, obj_id, path)
        self.documentChanged.emit()

    def _on_order(self, kind: str, owner_id: str) -> None:
        self.orderChanged.emit(kind, owner_id)
        self.documentChanged.emit()

    def _on_reset(self) -> None:
        self.documentReset.emit()
        self.documentChanged.emit()

    def _on_history(self) -> None:
        self.historyChanged.emit()

    def _on_selection_changed(self, ids: list[str]) -> None:
        self.selectionChanged.emit(list(ids))
