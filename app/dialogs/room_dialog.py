"""The Room dialog: floor size, wall height and colour, and the doorways in the walls."""
from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
    QTableWidget, QVBoxLayout, QWidget,
)

from vitrine.scenes.exhibit_model import WALLS, Opening, Room


def _metres(lo: float, hi: float, value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(lo, hi)
    box.setDecimals(2)
    box.setSingleStep(0.1)
    box.setSuffix(" m")
    box.setValue(value)
    return box


class RoomDialog(QDialog):
    """Edits a copy of a room; ``room()`` gives the result."""

    def __init__(self, room: Optional[Room], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Room"))
        room = room or Room()
        self.width_box = _metres(1, 200, room.width)
        self.depth_box = _metres(1, 200, room.depth)
        self.height_box = _metres(0.5, 50, room.wall_height)
        self.wall_color = QLineEdit(room.wall_color)
        self.floor_color = QLineEdit(room.floor_color)
        form = QFormLayout()
        form.addRow(self.tr("Floor width (x):"), self.width_box)
        form.addRow(self.tr("Floor depth (z):"), self.depth_box)
        form.addRow(self.tr("Wall height:"), self.height_box)
        form.addRow(self.tr("Wall colour:"), self.wall_color)
        form.addRow(self.tr("Floor colour:"), self.floor_color)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Wall"), self.tr("Offset"), self.tr("Width"), self.tr("Height")])
        for opening in room.openings:
            self.add_opening(opening)
        add = QPushButton(self.tr("Add Doorway"))
        add.clicked.connect(lambda: self.add_opening(Opening()))
        remove = QPushButton(self.tr("Remove Doorway"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()) if self.table.currentRow() >= 0 else None)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addLayout(buttons_row)
        layout.addWidget(buttons)

    def add_opening(self, opening: Opening) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        wall = QComboBox()
        for name, text in zip(WALLS, (self.tr("back"), self.tr("left"), self.tr("right"), self.tr("front"))):
            wall.addItem(text, name)
        wall.setCurrentIndex(WALLS.index(opening.wall) if opening.wall in WALLS else 0)
        self.table.setCellWidget(row, 0, wall)
        self.table.setCellWidget(row, 1, _metres(-100, 100, opening.offset))
        self.table.setCellWidget(row, 2, _metres(0.3, 50, opening.width))
        self.table.setCellWidget(row, 3, _metres(0.3, 50, opening.height))

    def room(self) -> Room:
        import re
        colour = lambda edit, fallback: edit.text().strip() if re.fullmatch(r"#[0-9a-fA-F]{6}", edit.text().strip()) else fallback  # noqa: E731
        openings = [Opening(self.table.cellWidget(r, 0).currentData(), self.table.cellWidget(r, 1).value(),
                            self.table.cellWidget(r, 2).value(), self.table.cellWidget(r, 3).value())
                    for r in range(self.table.rowCount())]
        return Room(self.width_box.value(), self.depth_box.value(), self.height_box.value(),
                    colour(self.wall_color, Room().wall_color), colour(self.floor_color, Room().floor_color), openings)

    @classmethod
    def get_room(cls, room: Optional[Room], parent: Optional[QWidget] = None) -> Optional[Room]:
        dialog = cls(room, parent)
        return dialog.room() if dialog.exec() else None
