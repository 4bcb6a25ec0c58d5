"""The Edit and Insert menu slots of the main window: undo/redo, clipboard, delete,
duplicate, adding furniture, lights and viewpoints, and pinning annotations.

A mixin of :class:`vitrine.app.window.main_window.MainWindow` (kept apart to keep files short);
every change goes through a command pushed on the document's history.
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QByteArray, QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from vitrine.app.workflows.annotation_placement import pin_annotation_command
from vitrine.app.workflows.edit_operations import (
    CLIPBOARD_MIME, copy_payload, delete_command, duplicate_command, paste_command, select_all_ids,
)
from vitrine.app.workflows.placement import viewpoint_from_camera
from vitrine.scenes.exhibit_model import Light, Plinth
from vitrine.scenes.editing.furniture_commands import AddLight, AddPlinth, AddViewpoint


class EditSlotsMixin:
    """Needs ``session``, ``relay``, ``viewport``, ``outline_panel``, ``outline_dock``,
    ``annotation_dock`` and ``tr`` from the window."""

    session: Any
    relay: Any
    viewport: Any
    outline_panel: Any
    outline_dock: Any
    annotation_dock: Any

    # --- edit ----------------------------------------------------------------------------------------------
    def undo(self) -> None:
        if self.session.document is not None:
            self.session.document.history.undo()

    def redo(self) -> None:
        if self.session.document is not None:
            self.session.document.history.redo()

    def delete_selection(self) -> None:
        doc = self.session.document
        command = delete_command(doc, self.session.selection.ids) if doc else None
        if command is not None:
            self.relay.push(command)

    def duplicate(self) -> None:
        doc = self.session.document
        command = duplicate_command(doc, self.session.selection.ids) if doc else None
        if command is not None:
            self.relay.push(command)

    def copy(self) -> bool:
        doc = self.session.document
        payload = copy_payload(doc, self.session.selection.ids) if doc else None
        if payload is None:
            return False
        mime = QMimeData()
        mime.setData(CLIPBOARD_MIME, QByteArray(payload.encode("utf-8")))
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut(self) -> None:
        doc = self.session.document
        if doc is not None and self.copy():
            command = delete_command(doc, self.session.selection.ids, label="Cut")
            if command is not None:
                self.relay.push(command)

    def paste(self) -> None:
        doc = self.session.document
        mime = QGuiApplication.clipboard().mimeData()
        if doc is None or mime is None or not mime.hasFormat(CLIPBOARD_MIME):
            return
        command, ids = paste_command(doc, bytes(mime.data(CLIPBOARD_MIME).data()).decode("utf-8"))
        if command is not None:
            self.relay.push(command)
            self.relay.select(ids)

    def select_all(self) -> None:
        if self.session.document is not None:
            self.relay.select(select_all_ids(self.session.document))

    def rename_selection(self) -> None:
        self.outline_dock.raise_()
        self.outline_panel.rename_current()

    def add_plinth(self) -> None:
        if self.session.document is not None:
            plinth = Plinth(name=QCoreApplication.translate("MainWindow", "Plinth"))
            self.relay.push(AddPlinth(self.session.document, plinth))
            self.relay.select([plinth.id])

    def add_light(self) -> None:
        if self.session.document is not None:
            light = Light(name=QCoreApplication.translate("MainWindow", "Spot light"), type="spot")
            self.relay.push(AddLight(self.session.document, light))
            self.relay.select([light.id])

    def add_viewpoint(self) -> None:
        doc = self.session.document
        if doc is None:
            return
        state: dict = self.viewport.camera_state() or {}
        vp = viewpoint_from_camera(state, {doc.exhibit.languages[0]: QCoreApplication.translate("MainWindow", "View %1").replace("%1", str(len(doc.exhibit.viewpoints) + 1))})
        self.relay.push(AddViewpoint(doc, vp))
        self.relay.select([vp.id])

    def pin_annotation(self, artifact_id: str, point: Any, normal: Any) -> Optional[str]:
        """Add an annotation pinned at ``point`` with ``normal`` (the artifact's frame) and select it."""
        doc = self.session.document
        command = pin_annotation_command(doc, artifact_id, point, normal) if doc is not None else None
        if command is None:
            return None
        self.relay.push(command)
        self.relay.select([command.object_id])
        self.annotation_dock.raise_()
        return command.object_id
