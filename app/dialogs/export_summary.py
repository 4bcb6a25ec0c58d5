"""What an export wrote, shown when it finishes: the folder (and zip), files and size, the
warnings (in the UI's language where they are problems of the exhibit), what each artifact
publishes, the signing key's fingerprint, and buttons to open the folder or preview the
bundle in the browser."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget,
)

from vitrine.app.window.message_catalogue import export_message_text, problem_text


def _size_text(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} kB"


def warning_texts(report: Any, problems: list) -> list[str]:
    """The export's warnings in the UI's language: problems of the exhibit (missing rights, pins
    on deleted artifacts) by their template, the exporter's own warnings by theirs (ExportMessage)."""
    by_english = {}
    for p in problems:
        by_english[f"no rights statement: {p.message}"] = p
        by_english[p.message] = p
    out = []
    for w in report.warnings:
        p = by_english.get(w)
        out.append(problem_text(p) if p is not None else export_message_text(w))
    return out


class ExportSummaryDialog(QDialog):
    """Non-modal: the curator can keep it open while looking at the folder."""

    def __init__(self, report: Any, problems: list, preview: Optional[Callable[[Path], None]] = None,
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportSummary")
        self.setWindowTitle(self.tr("Export finished"))
        self.report = report
        self._preview = preview
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.folder_label = self._value(str(report.out_dir))
        form.addRow(self.tr("Folder:"), self.folder_label)
        if report.zip_path:
            form.addRow(self.tr("Zip:"), self._value(str(report.zip_path)))
        self.size_label = self._value(self.tr("%1 files, %2").replace("%1", f"{report.files:,}")
                                      .replace("%2", _size_text(report.bytes)))
        form.addRow(self.tr("Written:"), self.size_label)
        profiles = {"web": self.tr("Web"), "kiosk": self.tr("Kiosk")}
        form.addRow(self.tr("Profile:"), self._value(profiles.get(report.profile, report.profile)))
        form.addRow(self.tr("Recipient:"), self._value(report.recipient or self.tr("(no recipient named)")))
        self.key_label = self._value(report.fingerprint)
        self.key_label.setObjectName("signingKey")
        form.addRow(self.tr("Signed with key:"), self.key_label)
        if report.key_created:
            form.addRow("", self._value(self.tr("A new signing key was created at %1; keep it safe.")
                                        .replace("%1", str(report.key_path))))
        layout.addLayout(form)
        if report.published:
            layout.addWidget(QLabel(self.tr("Published:")))
            published = QListWidget()
            published.setObjectName("publishedList")
            published.addItems([export_message_text(line) for line in report.published])
            published.setMaximumHeight(100)
            layout.addWidget(published)
        self.warnings = QListWidget()
        self.warnings.setObjectName("exportWarnings")
        texts = warning_texts(report, problems)
        self.warnings.addItems(texts)
        self.warnings.setWordWrap(True)
        heading = self.tr("Warnings (%1):").replace("%1", str(len(texts))) if texts else self.tr("No warnings.")
        layout.addWidget(QLabel(heading))
        if texts:
            layout.addWidget(self.warnings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("Open Folder"))
        self.open_button.clicked.connect(self.open_folder)
        self.preview_button = QPushButton(self.tr("Preview in Browser"))
        self.preview_button.clicked.connect(self.preview)
        self.preview_button.setEnabled(preview is not None)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # paths and names are the curator's, not markup
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.out_dir)))

    def preview(self) -> None:
        if self._preview is not None:
            self._preview(Path(self.report.out_dir))
