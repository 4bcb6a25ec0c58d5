"""The import dialog's plot of level-of-detail error against face count (log-log), computed
on a background thread so that the dialog opens at once (a 2M-face scan takes seconds)."""
from __future__ import annotations

import math
import threading
from concurrent.futures import Future
from typing import Optional

import pyqtgraph as pg
import trimesh
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from vitrine.assets.progress import CancelToken, Cancelled


class LodErrorPlot(QWidget):
    """A pyqtgraph plot, one point per simplified level: x = faces, y = RMS distance from
    the scan's vertices to the level's nearest vertex (scan units), both log10 axes."""

    def __init__(self, mesh: Optional[trimesh.Trimesh], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("lodErrorPlot")
        self.errors: Optional[list] = None  # list[LevelError] once computed
        self.plot = pg.PlotWidget()
        self.plot.setMinimumHeight(160)
        self.plot.setLogMode(x=True, y=True)
        self.plot.setLabel("bottom", self.tr("Faces in the level"))
        self.plot.setLabel("left", self.tr("RMS distance to the level's nearest vertex (scan units)"))
        self.curve = self.plot.plot([], [], pen=pg.mkPen(90, 160, 230, width=2), symbol="o", symbolSize=8,
                                    symbolBrush=pg.mkBrush(90, 160, 230))
        self.status = QLabel()
        self.status.setObjectName("lodErrorStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.status)
        self.cancel = CancelToken()
        if mesh is None or not len(mesh.faces):
            self.status.setText(self.tr("No level-of-detail estimate for this scan: it is read when it is imported."))
            return
        self.status.setText(self.tr("Estimating the levels of detail…"))
        # The worker only fills a Future; a GUI-thread timer picks the result up, so no Qt
        # object is touched from the worker (nor after the dialog is gone).
        self._future: Future = Future()
        threading.Thread(target=self._work, args=(mesh, self._future, self.cancel), daemon=True,
                         name="lod-error").start()
        self._poll = QTimer(self)
        self._poll.setInterval(50)
        self._poll.timeout.connect(self._check)
        self._poll.start()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Stopped when the dialog goes: the import that follows needs the CPU.
        self.cancel.cancel()
        super().hideEvent(event)

    @staticmethod
    def _work(mesh: trimesh.Trimesh, future: Future, cancel: CancelToken) -> None:
        from vitrine.assets.levels.lod_error import level_errors
        try:
            future.set_result(level_errors(mesh, cancel=cancel))
        except Cancelled:
            future.cancel()
        except Exception as exc:  # noqa: BLE001 - shown in the plot's line, never a traceback
            future.set_result(exc)

    def _check(self) -> None:
        if self.cancel.cancelled:
            self._poll.stop()
        elif self._future.done():
            self._poll.stop()
            if not self._future.cancelled():
                self._show(self._future.result())

    def _show(self, result: object) -> None:
        if isinstance(result, Exception):
            self.errors = []
            self.status.setText(self.tr("The levels of detail could not be estimated: %1")
                                .replace("%1", str(result).splitlines()[0] if str(result) else type(result).__name__))
            return
        self.errors = [e for e in result if e.rms_error > 0]  # log axis: an exact level has no point
        if not self.errors:
            self.status.setText(self.tr("The scan is small enough to be published whole: no simpler level."))
            return
        # log mode: pyqtgraph is given the values themselves and plots their log10.
        self.curve.setData([e.faces for e in self.errors], [e.rms_error for e in self.errors])
        self.status.setText(self.tr("%1 levels; the full scan is the reference (error 0).")
                            .replace("%1", str(len(self.errors))))

    def points(self) -> list[tuple[float, float]]:
        """(faces, error) of the plotted points, read back from the curve (log10 undone)."""
        xs, ys = self.curve.getData()
        if xs is None:
            return []
        # getData returns what is drawn: log10 values in log mode.
        return [(10 ** float(x), 10 ** float(y)) for x, y in zip(xs, ys) if math.isfinite(x)]


__all__ = ["LodErrorPlot"]
