"""The main window's actions, menus and toolbar (kept apart from the window's logic).

Each action is set as an attribute of the window (``action_undo``…) so tests and
the shortcuts dialog can reach it. Shortcuts are the platform's standard keys.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

if TYPE_CHECKING:
    from app.main_window import MainWindow

Std = QKeySequence.StandardKey


def _action(window: "MainWindow", name: str, text: str, slot: Optional[Callable[..., Any]] = None,
            shortcut: Any = None, checkable: bool = False, icon: Any = None) -> QAction:
    action = QAction(text, window)
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


def create_actions(w: "MainWindow") -> None:
    sp = QStyle.StandardPixmap
    # File
    _action(w, "action_new", QCoreApplication.translate("MainWindow", "&New Project…"), w.new_project_dialog, Std.New, icon=sp.SP_FileIcon)
    _action(w, "action_open", QCoreApplication.translate("MainWindow", "&Open Project…"), w.open_project_dialog, Std.Open, icon=sp.SP_DialogOpenButton)
    _action(w, "action_save", QCoreApplication.translate("MainWindow", "&Save"), w.save, Std.Save, icon=sp.SP_DialogSaveButton)
    _action(w, "action_save_as", QCoreApplication.translate("MainWindow", "Save &As…"), w.save_as_dialog, Std.SaveAs)
    _action(w, "action_import", QCoreApplication.translate("MainWindow", "&Import Scan…"), w.import_scan_dialog, "Ctrl+I", icon=sp.SP_ArrowDown)
    _action(w, "action_export", QCoreApplication.translate("MainWindow", "&Export Bundle…"), w.export_dialog, "Ctrl+E", icon=sp.SP_ArrowUp)
    _action(w, "action_preferences", QCoreApplication.translate("MainWindow", "&Preferences…"), w.preferences_dialog, Std.Preferences)
    _action(w, "action_quit", QCoreApplication.translate("MainWindow", "&Quit"), w.close, Std.Quit)
    # Edit
    _action(w, "action_undo", QCoreApplication.translate("MainWindow", "&Undo"), w.undo, Std.Undo)
    _action(w, "action_redo", QCoreApplication.translate("MainWindow", "&Redo"), w.redo, Std.Redo)
    _action(w, "action_cut", QCoreApplication.translate("MainWindow", "Cu&t"), w.cut, Std.Cut)
    _action(w, "action_copy", QCoreApplication.translate("MainWindow", "&Copy"), w.copy, Std.Copy)
    _action(w, "action_paste", QCoreApplication.translate("MainWindow", "&Paste"), w.paste, Std.Paste)
    _action(w, "action_duplicate", QCoreApplication.translate("MainWindow", "D&uplicate"), w.duplicate, "Ctrl+D")
    _action(w, "action_delete", QCoreApplication.translate("MainWindow", "&Delete"), w.delete_selection, Std.Delete)
    _action(w, "action_select_all", QCoreApplication.translate("MainWindow", "Select &All"), w.select_all, Std.SelectAll)
    _action(w, "action_rename", QCoreApplication.translate("MainWindow", "&Rename"), w.rename_selection, "F2")
    # Insert (furniture, lights, views; scans come through Import)
    _action(w, "action_add_plinth", QCoreApplication.translate("MainWindow", "Add &Plinth"), w.add_plinth)
    _action(w, "action_add_light", QCoreApplication.translate("MainWindow", "Add &Light"), w.add_light)
    _action(w, "action_add_viewpoint", QCoreApplication.translate("MainWindow", "Add &Viewpoint from View"), w.add_viewpoint)
    _action(w, "action_add_tour", QCoreApplication.translate("MainWindow", "Add &Tour…"), lambda: w.tour_panel.add_tour())
    # View
    _action(w, "action_frame", QCoreApplication.translate("MainWindow", "&Frame Selection"), w.frame_selection, "F")
    _action(w, "action_view_front", QCoreApplication.translate("MainWindow", "F&ront"), lambda: w.view_preset("front"), "Ctrl+1")
    _action(w, "action_view_side", QCoreApplication.translate("MainWindow", "&Side"), lambda: w.view_preset("side"), "Ctrl+3")
    _action(w, "action_view_top", QCoreApplication.translate("MainWindow", "&Top"), lambda: w.view_preset("top"), "Ctrl+7")
    _action(w, "action_view_perspective", QCoreApplication.translate("MainWindow", "&Perspective"), lambda: w.view_preset("perspective"), "Ctrl+5")
    _action(w, "action_visitor_preview", QCoreApplication.translate("MainWindow", "&Visitor Preview"), w.set_visitor_preview, "Ctrl+Shift+P",
            checkable=True, icon=sp.SP_MediaPlay)
    _action(w, "action_pin_mode", QCoreApplication.translate("MainWindow", "&Pin Annotations"), w.set_pin_mode, "P", checkable=True,
            icon=sp.SP_DialogApplyButton)
    w.action_pin_mode.setToolTip(QCoreApplication.translate("MainWindow", "Pin mode: click an artifact in the 3D view to pin an annotation"))
    _action(w, "action_reset_layout", QCoreApplication.translate("MainWindow", "Reset &Layout"), w.reset_layout)
    # Help
    _action(w, "action_about", QCoreApplication.translate("MainWindow", "&About Vitrine"), w.about)
    _action(w, "action_shortcuts", QCoreApplication.translate("MainWindow", "&Keyboard Shortcuts"), w.show_shortcuts, Std.HelpContents)


def create_menus(w: "MainWindow") -> None:
    bar = w.menuBar()
    w.menu_file = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    w.menu_file.addActions([w.action_new, w.action_open])
    w.menu_recent = w.menu_file.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    w.menu_file.addSeparator()
    w.menu_file.addActions([w.action_save, w.action_save_as])
    w.menu_file.addSeparator()
    w.menu_file.addActions([w.action_import, w.action_export])
    w.menu_file.addSeparator()
    w.menu_file.addAction(w.action_preferences)
    w.menu_file.addSeparator()
    w.menu_file.addAction(w.action_quit)
    w.menu_edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    w.menu_edit.addActions([w.action_undo, w.action_redo])
    w.menu_edit.addSeparator()
    w.menu_edit.addActions([w.action_cut, w.action_copy, w.action_paste, w.action_duplicate,
                            w.action_delete, w.action_rename])
    w.menu_edit.addSeparator()
    w.menu_edit.addAction(w.action_select_all)
    w.menu_insert = bar.addMenu(QCoreApplication.translate("MainWindow", "&Insert"))
    w.menu_insert.addActions([w.action_import, w.action_add_plinth, w.action_add_light,
                              w.action_add_viewpoint, w.action_add_tour])
    w.menu_view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    w.menu_view.addAction(w.action_frame)
    w.menu_view.addSeparator()
    w.menu_view.addActions([w.action_view_front, w.action_view_side, w.action_view_top,
                            w.action_view_perspective])
    w.menu_view.addSeparator()
    w.menu_view.addActions([w.action_pin_mode, w.action_visitor_preview])
    w.menu_view.addSeparator()
    w.menu_panels = w.menu_view.addMenu(QCoreApplication.translate("MainWindow", "&Panels"))
    w.menu_view.addAction(w.action_reset_layout)
    w.menu_help = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    w.menu_help.addActions([w.action_shortcuts, w.action_about])
    toolbar = w.addToolBar(QCoreApplication.translate("MainWindow", "Main"))
    toolbar.setObjectName("mainToolbar")
    # Standard icons alone are ambiguous (import/export arrows): show the words too.
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([w.action_open, w.action_save, w.action_import])
    toolbar.addSeparator()
    toolbar.addActions([w.action_pin_mode, w.action_visitor_preview, w.action_frame])
    toolbar.addSeparator()
    toolbar.addAction(w.action_export)
    w.main_toolbar = toolbar
