"""The editor's main window: the viewport in the middle, dockable panels around it, menus
and the file dialogs. A project's life (new/open/save, autosave and recovery) is
:class:`~vitrine.app.window.project_life.ProjectLife`; imports and exports as background jobs are
:class:`~vitrine.app.window.job_control.JobControl`; the window shows what they report."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QSettings, QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QWidget

from vitrine.app.window import actions as window_actions
from vitrine.app.panels.annotation_panel import AnnotationPanel
from vitrine.app.panels.asset_panel import AssetPanel
from vitrine.app.panels.collection_panel import CollectionPanel, collection_drop
from vitrine.app.window.background_jobs import BackgroundJob, JobRunner
from vitrine.app.window.job_control import JobControl
from vitrine.app.window.tape_control import TapeControl
from vitrine.app.window.project_life import ProjectLife
from vitrine.app.window.browser_preview import BrowserPreview
from vitrine.app.window.command_labels import command_label
from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.workflows.editor_session import EditorSession
from vitrine.app.dialogs.export_dialog import ExportDialog
from vitrine.app.dialogs.export_summary import ExportSummaryDialog
from vitrine.app.dialogs.help_dialogs import ShortcutsDialog, show_about
from vitrine.app.dialogs.error_messages import show_error
from vitrine.app.dialogs.import_dialog import SCAN_FILTER, SCAN_SUFFIXES, ImportOptionsDialog, check_scan
from vitrine.app.panels.exhibit_panel import ExhibitPanel
from vitrine.app.panels.inspector_panel import InspectorPanel
from vitrine.app.panels.outline_panel import OutlinePanel
from vitrine.app.panels.plain_text import plain_tooltip
from vitrine.app.window.preferences import PreferencesDialog, default_settings, recent_files
from vitrine.app.panels.problems_panel import ProblemsPanel
from vitrine.app.panels.record_panel import RecordPanel
from vitrine.app.panels.tour_panel import TourPanel
from vitrine.app.panels.translations_panel import add_translations_dock
from vitrine.app.window.translations import LANGUAGE_KEY, chosen_language, install_translations
from vitrine.app.viewport.viewport_widget import ViewportWidget
from vitrine.app.visitor.preview import VisitorPreview
from vitrine.app.window.edit_slots import EditSlotsMixin
from vitrine.app.window.arrange_menu import create_arrange_menu
from vitrine.app.window.global_undo import UndoFromAnywhere
from vitrine.scenes.storage.project_store import Project

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
        self.viewport = ViewportWidget(session, self, relay=self.relay)
        self.setCentralWidget(self.viewport)
        self._build_panels()
        window_actions.create_actions(self)
        window_actions.create_menus(self)
        create_arrange_menu(self)  # layouts, lighting presets, room, start view (app/window/arrange_menu.py)
        for dock in self.docks:
            self.menu_panels.addAction(dock.toggleViewAction())
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self.outline_panel.context_actions = [self.action_rename, self.action_duplicate, self.action_delete]
        self._connect_viewport()
        # Ctrl+Z / Ctrl+Shift+Z from any field or floating dock (see global_undo.py)
        for action in (self.action_undo, self.action_redo):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.undo_from_anywhere = UndoFromAnywhere(self)
        self.visitor_overlay = VisitorPreview(self.viewport, session, self)
        self.browser_preview = BrowserPreview(self)
        # the overlay mirrors the document (hotspots, tours, languages) while it is shown
        self.relay.documentChanged.connect(self._refresh_visitor_overlay)
        self.relay.projectChanged.connect(lambda _p: self._refresh_visitor_overlay())
        self.life = ProjectLife(self, session, self.settings)
        self.life.opened.connect(lambda _project: self._show_start_view())
        self.life.saved.connect(self._on_history_changed)
        self.life.status.connect(self._show_status)
        self.job_control = JobControl(self, session, self.relay, self.jobs)
        self.job_control.status.connect(self._show_status)
        self.tape_control = TapeControl(self.relay, self.viewport, lambda: self.tour_panel.current_step_id(), self)
        self.tape_control.status.connect(self._show_status)
        self.tape_control.changed.connect(self._update_actions)
        self.job_control.exported.connect(self.show_export_summary)
        self.export_summary: Optional[ExportSummaryDialog] = None
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
        self.exhibit_panel = ExhibitPanel(self.relay)
        self.outline_dock = self._dock("outlineDock", QT_TRANSLATE_NOOP("MainWindow", "Outline"), self.outline_panel, L)
        self.asset_dock = self._dock("assetDock", QT_TRANSLATE_NOOP("MainWindow", "Assets"), self.asset_panel, L)
        self.inspector_dock = self._dock("inspectorDock", QT_TRANSLATE_NOOP("MainWindow", "Inspector"), self.inspector_panel, R)
        self.annotation_dock = self._dock("annotationDock", QT_TRANSLATE_NOOP("MainWindow", "Annotations"), self.annotation_panel, R)
        self.exhibit_dock = self._dock("exhibitDock", QT_TRANSLATE_NOOP("MainWindow", "Exhibit"), self.exhibit_panel, R)
        self.record_dock = self._dock("recordDock", QT_TRANSLATE_NOOP("MainWindow", "Object Record and Rights"), self.record_panel, R)
        self.tour_dock = self._dock("tourDock", QT_TRANSLATE_NOOP("MainWindow", "Tours"), self.tour_panel, B)
        self.problems_dock = self._dock("problemsDock", QT_TRANSLATE_NOOP("MainWindow", "Problems"), self.problems_panel, B)
        self.collection_panel = CollectionPanel()
        self.collection_panel.addRequested.connect(self.add_from_collection)
        self.collection_dock = self._dock("collectionDock", QT_TRANSLATE_NOOP("MainWindow", "Collection"),
                                          self.collection_panel, L)
        self.tabifyDockWidget(self.outline_dock, self.asset_dock)
        self.tabifyDockWidget(self.asset_dock, self.collection_dock)
        self.tabifyDockWidget(self.inspector_dock, self.annotation_dock)
        self.tabifyDockWidget(self.annotation_dock, self.record_dock)
        self.tabifyDockWidget(self.record_dock, self.exhibit_dock)
        self.tabifyDockWidget(self.tour_dock, self.problems_dock)
        self.translations_dock = add_translations_dock(self)
        self.outline_dock.raise_()
        self.inspector_dock.raise_()
        self.tour_dock.raise_()
        self.resizeDocks([self.outline_dock, self.inspector_dock], [300, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.tour_dock], [220], Qt.Orientation.Vertical)
        self.problems_panel.objectActivated.connect(self._problem_activated)

    def _connect_viewport(self) -> None:
        vp: Any = self.viewport
        self.tour_panel.camera_state = lambda: vp.camera_state()
        self.exhibit_panel.camera_state = lambda: vp.camera_state()
        self.tour_panel.fly_to_step = lambda step: self.visitor_overlay.fly_to_step(step)
        # the viewport selects what is clicked and pushes the pins it places itself (through the relay)
        vp.annotationPinned.connect(lambda _ann_id: self.annotation_dock.raise_())

    def _problem_activated(self, obj_id: str) -> None:
        """Show where a problem is fixed: the exhibit's own settings, or the object in the view."""
        doc = self.session.document
        if doc is not None and obj_id == doc.exhibit.id:
            self.exhibit_dock.show()
            self.exhibit_dock.raise_()
        else:
            self.frame_selection()

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
        self.life.history_changed()  # autosave 30 s after the first unsaved change
        self._update_actions()

    def _show_status(self, text: str, ms: int) -> None:
        self.statusBar().showMessage(text, ms)

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
                       self.action_add_light, self.action_add_viewpoint, self.action_add_tour,
                       self.action_frame):  # Frame Selection with nothing selected frames everything
            action.setEnabled(has_project)
        for action in (self.action_cut, self.action_copy, self.action_duplicate, self.action_delete,
                       self.action_rename):
            action.setEnabled(has_project and has_selection)
        measured = hasattr(self, "tape_control") and self.tape_control.tape.metres() is not None
        self.action_measure.setEnabled(has_project)
        self.action_save_measurement_annotation.setEnabled(has_project and measured)
        self.action_save_measurement_step.setEnabled(has_project and measured)

    # --- project life (see ProjectLife) --------------------------------------------------------
    @property
    def autosave_timer(self) -> QTimer:
        return self.life.autosave_timer

    def new_project(self, path: str | Path) -> bool:
        return self.life.new_project(path)

    def open_project(self, path: str | Path) -> bool:
        return self.life.open_project(path)

    def save(self) -> bool:
        return self.life.save()

    def save_as(self, path: str | Path) -> bool:
        return self.life.save_as(path)

    def autosave(self) -> None:
        self.life.autosave()

    def maybe_save(self) -> bool:
        return self.life.maybe_save()

    def _show_start_view(self) -> None:
        """Open on the exhibit's start viewpoint, as visitors will; without one, frame everything."""
        doc = self.session.document
        if doc is None:
            return
        start = doc.find(doc.exhibit.start_viewpoint_id) if doc.exhibit.start_viewpoint_id else None
        if start is not None and hasattr(start, "eye"):
            self.viewport.set_camera(start.eye, start.target, start.up, start.fov)
        else:
            self.viewport.frame_selection()  # nothing is selected yet: the whole scene

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
            self.life.apply_settings()
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

    # --- background jobs (see JobControl) ---------------------------------------------------------------------------
    def import_scan_dialog(self) -> None:
        if self.project is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import Scan"), self._start_dir(), SCAN_FILTER)
        if not path:
            return
        from vitrine.assets.scan_errors import ScanError
        try:
            check_scan(path)  # a bad file (a text file renamed .ply…) is refused before any options
        except (ScanError, OSError) as exc:
            show_error(self, self.tr("Cannot import the scan"), exc)
            return
        options = ImportOptionsDialog.get_options(path, self)
        if options is not None:
            self.import_scan(path, **options)

    def import_scan(self, path: str | Path, name: Optional[str] = None, units: str = "auto",
                    up: str = "auto", simplified: bool = False,
                    drop_point: Optional[tuple[float, float]] = None) -> Optional[BackgroundJob]:
        """Queue a scan import; the artifact is added and placed (one undo step) when it finishes,
        in free floor space nearest ``drop_point`` (x, z) m if given, else beside the others."""
        return self.job_control.import_scan(path, name=name, units=units, up=up, simplified=simplified,
                                            drop_point=drop_point)

    def export_dialog(self) -> None:
        if self.project is None:
            return
        options = ExportDialog.get_options(str(self.project.path.parent / f"{self.project.name}-web"), self)
        if options is not None:
            self.export_bundle(**options)

    def show_export_summary(self, report: Any) -> ExportSummaryDialog:
        """What the export wrote, its warnings and signing key; open the folder or preview it."""
        problems = self.project.validate() if self.project is not None else []
        if self.export_summary is not None:
            self.export_summary.close()
        self.export_summary = ExportSummaryDialog(report, problems, self.browser_preview.serve_bundle, self)
        self.export_summary.show()
        return self.export_summary

    def publications_dialog(self) -> None:
        if self.project is not None:
            from vitrine.app.dialogs.publications_dialog import PublicationsDialog
            PublicationsDialog(self.project.path, self).exec()

    def export_bundle(self, out_dir: str, profile: str = "web", make_zip: bool = False, recipient: str = "",
                      max_level: Optional[str] = None) -> Optional[BackgroundJob]:
        return self.job_control.export_bundle(out_dir, profile=profile, make_zip=make_zip, recipient=recipient,
                                              max_level=max_level)

    # --- drag and drop of scans ----------------------------------------------------------------------
    @staticmethod
    def _scan_paths(mime: QMimeData) -> list[str]:
        return [u.toLocalFile() for u in mime.urls()
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in SCAN_SUFFIXES]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.project is not None and (self._scan_paths(mime) or collection_drop(mime)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from vitrine.app.window.drop_placement import floor_point_under
        prepared = collection_drop(event.mimeData())
        paths = self._scan_paths(event.mimeData())
        if prepared is None and not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        drop_point = floor_point_under(self.viewport, self.viewport.mapFrom(self, event.position().toPoint()))
        if prepared is not None:
            self.add_from_collection(*prepared, drop_point=drop_point)
        for path in paths:
            self.import_scan(path, drop_point=drop_point)

    def add_from_collection(self, collection: str, asset_id: str,
                            drop_point: Optional[tuple[float, float]] = None) -> Optional[BackgroundJob]:
        """Add a scan prepared by ``vitrine batch`` (no reprocessing; placed as an import is,
        at ``drop_point`` (x, z) m if given; one undo step)."""
        return self.job_control.add_from_collection(collection, asset_id, drop_point=drop_point)

    # --- view ------------------------------------------------------------------------------------------------
    def frame_selection(self) -> None:
        self.viewport.frame_selection()

    def view_preset(self, preset: str) -> None:
        self.viewport.set_view_preset(preset)

    def set_pin_mode(self, on: bool) -> None:
        if on and self.action_measure.isChecked():
            self.action_measure.setChecked(False)  # one click mode at a time
        self.viewport.set_pin_mode(on)

    def save_measurement(self, where: str) -> bool:
        """Save the tape's measurement in the selected annotation or the Tours panel's step."""
        saved = (self.tape_control.save_in_annotation() if where == "annotation" else self.tape_control.save_in_step())
        if not saved:
            self._show_status(self.tr("Select an annotation first") if where == "annotation"
                              else self.tr("Select a tour step first"), 5000)
        return saved

    def set_measure_mode(self, on: bool) -> None:
        if on and self.action_pin_mode.isChecked():
            self.action_pin_mode.setChecked(False)
        self.tape_control.set_active(on)

    def set_visitor_preview(self, on: bool) -> None:
        """Show the exhibit as visitors will: panels hidden, no editing gizmos, the viewer's
        hotspots, annotation card, language switch and tours over the 3D view."""
        self.viewport.set_visitor_preview(on)
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
        from vitrine.scenes.version import version
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
        self.job_control.cancel_all()
        self.browser_preview.stop()
        self.life.stop()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(STATE_VERSION))
        self.settings.sync()
        self.relay.detach()
        event.accept()
