"""The editor is usable with a screen reader and by keyboard alone (issue 15).

Every interactive control in the main window (docks, inspector pages, the visitor preview's bar)
has an accessible name as QAccessible reports it (its own, its text, or its QLabel buddy's), in
English and in Chinese; Tab moves focus through each dock and out of it again (no focus trap).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QDockWidget,
    QHeaderView, QLineEdit, QPlainTextEdit, QScrollBar, QTextEdit, QWidget,
)

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY, chinese_ui

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QAbstractSlider,
               QTextEdit, QPlainTextEdit)


def _is_part_of_another_control(w: QWidget) -> bool:
    """Qt's own sub-widgets, named through their owner: a spin box's or combo box's line edit, a
    combo box's pop-up list, a view's header and scroll bars, dock and tool bar title buttons."""
    parent = w.parentWidget()
    if w.objectName().startswith("qt_") or isinstance(w, (QScrollBar, QHeaderView)):
        return True
    if isinstance(w, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
        return True
    # a combo box's pop-up list sits in a private container frame whose parent is the combo box
    return isinstance(w, QAbstractItemView) and parent is not None and isinstance(parent.parentWidget(), QComboBox)


def _where(w: QWidget) -> str:
    chain, q = [], w
    while q is not None and len(chain) < 5:
        chain.append(f"{type(q).__name__}({q.objectName()})")
        q = q.parentWidget()
    return " < ".join(chain)


def unnamed_controls(window: QWidget) -> list[str]:
    """Every interactive control under ``window`` whose QAccessible name is empty."""
    missing = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, INTERACTIVE) or _is_part_of_another_control(w):
            continue
        iface = QAccessible.queryAccessibleInterface(w)
        if iface is None or not iface.text(QAccessible.Text.Name).strip():
            missing.append(_where(w))
    return missing


def _open_project(window, tmp_path: Path) -> None:
    assert window.new_project(tmp_path / "a11y.vitrine")
    window.action_add_plinth.trigger()  # something in the outline, so the inspector shows a page
    QApplication.processEvents()


def test_every_control_has_an_accessible_name_in_english(make_window, tmp_path):
    window = make_window()
    assert unnamed_controls(window) == []  # before a project: the empty docks and the preview's bar
    _open_project(window, tmp_path)
    assert unnamed_controls(window) == []


def test_every_control_has_an_accessible_name_in_chinese(make_window, tmp_path):
    with chinese_ui():
        window = make_window()
        _open_project(window, tmp_path)
        assert unnamed_controls(window) == []
        outline = window.outline_dock.findChild(QAbstractItemView, "outlineView")
        assert QAccessible.queryAccessibleInterface(outline).text(QAccessible.Text.Name) == "展览大纲"


def test_the_views_carry_names_and_descriptions(make_window, tmp_path):
    window = make_window()
    _open_project(window, tmp_path)
    views = {v.objectName(): v for v in window.findChildren(QAbstractItemView) if v.objectName()}
    assert views["outlineView"].accessibleName() == "Exhibit outline" and views["outlineView"].accessibleDescription()
    assert views["problemsView"].accessibleName() == "Problems"
    assert views["tourSteps"].accessibleName() == "Tour steps"


def test_tab_reaches_every_control_of_every_dock_and_leaves_each(make_window, tmp_path, qtbot):
    window = make_window()
    _open_project(window, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)  # focus moves only in the active window
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert len(docks) >= 4
    wanted = {d.objectName(): [w for w in d.findChildren(QWidget) if w.isVisible() and w.isEnabled()
                               and w.focusPolicy() & Qt.FocusPolicy.TabFocus and not _is_part_of_another_control(w)]
              for d in docks}
    total = sum(len(v) for v in wanted.values())
    start = next(ws[0] for ws in wanted.values() if ws)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=2000)
    chain = [start]
    for _ in range(total + 20):  # one full round of the window's tab chain, with room for the viewport
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    reached = {id(w) for w in chain if w is not None}
    for dock in docks:
        missing = [_where(w) for w in wanted[dock.objectName()] if id(w) not in reached]
        assert missing == [], f"Tab never reaches in {dock.objectName()}: {missing}; chain: {[_where(w)[:60] for w in chain if w]}"
        inside = [dock.isAncestorOf(w) if w is not None else False for w in chain]
        if any(inside):  # focus came in and went out again: no trap
            assert not all(inside[inside.index(True):]), f"focus trapped in {dock.objectName()}"
