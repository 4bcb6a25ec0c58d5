"""Options for importing a scan: the artifact's name, the scan's units and up axis, with
the scan's inspection report and a thumbnail of the scan as it will stand (front view,
Y up, in metres), redrawn as soon as the units or the up axis change.

The caller checks the file first (``check_scan``), so a bad file is refused with its
one-line error before any options are asked for.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

SCAN_FILTER = "Scans (*.ply *.stl *.obj *.off *.glb *.gltf);;All files (*)"
SCAN_SUFFIXES = {".ply", ".stl", ".obj", ".off", ".glb", ".gltf"}
PREVIEW_PX = 180
PREVIEW_MAX_FACES = 2_000_000  # larger scans are imported without a preview (reading them takes a while)
PREVIEW_MAX_POINTS = 200_000   # vertices drawn in the thumbnail (a random subset beyond)


def check_scan(path: str | Path) -> dict:
    """Read only the scan's header: its counts, or ScanError (wrong type, empty, renamed file)."""
    from vitrine.assets.scan_loading import peek_counts
    return peek_counts(path)


PREVIEW_MAX_FACES_DRAWN = 20_000  # triangles painted in the thumbnail (a random subset beyond)


def inspect_for_preview(path: str | Path) -> tuple[Optional[dict], Optional[np.ndarray], Optional[np.ndarray]]:
    """(inspection report, vertices (n, 3) in file units, faces (m, 3) vertex indices or None
    for a point cloud) for a scan small enough to read now; (None, None, None) for a larger
    one or one that cannot be read (the import itself then reports why)."""
    return preview_scan(path)[:3]


def preview_scan(path: str | Path):
    """:func:`inspect_for_preview`'s three values and the full mesh (trimesh.Trimesh, file
    units; None for a point cloud or a scan over PREVIEW_MAX_FACES), for the LOD error plot."""
    from vitrine.assets.inspection import inspect_scan
    from vitrine.assets.scan_errors import ScanError
    from vitrine.assets.scan_loading import load_scan
    try:
        scan = load_scan(path, max_faces=PREVIEW_MAX_FACES)
        report = inspect_scan(scan)
    except (ScanError, MemoryError):
        return None, None, None, None
    vertices = np.asarray(scan.geometry.vertices, np.float64)
    faces = np.asarray(scan.mesh.faces, np.int64) if scan.mesh is not None else None
    rng = np.random.default_rng(0)
    if faces is not None and len(faces) > PREVIEW_MAX_FACES_DRAWN:
        faces = faces[rng.choice(len(faces), PREVIEW_MAX_FACES_DRAWN, replace=False)]
    if faces is None and len(vertices) > PREVIEW_MAX_POINTS:
        vertices = vertices[rng.choice(len(vertices), PREVIEW_MAX_POINTS, replace=False)]
    return report, vertices, faces, scan.mesh


def standing_thumbnail(vertices: np.ndarray, faces: Optional[np.ndarray], size: int) -> QPixmap:
    """A front view (looking along -Z, Y up) of prepared vertices (n, 3, metres), shaded by the
    export posters' software rasteriser (exporters/posters/raster.py); points for a point cloud.
    Drawn in numpy and handed to Qt once: a Qt call per triangle is slow, and PySide6 6.12 leaks
    a reference to None on each call that returns nothing, which aborts a long session."""
    from vitrine.app.panels.asset_panel import silhouette
    from vitrine.exporters.posters.raster import LightSpec, Shape, render
    finite = np.isfinite(vertices).all(axis=1)
    if faces is None or not len(faces) or not finite.all():
        return silhouette(vertices[finite], size)
    lo, hi = vertices.min(axis=0), vertices.max(axis=0)
    centre = (lo + hi) / 2
    span = float(max(hi[0] - lo[0], hi[1] - lo[1])) or 1.0
    fov = 0.5  # radians, vertical
    eye = centre + np.array([0.0, 0.0, (hi[2] - lo[2]) / 2 + span * 0.55 / np.tan(fov / 2)])
    grey = np.full((len(faces), 3), 0.78)
    lights = [LightSpec("ambient", np.ones(3), 0.35, np.zeros(3), np.zeros(3)),
              LightSpec("directional", np.ones(3), 0.9, eye + np.array([span, span, 0.0]), centre)]
    background = np.empty((size, size, 3), np.uint8)
    background[:] = (40, 43, 50)
    image, _ = render([Shape(np.asarray(vertices, float), np.asarray(faces), grey)], lights, eye, centre,
                      np.array([0.0, 1.0, 0.0]), fov, size, size, background)
    return QPixmap.fromImage(numpy_image(image))


def numpy_image(rgb: np.ndarray) -> QImage:
    """A QImage (its own copy) of an (h, w, 3) uint8 RGB array."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class ImportOptionsDialog(QDialog):
    def __init__(self, path: str, parent: Optional[QWidget] = None, report: Optional[dict] = None,
                 vertices: Optional[np.ndarray] = None, faces: Optional[np.ndarray] = None,
                 mesh=None) -> None:
        """``mesh``: the full scan (trimesh.Trimesh, file units) for the level-of-detail
        error plot, estimated on a background thread; None: no estimate."""
        super().__init__(parent)
        from vitrine.app.panels.scan_report import report_lines
        self.setWindowTitle(self.tr("Import Scan"))
        self.report = report
        self.vertices = vertices
        self.faces = faces
        self.name = QLineEdit(Path(path).stem.replace("_", " ").replace("-", " ").strip().capitalize())
        self.units = QComboBox()
        for value, text in (("auto", self.tr("Detect automatically")), ("m", self.tr("metres")),
                            ("cm", self.tr("centimetres")), ("mm", self.tr("millimetres")),
                            ("in", self.tr("inches"))):
            self.units.addItem(text, value)
        self.up = QComboBox()
        for value, text in (("auto", self.tr("Detect automatically")), ("y", self.tr("Y up")),
                            ("z", self.tr("Z up")), ("x", self.tr("X up"))):
            self.up.addItem(text, value)
        file_label = QLabel(Path(path).name)
        file_label.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("File:"), file_label)
        form.addRow(self.tr("Artifact name:"), self.name)
        form.addRow(self.tr("Scan units:"), self.units)
        form.addRow(self.tr("Up axis:"), self.up)
        self.preview = QLabel()
        self.preview.setObjectName("importPreview")
        self.preview.setFixedSize(PREVIEW_PX, PREVIEW_PX)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.size_label = QLabel()
        self.size_label.setObjectName("importSize")
        self.size_label.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.size_label)
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addWidget(self.preview)
        self.report_view = QPlainTextEdit()
        self.report_view.setObjectName("importReport")
        self.report_view.setReadOnly(True)
        self.report_view.setPlainText("\n".join(report_lines(report)) if report
                                      else self.tr("No preview for this scan: it is read when it is imported."))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Inspection report")))
        layout.addWidget(self.report_view, 1)
        from .lod_error_plot import LodErrorPlot
        self.lod_plot = LodErrorPlot(mesh, self)
        layout.addWidget(QLabel(self.tr("Level-of-detail error against faces")))
        layout.addWidget(self.lod_plot, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.units.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.up.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.resize(560, 680)
        self.update_preview()

    def resolved(self) -> tuple[str, str]:
        """(units, up axis) the import will use: the choice, or the report's guess for "auto"."""
        report = self.report or {}
        units = self.units.currentData()
        if units == "auto":
            units = report.get("units_guess") if report.get("units_guess") in ("m", "cm", "mm", "in") else "m"
        up = self.up.currentData()
        if up == "auto":
            up = str(report.get("up_axis_guess") or "y").lstrip("+")
        return units, up

    def prepared_vertices(self) -> Optional[np.ndarray]:
        """The preview's vertices as they will stand: metres, Y up, on the floor (n, 3)."""
        if self.vertices is None or not len(self.vertices):
            return None
        from vitrine.assets.preparation import preparation_matrix
        units, up = self.resolved()
        matrix = preparation_matrix(self.vertices, units=units, up_axis=up)
        return self.vertices @ matrix[:3, :3].T + matrix[:3, 3]

    def update_preview(self) -> None:
        prepared = self.prepared_vertices()
        if prepared is None:
            self.preview.setText(self.tr("(no preview)"))
            self.size_label.clear()
            return
        self.preview.setPixmap(standing_thumbnail(prepared, self.faces, PREVIEW_PX))
        size = prepared.max(axis=0) - prepared.min(axis=0)
        self.size_label.setText(self.tr("As it will stand: %1 × %2 × %3 cm (W × H × D)")
                                .replace("%1", f"{size[0] * 100:.1f}").replace("%2", f"{size[1] * 100:.1f}")
                                .replace("%3", f"{size[2] * 100:.1f}"))

    def options(self) -> dict:
        return {"name": self.name.text().strip() or None, "units": self.units.currentData(),
                "up": self.up.currentData()}

    @classmethod
    def get_options(cls, path: str, parent: Optional[QWidget] = None) -> Optional[dict]:
        """Ask the curator; None if cancelled. (Tests replace this to skip the dialog.)"""
        report, vertices, faces, mesh = preview_scan(path)
        dialog = cls(path, parent, report, vertices, faces, mesh)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None


__all__ = ["ImportOptionsDialog", "SCAN_FILTER", "SCAN_SUFFIXES", "check_scan", "inspect_for_preview", "preview_scan"]
