"""The main window's actions, menus and toolbar (kept apart from the window's logic).

Each action is set as an attribute of the window (``action_undo``…) so tests and
the shortcuts dialog can reach it. Shortcuts are the platform's standard keys.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

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
    tr = w.tr
    sp = QStyle.StandardPixmap
    # File
    _action(w, "action_new", tr("&New Project…"), w.new_project_dialog, Std.New, icon=sp.SP_FileIcon)
    _action(w, "action_open", tr("&Open Project…"), w.open_project_dialog, Std.Open, icon=sp.SP_DialogOpenButton)
    _action(w, "action_save", tr("&Save"), w.save, Std.Save, icon=sp.SP_DialogSaveButton)
    _action(w, "action_save_as", tr("Save &As…"), w.save_as_dialog, Std.SaveAs)
    _action(w, "action_import", tr("&Import Scan…"), w.import_scan_dialog, "Ctrl+I", icon=sp.SP_ArrowDown)
    _action(w, "action_export", tr("&Export Bundle…"), w.export_dialog, "Ctrl+E", icon=sp.SP_ArrowUp)
    _action(w, "action_preferences", tr("&Preferences…"), w.preferences_dialog, Std.Preferences)
    _action(w, "action_quit", tr("&Quit"), w.close, Std.Quit)
    # Edit
    _action(w, "action_undo", tr("&Undo"), w.undo, Std.Undo)
    _action(w, "action_redo", tr("&Redo"), w.redo, Std.Redo)
    _action(w, "action_cut", tr("Cu&t"), w.cut, Std.Cut)
    _action(w, "action_copy", tr("&Copy"), w.copy, Std.Copy)
    _action(w, "action_paste", tr("&Paste"), w.paste, Std.Paste)
    _action(w, "action_duplicate", tr("D&uplicate"), w.duplicate, "Ctrl+D")
    _action(w, "action_delete", tr("&Delete"), w.delete_selection, Std.Delete)
    _action(w, "action_select_all", tr("Select &All"), w.select_all, Std.SelectAll)
    _action(w, "action_rename", tr("&Rename"), w.rename_selection, "F2")
    # Insert (furniture, lights, views; scans come through Import)
    _action(w, "action_add_plinth", tr("Add &Plinth"), w.add_plinth)
    _action(w, "action_add_light", tr("Add &Light"), w.add_light)
    _action(w, "action_add_viewpoint", tr("Add &Viewpoint from View"), w.add_viewpoint)
    _action(w, "action_add_tour", tr("Add &Tour…"), lambda: w.tour_panel.add_tour())
    # View
    _action(w, "action_frame", tr("&Frame Selection"), w.frame_selection, "F")
    _action(w, "action_view_front", tr("F&ront"), lambda: w.view_preset("front"), "Ctrl+1")
    _action(w, "action_view_side", tr("&Side"), lambda: w.view_preset("side"), "Ctrl+3")
    _action(w, "action_view_top", tr("&Top"), lambda: w.view_preset("top"), "Ctrl+7")
    _action(w, "action_view_perspective", tr("&Perspective"), lambda: w.view_preset("perspective"), "Ctrl+5")
    _action(w, "action_visitor_preview", tr("&Visitor Preview"), w.set_visitor_preview, "Ctrl+Shift+P",
            checkable=True, icon=sp.SP_MediaPlay)
    _action(w, "action_pin_mode", tr("&Pin Annotations"), w.set_pin_mode, "P", checkable=True,
            icon=sp.SP_DialogApplyButton)
    w.action_pin_mode.setToolTip(tr("Pin mode: click an artifact in the 3D view to pin an annotation"))
    _action(w, "action_reset_layout", tr("Reset &Layout"), w.reset_layout)
    # Help
    _action(w, "action_about", tr("&About Vitrine"), w.about)
    _action(w, "action_shortcuts", tr("&Keyboard Shortcuts"), w.show_shortcuts, Std.HelpContents)


def create_menus(w: "MainWindow") -> None:
    tr = w.tr
    bar = w.menuBar()
    w.menu_file = bar.addMenu(tr("&File"))
    w.menu_file.addActions([w.action_new, w.action_open])
    w.menu_recent = w.menu_file.addMenu(tr("Open &Recent"))
    w.menu_file.addSeparator()
    w.menu_file.addActions([w.action_save, w.action_save_as])
    w.menu_file.addSeparator()
    w.menu_file.addActions([w.action_import, w.action_export])
    w.menu_file.addSeparator()
    w.menu_file.addAction(w.action_preferences)
    w.menu_file.addSeparator()
    w.menu_file.addAction(w.action_quit)
    w.menu_edit = bar.addMenu(tr("&Edit"))
    w.menu_edit.addActions([w.action_undo, w.action_redo])
    w.menu_edit.addSeparator()
    w.menu_edit.addActions([w.action_cut, w.action_copy, w.action_paste, w.action_duplicate,
                            w.action_delete, w.action_rename])
    w.menu_edit.addSeparator()
    w.menu_edit.addAction(w.action_select_all)
    w.menu_insert = bar.addMenu(tr("&Insert"))
    w.menu_insert.addActions([w.action_import, w.action_add_plinth, w.action_add_light,
                              w.action_add_viewpoint, w.action_add_tour])
    w.menu_view = bar.addMenu(tr("&View"))
    w.menu_view.addAction(w.action_frame)
    w.menu_view.addSeparator()
    w.menu_view.addActions([w.action_view_front, w.action_view_side, w.action_view_top,
                            w.action_view_perspective])
    w.menu_view.addSeparator()
    w.menu_view.addActions([w.action_pin_mode, w.action_visitor_preview])
    w.menu_view.addSeparator()
    w.menu_panels = w.menu_view.addMenu(tr("&Panels"))
    w.menu_view.addAction(w.action_reset_layout)
    w.menu_help = bar.addMenu(tr("&Help"))
    w.menu_help.addActions([w.action_shortcuts, w.action_about])
    toolbar = w.addToolBar(tr("Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.addActions([w.action_open, w.action_save, w.action_import])
    toolbar.addSeparator()
    toolbar.addActions([w.action_pin_mode, w.action_visitor_preview, w.action_frame])
    toolbar.addSeparator()
    toolbar.addAction(w.action_export)
    w.main_toolbar = toolbar
