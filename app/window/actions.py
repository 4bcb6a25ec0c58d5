"""The main window's actions, menus and toolbar (kept apart from the window's logic).

Each action is set as an attribute of the window (``action_undo``…) so tests and
the shortcuts dialog can reach it. Shortcuts are the platform's standard keys.

Texts are given untranslated (``QT_TRANSLATE_NOOP``) and each action, menu, toolbar and
dock keeps its English source in the ``source_text`` property, so ``retranslate`` can set
them again when the UI language changes while the editor runs.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDockWidget, QMenu, QToolBar
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

# The MainWindow these functions fill. Typed loosely on purpose: main_window imports this
# module, so importing main_window here (even for type checking) would be an import circle.
Window = Any

Std = QKeySequence.StandardKey


SOURCE = "source_text"
SOURCE_TIP = "source_tooltip"


def tr(source: str) -> str:
    return QCoreApplication.translate("MainWindow", source)


def _action(window: Window, name: str, text: str, slot: Optional[Callable[..., Any]] = None,
            shortcut: Any = None, checkable: bool = False, icon: Any = None) -> QAction:
    action = QAction(tr(text), window)
    action.setProperty(SOURCE, text)
    action.setObjectName(name)
    if shortcut is not None:
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(QKeySequence(shortcut))
    action.setCheckable(checkable)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if slot is not None:
        (action.toggled if checkable else action.triggered).connect(slot)
    setattr(window, name, action)
    return action


def create_actions(w: Window) -> None:
    sp = QStyle.StandardPixmap
    # File
    _action(w, "action_new", QT_TRANSLATE_NOOP("MainWindow", "&New Project…"), w.new_project_dialog, Std.New, icon=sp.SP_FileIcon)
    _action(w, "action_open", QT_TRANSLATE_NOOP("MainWindow", "&Open Project…"), w.open_project_dialog, Std.Open, icon=sp.SP_DialogOpenButton)
    _action(w, "action_save", QT_TRANSLATE_NOOP("MainWindow", "&Save"), w.save, Std.Save, icon=sp.SP_DialogSaveButton)
    _action(w, "action_save_as", QT_TRANSLATE_NOOP("MainWindow", "Save &As…"), w.save_as_dialog, Std.SaveAs)
    _action(w, "action_import", QT_TRANSLATE_NOOP("MainWindow", "&Import Scan…"), w.import_scan_dialog, "Ctrl+I", icon=sp.SP_ArrowDown)
    _action(w, "action_export", QT_TRANSLATE_NOOP("MainWindow", "&Export Bundle…"), w.export_dialog, "Ctrl+E", icon=sp.SP_ArrowUp)
    _action(w, "action_publications", QT_TRANSLATE_NOOP("MainWindow", "&Publications…"), w.publications_dialog)
    _action(w, "action_preferences", QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"), w.preferences_dialog, Std.Preferences)
    _action(w, "action_quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), w.close, Std.Quit)
    # Edit
    _action(w, "action_undo", QT_TRANSLATE_NOOP("MainWindow", "&Undo"), w.undo, Std.Undo)
    _action(w, "action_redo", QT_TRANSLATE_NOOP("MainWindow", "&Redo"), w.redo, Std.Redo)
    _action(w, "action_cut", QT_TRANSLATE_NOOP("MainWindow", "Cu&t"), w.cut, Std.Cut)
    _action(w, "action_copy", QT_TRANSLATE_NOOP("MainWindow", "&Copy"), w.copy, Std.Copy)
    _action(w, "action_paste", QT_TRANSLATE_NOOP("MainWindow", "&Paste"), w.paste, Std.Paste)
    _action(w, "action_duplicate", QT_TRANSLATE_NOOP("MainWindow", "D&uplicate"), w.duplicate, "Ctrl+D")
    _action(w, "action_delete", QT_TRANSLATE_NOOP("MainWindow", "&Delete"), w.delete_selection, Std.Delete)
    _action(w, "action_select_all", QT_TRANSLATE_NOOP("MainWindow", "Select &All"), w.select_all, Std.SelectAll)
    _action(w, "action_rename", QT_TRANSLATE_NOOP("MainWindow", "&Rename"), w.rename_selection, "F2")
    # Insert (furniture, lights, views; scans come through Import)
    _action(w, "action_add_plinth", QT_TRANSLATE_NOOP("MainWindow", "Add &Plinth"), w.add_plinth)
    _action(w, "action_add_light", QT_TRANSLATE_NOOP("MainWindow", "Add &Light"), w.add_light)
    _action(w, "action_add_viewpoint", QT_TRANSLATE_NOOP("MainWindow", "Add &Viewpoint from View"), w.add_viewpoint)
    _action(w, "action_add_tour", QT_TRANSLATE_NOOP("MainWindow", "Add &Tour…"), lambda: w.tour_panel.add_tour())
    # View
    _action(w, "action_frame", QT_TRANSLATE_NOOP("MainWindow", "&Frame Selection"), w.frame_selection, "F")
    _action(w, "action_view_front", QT_TRANSLATE_NOOP("MainWindow", "F&ront"), lambda: w.view_preset("front"), "Ctrl+1")
    _action(w, "action_view_side", QT_TRANSLATE_NOOP("MainWindow", "&Side"), lambda: w.view_preset("side"), "Ctrl+3")
    _action(w, "action_view_top", QT_TRANSLATE_NOOP("MainWindow", "&Top"), lambda: w.view_preset("top"), "Ctrl+7")
    _action(w, "action_view_perspective", QT_TRANSLATE_NOOP("MainWindow", "&Perspective"), lambda: w.view_preset("perspective"), "Ctrl+5")
    _action(w, "action_visitor_preview", QT_TRANSLATE_NOOP("MainWindow", "&Visitor Preview"), w.set_visitor_preview, "Ctrl+Shift+P",
            checkable=True, icon=sp.SP_MediaPlay)
    _action(w, "action_pin_mode", QT_TRANSLATE_NOOP("MainWindow", "&Pin Annotations"), w.set_pin_mode, "P", checkable=True,
            icon=sp.SP_DialogApplyButton)
    w.action_pin_mode.setProperty(SOURCE_TIP, QT_TRANSLATE_NOOP("MainWindow", "Pin mode: click an artifact in the 3D view to pin an annotation"))
    w.action_pin_mode.setToolTip(tr(w.action_pin_mode.property(SOURCE_TIP)))
    _action(w, "action_measure", QT_TRANSLATE_NOOP("MainWindow", "&Measure"), w.set_measure_mode, "M", checkable=True)
    w.action_measure.setProperty(SOURCE_TIP, QT_TRANSLATE_NOOP("MainWindow", "Measuring tape: click two points on artifacts in the 3D view"))
    w.action_measure.setToolTip(tr(w.action_measure.property(SOURCE_TIP)))
    _action(w, "action_save_measurement_annotation", QT_TRANSLATE_NOOP("MainWindow", "Save Measurement in &Annotation"),
            lambda: w.save_measurement("annotation"))
    _action(w, "action_save_measurement_step", QT_TRANSLATE_NOOP("MainWindow", "Save Measurement in Tour &Step"),
            lambda: w.save_measurement("step"))
    _action(w, "action_preview_browser", QT_TRANSLATE_NOOP("MainWindow", "Preview in &Browser"),
            w.preview_in_browser, "Ctrl+Shift+B", icon=sp.SP_ComputerIcon)
    _action(w, "action_reset_layout", QT_TRANSLATE_NOOP("MainWindow", "Reset &Layout"), w.reset_layout)
    # Help
    _action(w, "action_about", QT_TRANSLATE_NOOP("MainWindow", "&About Vitrine"), w.about)
    _action(w, "action_shortcuts", QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"), w.show_shortcuts, Std.HelpContents)


def _menu(parent: Any, source: str) -> QMenu:
    menu = parent.addMenu(tr(source))
    menu.setProperty(SOURCE, source)
    return menu


def create_menus(w: Window) -> None:
    bar = w.menuBar()
    w.menu_file = _menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&File"))
    w.menu_file.addActions([w.action_new, w.action_open])
    w.menu_recent = _menu(w.menu_file, QT_TRANSLATE_NOOP("MainWindow", "Open &Recent"))
    w.menu_file.addSeparator()
    w.menu_file.addActions([w.action_save, w.action_save_as])
    w.menu_file.addSeparator()
    w.menu_file.addActions([w.action_import, w.action_export, w.action_publications])
    w.menu_file.addSeparator()
    w.menu_file.addAction(w.action_preferences)
    w.menu_file.addSeparator()
    w.menu_file.addAction(w.action_quit)
    w.menu_edit = _menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Edit"))
    w.menu_edit.addActions([w.action_undo, w.action_redo])
    w.menu_edit.addSeparator()
    w.menu_edit.addActions([w.action_cut, w.action_copy, w.action_paste, w.action_duplicate,
                            w.action_delete, w.action_rename])
    w.menu_edit.addSeparator()
    w.menu_edit.addAction(w.action_select_all)
    w.menu_insert = _menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Insert"))
    w.menu_insert.addActions([w.action_import, w.action_add_plinth, w.action_add_light,
                              w.action_add_viewpoint, w.action_add_tour])
    w.menu_view = _menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&View"))
    w.menu_view.addAction(w.action_frame)
    w.menu_view.addSeparator()
    w.menu_view.addActions([w.action_view_front, w.action_view_side, w.action_view_top,
                            w.action_view_perspective])
    w.menu_view.addSeparator()
    w.menu_view.addActions([w.action_pin_mode, w.action_measure, w.action_save_measurement_annotation,
                            w.action_save_measurement_step, w.action_visitor_preview, w.action_preview_browser])
    w.menu_view.addSeparator()
    w.menu_panels = _menu(w.menu_view, QT_TRANSLATE_NOOP("MainWindow", "&Panels"))
    w.menu_view.addAction(w.action_reset_layout)
    w.menu_help = _menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Help"))
    w.menu_help.addActions([w.action_shortcuts, w.action_about])
    toolbar = w.addToolBar(tr(QT_TRANSLATE_NOOP("MainWindow", "Main")))
    toolbar.setProperty(SOURCE, "Main")  # the source of the title above
    toolbar.setObjectName("mainToolbar")
    # Standard icons alone are ambiguous (import/export arrows): show the words too.
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([w.action_open, w.action_save, w.action_import])
    toolbar.addSeparator()
    toolbar.addActions([w.action_pin_mode, w.action_measure, w.action_visitor_preview, w.action_frame])
    toolbar.addSeparator()
    toolbar.addAction(w.action_export)
    w.main_toolbar = toolbar


def retranslate(w: Window) -> None:
    """Set every action, menu, toolbar and dock title again in the current UI language."""
    for action in w.findChildren(QAction):
        if action.property(SOURCE):
            action.setText(tr(action.property(SOURCE)))
        if action.property(SOURCE_TIP):
            action.setToolTip(tr(action.property(SOURCE_TIP)))
    for kind in (QMenu, QToolBar):
        for widget in w.findChildren(kind):
            if widget.property(SOURCE):
                # a menu's title is its menu-bar action's text
                (widget.setTitle if isinstance(widget, QMenu) else widget.setWindowTitle)(tr(widget.property(SOURCE)))
    for dock in w.findChildren(QDockWidget):
        if dock.property(SOURCE):
            dock.setWindowTitle(tr(dock.property(SOURCE)))
