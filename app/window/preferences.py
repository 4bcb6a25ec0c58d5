"""Persistent preferences (QSettings, organisation "Vitrine") and the Preferences dialog."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget,
)

from vitrine.app.window.translations import LANGUAGE_KEY

ORGANIZATION = "Vitrine"
APPLICATION = "Vitrine Editor"
AUTOSAVE_KEY = "autosave/seconds"
DEFAULT_AUTOSAVE_S = 30
RECENT_KEY = "recent/files"
MAX_RECENT = 8


def default_settings() -> QSettings:
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def autosave_seconds(settings: QSettings) -> int:
    try:
        return max(5, int(settings.value(AUTOSAVE_KEY, DEFAULT_AUTOSAVE_S)))
    except (TypeError, ValueError):
        return DEFAULT_AUTOSAVE_S


def recent_files(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings returns a lone string for one-item lists
        value = [value]
    return [str(v) for v in (value or []) if v]


def add_recent_file(settings: QSettings, path: str) -> list[str]:
    files = [path] + [f for f in recent_files(settings) if f != path]
    files = files[:MAX_RECENT]
    settings.setValue(RECENT_KEY, files)
    return files


class PreferencesDialog(QDialog):
    """Interface language (menus and panel titles switch at once) and the autosave interval."""

    def __init__(self, settings: QSettings, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        current = str(settings.value(LANGUAGE_KEY, "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.autosave = QSpinBox()
        self.autosave.setRange(5, 3600)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(autosave_seconds(settings))
        form = QFormLayout()
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow(self.tr("Autosave unsaved changes after:"), self.autosave)
        # the window retranslates its menus, docks and outline live; the field labels
        # inside the panels are built once, so they follow on the next start
        note = QLabel(self.tr("Menus and panel titles switch to the new language at once; "
                              "labels inside the panels switch when Vitrine is restarted."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self.settings.setValue(AUTOSAVE_KEY, self.autosave.value())
        self.settings.sync()
        super().accept()
