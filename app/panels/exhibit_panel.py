"""The Exhibit dock: the exhibit's own settings, everything the Problems panel can ask for
about the exhibit as a whole: title and description in every exhibit language,
institution, credits and rights, the languages, the start view and the environment.

Every edit is a document command (one undo step); the panel shows the document again
whenever it changes, so undo, redo and other panels' edits appear here at once.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Optional

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.panels.object_text import localized
from vitrine.app.panels.property_widgets import LONGTEXT_MAX, TEXT_MAX, spin
from vitrine.app.panels.rights_fields import RightsEditor
from vitrine.scenes.editing.commands import CompositeCommand
from vitrine.scenes.editing.exhibit_commands import (
    EditExhibitRights, EditExhibitText, SetBackground, SetExhibitField, SetFloor, SetLanguages,
    SetStartViewpoint,
)
from vitrine.app.workflows.placement import viewpoint_from_camera
from vitrine.scenes.exhibit_model import Background, Floor, Rights
from vitrine.scenes.editing.furniture_commands import AddViewpoint

# The document schema's language tag ($defs/language)
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    # labels above their fields when the dock is narrow (long Chinese and English labels alike)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class ExhibitPanel(QWidget):
    def __init__(self, relay: DocumentRelay, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        # Set by the window: the viewport's camera_state() for "Use Current View".
        self.camera_state: Callable[[], dict] = lambda: {}
        self.titles: dict[str, QLineEdit] = {}
        self.descriptions: dict[str, QPlainTextEdit] = {}
        self.page = QWidget()
        layout = QVBoxLayout(self.page)
        self.none_label = QLabel(self.tr("Open or create a project to edit the exhibit."))
        self.none_label.setWordWrap(True)
        layout.addWidget(self.none_label)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self._build_text_box())
        body.addWidget(self._build_details_box())
        self.rights = RightsEditor(self.tr("Rights of the exhibit"), self, "exhibit")
        body.addWidget(self.rights)
        body.addWidget(self._build_languages_box())
        body.addWidget(self._build_start_box())
        body.addWidget(self._build_environment_box())
        body.addStretch(1)
        layout.addWidget(self.body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        relay.documentChanged.connect(self.refresh)
        self.refresh()

    # --- construction --------------------------------------------------------------------------
    def _build_text_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Title and description"))
        self.text_form = _form(box)
        return box

    def _build_details_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Institution and credits"))
        form = _form(box)
        self.institution = QLineEdit()
        self.institution.setObjectName("exhibitInstitution")
        self.institution.setMaxLength(TEXT_MAX)
        self.institution.editingFinished.connect(lambda: self._set_field("institution", self.institution.text().strip()))
        form.addRow(self.tr("Institution:"), self.institution)
        self.credits = QPlainTextEdit()
        self.credits.setObjectName("exhibitCredits")
        self.credits.setTabChangesFocus(True)  # Tab moves on: no focus trap
        self.credits.setFixedHeight(60)
        self.credits.textChanged.connect(lambda: self._set_field("credits", self.credits.toPlainText()[:LONGTEXT_MAX]))
        form.addRow(self.tr("Credits:"), self.credits)
        return box

    def _build_languages_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Languages"))
        layout = QVBoxLayout(box)
        note = QLabel(self.tr("The first language is the default for visitors."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.languages = QListWidget()
        self.languages.setObjectName("exhibitLanguages")
        self.languages.setMaximumHeight(90)
        layout.addWidget(self.languages)
        buttons = QHBoxLayout()
        self.add_language_button = QPushButton(self.tr("Add…"))
        self.add_language_button.clicked.connect(lambda: self.add_language())
        self.remove_language_button = QPushButton(self.tr("Remove"))
        self.remove_language_button.clicked.connect(self._remove_current_language)
        self.default_language_button = QPushButton(self.tr("Make Default"))
        self.default_language_button.clicked.connect(self._make_current_default)
        for b in (self.add_language_button, self.remove_language_button, self.default_language_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        return box

    def _build_start_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Start view"))
        layout = QVBoxLayout(box)
        self.start_view = QComboBox()
        self.start_view.setObjectName("exhibitStartView")
        self.start_view.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.start_view.activated.connect(self._choose_start_view)
        layout.addWidget(self.start_view)
        self.use_current_view_button = QPushButton(self.tr("Use Current View"))
        self.use_current_view_button.setToolTip(self.tr("Save the 3D view's camera as the view visitors see first"))
        self.use_current_view_button.clicked.connect(lambda: self.use_current_view())
        layout.addWidget(self.use_current_view_button)
        return box

    def _build_environment_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Environment"))
        form = _form(box)
        self.background_kind = QComboBox()
        self.background_kind.addItem(self.tr("Gradient"), "gradient")
        self.background_kind.addItem(self.tr("Solid colour"), "solid")
        self.background_kind.activated.connect(lambda _i: self._set_background())
        form.addRow(self.tr("Background:"), self.background_kind)
        self.background_top = QLineEdit()
        self.background_top.setObjectName("backgroundTop")
        self.background_top.setPlaceholderText("#2b2f36")
        self.background_top.editingFinished.connect(self._set_background)
        form.addRow(self.tr("Colour (top):"), self.background_top)
        self.background_bottom = QLineEdit()
        self.background_bottom.setObjectName("backgroundBottom")
        self.background_bottom.setPlaceholderText("#101215")
        self.background_bottom.editingFinished.connect(self._set_background)
        form.addRow(self.tr("Colour (bottom):"), self.background_bottom)
        self.floor_visible = QCheckBox(self.tr("Show the floor"))
        self.floor_visible.setObjectName("floorVisible")
        self.floor_visible.toggled.connect(lambda _on: self._set_floor())
        form.addRow("", self.floor_visible)
        self.floor_color = QLineEdit()
        self.floor_color.setObjectName("floorColor")
        self.floor_color.editingFinished.connect(self._set_floor)
        form.addRow(self.tr("Floor colour:"), self.floor_color)
        self.floor_radius = spin(0.5, 100, 2, 0.5, " m")
        self.floor_radius.setObjectName("floorRadius")
        self.floor_radius.valueChanged.connect(lambda _v: self._set_floor())
        form.addRow(self.tr("Floor radius:"), self.floor_radius)
        return box

    # --- document → widgets ----------------------------------------------------------------------
    @property
    def doc(self) -> Any:
        return self.relay.document

    def _ensure_text_rows(self, languages: list[str]) -> None:
        if list(self.titles) == languages:
            return
        while self.text_form.rowCount():
            self.text_form.removeRow(0)
        self.titles, self.descriptions = {}, {}
        for lang in languages:
            title = QLineEdit()
            title.setObjectName(f"exhibitTitle_{lang}")
            title.setMaxLength(LONGTEXT_MAX)
            title.textEdited.connect(lambda text, lang=lang: self._edit_text("title", lang, text))
            title.editingFinished.connect(self._seal)
            self.titles[lang] = title
            self.text_form.addRow(self.tr("Title (%1):").replace("%1", lang), title)
        for lang in languages:
            desc = QPlainTextEdit()
            desc.setTabChangesFocus(True)
            desc.setObjectName(f"exhibitDescription_{lang}")
            desc.setFixedHeight(70)
            desc.textChanged.connect(lambda lang=lang, w=desc: self._edit_text("description", lang, w.toPlainText()[:LONGTEXT_MAX]))
            self.descriptions[lang] = desc
            self.text_form.addRow(self.tr("Description (%1):").replace("%1", lang), desc)

    def refresh(self) -> None:
        doc = self.doc
        self.none_label.setVisible(doc is None)
        self.body.setVisible(doc is not None)
        if doc is None:
            return
        ex = doc.exhibit
        langs = list(ex.languages)
        self._ensure_text_rows(langs)
        for lang in langs:
            self._show_text(self.titles[lang], ex.title.get(lang, ""))
            self._show_text(self.descriptions[lang], ex.description.get(lang, ""))
            self.titles[lang].setPlaceholderText(localized(ex.title, langs))
        self._show_text(self.institution, ex.institution)
        self._show_text(self.credits, ex.credits)
        self.rights.show_rights(ex.rights)
        with QSignalBlocker(self.languages):
            row = self.languages.currentRow()
            self.languages.clear()
            self.languages.addItems(langs)
            self.languages.setCurrentRow(min(max(row, 0), len(langs) - 1))
        self.remove_language_button.setEnabled(len(langs) > 1)
        with QSignalBlocker(self.start_view):
            self.start_view.clear()
            self.start_view.addItem(self.tr("(frame everything)"), None)
            for vp in ex.viewpoints:
                self.start_view.addItem(localized(vp.name, langs) or vp.id, vp.id)
            self.start_view.setCurrentIndex(max(0, self.start_view.findData(ex.start_viewpoint_id)))
        bg, floor = ex.environment.background, ex.environment.floor
        with QSignalBlocker(self.background_kind):
            self.background_kind.setCurrentIndex(max(0, self.background_kind.findData(bg.kind)))
        self._show_text(self.background_top, bg.colors[0] if bg.colors else "")
        self._show_text(self.background_bottom, bg.colors[1] if len(bg.colors) > 1 else "")
        self.background_bottom.setEnabled(bg.kind == "gradient")
        with QSignalBlocker(self.floor_visible):
            self.floor_visible.setChecked(floor.visible)
        self._show_text(self.floor_color, floor.color)
        with QSignalBlocker(self.floor_radius):
            self.floor_radius.setValue(floor.radius)

    @staticmethod
    def _show_text(widget: Any, text: str) -> None:
        current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        if current != text:  # leave the cursor alone while the curator types
            with QSignalBlocker(widget):
                (widget.setPlainText if isinstance(widget, QPlainTextEdit) else widget.setText)(text)

    # --- widgets → commands ---------------------------------------------------------------------------
    def _push(self, command: Any) -> None:
        if self.doc is not None:
            self.relay.push(command)

    def _seal(self) -> None:
        if self.doc is not None:
            self.doc.history.seal()

    def _edit_text(self, field: str, lang: str, text: str) -> None:
        if self.doc is not None and getattr(self.doc.exhibit, field).get(lang, "") != text:
            self._push(EditExhibitText(self.doc, field, lang, text))

    def _set_field(self, field: str, value: str) -> None:
        if self.doc is not None and getattr(self.doc.exhibit, field) != value:
            self._push(SetExhibitField(self.doc, field, value))

    def edit_rights(self, _which: str, rights: Rights) -> None:
        """Called by the rights fields."""
        if self.doc is not None and rights != self.doc.exhibit.rights:
            self._push(EditExhibitRights(self.doc, rights))
            self._seal()

    def add_language(self, tag: Optional[str] = None) -> bool:
        """Add a language (a BCP-47 tag such as ``fr`` or ``zh-Hant``); asks when ``tag`` is None."""
        if self.doc is None:
            return False
        if tag is None:
            tag, ok = QInputDialog.getText(self, self.tr("Add Language"),
                                           self.tr("Language tag (BCP 47, e.g. fr, de, zh-Hant):"))
            if not ok:
                return False
        tag = tag.strip()
        langs = list(self.doc.exhibit.languages)
        if not LANGUAGE_TAG.match(tag) or tag.lower() in (lang.lower() for lang in langs):
            from vitrine.app.dialogs.error_messages import show_error
            show_error(self, self.tr("Cannot add the language"),
                       self.tr("“%1” is not a language tag, or the exhibit has it already.").replace("%1", tag))
            return False
        self._push(SetLanguages(self.doc, langs + [tag]))
        return True

    def remove_language(self, tag: str) -> None:
        """Take a language off the exhibit; its texts stay in the document (adding it back shows them)."""
        langs = [lang for lang in self.doc.exhibit.languages] if self.doc else []
        if tag in langs and len(langs) > 1:
            langs.remove(tag)
            self._push(SetLanguages(self.doc, langs))

    def _remove_current_language(self) -> None:
        item = self.languages.currentItem()
        if item is not None:
            self.remove_language(item.text())

    def _make_current_default(self) -> None:
        item = self.languages.currentItem()
        if item is None or self.doc is None:
            return
        langs = list(self.doc.exhibit.languages)
        if item.text() in langs and langs[0] != item.text():
            langs.remove(item.text())
            self._push(SetLanguages(self.doc, [item.text()] + langs))

    def _choose_start_view(self, _index: int) -> None:
        vp_id = self.start_view.currentData()
        if self.doc is not None and self.doc.exhibit.start_viewpoint_id != vp_id:
            self._push(SetStartViewpoint(self.doc, vp_id))

    def use_current_view(self) -> Optional[str]:
        """Save the viewport's camera as a viewpoint and make it the start view (one undo step)."""
        doc = self.doc
        if doc is None:
            return None
        state = self.camera_state() or {}
        lang = doc.exhibit.languages[0]
        vp = viewpoint_from_camera(state, {lang: self.tr("Start view")})
        command = CompositeCommand("Set Start View")
        command.add_and_run(doc, AddViewpoint(doc, vp))
        command.add_and_run(doc, SetStartViewpoint(doc, vp.id))
        self._push(command)
        return vp.id

    def _color(self, edit: QLineEdit, fallback: str) -> str:
        text = edit.text().strip()
        if COLOR.match(text):
            return text.lower()
        with QSignalBlocker(edit):
            edit.setText(fallback)  # not a colour: show what the exhibit keeps
        return fallback

    def _set_background(self) -> None:
        if self.doc is None:
            return
        old = self.doc.exhibit.environment.background
        kind = self.background_kind.currentData()
        top = self._color(self.background_top, old.colors[0] if old.colors else "#2b2f36")
        colors = [top]
        if kind == "gradient":
            colors.append(self._color(self.background_bottom, old.colors[1] if len(old.colors) > 1 else "#101215"))
        new = Background(kind=kind, colors=colors)
        if new != old:
            self._push(SetBackground(self.doc, new))
            self._seal()

    def _set_floor(self) -> None:
        if self.doc is None:
            return
        old = self.doc.exhibit.environment.floor
        new = Floor(visible=self.floor_visible.isChecked(), color=self._color(self.floor_color, old.color),
                    radius=float(self.floor_radius.value()))
        if new != old:
            self._push(SetFloor(self.doc, new))
            self._seal()
