"""Undo and redo from anywhere in the editor window, including while typing in a field.

Line edits, spin boxes and text edits claim Ctrl+Z for their own text undo (they accept
the ShortcutOverride event), so the Edit menu's Undo never fired while the cursor was in
an Inspector field. This application event filter steps in first: it commits the field's
pending edit (by taking focus away, which emits ``editingFinished`` and makes a spin box
interpret its text), gives focus back, and lets the window's Undo/Redo shortcut run on
the document's history. Dialogs (their own windows) keep their fields' own undo.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QComboBox, QDockWidget, QLineEdit, QMainWindow, QPlainTextEdit,
    QTextEdit, QWidget,
)

_EDITORS = (QLineEdit, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QComboBox)


def commit_field(widget: QWidget) -> None:
    """Finish the edit in ``widget`` as leaving it would, then put the cursor back."""
    widget.clearFocus()  # focus-out: editingFinished, spin boxes interpret typed text
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


class UndoFromAnywhere(QObject):
    """Installed on the QApplication for one main window; removed with it."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.destroyed.connect(self._uninstall)

    def _uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _in_window(self, widget: QWidget) -> bool:
        top = widget.window()
        if top is self.window:
            return True
        # a floating dock is its own top-level window but still part of the editor
        return isinstance(top, QDockWidget) and top.parent() is self.window

    def _editor(self, obj: QObject) -> Optional[QWidget]:
        focus = QApplication.focusWidget()
        if focus is None or not isinstance(obj, QWidget) or QApplication.activeModalWidget() is not None:
            return None
        # the spin box's inner line edit receives the key; commit the spin box itself
        editor = focus
        while editor is not None and not isinstance(editor, _EDITORS):
            editor = editor.parentWidget()
        if editor is None or not self._in_window(editor):
            return None
        parent = editor.parentWidget()
        if isinstance(editor, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
            editor = parent
        return editor

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)):
            return False
        editor = self._editor(obj)
        if editor is None:
            return False
        # Qt offers an ignored ShortcutOverride to each parent in turn: commit once, on the first.
        if obj is QApplication.focusWidget():
            commit_field(editor)
        # Not accepted: the field does not claim the key, so the window's Undo/Redo shortcut fires.
        event.ignore()
        return True
