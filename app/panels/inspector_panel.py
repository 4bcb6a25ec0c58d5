"""The Inspector dock: properties of the selected artifact, plinth or light.

Rotation is edited as Euler angles in degrees (extrinsic X, Y, Z) and stored as the
model's quaternion. Dimensions come from the scan's asset record times the scale.
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QStackedWidget,
    QVBoxLayout, QWidget,
)
from scipy.spatial.transform import Rotation

from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.window.message_catalogue import level_name
from vitrine.app.panels.property_widgets import TEXT_MAX, Vec3Edit, selection_panel_frame, set_quietly, spin
from vitrine.app.panels.transform_fields import PlacementGroup
from vitrine.scenes.editing.artifact_commands import MoveArtifact, SetArtifactVisibility, SetDisplaySetting
from vitrine.scenes.editing.exhibit_commands import RenameObject
from vitrine.scenes.exhibit_model import LIGHT_TYPES, PLINTH_SHAPES, Artifact, Light, Plinth, Transform
from vitrine.scenes.editing.furniture_commands import EditLight, MovePlinth, ResizePlinth, SetPlinthStyle


def quat_to_euler_deg(q: tuple[float, float, float, float]) -> tuple[float, float, float]:
    return tuple(float(a) for a in Rotation.from_quat(q).as_euler("xyz", degrees=True))  # type: ignore[return-value]


def euler_deg_to_quat(angles: tuple[float, float, float]) -> tuple[float, float, float, float]:
    return tuple(float(c) for c in Rotation.from_euler("xyz", angles, degrees=True).as_quat())  # type: ignore[return-value]


class InspectorPanel(QWidget):
    def __init__(self, relay: DocumentRelay, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self.obj_id: Optional[str] = None
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Select an artifact, a plinth or a light to see its properties."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.empty)
        self.artifact_page = self._build_artifact_page()
        self.plinth_page = self._build_plinth_page()
        self.light_page = self._build_light_page()
        for page in (self.artifact_page, self.plinth_page, self.light_page):
            self.stack.addWidget(page)
        selection_panel_frame(self, self.stack, relay)
        self.refresh()

    # --- pages ---------------------------------------------------------------------------
    def _transform_rows(self, form: QFormLayout, move: Any) -> tuple[Vec3Edit, Vec3Edit, Vec3Edit]:
        translation = Vec3Edit(-100, 100, 3, 0.01, " m")
        rotation = Vec3Edit(-180, 180, 1, 5.0, "°")
        scale = Vec3Edit(0.001, 1000, 3, 0.1)
        for edit in (translation, rotation, scale):
            edit.edited.connect(lambda _v: move())
            edit.finished.connect(self._seal)
        form.addRow(self.tr("Position:"), translation)
        form.addRow(self.tr("Rotation:"), rotation)
        form.addRow(self.tr("Scale:"), scale)
        return translation, rotation, scale

    def _build_artifact_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.art_name = QLineEdit()
        self.art_name.setMaxLength(TEXT_MAX)
        self.art_name.editingFinished.connect(self._rename)
        form.addRow(self.tr("Name:"), self.art_name)
        self.art_visible = QCheckBox(self.tr("Visible"))
        self.art_visible.toggled.connect(lambda on: self._push(SetArtifactVisibility(self.doc, self.obj_id, on)))
        form.addRow("", self.art_visible)
        self.art_t, self.art_r, self.art_s = self._transform_rows(form, self._move_artifact)
        self.art_dims = QLabel()
        self.art_dims.setObjectName("dimensionsLabel")
        form.addRow(self.tr("Dimensions:"), self.art_dims)
        layout.addLayout(form)
        self.art_placement = PlacementGroup(self.relay)  # mount and snapping (transform_fields.py)
        layout.addWidget(self.art_placement)
        display = QGroupBox(self.tr("Display"))
        dform = QFormLayout(display)
        self.art_color = QLineEdit()
        self.art_color.setPlaceholderText(self.tr("scan colours (e.g. #c0a080 to override)"))
        self.art_color.editingFinished.connect(
            lambda: self._display("color_override", self.art_color.text().strip() or None))
        dform.addRow(self.tr("Colour override:"), self.art_color)
        self.art_rough = spin(0, 1, 2, 0.05)
        self.art_rough.valueChanged.connect(lambda v: self._display("roughness", v))
        dform.addRow(self.tr("Roughness:"), self.art_rough)
        self.art_metal = spin(0, 1, 2, 0.05)
        self.art_metal.valueChanged.connect(lambda v: self._display("metalness", v))
        dform.addRow(self.tr("Metalness:"), self.art_metal)
        self.art_point = spin(0.0001, 0.05, 4, 0.0005, " m")
        self.art_point.valueChanged.connect(lambda v: self._display("point_size", v))
        dform.addRow(self.tr("Point size:"), self.art_point)
        self.art_double = QCheckBox(self.tr("Double-sided"))
        self.art_double.toggled.connect(lambda on: self._display("double_sided", on))
        dform.addRow("", self.art_double)
        self.art_lod = QComboBox()
        self.art_lod.activated.connect(lambda _i: self._display("lod", self.art_lod.currentData()))
        dform.addRow(self.tr("Level of detail:"), self.art_lod)
        self.art_levels = QLabel()
        self.art_levels.setWordWrap(True)
        dform.addRow("", self.art_levels)
        layout.addWidget(display)
        layout.addStretch(1)
        return page

    def _build_plinth_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.pln_name = QLineEdit()
        self.pln_name.setMaxLength(TEXT_MAX)
        self.pln_name.editingFinished.connect(self._rename)
        form.addRow(self.tr("Name:"), self.pln_name)
        self.pln_t, self.pln_r, self.pln_s = self._transform_rows(form, self._move_plinth)
        self.pln_shape = QComboBox()
        for shape, text in zip(PLINTH_SHAPES, (self.tr("Box"), self.tr("Cylinder"))):
            self.pln_shape.addItem(text, shape)
        self.pln_shape.activated.connect(
            lambda _i: self._push(SetPlinthStyle(self.doc, self.obj_id, "shape", self.pln_shape.currentData())))
        form.addRow(self.tr("Shape:"), self.pln_shape)
        self.pln_size = Vec3Edit(0.01, 20, 3, 0.05, " m")
        self.pln_size.edited.connect(lambda v: self._push(ResizePlinth(self.doc, self.obj_id, v)))
        self.pln_size.finished.connect(self._seal)
        form.addRow(self.tr("Size (W × H × D):"), self.pln_size)
        self.pln_color = QLineEdit()
        self.pln_color.editingFinished.connect(
            lambda: self._push(SetPlinthStyle(self.doc, self.obj_id, "color", self.pln_color.text().strip())))
        form.addRow(self.tr("Colour:"), self.pln_color)
        return page

    def _build_light_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.lgt_name = QLineEdit()
        self.lgt_name.setMaxLength(TEXT_MAX)
        self.lgt_name.editingFinished.connect(self._rename)
        form.addRow(self.tr("Name:"), self.lgt_name)
        self.lgt_type = QComboBox()
        names = (self.tr("Ambient"), self.tr("Directional"), self.tr("Point"), self.tr("Spot"))
        for kind, text in zip(LIGHT_TYPES, names):
            self.lgt_type.addItem(text, kind)
        self.lgt_type.activated.connect(lambda _i: self._light("type", self.lgt_type.currentData()))
        form.addRow(self.tr("Type:"), self.lgt_type)
        self.lgt_intensity = spin(0, 100, 2, 0.1)
        self.lgt_intensity.valueChanged.connect(lambda v: self._light("intensity", v))
        form.addRow(self.tr("Intensity:"), self.lgt_intensity)
        self.lgt_color = QLineEdit()
        self.lgt_color.editingFinished.connect(lambda: self._light("color", self.lgt_color.text().strip()))
        form.addRow(self.tr("Colour:"), self.lgt_color)
        self.lgt_pos = Vec3Edit(-100, 100, 2, 0.1, " m")
        self.lgt_pos.edited.connect(lambda v: self._light("position", v))
        self.lgt_pos.finished.connect(self._seal)
        form.addRow(self.tr("Position:"), self.lgt_pos)
        self.lgt_target = Vec3Edit(-100, 100, 2, 0.1, " m")
        self.lgt_target.edited.connect(lambda v: self._light("target", v))
        self.lgt_target.finished.connect(self._seal)
        form.addRow(self.tr("Target:"), self.lgt_target)
        return page

    # --- document → widgets ------------------------------------------------------------------
    @property
    def doc(self) -> Any:
        return self.relay.document

    def _on_changed(self, kind: str, obj_id: str, path: Any) -> None:
        if obj_id == self.obj_id or kind == "asset":
            self.refresh()

    def refresh(self) -> None:
        doc = self.doc
        current = self.relay.session.selection.current
        obj = doc.find(current) if doc and current else None
        self.obj_id = obj.id if obj is not None else None
        if isinstance(obj, Artifact):
            self._show_artifact(obj)
            self.stack.setCurrentWidget(self.artifact_page)
        elif isinstance(obj, Plinth):
            self._show_transform(obj.transform, self.pln_t, self.pln_r, self.pln_s)
            set_quietly(self.pln_name, "setText", obj.name)
            set_quietly(self.pln_shape, "setCurrentIndex", max(0, self.pln_shape.findData(obj.shape)))
            self.pln_size.set_value(obj.size)
            set_quietly(self.pln_color, "setText", obj.color)
            self.stack.setCurrentWidget(self.plinth_page)
        elif isinstance(obj, Light):
            set_quietly(self.lgt_name, "setText", obj.name)
            set_quietly(self.lgt_type, "setCurrentIndex", max(0, self.lgt_type.findData(obj.type)))
            set_quietly(self.lgt_intensity, "setValue", obj.intensity)
            set_quietly(self.lgt_color, "setText", obj.color)
            self.lgt_pos.set_value(obj.position)
            self.lgt_target.set_value(obj.target)
            self.stack.setCurrentWidget(self.light_page)
        else:
            self.stack.setCurrentWidget(self.empty)

    def _show_transform(self, t: Transform, te: Vec3Edit, re: Vec3Edit, se: Vec3Edit) -> None:
        te.set_value(t.translation)
        # Keep the angles the curator typed when they describe the same rotation.
        current = euler_deg_to_quat(re.value())
        same = abs(sum(a * b for a, b in zip(current, t.rotation))) > 1 - 1e-9
        if not same:
            re.set_value(quat_to_euler_deg(t.rotation))
        se.set_value(t.scale)

    def _show_artifact(self, art: Artifact) -> None:
        set_quietly(self.art_name, "setText", art.name)
        set_quietly(self.art_visible, "setChecked", art.visible)
        self._show_transform(art.transform, self.art_t, self.art_r, self.art_s)
        self.art_placement.show_artifact(art)
        asset = self.doc.asset(art.asset_id)
        if asset is not None and any(asset.dimensions):
            dims = [d * s for d, s in zip(asset.dimensions, art.transform.scale)]
            self.art_dims.setText(self.tr("%1 × %2 × %3 cm (W × H × D)")
                                  .replace("%1", f"{dims[0] * 100:.1f}").replace("%2", f"{dims[1] * 100:.1f}")
                                  .replace("%3", f"{dims[2] * 100:.1f}"))
        else:
            self.art_dims.setText(self.tr("unknown (scan not found)"))
        d = art.display
        set_quietly(self.art_color, "setText", d.color_override or "")
        set_quietly(self.art_rough, "setValue", d.roughness)
        set_quietly(self.art_metal, "setValue", d.metalness)
        set_quietly(self.art_point, "setValue", d.point_size)
        set_quietly(self.art_double, "setChecked", d.double_sided)
        levels = self.relay.session.available_levels(art.asset_id)
        self.art_lod.blockSignals(True)
        self.art_lod.clear()
        self.art_lod.addItem(self.tr("Automatic"), "auto")
        for level in levels:
            self.art_lod.addItem(level_name(level), level)
        self.art_lod.setCurrentIndex(max(0, self.art_lod.findData(d.lod)))
        self.art_lod.blockSignals(False)
        if asset is not None and asset.levels:
            rows = [f"{level_name(lv.level)}: {lv.faces:,} " + self.tr("faces") if lv.faces
                    else f"{level_name(lv.level)}: {lv.points:,} " + self.tr("points")
                    for lv in asset.levels]
            self.art_levels.setText("\n".join(rows))
        else:
            self.art_levels.setText("")

    # --- widgets → commands ----------------------------------------------------------------
    def _push(self, command: Any) -> None:
        if self.obj_id is not None:
            self.relay.push(command)

    def _seal(self) -> None:
        if self.doc is not None:
            self.doc.history.seal()

    def _rename(self) -> None:
        obj = self.doc.find(self.obj_id) if self.doc and self.obj_id else None
        editor = self.sender()
        if obj is not None and isinstance(editor, QLineEdit) and editor.text() != obj.name:
            self._push(RenameObject(self.doc, self.obj_id, editor.text()))
            self._seal()

    def _transform_from(self, te: Vec3Edit, re: Vec3Edit, se: Vec3Edit) -> Transform:
        return Transform(translation=te.value(), rotation=euler_deg_to_quat(re.value()), scale=se.value())

    def _move_artifact(self) -> None:
        self._push(MoveArtifact(self.doc, self.obj_id, self._transform_from(self.art_t, self.art_r, self.art_s)))

    def _move_plinth(self) -> None:
        self._push(MovePlinth(self.doc, self.obj_id, self._transform_from(self.pln_t, self.pln_r, self.pln_s)))

    def _display(self, field: str, value: Any) -> None:
        obj = self.doc.find(self.obj_id) if self.doc and self.obj_id else None
        if obj is not None and getattr(obj.display, field) != value:
            self._push(SetDisplaySetting(self.doc, self.obj_id, field, value))

    def _light(self, field: str, value: Any) -> None:
        obj = self.doc.find(self.obj_id) if self.doc and self.obj_id else None
        if obj is not None and getattr(obj, field) != value:
            self._push(EditLight(self.doc, self.obj_id, field, value))
