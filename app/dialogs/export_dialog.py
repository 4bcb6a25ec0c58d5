"""Options for exporting the exhibit as a web/VR/AR bundle."""
from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
    QPushButton, QWidget,
)


class ExportDialog(QDialog):
    def __init__(self, default_dir: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Bundle"))
        self.folder = QLineEdit(default_dir)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.profile = QComboBox()
        self.profile.addItem(self.tr("Web (desktop, phone AR and VR headsets)"), "web")
        self.profile.addItem(self.tr("Kiosk (fullscreen gallery display)"), "kiosk")
        self.make_zip = QCheckBox(self.tr("Also make a .zip for upload"))
        self.recipient = QLineEdit()
        self.recipient.setObjectName("export_recipient")
        self.recipient.setMaxLength(500)
        self.recipient.setPlaceholderText(self.tr("e.g. Partner museum, gallery kiosk 2, museum website"))
        self.recipient.setToolTip(self.tr("Recorded in the signed publication register and marked invisibly in "
                                          "every model, so a leaked copy can be traced to this export."))
        self.max_level = QComboBox()
        self.max_level.addItem(self.tr("As each artifact's publication policy allows"), None)
        for level, text in (("high", self.tr("High")), ("medium", self.tr("Medium")), ("low", self.tr("Low")),
                            ("thumbnail", self.tr("Thumbnail"))):
            self.max_level.addItem(text, level)
        form = QFormLayout(self)
        form.addRow(self.tr("Output folder:"), row)
        form.addRow(self.tr("Profile:"), self.profile)
        form.addRow(self.tr("Recipient:"), self.recipient)
        form.addRow(self.tr("Finest level:"), self.max_level)
        form.addRow("", self.make_zip)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output Folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def options(self) -> dict:
        return {"out_dir": self.folder.text().strip(), "profile": self.profile.currentData(),
                "make_zip": self.make_zip.isChecked(), "recipient": self.recipient.text().strip(),
                "max_level": self.max_level.currentData()}

    @classmethod
    def get_options(cls, default_dir: str, parent: Optional[QWidget] = None) -> Optional[dict]:
        dialog = cls(default_dir, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.options()["out_dir"]:
            return None
        return dialog.options()
