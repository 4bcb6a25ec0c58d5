"""A project's life in the editor: new, open (offering autosaved changes back), save,
save as, autosave to the recovery file, and asking about unsaved changes.

Owned by the main window, which shows what it reports (``opened``, ``status``) and keeps
the window title; strings stay in the "MainWindow" translation context they always had.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from vitrine.app.dialogs.error_messages import show_error
from vitrine.app.window.preferences import add_recent_file, autosave_seconds
from vitrine.app.workflows.editor_session import EditorSession
from vitrine.scenes.storage.project_store import Project, ProjectError


class ProjectLife(QObject):
    """Opens, saves and autosaves the session's project. ``opened(project)`` after a project
    is set (new or opened); ``saved()`` after save/save as; ``status(text, ms)`` for the
    status bar. Dialogs are parented to ``window``."""

    opened = Signal(object)
    saved = Signal()
    status = Signal(str, int)

    def __init__(self, window: QWidget, session: EditorSession, settings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.timeout.connect(self.autosave)
        self.apply_settings()

    @property
    def project(self) -> Optional[Project]:
        return self.session.project

    def apply_settings(self) -> None:
        """Take the autosave interval (seconds) from the preferences."""
        self.autosave_timer.setInterval(autosave_seconds(self.settings) * 1000)

    def history_changed(self) -> None:
        """Start the autosave countdown at the first unsaved change; stop it once saved."""
        project = self.project
        if project is not None and project.is_modified:
            if not self.autosave_timer.isActive():
                self.autosave_timer.start()
        else:
            self.autosave_timer.stop()

    # --- new, open ------------------------------------------------------------------------
    def new_project(self, path: str | Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            project = Project.create(path)
        except (ProjectError, OSError) as exc:
            show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot create the project"), exc)
            return False
        self._set_project(project)
        return True

    def open_project(self, path: str | Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            project = Project.open(path)
        except (ProjectError, OSError) as exc:
            show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot open the project"), exc)
            return False
        self._offer_recovery(project)
        self._set_project(project)
        return True

    def _offer_recovery(self, project: Project) -> None:
        info = project.recovery()
        if info is None:
            return
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.saved_at))
        answer = QMessageBox.question(
            self.window, QCoreApplication.translate("MainWindow", "Restore Unsaved Changes?"),
            QCoreApplication.translate("MainWindow", "Vitrine found changes to “%1” that were not saved (autosaved %2). "
                                       "Restore them?").replace("%1", project.name).replace("%2", when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            try:
                project.restore_recovery()
            except ProjectError as exc:
                show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot restore the unsaved changes"), exc)
        else:
            project.discard_recovery()

    def _set_project(self, project: Optional[Project]) -> None:
        self.session.set_project(project)
        self.opened.emit(project)
        if project is not None:
            add_recent_file(self.settings, str(project.path))
            self.status.emit(QCoreApplication.translate("MainWindow", "Opened %1").replace("%1", str(project.path)), 5000)

    # --- save -------------------------------------------------------------------------------
    def save(self) -> bool:
        project = self.project
        if project is None:
            return False
        try:
            project.save()
        except (ProjectError, OSError) as exc:
            show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot save the project"), exc)
            return False
        self.status.emit(QCoreApplication.translate("MainWindow", "Saved %1").replace("%1", str(project.path)), 4000)
        self.saved.emit()
        return True

    def save_as(self, path: str | Path) -> bool:
        project = self.project
        if project is None:
            return False
        try:
            project.save_as(path)
        except (ProjectError, OSError) as exc:
            show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot save the project"), exc)
            return False
        add_recent_file(self.settings, str(project.path))
        self.saved.emit()
        return True

    def autosave(self) -> None:
        """Write unsaved edits to the project's recovery file (never over the saved one)."""
        project = self.project
        if project is not None and project.is_modified:
            try:
                project.write_recovery()
            except OSError as exc:
                self.status.emit(QCoreApplication.translate("MainWindow", "Autosave failed: %1").replace("%1", str(exc)), 8000)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True if it is fine to go on (saved or discarded)."""
        project = self.project
        if project is None or not project.is_modified:
            return True
        answer = QMessageBox.question(
            self.window, QCoreApplication.translate("MainWindow", "Unsaved Changes"),
            QCoreApplication.translate("MainWindow", "Save the changes to “%1” before closing it?").replace("%1", project.name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            project.discard_recovery()  # the curator chose to lose them: don't offer them again
            return True
        return False

    def stop(self) -> None:
        self.autosave_timer.stop()
