"""The Translations dock: each exhibit language with how complete it is, and the writing
direction helper the per-language text fields use (right to left for Arabic, Hebrew, …).

Completeness counts translation units (scenes/translations/units.py): every localised text
that exists in the exhibit's first language; the same units ``vitrine strings`` exports.
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QEvent, QLocale, QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView, QDockWidget, QHeaderView, QLabel, QPlainTextEdit, QTableWidget, QTableWidgetItem,
    QTextEdit, QVBoxLayout, QWidget,
)

from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.scenes.translations.language_tags import is_rtl
from vitrine.scenes.translations.units import Completeness, completeness

LANGUAGE_ROLE = Qt.ItemDataRole.UserRole + 1


def apply_text_direction(language: str, *widgets: QWidget) -> None:
    """Lay out the editors of ``language`` right to left when it is written so (``ar``,
    ``he``, ``az-Arab``), left to right otherwise; plain-text editors get the document's
    text direction too, so a new paragraph starts at the right."""
    direction = Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight
    for widget in widgets:
        widget.setLayoutDirection(direction)
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            option = widget.document().defaultTextOption()
            option.setTextDirection(direction)
            option.setAlignment(Qt.AlignmentFlag.AlignRight if direction == Qt.LayoutDirection.RightToLeft
                                else Qt.AlignmentFlag.AlignLeft)
            widget.document().setDefaultTextOption(option)


def language_name(tag: str) -> str:
    """The language's own name when Qt knows it ('العربية', 'français'), else ''."""
    locale = QLocale(tag.replace("-", "_"))
    if locale.language() == QLocale.Language.C:
        return ""
    return locale.nativeLanguageName()


class TranslationsPanel(QWidget):
    """One row per exhibit language: tag and name, percent of units translated, count missing.
    Refreshes shortly after any document change (one count per burst of edits)."""

    COLUMNS = (QT_TRANSLATE_NOOP("TranslationsPanel", "Language"),
               QT_TRANSLATE_NOOP("TranslationsPanel", "Complete"),
               QT_TRANSLATE_NOOP("TranslationsPanel", "Missing"))

    def __init__(self, relay: DocumentRelay, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self.entries: list[Completeness] = []
        self.summary = QLabel()
        self.summary.setObjectName("translationsSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("translationsView")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: no focus trap
        self.table.setAccessibleName(self.tr("Translation completeness per language"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        relay.documentChanged.connect(self._timer.start)
        relay.projectChanged.connect(lambda _p: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.hint.setText(self.tr("Send a language to a translator with: vitrine strings export PROJECT "
                                  "--target LANG --out FILE.xlf, and bring it back with vitrine strings import."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        doc = self.relay.document
        self.entries = completeness(doc.exhibit) if doc is not None else []
        source = doc.exhibit.languages[0] if doc is not None and doc.exhibit.languages else ""
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            name = language_name(entry.language)
            label = f"{entry.language} — {name}" if name else entry.language
            if entry.language == source:
                label += " " + self.tr("(source)")
            items = (QTableWidgetItem(label),
                     QTableWidgetItem(self.tr("%1%").replace("%1", str(entry.percent))),
                     QTableWidgetItem(str(entry.missing)))
            items[0].setData(LANGUAGE_ROLE, entry.language)
            items[0].setToolTip(self.tr("Written right to left") if is_rtl(entry.language)
                                else self.tr("Written left to right"))
            for column, item in enumerate(items):
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        total = self.entries[0].total if self.entries else 0
        incomplete = [e.language for e in self.entries if e.missing]
        if doc is None:
            self.summary.setText(self.tr("No project is open."))
        elif not incomplete:
            self.summary.setText(self.tr("All %1 texts exist in every language.").replace("%1", str(total)))
        else:
            self.summary.setText(self.tr("%1 texts to translate; incomplete: %2")
                                 .replace("%1", str(total)).replace("%2", ", ".join(incomplete)))

    def rows(self) -> list[tuple[str, int, int]]:
        """(language, percent, missing) per row, as shown."""
        return [(e.language, e.percent, e.missing) for e in self.entries]


def add_translations_dock(window: Any) -> QDockWidget:
    """Create the panel as ``window.translations_panel`` and dock it beside Problems."""
    window.translations_panel = TranslationsPanel(window.relay)
    dock = window._dock("translationsDock", QT_TRANSLATE_NOOP("MainWindow", "Translations"),
                        window.translations_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.tabifyDockWidget(window.problems_dock, dock)
    return dock
