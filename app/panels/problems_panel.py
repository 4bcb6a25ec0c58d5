"""The Problems dock: ``project.validate()`` results; double-click selects the object."""
from __future__ import annotations

from typing import Any, Optional

from vitrine.app.window.accessible_names import name as accessible
from vitrine.app.panels.plain_text import plain_tooltip
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal, QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStyle, QTableView, QVBoxLayout, QWidget

from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.window.message_catalogue import problem_text
from vitrine.scenes.checks.validation import Problem

SEVERITY_NAMES = {
    "error": QT_TRANSLATE_NOOP("ProblemsModel", "Error"),
    "warning": QT_TRANSLATE_NOOP("ProblemsModel", "Warning"),
    "info": QT_TRANSLATE_NOOP("ProblemsModel", "Info"),
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
OBJECT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsModel(QAbstractTableModel):
    """Adapts the list of problems, most severe first."""

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self.problems = sorted(problems, key=lambda p: SEVERITY_ORDER.get(p.severity, 3))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Severity"), self.tr("Problem"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        problem = self.problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return QCoreApplication.translate("ProblemsModel", SEVERITY_NAMES.get(problem.severity, problem.severity))
            return problem_text(problem)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            from PySide6.QtWidgets import QApplication
            icons = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
                     "warning": QStyle.StandardPixmap.SP_MessageBoxWarning}
            return QApplication.style().standardIcon(icons.get(problem.severity, QStyle.StandardPixmap.SP_MessageBoxInformation))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{problem.code}: {problem_text(problem)}")
        if role == OBJECT_ID_ROLE:
            return problem.object_id
        return None


class ProblemsPanel(QWidget):
    """Re-validates shortly after the document changes (one check per burst of edits)."""

    objectActivated = Signal(str)

    def __init__(self, relay: DocumentRelay, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self.model = ProblemsModel(self)
        self.view = QTableView()
        self.view.setObjectName("problemsView")
        accessible(self.view, QCoreApplication.translate("AccessibleNames", "Problems"), QCoreApplication.translate("AccessibleNames", "Problems found in the exhibit; activate one to select the object concerned."))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between rows): no focus trap
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._activated)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        relay.documentChanged.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> None:
        project = self.relay.project
        problems = project.validate() if project is not None else []
        self.model.set_problems(problems)
        counts = {s: sum(1 for p in problems if p.severity == s) for s in SEVERITY_ORDER}
        self.summary.setText(self.tr("%1 errors, %2 warnings, %3 notes")
                             .replace("%1", str(counts["error"])).replace("%2", str(counts["warning"]))
                             .replace("%3", str(counts["info"])))

    def _activated(self, index: QModelIndex) -> None:
        obj_id = self.model.index(index.row(), 0).data(OBJECT_ID_ROLE)
        doc = self.relay.document
        if obj_id and doc is not None and doc.find(obj_id) is not None:
            self.relay.select([obj_id])
            self.objectActivated.emit(obj_id)
