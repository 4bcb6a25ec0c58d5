"""The editor's main window: the viewport in the middle, dockable panels around it,
menus, project lifecycle (new/open/save, autosave and recovery), scan import and
export as background jobs, and drag-and-drop of scan files."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QSettings, QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox, QWidget

from app import window_actions
from app.annotation_panel import AnnotationPanel
from app.asset_panel import AssetPanel
from app.background_jobs import BackgroundJob, JobRunner
from app.browser_preview import BrowserPreview
from app.command_labels import command_label
from app.document_relay import DocumentRelay
from app.editor_session import EditorSession
from app.error_messages import show_error
from app.export_dialog import ExportDialog
from app.help_dialogs import ShortcutsDialog, show_about
from app.import_dialog import SCAN_FILTER, SCAN_SUFFIXES, ImportOptionsDialog
from app.inspector_panel import InspectorPanel
from app.outline_panel import OutlinePanel
from app.plain_text import plain_tooltip
from app.preferences import PreferencesDialog, add_recent_file, autosave_seconds, default_settings, recent_files
from app.problems_panel import ProblemsPanel
from app.record_panel import RecordPanel
from app.tour_panel import TourPanel
from app.translations import LANGUAGE_KEY, chosen_language, install_translations
from app.viewport_host import create_viewport
from app.visitor_preview import VisitorPreview
from app.window_edit_slots import EditSlotsMixin
from scenes.project_store import Project, ProjectError

STATE_VERSION = 1


class MainWindow(EditSlotsMixin, QMainWindow):
    def __init__(self, session: EditorSession, settings: Optional[QSettings] = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings if settings is not None else default_settings()
        self.relay = DocumentRelay(session, self)
        self.jobs = JobRunner(self)
        self.setObjectName("vitrineMainWindow")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.viewport = create_viewport(session, self)
        self.setCentralWidget(self.viewport)
        self._build_panels()
        window_actions.create_actions(self)
        window_actions.create_menus(self)
        for dock in self.docks:
            self.menu_panels.addAction(dock.toggleViewAction())
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.outline_panel.context_actions = [self.action_rename, self.action_duplicate, self.action_delete]
        self._connect_viewport()
        self.visitor_overlay = VisitorPreview(self.viewport, session, self)
        self.browser_preview = BrowserPreview(self)
        # the overlay mirrors the document (hotspots, tours, languages) while it is shown
        self.relay.documentChanged.connect(self._refresh_visitor_overlay)
        self.relay.projectChanged.connect(lambda _p: self._refresh_visitor_overlay())
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(autosave_seconds(self.settings) * 1000)
        self.autosave_timer.timeout.connect(self.autosave)
        self.relay.historyChanged.connect(self._on_history_changed)
        self.relay.projectChanged.connect(lambda _p: self._on_history_changed())
        self.relay.selectionChanged.connect(lambda _ids: self._update_actions())
        self.resize(1440, 900)
        self._default_state = self.saveState(STATE_VERSION)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state, STATE_VERSION)
        self._hidden_for_preview: list[QDockWidget] = []
        self._on_history_changed()
        self.statusBar().showMessage(self.tr("Ready"), 3000)

    # --- construction -------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """A dock titled with the translation of the English ``title`` (kept for retranslation)."""
        dock = QDockWidget(window_actions.tr(title), self)
        dock.setProperty(window_actions.SOURCE, title)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks.append(dock)
        return dock

    def _build_panels(self) -> None:
        L, R, B = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        self.docks: list[QDockWidget] = []
        self.outline_panel = OutlinePanel(self.relay)
        self.asset_panel = AssetPanel(self.relay)
        self.inspector_panel = InspectorPanel(self.relay)
        self.annotation_panel = AnnotationPanel(self.relay)
        self.record_panel = RecordPanel(self.relay)
        self.tour_panel = TourPanel(self.relay)
        self.problems_panel = ProblemsPanel(self.relay)
        self.outline_dock = self._dock("outlineDock", QT_TRANSLATE_NOOP("MainWindow", "Outline"), self.outline_panel, L)
        self.asset_dock = self._dock("assetDock", QT_TRANSLATE_NOOP("MainWindow", "Assets"), self.asset_panel, L)
        self.inspector_dock = self._dock("inspectorDock", QT_TRANSLATE_NOOP("MainWindow", "Inspector"), self.inspector_panel, R)
        self.annotation_dock = self._dock("annotationDock", QT_TRANSLATE_NOOP("MainWindow", "Annotations"), self.annotation_panel, R)
        self.record_dock = self._dock("recordDock", QT_TRANSLATE_NOOP("MainWindow", "Object Record and Rights"), self.record_panel, R)
        self.tour_dock = self._dock("tourDock", QT_TRANSLATE_NOOP("MainWindow", "Tours"), self.tour_panel, B)
        self.problems_dock = self._dock("problemsDock", QT_TRANSLATE_NOOP("MainWindow", "Problems"), self.problems_panel, B)
        self.tabifyDockWidget(self.outline_dock, self.asset_dock)
        self.tabifyDockWidget(self.inspector_dock, self.annotation_dock)
        self.tabifyDockWidget(self.annotation_dock, self.record_dock)
        self.tabifyDockWidget(self.tour_dock, self.problems_dock)
        self.outline_dock.raise_()
        self.inspector_dock.raise_()
        self.tour_dock.raise_()
        self.resizeDocks([self.outline_dock, self.inspector_dock], [300, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.tour_dock], [220], Qt.Orientation.Vertical)
        self.problems_panel.objectActivated.connect(lambda _id: self.frame_selection())

    def _connect_viewport(self) -> None:
        vp: Any = self.viewport
        self.tour_panel.camera_state = lambda: vp.camera_state()
        self.tour_panel.fly_to = lambda vp_id: vp.fly_to_viewpoint(vp_id)
        vp.objectClicked.connect(lambda obj_id: self.relay.select([obj_id] if obj_id else []))
        vp.pinPlaced.connect(self.pin_annotation)

    # --- state shown in the window ---------------------------------------------------------
    @property
    def project(self) -> Optional[Project]:
        return self.session.project

    def _on_history_changed(self) -> None:
        project = self.project
        modified = project is not None and project.is_modified
        # "[*]" is Qt's modified-marker placeholder; one in the project's name is doubled to show literally.
        name = project.name.replace("[*]", "[*][*]") if project else ""
        self.setWindowTitle(f"{name}[*] — Vitrine" if project else "Vitrine")
        self.setWindowModified(modified)
        if modified and not self.autosave_timer.isActive():
            self.autosave_timer.start()  # 30 s after the first unsaved change
        elif not modified:
            self.autosave_timer.stop()
        self._update_actions()

    def _update_actions(self) -> None:
        doc = self.session.document
        history = doc.history if doc else None
        if history is not None and history.can_undo:
            self.action_undo.setText(self.tr("&Undo %1").replace("%1", command_label(history.undo_label)))
        else:
            self.action_undo.setText(self.tr("&Undo"))
        if history is not None and history.can_redo:
            self.action_redo.setText(self.tr("&Redo %1").replace("%1", command_label(history.redo_label)))
        else:
            self.action_redo.setText(self.tr("&Redo"))
        self.action_undo.setEnabled(bool(history and history.can_undo))
        self.action_redo.setEnabled(bool(history and history.can_redo))
        has_project = doc is not None
        has_selection = bool(self.session.selection.ids)
        for action in (self.action_save, self.action_save_as, self.action_import, self.action_export,
                       self.action_publications, self.action_preview_browser,
                       self.action_paste, self.action_select_all, self.action_add_plinth,
                       self.action_add_light, self.action_add_viewpoint, self.action_add_tour):
            action.setEnabled(has_project)
        for action in (self.action_cut, self.action_copy, self.action_duplicate, self.action_delete,
                       self.action_rename, self.action_frame):
            action.setEnabled(has_project and has_selection)

    # --- project lifecycle -------------------------------------------------------------------
    def new_project(self, path: str | Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            project = Project.create(path)
        except (ProjectError, OSError) as exc:
            show_error(self, self.tr("Cannot create the project"), exc)
            return False
        self._set_project(project)
        return True

    def open_project(self, path: str | Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            project = Project.open(path)
        except (ProjectError, OSError) as exc:
            show_error(self, self.tr("Cannot open the project"), exc)
            return False
        info = project.recovery()
        if info is not None:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.saved_at))
            answer = QMessageBox.question(
                self, self.tr("Restore Unsaved Changes?"),
                self.tr("Vitrine found changes to “%1” that were not saved (autosaved %2). "
                        "Restore them?").replace("%1", project.name).replace("%2", when),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes:
                try:
                    project.restore_recovery()
                except ProjectError as exc:
                    show_error(self, self.tr("Cannot restore the unsaved changes"), exc)
            else:
                project.discard_recovery()
        self._set_project(project)
        return True

    def _set_project(self, project: Optional[Project]) -> None:
        self.session.set_project(project)
        self._show_start_view()
        if project is not None:
            add_recent_file(self.settings, str(project.path))
            self.statusBar().showMessage(self.tr("Opened %1").replace("%1", str(project.path)), 5000)

    def _show_start_view(self) -> None:
        """Open on the exhibit's start viewpoint, as visitors will; without one, frame everything."""
        doc = self.session.document
        if doc is None:
            return
        start = doc.find(doc.exhibit.start_viewpoint_id) if doc.exhibit.start_viewpoint_id else None
        if start is not None and hasattr(start, "eye"):
            self.viewport.set_camera(start.eye, start.target, start.up, start.fov)  # type: ignore[attr-defined]
        else:
            self.viewport.frame_selection()  # type: ignore[attr-defined]  # nothing is selected yet: the whole scene

    def save(self) -> bool:
        if self.project is None:
            return False
        try:
            self.project.save()
        except (ProjectError, OSError) as exc:
            show_error(self, self.tr("Cannot save the project"), exc)
            return False
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(self.project.path)), 4000)
        return True

    def save_as(self, path: str | Path) -> bool:
        if self.project is None:
            return False
        try:
            self.project.save_as(path)
        except (ProjectError, OSError) as exc:
            show_error(self, self.tr("Cannot save the project"), exc)
            return False
        add_recent_file(self.settings, str(self.project.path))
        self._on_history_changed()
        return True

    def autosave(self) -> None:
        """Write unsaved edits to the project's recovery file (never over the saved one)."""
        if self.project is not None and self.project.is_modified:
            try:
                self.project.write_recovery()
            except OSError as exc:
                self.statusBar().showMessage(self.tr("Autosave failed: %1").replace("%1", str(exc)), 8000)

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True if it is fine to go on (saved or discarded)."""
        if self.project is None or not self.project.is_modified:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved Changes"),
            self.tr("Save the changes to “%1” before closing it?").replace("%1", self.project.name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.project.discard_recovery()  # the curator chose to lose them: don't offer them again
            return True
        return False

    # --- file dialogs ----------------------------------------------------------------------------
    def _start_dir(self) -> str:
        recent = recent_files(self.settings)
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def new_project_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New Project"), self._start_dir(),
                                              self.tr("Vitrine projects (*.vitrine)"))
        if path:
            self.new_project(path)

    def open_project_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open Project"), self._start_dir())
        if path:
            self.open_project(path)

    def save_as_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save Project As"), self._start_dir(),
                                              self.tr("Vitrine projects (*.vitrine)"))
        if path:
            self.save_as(path)

    def _fill_recent_menu(self) -> None:
        self.menu_recent.clear()
        files = recent_files(self.settings)
        for path in files:
            action = self.menu_recent.addAction(Path(path).name)
            action.setToolTip(plain_tooltip(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_project(p))
        if not files:
            self.menu_recent.addAction(self.tr("(no recent projects)")).setEnabled(False)

    def preferences_dialog(self) -> None:
        before = chosen_language(self.settings)
        if PreferencesDialog(self.settings, self).exec():
            self.autosave_timer.setInterval(autosave_seconds(self.settings) * 1000)
            if chosen_language(self.settings) != before:
                self.set_ui_language(chosen_language(self.settings))

    def set_ui_language(self, language: str) -> None:
        """Switch the UI language now: installing the translators sends LanguageChange,
        on which the menus, docks, outline and overlay are set again (``changeEvent``)."""
        self.settings.setValue(LANGUAGE_KEY, language)
        install_translations(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "action_undo"):
            window_actions.retranslate(self)
            self._update_actions()  # Undo/Redo carry the command name
            if hasattr(self, "visitor_overlay"):
                self._refresh_visitor_overlay()
        super().changeEvent(event)

    # --- background jobs ---------------------------------------------------------------------------
    def import_scan_dialog(self) -> None:
        if self.project is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import Scan"), self._start_dir(), SCAN_FILTER)
        if not path:
            return
        options = ImportOptionsDialog.get_options(path, self)
        if options is not None:
            self.import_scan(path, **options)

    def import_scan(self, path: str | Path, name: Optional[str] = None, units: str = "auto",
                    up: str = "auto", simplified: bool = False) -> Optional[BackgroundJob]:
        """Queue a scan import; the artifact is added (one undo step) when it finishes."""
        project = self.project
        if project is None:
            show_error(self, self.tr("Cannot import the scan"), self.tr("Open or create a project first."))
            return None
        try:
            from app.project_import import import_scan
        except ImportError as exc:
            show_error(self, self.tr("Cannot import the scan"), self.tr("Scan import is not available."), str(exc))
            return None
        path = str(path)
        job = self.jobs.start(self.tr("Importing %1").replace("%1", Path(path).name),
                              lambda progress, cancel: import_scan(project, path, name=name, units=units, up=up,
                                                                   progress=progress, cancel=cancel,
                                                                   simplified=simplified), self)
        job.succeeded.connect(lambda result: self._import_finished(project, result))
        job.failed.connect(lambda exc: self._import_failed(exc, path, name, units, up, simplified))
        job.cancelled.connect(lambda: self.statusBar().showMessage(self.tr("Import cancelled"), 4000))
        return job

    def _import_failed(self, exc: BaseException, path: str, name: Optional[str], units: str, up: str,
                       simplified: bool) -> None:
        """A scan over the face limit is not loaded by surprise: offer a simplified import."""
        from assets.scan_errors import ScanTooLarge
        if isinstance(exc, ScanTooLarge) and not simplified:
            answer = QMessageBox.question(
                self, self.tr("Very large scan"),
                self.tr("%1\n\nImport a simplified version (500,000 faces)? The original file is kept "
                        "unchanged in the project.").replace("%1", str(exc)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Yes:
                self.import_scan(path, name=name, units=units, up=up, simplified=True)
            return
        show_error(self, self.tr("Cannot import the scan"), exc)

    def _import_finished(self, project: Project, result: Any) -> None:
        if project is not self.project:
            return  # another project was opened meanwhile; its stored files stay unused
        self.relay.push(result.command)
        self.relay.select([result.artifact_id])
        warnings = list(getattr(result, "warnings", []) or [])
        message = self.tr("Imported %1").replace("%1", str(getattr(result, "artifact_id", "")))
        if warnings:
            message += " — " + "; ".join(str(w) for w in warnings)
        self.statusBar().showMessage(message, 10000)

    def export_dialog(self) -> None:
        if self.project is None:
            return
        options = ExportDialog.get_options(str(self.project.path.parent / f"{self.project.name}-web"), self)
        if options is not None:
            self.export_bundle(**options)

    def publications_dialog(self) -> None:
        if self.project is not None:
            from app.publications_dialog import PublicationsDialog
            PublicationsDialog(self.project.path, self).exec()

    def export_bundle(self, out_dir: str, profile: str = "web", make_zip: bool = False, recipient: str = "",
                      max_level: Optional[str] = None) -> Optional[BackgroundJob]:
        project = self.project
        if project is None:
            return None
        try:
            from exporters import export_bundle
        except ImportError as exc:
            show_error(self, self.tr("Cannot export the bundle"), self.tr("The exporter is not available."), str(exc))
            return None
        job = self.jobs.start(self.tr("Exporting %1").replace("%1", project.name),
                              lambda progress, cancel: export_bundle(project, out_dir, profile=profile,
                                                                     make_zip=make_zip, progress=progress,
                                                                     cancel=cancel, recipient=recipient,
                                                                     max_level=max_level), self)
        job.succeeded.connect(lambda _r: self.statusBar().showMessage(
            self.tr("Exported to %1").replace("%1", out_dir), 10000))
        job.failed.connect(lambda exc: show_error(self, self.tr("Cannot export the bundle"), exc))
        job.cancelled.connect(lambda: self.statusBar().showMessage(self.tr("Export cancelled"), 4000))
        return job

    # --- drag and drop of scans ----------------------------------------------------------------------
    @staticmethod
    def _scan_paths(mime: QMimeData) -> list[str]:
        return [u.toLocalFile() for u in mime.urls()
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in SCAN_SUFFIXES]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.project is not None and self._scan_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._scan_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        for path in paths:
            self.import_scan(path)

    # --- view ------------------------------------------------------------------------------------------------
    def frame_selection(self) -> None:
        self.viewport.frame_selection()  # type: ignore[attr-defined]

    def view_preset(self, preset: str) -> None:
        self.viewport.set_view_preset(preset)  # type: ignore[attr-defined]

    def set_pin_mode(self, on: bool) -> None:
        self.viewport.set_pin_mode(on)  # type: ignore[attr-defined]

    def set_visitor_preview(self, on: bool) -> None:
        """Show the exhibit as visitors will: panels hidden, no editing gizmos, the viewer's
        hotspots, annotation card, language switch and tours over the 3D view."""
        self.viewport.set_visitor_preview(on)  # type: ignore[attr-defined]
        self.visitor_overlay.set_active(on)
        if on:
            self._hidden_for_preview = [d for d in self.docks if d.isVisible()]
            for dock in self._hidden_for_preview:
                dock.hide()
        else:
            for dock in self._hidden_for_preview:
                dock.show()
            self._hidden_for_preview = []

    def _refresh_visitor_overlay(self) -> None:
        if self.visitor_overlay.active:
            self.visitor_overlay.refresh()

    def preview_in_browser(self) -> Optional[BackgroundJob]:
        """Export to a temporary folder, serve it on this machine and open the browser."""
        return self.browser_preview.start()

    def reset_layout(self) -> None:
        self.restoreState(self._default_state, STATE_VERSION)
        for dock in self.docks:
            dock.show()

    def about(self) -> None:
        from app.cli import version
        show_about(self, version())

    def show_shortcuts(self) -> None:
        ShortcutsDialog([a for a in self.findChildren(type(self.action_undo))], self).exec()

    # --- closing ----------------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.action_visitor_preview.isChecked():
            self.action_visitor_preview.setChecked(False)
        self.jobs.cancel_all()
        self.browser_preview.stop()
        self.autosave_timer.stop()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(STATE_VERSION))
        self.settings.sync()
        self.relay.detach()
        event.accept()
