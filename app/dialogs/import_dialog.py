"""Options for importing a scan: the artifact's name, the scan's units and up axis."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

SCAN_FILTER = "Scans (*.ply *.stl *.obj *.off *.glb *.gltf);;All files (*)"
SCAN_SUFFIXES = {".ply", ".stl", ".obj", ".off", ".glb", ".gltf"}


class ImportOptionsDialog(QDialog):
    def __init__(self, path: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import Scan"))
        self.name = QLineEdit(Path(path).stem.replace("_", " ").replace("-", " ").strip().capitalize())
        self.units = QComboBox()
        for value, text in (("auto", self.tr("Detect automatically")), ("m", self.tr("metres")),
                            ("cm", self.tr("centimetres")), ("mm", self.tr("millimetres")),
                            ("in", self.tr("inches"))):
            self.units.addItem(text, value)
        self.up = QComboBox()
        for value, text in (("auto", self.tr("Detect automatically")), ("y", self.tr("Y up")),
                            ("z", self.tr("Z up"))):
            self.up.addItem(text, value)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), QLabel(Path(path).name))
        form.addRow(self.tr("Artifact name:"), self.name)
        form.addRow(self.tr("Scan units:"), self.units)
        form.addRow(self.tr("Up axis:"), self.up)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> dict:
        return {"name": self.name.text().strip() or None, "units": self.units.currentData(),
                "up": self.up.currentData()}

    @classmethod
    def get_options(cls, path: str, parent: Optional[QWidget] = None) -> Optional[dict]:
        """Ask the curator; None if cancelled. (Tests replace this to skip the dialog.)"""
        dialog = cls(path, parent)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
