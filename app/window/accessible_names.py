"""Accessible names and descriptions (QAccessible) for controls whose visible label does not name
them: lists and views inside docks, the x/y/z boxes of a three-number row, the visitor preview's
buttons. Their strings live in one translation context, "AccessibleNames" (vitrine_zh_CN.ts),
written at each call as QCoreApplication.translate("AccessibleNames", "...") so lupdate finds them.

Screen readers read a control's accessible name, which Qt takes from its text or a QLabel buddy;
a view or a spin box in a row with no label of its own has none without these.
"""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

def name(widget: QWidget, accessible_name: str, description: str = "") -> QWidget:
    """Set an already-translated name (and description) on ``widget``; returns it."""
    widget.setAccessibleName(accessible_name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def form_label_text(widget: QWidget) -> str:
    """The text of the QFormLayout label beside ``widget`` ('' if it sits in no form row), without '&' or ':'."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout):
        label = layout.labelForField(widget)
        text = label.text() if label is not None and hasattr(label, "text") else ""
        return text.replace("&", "").rstrip(":： ").strip()
    return ""
