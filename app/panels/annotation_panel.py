"""The Annotations dock: title and body of the selected annotation in every exhibit
language side by side, a marker where a translation is missing, and its media
(an image with alt text and credit; audio per language with captions)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.dialogs.error_messages import show_error
from vitrine.scenes.editing.annotation_commands import (
    EditAnnotationText, SetAnnotationAudio, SetAnnotationImage, SetAnnotationViewpoint,
)
from vitrine.scenes.exhibit_model import Annotation, MediaAudio, MediaImage, Rights
from vitrine.scenes.storage.serialization import clone
from vitrine.app.panels.object_text import localized
from vitrine.app.panels.property_widgets import LONGTEXT_MAX, TEXT_MAX, selection_panel_frame
from vitrine.app.panels.translations_panel import apply_text_direction
from vitrine.app.panels.rights_fields import RightsEditor

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.webp)"
AUDIO_FILTER = "Audio (*.mp3 *.m4a *.ogg *.wav)"
CAPTIONS_FILTER = "WebVTT captions (*.vtt)"


class _LanguageColumn:
    """The editors of one language: title, body and the missing-translation marker."""

    def __init__(self, panel: "AnnotationPanel", lang: str) -> None:
        self.lang = lang
        # The tag comes from the project file: plain text, bold by font rather than markup.
        self.heading = QLabel(lang)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.missing = QLabel("⚠ " + QCoreApplication.translate("AnnotationPanel", "Missing translation"))
        self.missing.setObjectName(f"missing_{lang}")
        self.missing.setStyleSheet("color: #d08000;")
        self.title = QLineEdit()
        self.title.setObjectName(f"title_{lang}")
        self.title.setMaxLength(LONGTEXT_MAX)
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)  # Tab moves on, as in every other field: no focus trap
        self.body.setObjectName(f"body_{lang}")
        # A plain text edit has no length limit: a longer body is cut on commit, and this says so.
        self.too_long = QLabel(QCoreApplication.translate(
            "AnnotationPanel", "Text shortened to %1 characters, the most an exhibit can store.")
            .replace("%1", f"{LONGTEXT_MAX:,}"))
        self.too_long.setObjectName(f"tooLong_{lang}")
        self.too_long.setTextFormat(Qt.TextFormat.PlainText)
        self.too_long.setWordWrap(True)
        self.too_long.setStyleSheet("color: #d08000;")
        self.too_long.hide()
        self.alt = QLineEdit()
        self.alt.setObjectName(f"alt_{lang}")
        self.alt.setMaxLength(LONGTEXT_MAX)
        apply_text_direction(lang, self.title, self.body, self.alt)
        self.title.textEdited.connect(lambda text: panel._edit_text("title", lang, text))
        self.title.editingFinished.connect(panel._seal)
        self.body.textChanged.connect(lambda: panel._edit_text("body", lang, self.body.toPlainText()))
        self.alt.editingFinished.connect(panel._edit_image_details)


class AnnotationPanel(QWidget):
    def __init__(self, relay: DocumentRelay, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self.ann_id: Optional[str] = None
        self.columns: dict[str, _LanguageColumn] = {}
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Select an annotation in the Outline, or turn on Pin Mode and "
                                    "click an artifact to pin a new one."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.empty)
        self.editor = QWidget()
        self.stack.addWidget(self.editor)
        outer = QVBoxLayout(self.editor)
        self.text_grid = QGridLayout()
        outer.addLayout(self.text_grid)
        # Viewpoint the visitor's camera flies to when opening the annotation.
        self.viewpoint = QComboBox()
        self.viewpoint.activated.connect(self._set_viewpoint)
        row = QFormLayout()
        row.addRow(self.tr("Fly to viewpoint:"), self.viewpoint)
        outer.addLayout(row)
        outer.addWidget(self._build_image_box())
        outer.addWidget(self._build_audio_box())
        outer.addStretch(1)
        selection_panel_frame(self, self.stack, relay)
        relay.objectRemoved.connect(lambda *a: self.refresh())
        relay.objectAdded.connect(lambda kind, *a: self.refresh() if kind == "viewpoint" else None)
        self.refresh()

    def _build_image_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Image"))
        layout = QVBoxLayout(box)
        self.image_form = QFormLayout()
        self.image_file = QLabel()
        self.image_file.setTextFormat(Qt.TextFormat.PlainText)  # a file name from the project file
        self.image_form.addRow(self.tr("File:"), self.image_file)
        self.image_credit = QLineEdit()
        self.image_credit.setObjectName("imageCredit")
        self.image_credit.setMaxLength(TEXT_MAX)
        self.image_credit.editingFinished.connect(self._edit_image_details)
        self.image_form.addRow(self.tr("Credit:"), self.image_credit)
        layout.addLayout(self.image_form)
        self.image_rights = RightsEditor(self.tr("Rights of the image"), self, "image")
        self.image_rights.setObjectName("imageRights")
        layout.addWidget(self.image_rights)
        self.image_preview = QLabel()
        self.image_preview.setObjectName("imagePreview")
        self.image_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.image_preview)
        buttons = QHBoxLayout()
        choose = QPushButton(self.tr("Choose Image…"))
        choose.clicked.connect(self._choose_image)
        self.image_remove = QPushButton(self.tr("Remove Image"))
        self.image_remove.clicked.connect(lambda: self._push(SetAnnotationImage(self.doc, self.ann_id, None)))
        buttons.addWidget(choose)
        buttons.addWidget(self.image_remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _build_audio_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Audio"))
        layout = QFormLayout(box)
        self.audio_lang = QComboBox()
        self.audio_lang.currentIndexChanged.connect(lambda _i: self._show_audio())
        layout.addRow(self.tr("Language:"), self.audio_lang)
        self.audio_file = QLabel()
        self.audio_file.setTextFormat(Qt.TextFormat.PlainText)
        layout.addRow(self.tr("Audio file:"), self.audio_file)
        self.audio_captions = QLabel()
        self.audio_captions.setTextFormat(Qt.TextFormat.PlainText)
        layout.addRow(self.tr("Captions:"), self.audio_captions)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Choose Audio…"), self._choose_audio),
                           (self.tr("Choose Captions…"), self._choose_captions),
                           (self.tr("Remove Audio"), self._remove_audio)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout.addRow(buttons)
        # one statement covers a language's recording and its captions (MediaAudio.rights)
        self.audio_rights = RightsEditor(self.tr("Rights of the audio and its captions"), self, "audio")
        self.audio_rights.setObjectName("audioRights")
        layout.addRow(self.audio_rights)
        return box

    # --- document → widgets ----------------------------------------------------------------
    @property
    def doc(self) -> Any:
        return self.relay.document

    def annotation(self) -> Optional[Annotation]:
        obj = self.doc.find(self.ann_id) if self.doc and self.ann_id else None
        return obj if isinstance(obj, Annotation) else None

    def _on_changed(self, kind: str, obj_id: str, path: Any) -> None:
        if obj_id == self.ann_id or (kind == "exhibit" and path and path[0] == "languages") or kind == "viewpoint":
            self.refresh()

    def _ensure_columns(self, languages: list[str]) -> None:
        if list(self.columns) == languages:
            return
        while self.text_grid.count():
            item = self.text_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.columns = {lang: _LanguageColumn(self, lang) for lang in languages}
        self.text_grid.addWidget(QLabel(self.tr("Title:")), 1, 0)
        self.text_grid.addWidget(QLabel(self.tr("Text:")), 2, 0, Qt.AlignmentFlag.AlignTop)
        for c, col in enumerate(self.columns.values(), start=1):
            head = QHBoxLayout()
            head.addWidget(col.heading)
            head.addWidget(col.missing)
            head.addStretch(1)
            holder = QWidget()
            holder.setLayout(head)
            self.text_grid.addWidget(holder, 0, c)
            self.text_grid.addWidget(col.title, 1, c)
            self.text_grid.addWidget(col.body, 2, c)
            self.text_grid.addWidget(col.too_long, 3, c)
        # alt text rows live in the image box, one per language
        while self.image_form.rowCount() > 2:
            self.image_form.removeRow(2)
        for col in self.columns.values():
            self.image_form.addRow(self.tr("Alt text (%1):").replace("%1", col.lang), col.alt)
        with QSignalBlocker(self.audio_lang):
            self.audio_lang.clear()
            self.audio_lang.addItems(languages)

    def refresh(self) -> None:
        doc = self.doc
        current = self.relay.session.selection.current
        obj = doc.find(current) if doc and current else None
        if not isinstance(obj, Annotation):
            self.ann_id = None
            self.stack.setCurrentWidget(self.empty)
            return
        if obj.id != self.ann_id:  # the shortened-text note belongs to the annotation it was shown for
            for col in self.columns.values():
                col.too_long.hide()
        self.ann_id = obj.id
        langs = list(doc.exhibit.languages)
        self._ensure_columns(langs)
        for lang, col in self.columns.items():
            if col.title.text() != obj.title.get(lang, ""):
                with QSignalBlocker(col.title):
                    col.title.setText(obj.title.get(lang, ""))
            if col.body.toPlainText() != obj.body.get(lang, ""):
                with QSignalBlocker(col.body):
                    col.body.setPlainText(obj.body.get(lang, ""))
            # Show the other language's text as a hint where this one is empty.
            col.title.setPlaceholderText(localized(obj.title, langs))
            col.body.setPlaceholderText(localized(obj.body, langs))
            col.missing.setVisible(self.is_missing(obj, lang))
            alt = obj.image.alt.get(lang, "") if obj.image else ""
            with QSignalBlocker(col.alt):
                col.alt.setText(alt)
            col.alt.setEnabled(obj.image is not None)
        with QSignalBlocker(self.viewpoint):
            self.viewpoint.clear()
            self.viewpoint.addItem(self.tr("(none)"), None)
            for vp in doc.exhibit.viewpoints:
                self.viewpoint.addItem(localized(vp.name, langs) or vp.id, vp.id)
            self.viewpoint.setCurrentIndex(max(0, self.viewpoint.findData(obj.viewpoint_id)))
        self._show_image(obj)
        self._show_audio()
        self.stack.setCurrentWidget(self.editor)

    @staticmethod
    def is_missing(ann: Annotation, lang: str) -> bool:
        """A language lacks the title or body that another language has."""
        return (bool(ann.title) and not ann.title.get(lang)) or (bool(ann.body) and not ann.body.get(lang))

    def _show_image(self, ann: Annotation) -> None:
        image = ann.image
        self.image_remove.setEnabled(image is not None)
        self.image_credit.setEnabled(image is not None)
        with QSignalBlocker(self.image_credit):
            self.image_credit.setText(image.credit if image else "")
        self.image_file.setText(Path(image.file).name if image else self.tr("(none)"))
        self.image_rights.show_rights(image.rights if image else Rights())
        self.image_rights.setEnabled(image is not None)
        pixmap = QPixmap()
        if image is not None and self.relay.project is not None:
            try:
                pixmap.load(str(self.relay.project.resolve(image.file)))
            except Exception:  # an unsafe or missing path: the Problems panel reports it
                pixmap = QPixmap()
        if pixmap.isNull():
            self.image_preview.clear()
        else:
            self.image_preview.setPixmap(pixmap.scaled(240, 160, Qt.AspectRatioMode.KeepAspectRatio,
                                                       Qt.TransformationMode.SmoothTransformation))

    def _show_audio(self) -> None:
        ann = self.annotation()
        audio = ann.audio.get(self.audio_lang.currentText()) if ann else None
        self.audio_file.setText(Path(audio.file).name if audio else self.tr("(none)"))
        self.audio_captions.setText(Path(audio.captions).name if audio and audio.captions else self.tr("(none)"))
        self.audio_rights.show_rights(audio.rights if audio else Rights())
        self.audio_rights.setEnabled(audio is not None)

    # --- widgets → commands --------------------------------------------------------------------
    def _push(self, command: Any) -> None:
        if self.ann_id is not None:
            self.relay.push(command)

    def _seal(self) -> None:
        if self.doc is not None:
            self.doc.history.seal()

    def _edit_text(self, field: str, lang: str, text: str) -> None:
        ann = self.annotation()
        if field == "body" and lang in self.columns:
            self.columns[lang].too_long.setVisible(len(text) > LONGTEXT_MAX)
            text = text[:LONGTEXT_MAX]  # what Save accepts; the note above tells the curator
        if ann is not None and getattr(ann, field).get(lang, "") != text:
            self._push(EditAnnotationText(self.doc, ann.id, field, lang, text))

    def _set_viewpoint(self, _index: int) -> None:
        ann = self.annotation()
        if ann is not None and ann.viewpoint_id != self.viewpoint.currentData():
            self._push(SetAnnotationViewpoint(self.doc, ann.id, self.viewpoint.currentData()))

    def _store_media(self, caption: str, file_filter: str) -> Optional[str]:
        path, _ = QFileDialog.getOpenFileName(self, caption, "", file_filter)
        if not path or self.relay.project is None:
            return None
        try:
            return self.relay.project.store_media_file(path)
        except OSError as exc:
            show_error(self, self.tr("Cannot add the file"), exc)
            return None

    def _choose_image(self) -> None:
        ann = self.annotation()
        rel = self._store_media(self.tr("Choose Image"), IMAGE_FILTER) if ann else None
        if rel:
            image = clone(ann.image) if ann.image else MediaImage()
            image.file = rel
            self._push(SetAnnotationImage(self.doc, ann.id, image))

    def _edit_image_details(self) -> None:
        ann = self.annotation()
        if ann is None or ann.image is None:
            return
        image = clone(ann.image)
        image.credit = self.image_credit.text().strip()
        image.alt = {lang: col.alt.text().strip() for lang, col in self.columns.items() if col.alt.text().strip()}
        if image != ann.image:
            self._push(SetAnnotationImage(self.doc, ann.id, image))

    def edit_rights(self, which: str, rights: Rights) -> None:
        """Called by the rights fields: ``which`` is 'image' or 'audio' (the language shown)."""
        ann = self.annotation()
        if ann is None:
            return
        if which == "image" and ann.image is not None and ann.image.rights != rights:
            image = clone(ann.image)
            image.rights = rights
            self._push(SetAnnotationImage(self.doc, ann.id, image))
        lang = self.audio_lang.currentText()
        if which == "audio" and lang in ann.audio and ann.audio[lang].rights != rights:
            audio = clone(ann.audio[lang])
            audio.rights = rights
            self._push(SetAnnotationAudio(self.doc, ann.id, lang, audio))

    def _choose_audio(self) -> None:
        ann = self.annotation()
        rel = self._store_media(self.tr("Choose Audio"), AUDIO_FILTER) if ann else None
        if rel:
            lang = self.audio_lang.currentText()
            audio = clone(ann.audio[lang]) if lang in ann.audio else MediaAudio()
            audio.file = rel
            self._push(SetAnnotationAudio(self.doc, ann.id, lang, audio))

    def _choose_captions(self) -> None:
        ann = self.annotation()
        lang = self.audio_lang.currentText()
        if ann is None or lang not in ann.audio:
            return
        rel = self._store_media(self.tr("Choose Captions"), CAPTIONS_FILTER)
        if rel:
            audio = clone(ann.audio[lang])
            audio.captions = rel
            self._push(SetAnnotationAudio(self.doc, ann.id, lang, audio))

    def _remove_audio(self) -> None:
        ann = self.annotation()
        lang = self.audio_lang.currentText()
        if ann is not None and lang in ann.audio:
            self._push(SetAnnotationAudio(self.doc, ann.id, lang, None))
