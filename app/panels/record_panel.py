"""The Object record and rights dock: catalogue record of the selected artifact, rights
for the physical object and for its 3D model, and the scan's capture provenance."""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QInputDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.panels.property_widgets import LONGTEXT_MAX, TEXT_MAX, selection_panel_frame
from vitrine.app.panels.publication_editor import PublicationEditor
from vitrine.app.panels.translations_panel import apply_text_direction
from vitrine.app.panels.rights_fields import COMMON_RIGHTS, RightsEditor  # noqa: F401 - COMMON_RIGHTS re-exported
from vitrine.scenes.editing.artifact_commands import EditArtifactRights, EditCapture, EditObjectRecord, SetPublication
from vitrine.scenes.editing.exhibit_commands import SetClassifications
from vitrine.scenes.exhibit_model import Artifact, CaptureProvenance, PublicationSettings, Rights

class RecordPanel(QWidget):
    TEXT_FIELDS = ("identifier", "uri", "maker", "date", "dimensions_catalogued", "institution", "credit_line")

    def __init__(self, relay: DocumentRelay, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self.art_id: Optional[str] = None
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Select an artifact to edit its object record and rights."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.empty)
        self.page = QWidget()
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self.page)
        record = QGroupBox(self.tr("Object record"))
        self.form = QFormLayout(record)
        labels = {
            "identifier": self.tr("Identifier:"), "uri": self.tr("URI:"), "maker": self.tr("Maker / culture:"),
            "date": self.tr("Date / period:"), "dimensions_catalogued": self.tr("Catalogued dimensions:"),
            "institution": self.tr("Institution:"), "credit_line": self.tr("Credit line:"),
        }
        self.fields: dict[str, QLineEdit] = {}
        for name in self.TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"record_{name}")
            edit.setMaxLength(TEXT_MAX)
            edit.editingFinished.connect(lambda name=name: self._edit_field(name))
            self.fields[name] = edit
            self.form.addRow(labels[name], edit)
        self.materials = QLineEdit()
        self.materials.setPlaceholderText(self.tr("comma-separated, e.g. marble, gilt bronze"))
        self.materials.editingFinished.connect(self._edit_materials)
        self.form.addRow(self.tr("Materials:"), self.materials)
        self.classification = QComboBox()
        self.classification.activated.connect(lambda _i: self._edit_classification())
        add_class = QPushButton(self.tr("Add Classification…"))
        add_class.clicked.connect(self._add_classification)
        self.form.addRow(self.tr("Classification:"), self.classification)
        self.form.addRow("", add_class)
        self.localized: dict[tuple[str, str], QWidget] = {}
        layout.addWidget(record)
        self.object_rights = RightsEditor(self.tr("Rights of the object"), self, "object")
        self.model_rights = RightsEditor(self.tr("Rights of the 3D model"), self, "model")
        layout.addWidget(self.object_rights)
        layout.addWidget(self.model_rights)
        self.publication = PublicationEditor(self)
        layout.addWidget(self.publication)
        capture = QGroupBox(self.tr("Capture of the scan"))
        cform = QFormLayout(capture)
        self.capture: dict[str, QLineEdit] = {}
        for name, label in (("captured_by", self.tr("Captured by:")), ("captured_on", self.tr("Captured on:")),
                            ("equipment", self.tr("Equipment:")), ("software", self.tr("Software:")),
                            ("notes", self.tr("Notes:"))):
            edit = QLineEdit()
            edit.setMaxLength(LONGTEXT_MAX if name == "notes" else TEXT_MAX)
            edit.editingFinished.connect(self._edit_capture)
            self.capture[name] = edit
            cform.addRow(label, edit)
        layout.addWidget(capture)
        layout.addStretch(1)
        selection_panel_frame(self, self.stack, relay)
        self.refresh()

    @property
    def doc(self) -> Any:
        return self.relay.document

    def artifact(self) -> Optional[Artifact]:
        obj = self.doc.find(self.art_id) if self.doc and self.art_id else None
        return obj if isinstance(obj, Artifact) else None

    def _on_changed(self, kind: str, obj_id: str, path: Any) -> None:
        if obj_id == self.art_id or kind in ("asset", "exhibit"):
            self.refresh()

    def _ensure_language_rows(self, languages: list[str]) -> None:
        if [k[1] for k in self.localized if k[0] == "title"] == languages:
            return
        for widget in self.localized.values():
            self.form.removeRow(widget)
        self.localized = {}
        for row, lang in enumerate(languages):
            title = QLineEdit()
            title.setMaxLength(LONGTEXT_MAX)  # localized text is longtext in the schema
            title.editingFinished.connect(lambda lang=lang, w=title: self._edit_localized("title", lang, w.text()))
            apply_text_direction(lang, title)
            self.form.insertRow(row, self.tr("Title (%1):").replace("%1", lang), title)
            self.localized[("title", lang)] = title
        for lang in languages:
            desc = QPlainTextEdit()
            desc.setTabChangesFocus(True)  # Tab moves on: no focus trap
            desc.setFixedHeight(70)
            desc.installEventFilter(self)
            apply_text_direction(lang, desc)
            self.form.addRow(self.tr("Description (%1):").replace("%1", lang), desc)
            self.localized[("description", lang)] = desc

    def eventFilter(self, obj: Any, event: Any) -> bool:
        # Plain-text editors have no editingFinished: commit the description on focus out.
        if event.type() == event.Type.FocusOut:
            for (field, lang), widget in self.localized.items():
                if widget is obj and isinstance(widget, QPlainTextEdit):
                    self._edit_localized(field, lang, widget.toPlainText())
        return super().eventFilter(obj, event)

    def refresh(self) -> None:
        doc = self.doc
        current = self.relay.session.selection.current
        obj = doc.find(current) if doc and current else None
        if not isinstance(obj, Artifact):
            self.art_id = None
            self.stack.setCurrentWidget(self.empty)
            return
        self.art_id = obj.id
        rec = obj.record
        self._ensure_language_rows(list(doc.exhibit.languages))
        for name, edit in self.fields.items():
            with QSignalBlocker(edit):
                edit.setText(getattr(rec, name))
        with QSignalBlocker(self.materials):
            self.materials.setText(", ".join(rec.materials))
        for (field, lang), widget in self.localized.items():
            text = getattr(rec, field).get(lang, "")
            with QSignalBlocker(widget):
                if isinstance(widget, QLineEdit):
                    widget.setText(text)
                elif widget.toPlainText() != text:
                    widget.setPlainText(text)
        with QSignalBlocker(self.classification):
            self.classification.clear()
            self.classification.addItem(self.tr("(none)"), "")
            for value in doc.exhibit.classifications:
                self.classification.addItem(value, value)
            self.classification.setCurrentIndex(max(0, self.classification.findData(rec.classification)))
        self.object_rights.show_rights(obj.rights.object)
        self.model_rights.show_rights(obj.rights.model)
        self.publication.show_artifact(obj)
        asset = doc.asset(obj.asset_id)
        for name, edit in self.capture.items():
            with QSignalBlocker(edit):
                edit.setText(getattr(asset.capture, name) if asset else "")
            edit.setEnabled(asset is not None)
        self.stack.setCurrentWidget(self.page)

    # --- widgets → commands -----------------------------------------------------------------------
    def _push(self, command: Any) -> None:
        self.relay.push(command)
        self.doc.history.seal()  # each finished field is its own undo step

    def _edit_field(self, name: str) -> None:
        art = self.artifact()
        value = self.fields[name].text().strip()
        if art is not None and getattr(art.record, name) != value:
            self._push(EditObjectRecord(self.doc, art.id, name, value))

    def _edit_localized(self, field: str, lang: str, text: str) -> None:
        art = self.artifact()
        text = text.strip()[:LONGTEXT_MAX]  # a description edit has no maxLength: cut to what Save accepts
        if art is not None and getattr(art.record, field).get(lang, "") != text:
            self._push(EditObjectRecord(self.doc, art.id, field, text, language=lang))

    def _edit_materials(self) -> None:
        art = self.artifact()
        values = [m.strip() for m in self.materials.text().split(",") if m.strip()]
        if art is not None and art.record.materials != values:
            self._push(EditObjectRecord(self.doc, art.id, "materials", values))

    def _edit_classification(self) -> None:
        art = self.artifact()
        value = self.classification.currentData() or ""
        if art is not None and art.record.classification != value:
            self._push(EditObjectRecord(self.doc, art.id, "classification", value))

    def _add_classification(self) -> None:
        if self.doc is None:
            return
        value, ok = QInputDialog.getText(self, self.tr("Add Classification"), self.tr("New classification:"))
        value = value.strip()
        if ok and value and value not in self.doc.exhibit.classifications:
            self._push(SetClassifications(self.doc, self.doc.exhibit.classifications + [value]))

    def edit_rights(self, which: str, rights: Rights) -> None:
        art = self.artifact()
        if art is not None and getattr(art.rights, which) != rights:
            self._push(EditArtifactRights(self.doc, art.id, which, rights))

    def edit_publication(self, settings: PublicationSettings) -> None:
        art = self.artifact()
        if art is not None and art.publication != settings:
            self._push(SetPublication(self.doc, art.id, settings))

    def _edit_capture(self) -> None:
        art = self.artifact()
        asset = self.doc.asset(art.asset_id) if art else None
        if asset is None:
            return
        capture = CaptureProvenance(**{name: edit.text().strip() for name, edit in self.capture.items()})
        if capture != asset.capture:
            self._push(EditCapture(self.doc, asset.id, capture))
