"""The Tours dock: a tour's steps (reordered by drag or Move Up/Down), capture of the
viewport's current view as a new step, narration per language, and playback."""
from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, QAbstractListModel, QByteArray, QMimeData, QModelIndex, QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QListView, QPushButton, QVBoxLayout, QWidget,
)

from vitrine.app.window.accessible_names import name as accessible
from vitrine.app.panels.document_relay import DocumentRelay
from vitrine.app.panels.object_text import localized, ui_content_language, untitled
from vitrine.app.panels.property_widgets import LONGTEXT_MAX, spin
from vitrine.app.panels.translations_panel import apply_text_direction
from vitrine.app.visitor.tour import TourPlayer
from vitrine.scenes.editing.commands import CompositeCommand
from vitrine.app.workflows.placement import viewpoint_from_camera
from vitrine.scenes.exhibit_model import Tour, TourStep
from vitrine.scenes.editing.furniture_commands import AddViewpoint
from vitrine.scenes.editing.tour_commands import (
    AddTour, AddTourStep, DeleteTour, EditNarration, EditTourStep, RemoveTourStep, RenameTour, ReorderTourSteps,
)

STEP_MIME = "application/x-vitrine-tour-step"
STEP_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TourStepsModel(QAbstractListModel):
    """Adapts one tour's ``steps`` list; drops become ReorderTourSteps commands."""

    def __init__(self, relay: DocumentRelay, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        self.tour_id: Optional[str] = None

    def tour(self) -> Optional[Tour]:
        doc = self.relay.document
        obj = doc.find(self.tour_id) if doc and self.tour_id else None
        return obj if isinstance(obj, Tour) else None

    def set_tour(self, tour_id: Optional[str]) -> None:
        self.beginResetModel()
        self.tour_id = tour_id
        self.endResetModel()

    def refresh(self) -> None:
        self.set_tour(self.tour_id if self.tour() else None)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        tour = self.tour()
        return 0 if parent.isValid() or tour is None else len(tour.steps)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        tour = self.tour()
        if tour is None or not index.isValid() or index.row() >= len(tour.steps):
            return None
        step = tour.steps[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            doc = self.relay.document
            langs = doc.exhibit.languages
            where = ""
            vp = doc.find(step.viewpoint_id) if step.viewpoint_id else None
            if vp is not None:
                where = localized(vp.name, langs, ui_content_language(langs))
            # in the curator's UI language when the exhibit has it
            text = localized(step.narration, langs, ui_content_language(langs)) or where or untitled()
            return f"{index.row() + 1}. {text}  ({step.duration:g} s)"
        if role == STEP_ID_ROLE:
            return step.id
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [STEP_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(STEP_MIME, QByteArray(str(indexes[0].data(STEP_ID_ROLE)).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex) -> bool:
        tour = self.tour()
        if tour is None or not data.hasFormat(STEP_MIME):
            return False
        step_id = bytes(data.data(STEP_MIME).data()).decode()
        ids = [s.id for s in tour.steps]
        if step_id not in ids:
            return False
        if row < 0:  # dropped on an item: insert before it; on empty space: at the end
            row = parent.row() if parent.isValid() else len(ids)
        old = ids.index(step_id)
        new = row - 1 if row > old else row
        if new != old:
            self.relay.push(ReorderTourSteps(self.relay.document, step_id, new))
        return True

    def removeRows(self, row: int, count: int, parent: QModelIndex = QModelIndex()) -> bool:
        return False  # the drop already moved the step through a command


class TourPanel(QWidget):
    def __init__(self, relay: DocumentRelay, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.relay = relay
        # Set by the window: the viewport's camera_state(), and the visitor preview's fly_to_step
        # (a step flies where the exported viewer flies: its viewpoint, else its annotation's view).
        self.camera_state: Callable[[], dict] = lambda: {}
        self.fly_to_step: Callable[[TourStep], None] = lambda _step: None
        self.tours = QComboBox()
        self.tours.setObjectName("tourCombo")
        accessible(self.tours, QCoreApplication.translate("AccessibleNames", "Tour"),
                   QCoreApplication.translate("AccessibleNames", "The tour whose steps are listed below."))
        self.tours.currentIndexChanged.connect(self._tour_chosen)
        new_tour = QPushButton(self.tr("New Tour…"))
        new_tour.clicked.connect(self.add_tour)
        self.delete_tour = QPushButton(self.tr("Delete Tour"))
        self.delete_tour.clicked.connect(self._delete_tour)
        top = QHBoxLayout()
        top.addWidget(self.tours, 1)
        top.addWidget(new_tour)
        top.addWidget(self.delete_tour)
        # the tour's title in every exhibit language (rows made by _ensure_title_rows)
        self.title_form = QFormLayout()
        self.title_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.titles: dict[str, QLineEdit] = {}
        self.model = TourStepsModel(relay, self)
        self.steps = QListView()
        self.steps.setObjectName("tourSteps")
        accessible(self.steps, QCoreApplication.translate("AccessibleNames", "Tour steps"), QCoreApplication.translate("AccessibleNames", "The steps of the selected tour, in order; drag to reorder."))
        self.steps.setModel(self.model)
        self.steps.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.steps.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.steps.selectionModel().currentChanged.connect(lambda *_: self._show_step())
        self.steps.doubleClicked.connect(lambda index: self._fly(index.row()))
        buttons = QHBoxLayout()
        self.capture_button = QPushButton(self.tr("Capture View"))
        self.capture_button.setToolTip(self.tr("Add a step that shows the viewport's current view"))
        self.capture_button.clicked.connect(self.capture_step)
        self.up_button = QPushButton(self.tr("Move Up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton(self.tr("Move Down"))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.remove_button = QPushButton(self.tr("Remove Step"))
        self.remove_button.clicked.connect(self._remove_step)
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._play_toggled)
        for b in (self.capture_button, self.up_button, self.down_button, self.remove_button, self.play_button):
            buttons.addWidget(b)
        self.step_form = QFormLayout()
        self.duration = spin(0.5, 600, 1, 1.0, " s")
        self.duration.valueChanged.connect(self._edit_duration)
        self.step_form.addRow(self.tr("Duration:"), self.duration)
        self.narration: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.title_form)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Selected step")))
        layout.addLayout(self.step_form)
        # Play runs the visitor preview's player (app/visitor/tour.py): the viewer's timing rules.
        self.player = TourPlayer(self)
        self.player.stepShown.connect(self._play_step)
        self.player.ended.connect(lambda: self.play_button.setChecked(False))
        relay.documentChanged.connect(self.refresh)
        self.refresh()

    # --- document → widgets ------------------------------------------------------------------
    @property
    def doc(self) -> Any:
        return self.relay.document

    def refresh(self) -> None:
        doc = self.doc
        tours = doc.exhibit.tours if doc else []
        current = self.tours.currentData()
        with QSignalBlocker(self.tours):
            self.tours.clear()
            for tour in tours:
                langs = doc.exhibit.languages
                self.tours.addItem(localized(tour.title, langs, ui_content_language(langs)) or untitled(), tour.id)
            index = self.tours.findData(current)
            self.tours.setCurrentIndex(index if index >= 0 else (0 if tours else -1))
        selected = self.current_step_id()
        self.model.set_tour(self.tours.currentData())
        self._select_step(selected)
        enabled = self.model.tour() is not None
        for w in (self.delete_tour, self.capture_button, self.up_button, self.down_button,
                  self.remove_button, self.play_button):
            w.setEnabled(enabled)
        self._ensure_narration_rows(list(doc.exhibit.languages) if doc else [])
        self._ensure_title_rows(list(doc.exhibit.languages) if doc else [])
        self._show_titles()
        self._show_step()

    def _tour_chosen(self, _index: int) -> None:
        self.model.set_tour(self.tours.currentData())
        self._show_titles()
        self._show_step()

    def _ensure_title_rows(self, languages: list[str]) -> None:
        if list(self.titles) == languages:
            return
        while self.title_form.rowCount():
            self.title_form.removeRow(0)
        self.titles = {}
        for lang in languages:
            edit = QLineEdit()
            edit.setObjectName(f"tourTitle_{lang}")
            edit.setMaxLength(LONGTEXT_MAX)
            edit.textEdited.connect(lambda text, lang=lang: self._edit_title(lang, text))
            edit.editingFinished.connect(lambda: self.doc.history.seal() if self.doc else None)
            self.titles[lang] = edit
            self.title_form.addRow(self.tr("Title (%1):").replace("%1", lang), edit)

    def _show_titles(self) -> None:
        tour = self.model.tour()
        self._show_texts(self.titles, tour.title if tour else None)

    def _show_texts(self, edits: dict[str, QLineEdit], texts: Optional[dict[str, str]]) -> None:
        """One line edit per language shows ``texts`` ({language: text}; None: nothing selected,
        the edits are off). A missing translation shows another language's text as a hint, and is marked."""
        langs = list(self.doc.exhibit.languages) if self.doc else []
        for lang, edit in edits.items():
            text = texts.get(lang, "") if texts is not None else ""
            if edit.text() != text:
                with QSignalBlocker(edit):
                    edit.setText(text)
            edit.setEnabled(texts is not None)
            edit.setPlaceholderText(localized(texts, langs) if texts is not None else "")
            missing = texts is not None and bool(texts) and not texts.get(lang)
            edit.setStyleSheet("border: 1px solid #d08000;" if missing else "")
            edit.setToolTip(self.tr("Missing translation") if missing else "")

    def _edit_title(self, lang: str, text: str) -> None:
        tour = self.model.tour()
        if tour is not None and tour.title.get(lang, "") != text:
            self.relay.push(RenameTour(self.doc, tour.id, lang, text))

    def _ensure_narration_rows(self, languages: list[str]) -> None:
        if list(self.narration) == languages:
            return
        while self.step_form.rowCount() > 1:
            self.step_form.removeRow(1)
        self.narration = {}
        for lang in languages:
            edit = QLineEdit()
            edit.setObjectName(f"narration_{lang}")
            edit.setMaxLength(LONGTEXT_MAX)  # narration is longtext; QLineEdit's default would cut it at 32,767
            apply_text_direction(lang, edit)
            edit.textEdited.connect(lambda text, lang=lang: self._edit_narration(lang, text))
            edit.editingFinished.connect(lambda: self.doc.history.seal() if self.doc else None)
            self.narration[lang] = edit
            self.step_form.addRow(self.tr("Narration (%1):").replace("%1", lang), edit)

    def current_step_id(self) -> Optional[str]:
        index = self.steps.currentIndex()
        return index.data(STEP_ID_ROLE) if index.isValid() else None

    def current_step(self) -> Optional[TourStep]:
        step_id = self.current_step_id()
        obj = self.doc.find(step_id) if self.doc and step_id else None
        return obj if isinstance(obj, TourStep) else None

    def _select_step(self, step_id: Optional[str]) -> None:
        tour = self.model.tour()
        if tour is None or step_id is None:
            return
        for row, step in enumerate(tour.steps):
            if step.id == step_id:
                self.steps.setCurrentIndex(self.model.index(row))

    def _show_step(self) -> None:
        step = self.current_step()
        with QSignalBlocker(self.duration):
            self.duration.setValue(step.duration if step else 8.0)
        self.duration.setEnabled(step is not None)
        self._show_texts(self.narration, step.narration if step else None)

    # --- widgets → commands ------------------------------------------------------------------------
    def add_tour(self, title: Optional[str] = None) -> Optional[str]:
        if self.doc is None:
            return None
        if not isinstance(title, str):
            title, ok = QInputDialog.getText(self, self.tr("New Tour"), self.tr("Tour title:"))
            if not ok:
                return None
        tour = Tour(title={self.doc.exhibit.languages[0]: title.strip()} if title.strip() else {})
        self.relay.push(AddTour(self.doc, tour))
        self.tours.setCurrentIndex(self.tours.findData(tour.id))
        return tour.id

    def _delete_tour(self) -> None:
        if self.model.tour() is not None:
            self.relay.push(DeleteTour(self.doc, self.model.tour_id))

    def capture_step(self) -> Optional[str]:
        """Save the viewport's current camera as a viewpoint and add a step showing it."""
        tour = self.model.tour()
        if tour is None:
            return None
        state = self.camera_state() or {}
        number = len(tour.steps) + 1
        lang = self.doc.exhibit.languages[0]
        vp = viewpoint_from_camera(state, {lang: f"{localized(tour.title, [lang]) or 'Tour'} {number}"})
        command = CompositeCommand("Capture Tour Step")
        command.add_and_run(self.doc, AddViewpoint(self.doc, vp))
        step = TourStep(viewpoint_id=vp.id)
        command.add_and_run(self.doc, AddTourStep(self.doc, tour.id, step))
        self.relay.push(command)
        self._select_step(step.id)
        return step.id

    def move_current(self, delta: int) -> None:
        tour = self.model.tour()
        step_id = self.current_step_id()
        if tour is None or step_id is None:
            return
        row = [s.id for s in tour.steps].index(step_id)
        if 0 <= row + delta < len(tour.steps):
            self.relay.push(ReorderTourSteps(self.doc, step_id, row + delta))
            self._select_step(step_id)

    def _remove_step(self) -> None:
        step_id = self.current_step_id()
        if step_id:
            self.relay.push(RemoveTourStep(self.doc, step_id))

    def _edit_duration(self, value: float) -> None:
        step = self.current_step()
        if step is not None and step.duration != value:
            self.relay.push(EditTourStep(self.doc, step.id, "duration", value))

    def _edit_narration(self, lang: str, text: str) -> None:
        step = self.current_step()
        if step is not None:
            self.relay.push(EditNarration(self.doc, step.id, lang, text))

    # --- playback -------------------------------------------------------------------------------------
    def _fly(self, row: int) -> None:
        tour = self.model.tour()
        if tour is not None and 0 <= row < len(tour.steps):
            self.fly_to_step(tour.steps[row])

    def _play_toggled(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Stop") if playing else self.tr("Play"))
        tour = self.model.tour()
        if playing and tour is not None and tour.steps:
            self.player.start(tour)
        elif playing:
            self.play_button.setChecked(False)
        else:
            self.player.stop(silent=True)

    def _play_step(self, index: int) -> None:
        self.steps.setCurrentIndex(self.model.index(index))
        step = self.player.step
        if step is not None:
            self.fly_to_step(step)
