"""Scan imports and bundle exports as background jobs with progress and Cancel.

Owned by the main window: a finished import becomes one undo step pushed through the
relay (the document's one entry point) and selected; failures are shown as one-line
messages; ``status(text, ms)`` reports to the status bar. Strings stay in the
"MainWindow" translation context they always had.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from vitrine.app.dialogs.error_messages import describe_error, show_error
from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.window.message_catalogue import scan_reason_text
from vitrine.app.window.background_jobs import BackgroundJob, JobRunner
from vitrine.app.workflows.editor_session import EditorSession
from vitrine.scenes.storage.project_store import Project


class JobControl(QObject):
    """Starts imports and exports on the window's job runner and handles their endings."""

    status = Signal(str, int)
    exported = Signal(object)  # the ExportReport of a finished export

    def __init__(self, window: QWidget, session: EditorSession, relay: DocumentRelay, jobs: JobRunner) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.relay = relay
        self.jobs = jobs

    @property
    def project(self) -> Optional[Project]:
        return self.session.project

    # --- import ---------------------------------------------------------------------------
    def import_scan(self, path: str | Path, name: Optional[str] = None, units: str = "auto",
                    up: str = "auto", simplified: bool = False,
                    drop_point: Optional[tuple[float, float]] = None) -> Optional[BackgroundJob]:
        """Queue a scan import; the artifact is added (one undo step) when it finishes."""
        from vitrine.app.workflows.project_import import import_scan
        project = self.project
        if project is None:
            show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot import the scan"),
                       QCoreApplication.translate("MainWindow", "Open or create a project first."))
            return None
        path = str(path)
        job = self.jobs.start(QCoreApplication.translate("MainWindow", "Importing %1").replace("%1", Path(path).name),
                              lambda progress, cancel: import_scan(project, path, name=name, units=units, up=up,
                                                                   progress=progress, cancel=cancel,
                                                                   simplified=simplified), self.window)
        job.succeeded.connect(lambda result: self._import_finished(project, result, drop_point))
        job.failed.connect(lambda exc: self._import_failed(exc, path, name, units, up, simplified, drop_point))
        job.cancelled.connect(lambda: self.status.emit(QCoreApplication.translate("MainWindow", "Import cancelled"), 4000))
        return job

    def add_from_collection(self, collection: str | Path, asset_id: str,
                            drop_point: Optional[tuple[float, float]] = None) -> Optional[BackgroundJob]:
        """Queue adding a scan prepared by ``vitrine batch``: its files are checked against the
        catalogue and copied, never processed again; then it is added like an import."""
        from vitrine.app.workflows.collection import Collection, add_from_collection
        project = self.project
        if project is None:
            show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot import the scan"),
                       QCoreApplication.translate("MainWindow", "Open or create a project first."))
            return None
        job = self.jobs.start(QCoreApplication.translate("MainWindow", "Adding %1 from the collection").replace("%1", asset_id[:12]),
                              lambda progress, cancel: add_from_collection(project, Collection.open(Path(collection)),
                                                                           asset_id), self.window)
        job.succeeded.connect(lambda result: self._import_finished(project, result, drop_point))
        job.failed.connect(lambda exc: show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot import the scan"), exc))
        return job

    def _import_failed(self, exc: BaseException, path: str, name: Optional[str], units: str, up: str,
                       simplified: bool,
                       drop_point: Optional[tuple[float, float]] = None) -> None:
        """A scan over the face limit is not loaded by surprise: offer a simplified import."""
        from vitrine.assets.scan_errors import ScanTooLarge
        if isinstance(exc, ScanTooLarge) and not simplified:
            answer = QMessageBox.question(
                self.window, QCoreApplication.translate("MainWindow", "Very large scan"),
                QCoreApplication.translate("MainWindow", "%1\n\nImport a simplified version (500,000 faces)? The original file is kept "
                                           "unchanged in the project.").replace("%1", describe_error(exc)[0]),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Yes:
                self.import_scan(path, name=name, units=units, up=up, simplified=True, drop_point=drop_point)
            return
        show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot import the scan"), exc)

    def _import_finished(self, project: Project, result: Any,
                         drop_point: Optional[tuple[float, float]] = None) -> None:
        if project is not self.project:
            return  # another project was opened meanwhile; its stored files stay unused
        from vitrine.app.workflows.placement import placed_import_command
        # placed now, on the GUI thread, against the document as it is (other imports may have
        # landed meanwhile): artifact + plinth + start view as one undo step
        self.relay.push(placed_import_command(project.document, result.command, result.artifact_id, drop_point))
        self.relay.select([result.artifact_id])
        warnings = list(getattr(result, "warnings", []) or [])
        artifact = project.document.find(result.artifact_id)
        name = getattr(artifact, "name", "") or str(result.artifact_id)  # the curator's name for it, not its id
        message = QCoreApplication.translate("MainWindow", "Imported %1").replace("%1", name)
        if warnings:
            message += " — " + "; ".join(scan_reason_text(w) for w in warnings)
        self.status.emit(message, 10000)

    # --- export ---------------------------------------------------------------------------
    def export_bundle(self, out_dir: str, profile: str = "web", make_zip: bool = False, recipient: str = "",
                      max_level: Optional[str] = None) -> Optional[BackgroundJob]:
        from vitrine.exporters import export_bundle
        project = self.project
        if project is None:
            return None
        job = self.jobs.start(QCoreApplication.translate("MainWindow", "Exporting %1").replace("%1", project.name),
                              lambda progress, cancel: export_bundle(project, out_dir, profile=profile,
                                                                     make_zip=make_zip, progress=progress,
                                                                     cancel=cancel, recipient=recipient,
                                                                     max_level=max_level), self.window)
        job.succeeded.connect(lambda report: self._export_finished(report, out_dir))
        job.failed.connect(lambda exc: show_error(self.window, QCoreApplication.translate("MainWindow", "Cannot export the bundle"), exc))
        job.cancelled.connect(lambda: self.status.emit(QCoreApplication.translate("MainWindow", "Export cancelled"), 4000))
        return job

    def _export_finished(self, report: Any, out_dir: str) -> None:
        self.status.emit(QCoreApplication.translate("MainWindow", "Exported to %1").replace("%1", out_dir), 10000)
        self.exported.emit(report)

    def cancel_all(self) -> None:
        self.jobs.cancel_all()
