"""Rights fields shared by every panel that edits a :class:`~vitrine.scenes.exhibit_model.Rights`:
the artifact's object and model (Object Record), the exhibit (Exhibit panel), and an
annotation's image and audio with its captions (Annotations panel)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QSizePolicy

from vitrine.app.panels.property_widgets import TEXT_MAX
from vitrine.scenes.exhibit_model import Rights

# The statements curators use most; any other URI can be typed in.
COMMON_RIGHTS = [
    ("http://rightsstatements.org/vocab/InC/1.0/", "In Copyright"),
    ("http://rightsstatements.org/vocab/InC-EDU/1.0/", "In Copyright – Educational Use Permitted"),
    ("http://rightsstatements.org/vocab/NoC-NC/1.0/", "No Copyright – Non-Commercial Use Only"),
    ("http://rightsstatements.org/vocab/NoC-US/1.0/", "No Copyright – United States"),
    ("http://rightsstatements.org/vocab/CNE/1.0/", "Copyright Not Evaluated"),
    ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
    ("https://creativecommons.org/publicdomain/mark/1.0/", "Public Domain Mark 1.0"),
    ("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
    ("https://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0"),
    ("https://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0"),
    ("https://creativecommons.org/licenses/by-nc-nd/4.0/", "CC BY-NC-ND 4.0"),
]


class RightsEditor(QGroupBox):
    """Statement URI (editable combo of common ones), holder and attribution.

    ``panel.edit_rights(which, rights)`` receives each committed change. The statement box
    shrinks to the dock (its list entries are long) and form rows wrap below their labels
    when the dock is narrow, so no panel needs a horizontal scroll bar."""

    def __init__(self, title: str, panel: Any, which: str) -> None:
        super().__init__(title)
        self.panel = panel
        self.which = which
        self.statement = QComboBox()
        self.statement.setEditable(True)
        self.statement.setObjectName(f"rights_{which}_statement")
        for uri, name in COMMON_RIGHTS:
            self.statement.addItem(f"{name} — {uri}", uri)
        self.statement.setCurrentIndex(-1)
        self.statement.lineEdit().setMaxLength(TEXT_MAX)
        self.statement.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.statement.setMinimumContentsLength(12)
        self.statement.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.holder = QLineEdit()
        self.holder.setMaxLength(TEXT_MAX)
        self.attribution = QLineEdit()
        self.attribution.setMaxLength(TEXT_MAX)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Statement:"), self.statement)
        form.addRow(self.tr("Rights holder:"), self.holder)
        form.addRow(self.tr("Attribution:"), self.attribution)
        self.statement.activated.connect(lambda _i: self._commit())
        self.statement.lineEdit().editingFinished.connect(self._commit)
        self.holder.editingFinished.connect(self._commit)
        self.attribution.editingFinished.connect(self._commit)

    def uri(self) -> str:
        text = self.statement.currentText().strip()
        index = self.statement.findText(text)
        return str(self.statement.itemData(index)) if index >= 0 else text

    def show_rights(self, rights: Rights) -> None:
        with QSignalBlocker(self.statement):
            index = self.statement.findData(rights.statement_uri)
            if index >= 0:
                self.statement.setCurrentIndex(index)
            else:
                self.statement.setCurrentIndex(-1)
                self.statement.setEditText(rights.statement_uri)
            # the start (the statement's name) shows when the box is narrower than the text
            self.statement.lineEdit().setCursorPosition(0)
        for edit, value in ((self.holder, rights.holder), (self.attribution, rights.attribution)):
            with QSignalBlocker(edit):
                edit.setText(value)

    def _commit(self) -> None:
        self.panel.edit_rights(self.which, Rights(self.uri(), self.holder.text().strip(),
                                                  self.attribution.text().strip()))
