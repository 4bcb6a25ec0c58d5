"""The Assets dock: imported scans with a thumbnail and their inspection report."""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
from PySide6.QtCore import QCoreApplication, QAbstractListModel, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListView, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from vitrine.app.window.accessible_names import name as accessible
from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.panels.scan_report import report_lines, units_name
from vitrine.app.window.message_catalogue import level_name
from vitrine.scenes.exhibit_model import Asset

THUMB = 72
ASSET_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def silhouette(vertices: Any, size: int = THUMB) -> QPixmap:
    """A front-view density image of a scan's vertices (n, 3): enough to recognise the object.
    Built in numpy and handed to Qt once (no Qt call per pixel)."""
    pts = np.asarray(vertices, dtype=np.float64)[:, :2]
    rgb = np.empty((size, size, 3), np.uint8)
    rgb[:] = (40, 43, 50)
    if len(pts):
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        span = float(max(hi - lo)) or 1.0
        grid = ((pts - lo) / span * (size - 5) + 2).astype(int)
        hist = np.zeros((size, size), dtype=np.int64)
        np.add.at(hist, (size - 1 - grid[:, 1], grid[:, 0]), 1)
        level = np.clip(np.sqrt(hist / max(1, hist.max())) * 255 * 1.5, 0, 255).astype(int)
        lit = level > 0
        for channel, base in enumerate((90, 80, 60)):
            rgb[..., channel][lit] = np.minimum(255, base + level[lit])
    image = QImage(rgb.data, size, size, 3 * size, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(image)


class AssetListModel(QAbstractListModel):
    def __init__(self, relay: DocumentRelay, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self._thumbs: dict[str, QIcon] = {}

    def assets(self) -> list[Asset]:
        return self.relay.document.exhibit.assets if self.relay.document else []

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.assets())

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        assets = self.assets()
        if not index.isValid() or index.row() >= len(assets):
            return None
        asset = assets[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            w, h, d = (c * 100 for c in asset.dimensions)
            return f"{asset.original_name}\n{asset.format.upper()} · {w:.1f} × {h:.1f} × {d:.1f} cm"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbnail(asset)
        if role == ASSET_ID_ROLE:
            return asset.id
        return None

    def _thumbnail(self, asset: Asset) -> QIcon:
        if asset.id not in self._thumbs:
            pixmap = QPixmap(THUMB, THUMB)
            pixmap.fill(QColor(40, 43, 50))
            levels = self.relay.session.available_levels(asset.id)
            if levels:
                try:  # the coarsest stored level is small enough to read on the GUI thread
                    geometry = self.relay.session.geometry(asset.id, levels[0])
                    if geometry is not None:
                        pixmap = silhouette(geometry.vertices)
                except Exception:  # unreadable level: the Problems panel reports missing files
                    pass
            self._thumbs[asset.id] = QIcon(pixmap)
        return self._thumbs[asset.id]


class AssetPanel(QWidget):
    def __init__(self, relay: DocumentRelay, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self.model = AssetListModel(relay, self)
        self.view = QListView()
        self.view.setObjectName("assetList")
        self.view.setModel(self.model)
        self.view.setIconSize(QSize(THUMB, THUMB))
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_report())
        self.report = QPlainTextEdit()
        self.report.setObjectName("inspectionReport")
        accessible(self.view, QCoreApplication.translate("AccessibleNames", "Scans"), QCoreApplication.translate("AccessibleNames", "The imported scans; select one to see its inspection report."))
        accessible(self.report, QCoreApplication.translate("AccessibleNames", "Inspection report"))
        self.report.setReadOnly(True)
        self.report.setTabChangesFocus(True)
        self.report.setPlaceholderText(self.tr("Select a scan to see its inspection report."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.report)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        relay.objectAdded.connect(lambda kind, *a: self.model.refresh() if kind == "asset" else None)
        relay.objectRemoved.connect(lambda kind, *a: self.model.refresh() if kind == "asset" else None)
        relay.objectChanged.connect(lambda kind, *a: self._on_changed(kind))
        relay.documentReset.connect(self.model.refresh)

    def _on_changed(self, kind: str) -> None:
        if kind == "asset":
            self._show_report()

    def _show_report(self) -> None:
        asset_id = self.view.currentIndex().data(ASSET_ID_ROLE)
        asset = self.relay.document.asset(asset_id) if self.relay.document and asset_id else None
        if asset is None:
            self.report.clear()
            return
        file_label, format_label = self.tr("File"), self.tr("Format")
        units_label, up_label, levels_label = self.tr("Units"), self.tr("Up axis"), self.tr("Levels")
        lines = [f"{file_label}: {asset.original_name}", f"SHA-256: {asset.id}",
                 f"{format_label}: {asset.format}  ·  {units_label}: {units_name(asset.units)}  ·  {up_label}: {asset.up_axis.upper()}",
                 f"{levels_label}: " + ", ".join(level_name(lv.level) for lv in asset.levels), ""]
        lines += report_lines(asset.inspection)  # readable, in the UI's language (not JSON)
        self.report.setPlainText("\n".join(lines))
