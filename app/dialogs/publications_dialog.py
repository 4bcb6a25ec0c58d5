"""File ▸ Publications…: the project's signed publication register (publications.jsonl) as a table
(date, recipient, profile, export id, artifacts) with a Verify button that checks the hash
chain and every signature and names the first bad entry."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from vitrine.exporters.errors import ExportError
from vitrine.exporters.publication.museum_secret import known_fingerprints
from vitrine.exporters.publication.register import read_entries, register_path, verify_register


def _artifacts_text(entry: dict[str, Any]) -> str:
    parts = []
    for art in entry.get("artifacts") or []:
        if isinstance(art, dict):
            levels = "/".join(str(lv.get("level", "?")) for lv in art.get("levels", []) if isinstance(lv, dict))
            parts.append(f"{art.get('name') or art.get('artifact_id', '?')} ({levels})")
    return ", ".join(parts)


class PublicationsDialog(QDialog):
    """The register of the project at ``project_dir``; read-only."""

    COLUMNS = ("exported_at", "recipient", "profile", "export_id", "artifacts")

    def __init__(self, project_dir: Path, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.project_dir = Path(project_dir)
        self.setWindowTitle(self.tr("Publications"))
        self.resize(900, 420)
        intro = QLabel(self.tr("Every export of this project, as recorded in its signed publication register."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("publications_table")
        self.table.setHorizontalHeaderLabels([self.tr("Date (UTC)"), self.tr("Recipient"), self.tr("Profile"),
                                              self.tr("Export id"), self.tr("Artifacts")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setObjectName("publications_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.clicked.connect(self.verify)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        try:
            entries = read_entries(self.project_dir)
        except OSError as exc:
            entries = []
            self.status.setText(self.tr("Cannot read %1: %2").replace("%1", str(register_path(self.project_dir)))
                                .replace("%2", exc.strerror or str(exc)))
        else:
            self.status.setText(self.tr("%1 export(s) recorded.").replace("%1", str(len(entries))) if entries
                                else self.tr("No exports recorded yet."))
        self.table.setRowCount(len(entries))
        for r, entry in enumerate(entries):
            values = [entry.get("exported_at", ""), entry.get("recipient") or self.tr("(no recipient)"),
                      entry.get("profile", ""), entry.get("export_id", ""), _artifacts_text(entry)]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))

    def verify(self) -> bool:
        """Check the register; the status line says it is sound or names the first bad entry."""
        try:
            rep = verify_register(self.project_dir, known_fingerprints())
        except (OSError, ExportError) as exc:
            self.status.setText(self.tr("Cannot verify: %1").replace("%1", str(exc)))
            return False
        if rep.problem is None:
            self.status.setText(self.tr("Verified: %1 entries, hash chain intact, every signature by this "
                                        "museum's key.").replace("%1", str(len(rep.entries))))
            return True
        self.status.setText(self.tr("Not sound: %1").replace("%1", rep.problem))
        if rep.bad_line is not None and rep.bad_line - 1 < self.table.rowCount():
            self.table.selectRow(rep.bad_line - 1)
        return False
