"""The Collection dock: a collection prepared by ``vitrine batch``, searchable by name, format,
size and problems, with a plot of its sizes and problems; a prepared scan goes into the exhibit
by double-click, the Add button or drag-and-drop, without being processed again."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Optional

import pyqtgraph as pg
from PySide6.QtCore import (QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QObject, QSortFilterProxyModel, Qt,
                            Signal)
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QSplitter, QTableView, QVBoxLayout, QWidget)

from vitrine.app.workflows.collection import Collection, CollectionError
from vitrine.app.workflows.collection_search import Query, matches, parse_query, problems_of

COLLECTION_MIME = "application/x-vitrine-collection-asset"
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
OK_COLOUR, PROBLEM_COLOUR, FAILED_COLOUR = (90, 170, 230), (240, 170, 60), (220, 70, 60)


def collection_drop(mime: QMimeData) -> Optional[tuple[str, str]]:
    """(collection folder, asset id) from a drag out of the Collection dock, else None."""
    if not mime.hasFormat(COLLECTION_MIME):
        return None
    try:
        data = json.loads(bytes(mime.data(COLLECTION_MIME)).decode("utf-8"))
        return str(data["collection"]), str(data["asset_id"])
    except (ValueError, KeyError, TypeError):
        return None


class CollectionModel(QAbstractTableModel):
    """One row per catalogue entry (prepared and failed), sorted by name."""

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.collection: Optional[Collection] = None
        self.entries: list[dict[str, Any]] = []

    def set_collection(self, collection: Optional[Collection]) -> None:
        self.beginResetModel()
        self.collection = collection
        self.entries = sorted(collection.entries.values(), key=lambda e: e.get("name", "").lower()) if collection else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Scan"), self.tr("Faces"), self.tr("Size"), self.tr("Problems"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        problems = problems_of(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([entry.get("source", "")] + problems)
        if role == Qt.ItemDataRole.EditRole:  # sort keys
            return (entry.get("name", "").lower(), entry.get("summary", {}).get("faces", 0),
                    entry.get("file_size", 0), len(problems))[index.column()]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return entry.get("name", "")  # the extension names the format; the dock is narrow
        if column == 1:
            summary = entry.get("summary", {})
            return f"{summary.get('faces', 0) or summary.get('points', 0):,}" if entry.get("status") == "prepared" else "—"
        if column == 2:
            return f"{entry.get('file_size', 0) / 2**20:.1f} MB"
        if entry.get("status") == "failed":
            return self.tr("failed")  # the reason is in the tooltip: the dock is narrow
        return str(len(problems)) if problems else ""

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.entries[index.row()].get("status") == "prepared":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [COLLECTION_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = [self.entries[i.row()] for i in indexes if i.isValid()]
        if rows and self.collection is not None:
            payload = {"collection": str(self.collection.path), "asset_id": rows[0]["asset_id"]}
            mime.setData(COLLECTION_MIME, QByteArray(json.dumps(payload).encode("utf-8")))
        return mime


class CollectionFilter(QSortFilterProxyModel):
    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.query = Query()
        self.setSortRole(Qt.ItemDataRole.EditRole)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self.query = parse_query(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        entry = self.sourceModel().index(row, 0, parent).data(ENTRY_ROLE)
        return entry is not None and matches(entry, self.query)


class CollectionPanel(QWidget):
    """``addRequested(collection folder, asset id)`` asks the window to add a prepared scan."""

    addRequested = Signal(str, str)

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.model = CollectionModel(self)
        self.proxy = CollectionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.open_button = QPushButton(self.tr("Open Collection…"))
        self.open_button.clicked.connect(self.choose_collection)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: name, format, >5MB, problems"))
        self.search.setAccessibleName(self.tr("Search the collection"))
        self.search.textChanged.connect(self._filter)
        self.add_button = QPushButton(self.tr("Add to Exhibit"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self._add_selected)
        self.status = QLabel(self.tr("No collection open. Prepare one with 'vitrine batch'."))
        self.status.setWordWrap(True)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Scans in the collection"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the dock is narrow: names take the rest
        self.table.doubleClicked.connect(lambda _i: self._add_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.plot = pg.PlotWidget()
        self.plot.setAccessibleName(self.tr("Plot of the collection's sizes and problems"))
        self.plot.setLogMode(x=True, y=True)
        self.plot.setLabel("bottom", self.tr("faces (points for point clouds)"))
        self.plot.setLabel("left", self.tr("file size (MB)"))
        self.plot.setMinimumHeight(120)
        # the plot repeats the table for the eye; keyboard users work in the table
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scatter = pg.ScatterPlotItem(size=8, pen=None)
        self.scatter.sigClicked.connect(self._point_clicked)
        self.plot.addItem(self.scatter)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.add_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.plot)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.search)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    # --- opening --------------------------------------------------------------------------
    def choose_collection(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open Collection"))
        if folder:
            self.open_collection(folder)

    def open_collection(self, folder: str | Path) -> bool:
        """Show the collection in ``folder``; False (and the reason in the panel) if it is not one."""
        try:
            collection = Collection.open(Path(folder))
        except CollectionError as exc:
            self.status.setText(str(exc))
            return False
        self.model.set_collection(collection)
        self._filter(self.search.text())
        return True

    # --- searching and plotting -----------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        failed = sum(1 for e in self.model.entries if e.get("status") == "failed")
        if self.model.collection is not None:
            self.status.setText(self.tr("%1 of %2 scans shown (%3 failed) in %4").replace("%1", str(shown))
                                .replace("%2", str(total)).replace("%3", str(failed))
                                .replace("%4", self.model.collection.path.name))
        self._plot()

    def visible_entries(self) -> list[dict[str, Any]]:
        return [self.proxy.index(r, 0).data(ENTRY_ROLE) for r in range(self.proxy.rowCount())]

    def _plot(self) -> None:
        spots = []
        for entry in self.visible_entries():
            summary = entry.get("summary", {})
            faces = max(1, int(summary.get("faces", 0) or summary.get("points", 0) or 1))  # point clouds: points
            size_mb = max(1e-3, entry.get("file_size", 0) / 2**20)
            colour = (FAILED_COLOUR if entry.get("status") == "failed"
                      else PROBLEM_COLOUR if problems_of(entry) else OK_COLOUR)
            # log mode: pyqtgraph plots log10 of the values it is given
            spots.append({"pos": (math.log10(faces), math.log10(size_mb)), "brush": pg.mkBrush(*colour),
                          "data": entry.get("source", "")})
        self.scatter.setData(spots)

    def _point_clicked(self, _item: Any, points: Any, *_args: Any) -> None:
        if len(points) == 0:
            return
        source = points[0].data()
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ENTRY_ROLE).get("source") == source:
                self.table.selectRow(row)
                break

    # --- adding ---------------------------------------------------------------------------
    def selected_entry(self) -> Optional[dict[str, Any]]:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ENTRY_ROLE) if rows else None

    def _selection_changed(self) -> None:
        entry = self.selected_entry()
        self.add_button.setEnabled(bool(entry) and entry.get("status") == "prepared")

    def _add_selected(self) -> None:
        entry = self.selected_entry()
        if entry and entry.get("status") == "prepared" and self.model.collection is not None:
            self.addRequested.emit(str(self.model.collection.path), entry["asset_id"])


__all__ = ["COLLECTION_MIME", "CollectionPanel", "collection_drop"]
