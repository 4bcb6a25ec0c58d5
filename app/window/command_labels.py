"""Translated names of undo steps.

Commands in ``scenes`` carry English labels (the model has no Qt). Every label is
listed here with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` extracts it into the
"CommandLabels" context; the Edit menu translates the label at display time.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

CONTEXT = "CommandLabels"

# Keep in step with the ``label`` attributes in scenes/*_commands.py.
COMMAND_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("CommandLabels", "Edit"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete"),
    QT_TRANSLATE_NOOP("CommandLabels", "Reorder"),
    QT_TRANSLATE_NOOP("CommandLabels", "Rename"),
    QT_TRANSLATE_NOOP("CommandLabels", "Change Property"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Exhibit Text"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Exhibit Details"),
    QT_TRANSLATE_NOOP("CommandLabels", "Set Languages"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Exhibit Rights"),
    QT_TRANSLATE_NOOP("CommandLabels", "Change Background"),
    QT_TRANSLATE_NOOP("CommandLabels", "Change Floor"),
    QT_TRANSLATE_NOOP("CommandLabels", "Set Start View"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Classifications"),
    QT_TRANSLATE_NOOP("CommandLabels", "Rename Artifact"),
    QT_TRANSLATE_NOOP("CommandLabels", "Rename Plinth"),
    QT_TRANSLATE_NOOP("CommandLabels", "Rename Light"),
    QT_TRANSLATE_NOOP("CommandLabels", "Import Scan"),
    QT_TRANSLATE_NOOP("CommandLabels", "Save Measurement"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add Artifact"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete Artifact"),
    QT_TRANSLATE_NOOP("CommandLabels", "Duplicate Artifact"),
    QT_TRANSLATE_NOOP("CommandLabels", "Move Artifact"),
    QT_TRANSLATE_NOOP("CommandLabels", "Show/Hide Artifact"),
    QT_TRANSLATE_NOOP("CommandLabels", "Change Display Setting"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Object Record"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Rights"),
    QT_TRANSLATE_NOOP("CommandLabels", "Change Publication Policy"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Capture Details"),
    QT_TRANSLATE_NOOP("CommandLabels", "Process Scan"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add Plinth"),
    QT_TRANSLATE_NOOP("CommandLabels", "Move Plinth"),
    QT_TRANSLATE_NOOP("CommandLabels", "Resize Plinth"),
    QT_TRANSLATE_NOOP("CommandLabels", "Change Plinth"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete Plinth"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add Light"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Light"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete Light"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add Viewpoint"),
    QT_TRANSLATE_NOOP("CommandLabels", "Update Viewpoint"),
    QT_TRANSLATE_NOOP("CommandLabels", "Rename Viewpoint"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete Viewpoint"),
    QT_TRANSLATE_NOOP("CommandLabels", "Pin Annotation"),
    QT_TRANSLATE_NOOP("CommandLabels", "Move Pin"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Annotation Text"),
    QT_TRANSLATE_NOOP("CommandLabels", "Set Annotation Image"),
    QT_TRANSLATE_NOOP("CommandLabels", "Set Annotation Audio"),
    QT_TRANSLATE_NOOP("CommandLabels", "Set Annotation Viewpoint"),
    QT_TRANSLATE_NOOP("CommandLabels", "Change Marker"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Tags"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete Annotation"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add Tour"),
    QT_TRANSLATE_NOOP("CommandLabels", "Rename Tour"),
    QT_TRANSLATE_NOOP("CommandLabels", "Delete Tour"),
    QT_TRANSLATE_NOOP("CommandLabels", "Add Tour Step"),
    QT_TRANSLATE_NOOP("CommandLabels", "Remove Tour Step"),
    QT_TRANSLATE_NOOP("CommandLabels", "Reorder Tour Steps"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Tour Step"),
    QT_TRANSLATE_NOOP("CommandLabels", "Edit Narration"),
    QT_TRANSLATE_NOOP("CommandLabels", "Set Narration Audio"),
    QT_TRANSLATE_NOOP("CommandLabels", "Paste"),
    QT_TRANSLATE_NOOP("CommandLabels", "Cut"),
    QT_TRANSLATE_NOOP("CommandLabels", "Duplicate"),
    QT_TRANSLATE_NOOP("CommandLabels", "Capture Tour Step"),
)


def command_label(label: str) -> str:
    """The label in the UI language (the English label when no translation exists)."""
    return QCoreApplication.translate(CONTEXT, label) if label else ""
