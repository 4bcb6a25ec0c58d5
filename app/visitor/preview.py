"""The visitor preview overlay: what the exported viewer shows, drawn over the 3D view.

Numbered hotspot buttons at each annotation's pin, the annotation card (title, body,
image with alt text and credit, audio with captions), a language switch and guided-tour
playback, with the viewer's own labels in the chosen visitor language.

The widgets are children of the viewport (an OpenGL widget). A full-size transparent
overlay would have to be transparent for mouse events to let the curator orbit the
camera, and Qt then skips its children too, so the buttons could not be clicked;
separate small children take only the clicks that land on them. Curator text is
always shown as plain text: exhibit text is data, never markup.
"""
from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap, QRegion
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from vitrine.app.workflows.editor_session import EditorSession
from vitrine.app.panels.object_text import localized, ui_content_language
from vitrine.exporters.document.visitor_rules import COLORS, annotation_view, label, step_view
from vitrine.app.visitor.widgets import (  # noqa: F401 - pin_world_point and caption_text are part of this module's API
    PANEL_STYLE, AnnotationCard, _plain_label, caption_text, float_over_gl, language_name, pin_world_point,
    plain_tooltip,
)
from vitrine.app.visitor.tour import TourPlayer
from vitrine.scenes.exhibit_model import Annotation, MediaAudio

try:  # PySide6-Essentials has no QtMultimedia; then audio opens in the system player
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the installed PySide6 wheels
    QMediaPlayer = QAudioOutput = None  # type: ignore[assignment,misc]

HOTSPOT_PX = 28
CARD_WIDTH = 340
MARGIN = 12


class VisitorPreview(QObject):
    """Drives the overlay on ``viewport`` for ``session``; ``set_active`` shows or hides it."""

    def __init__(self, viewport: QWidget, session: EditorSession, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.viewport: Any = viewport
        self.session = session
        self.active = False
        self.language = ""
        self.current_annotation: Optional[str] = None
        self.hotspots: dict[str, QToolButton] = {}
        self.tour_player = TourPlayer(self)
        self._audio_path: Optional[str] = None
        self._player: Any = None
        self._build_widgets()
        self.tour_player.stepShown.connect(self._show_step)
        self.tour_player.stateChanged.connect(self._update_tour_controls)
        self.tour_player.ended.connect(lambda: self.narration.hide())
        viewport.installEventFilter(self)
        viewport.cameraChanged.connect(self.reposition)
        viewport.frameRendered.connect(lambda _ms: self.reposition())

    # --- widgets --------------------------------------------------------------------
    def _build_widgets(self) -> None:
        vp = self.viewport
        self.bar = float_over_gl(QFrame(vp))
        self.bar.setObjectName("vtPanel")
        self.bar.setStyleSheet(PANEL_STYLE)
        self.language_label = _plain_label(wrap=False)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("vtLanguage")
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.set_language(self.language_combo.currentData() or ""))
        self.tours_label = _plain_label(wrap=False)
        self.tour_combo = QComboBox()
        self.tour_combo.setObjectName("vtTour")
        self.play_button = QPushButton()
        self.play_button.setObjectName("vtPlay")
        self.play_button.clicked.connect(self._play_clicked)
        self.previous_button = QPushButton()
        self.previous_button.clicked.connect(self.tour_player.previous)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.tour_player.next)
        self.end_button = QPushButton()
        self.end_button.clicked.connect(lambda: self.tour_player.stop())
        self.step_label = _plain_label(wrap=False)
        self.language_label.setBuddy(self.language_combo)  # the combos are named by their labels
        self.tours_label.setBuddy(self.tour_combo)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(8, 6, 8, 6)
        for w in (self.language_label, self.language_combo, self.tours_label, self.tour_combo, self.play_button,
                  self.previous_button, self.next_button, self.end_button, self.step_label):
            row.addWidget(w)
        self.card = AnnotationCard(vp)
        self.card.close_button.clicked.connect(self.close_annotation)
        self.card.audio_button.clicked.connect(self._play_audio)
        self.narration = float_over_gl(_plain_label(vp))
        self.narration.setObjectName("vtNarration")
        self.narration.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.narration.setStyleSheet("background: rgb(16, 18, 21); color: #f2f2f2; padding: 8px 14px;"
                                     " font-size: 14px;")
        self.bar.hide()
        self.narration.hide()
        self._relabel()  # named from the start, before a project is open

    # --- showing and hiding --------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        self.active = bool(on)
        if not on:
            self.tour_player.stop(silent=True)
            self.close_annotation()
            self._stop_audio()
            for button in self.hotspots.values():
                button.hide()
            self.bar.hide()
            self.narration.hide()
            return
        self.refresh()
        self.bar.show()
        self.bar.raise_()
        self.reposition()

    def refresh(self) -> None:
        """Rebuild from the document: languages, tours, hotspots (after edits or a new project)."""
        doc = self.session.document
        languages = list(doc.exhibit.languages) if doc else []
        if self.language not in languages:
            self.language = ui_content_language(languages) or (languages[0] if languages else "")
        self.language_combo.blockSignals(True)
        self.language_combo.clear()
        for tag in languages:
            self.language_combo.addItem(language_name(tag), tag)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self.language)))
        self.language_combo.blockSignals(False)
        self._rebuild_hotspots()
        self._fill_tours()
        self._relabel()
        if self.current_annotation and (doc is None or doc.find(self.current_annotation) is None):
            self.close_annotation()
        self.reposition()

    def _rebuild_hotspots(self) -> None:
        for button in self.hotspots.values():
            button.deleteLater()
        self.hotspots = {}
        doc = self.session.document
        if doc is None:
            return
        for number, ann in enumerate(doc.exhibit.annotations, start=1):
            button = QToolButton(self.viewport)
            float_over_gl(button)
            # a native child window is opaque and square: clip it to the round marker
            button.setMask(QRegion(0, 0, HOTSPOT_PX, HOTSPOT_PX, QRegion.RegionType.Ellipse))
            button.setObjectName("vtHotspot")
            button.setProperty("annotation_id", ann.id)
            button.setText(str(ann.marker.number or number))
            button.setFixedSize(HOTSPOT_PX, HOTSPOT_PX)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet(  # the viewer's marker colours (exporters/viewer/visitor.json)
                f"QToolButton {{ background: {ann.marker.color or COLORS['marker']}; color: {COLORS['marker_text']};"
                f" font-weight: bold; border: 2px solid {COLORS['marker_border']};"
                f" border-radius: {HOTSPOT_PX // 2}px; }}")
            button.clicked.connect(lambda _c=False, a=ann.id: self.open_annotation(a))
            button.hide()
            self.hotspots[ann.id] = button

    def _fill_tours(self) -> None:
        doc = self.session.document
        self.tour_combo.blockSignals(True)
        self.tour_combo.clear()
        for tour in (doc.exhibit.tours if doc else []):
            if tour.steps:  # the viewer lists only tours that have steps
                self.tour_combo.addItem(self.text(tour.title) or tour.id, tour.id)
        self.tour_combo.blockSignals(False)
        self._update_tour_controls()

    # --- language --------------------------------------------------------------------------
    def text(self, value: dict[str, str]) -> str:
        """Curator text in the visitor language, else the exhibit's first language."""
        doc = self.session.document
        return localized(value, list(doc.exhibit.languages) if doc else [], self.language)

    def set_language(self, tag: str) -> None:
        if not tag or tag == self.language:
            return
        self.language = tag
        index = self.language_combo.findData(tag)
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.setCurrentIndex(index)  # re-enters with tag == language
        current_tour = self.tour_combo.currentData()
        self._fill_tours()
        self.tour_combo.setCurrentIndex(max(0, self.tour_combo.findData(current_tour)))
        self._relabel()
        if self.current_annotation:
            self.open_annotation(self.current_annotation, fly=False, by_visitor=False)
        if self.tour_player.active:
            self._show_narration()

    def _relabel(self) -> None:
        tag = self.language
        self.language_label.setText(label(tag, "language"))
        self.tours_label.setText(label(tag, "tours"))
        self.previous_button.setText(label(tag, "previous"))
        self.next_button.setText(label(tag, "next"))
        self.end_button.setText(label(tag, "endTour"))
        self.card.close_button.setText(label(tag, "close"))
        doc = self.session.document
        for ann_id, button in self.hotspots.items():
            ann = doc.find(ann_id) if doc else None
            title = self.text(ann.title) if ann is not None else ""
            button.setToolTip(plain_tooltip(label(tag, "openAnnotation", title=title)))
            # The name starts with the visible number, as in the web viewer (WCAG 2.5.3 label in name).
            button.setAccessibleName(f"{button.text()}: {title}" if title else button.text())
        self._update_tour_controls()

    # --- hotspot placement -----------------------------------------------------------------
    def hotspot_anchor(self, annotation: Annotation) -> Optional[QPointF]:
        """Where the pin is on screen, or None when it is not shown (hidden artifact, pin behind
        the camera or covered by a surface)."""
        doc = self.session.document
        art = doc.find(annotation.artifact_id) if doc else None
        if art is None or not art.visible:
            return None
        occluded = getattr(self.viewport, "pin_occluded", None)
        if occluded is not None and occluded(annotation.id):
            return None  # as in the exported viewer: a surface in front hides the hotspot
        return self.viewport.project_to_screen(tuple(pin_world_point(art.transform, annotation.point)))

    def reposition(self) -> None:
        if not self.active:
            return
        doc = self.session.document
        w, h = self.viewport.width(), self.viewport.height()
        for ann_id, button in self.hotspots.items():
            ann = doc.find(ann_id) if doc else None
            pos = self.hotspot_anchor(ann) if ann is not None else None
            if pos is None or not (0 <= pos.x() <= w and 0 <= pos.y() <= h):
                button.hide()
                continue
            button.move(round(pos.x() - HOTSPOT_PX / 2), round(pos.y() - HOTSPOT_PX / 2))
            if not button.isVisible():
                button.show()
                button.raise_()
        self._layout_panels()

    def _layout_panels(self) -> None:
        w, h = self.viewport.width(), self.viewport.height()
        self.bar.adjustSize()
        self.bar.move(MARGIN, MARGIN)
        if self.card.isVisible():
            top = MARGIN * 2 + self.bar.height()
            self.card.setGeometry(max(MARGIN, w - CARD_WIDTH - MARGIN), top, min(CARD_WIDTH, w - 2 * MARGIN),
                                  max(120, min(self.card.sizeHint().height() + 40, h - top - 90)))
            self.card.raise_()
        self.bar.raise_()
        if self.narration.isVisible():
            width = min(max(320, int(w * 0.6)), w - 2 * MARGIN)
            self.narration.setFixedWidth(width)
            self.narration.adjustSize()
            self.narration.move((w - width) // 2, h - self.narration.height() - MARGIN * 2)
            self.narration.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.viewport and event.type() == QEvent.Type.Resize:
            self.reposition()
        return False

    # --- the annotation card ------------------------------------------------------------------
    # --- the viewer's camera rules (exporters/document/visitor_rules.py, shared with the exporter) --------
    def annotation_view(self, ann: Annotation) -> Optional[dict]:
        """Where opening ``ann`` flies: its viewpoint, else the shared framing rule."""
        doc = self.session.document
        if doc is None:
            return None
        art = doc.find(ann.artifact_id)
        return annotation_view(ann, getattr(art, "transform", None), {v.id: v for v in doc.exhibit.viewpoints})

    def step_view(self, step: Any) -> Optional[dict]:
        """Where a tour step flies: its viewpoint, else its annotation's view."""
        doc = self.session.document
        if doc is None:
            return None
        ann = doc.find(step.annotation_id) if step.annotation_id else None
        views = {ann.id: self.annotation_view(ann)} if isinstance(ann, Annotation) else {}
        return step_view(step, views, {v.id: v for v in doc.exhibit.viewpoints})

    def fly_to_step(self, step: Any) -> None:
        """Fly the viewport where the viewer flies for ``step`` (the Tours panel uses this too)."""
        view = self.step_view(step)
        if view is not None:
            self.viewport.fly_to_view(view)

    def open_annotation(self, annotation_id: str, fly: bool = True, by_visitor: bool = True) -> None:
        """Show an annotation's card; ``by_visitor`` (a click, not a tour step or a relabel)
        pauses a running tour, as in the viewer."""
        doc = self.session.document
        ann = doc.find(annotation_id) if doc else None
        if not isinstance(ann, Annotation):
            return
        if by_visitor and self.tour_player.active and not self.tour_player.paused:
            self.tour_player.set_paused(True)
        view = self.annotation_view(ann) if fly else None
        if view is not None:
            self.viewport.fly_to_view(view)
        if annotation_id != self.current_annotation:
            self._stop_audio()
        self.current_annotation = annotation_id
        card = self.card
        card.title.setText(self.text(ann.title))
        card.body.setText(self.text(ann.body))
        card.body.setVisible(bool(card.body.text()))
        self._show_image(ann)
        self._audio_path = None
        audio = self._audio_entry(ann.audio)
        card.audio_button.setVisible(audio is not None)
        card.captions.setVisible(False)
        if audio is not None and self.session.project is not None:
            try:
                self._audio_path = str(self.session.project.resolve(audio.file))
                if audio.captions:
                    vtt = self.session.project.resolve(audio.captions).read_text(encoding="utf-8")
                    card.captions.setText(caption_text(vtt))
                    card.captions.setVisible(bool(card.captions.text()))
            except (OSError, ValueError, UnicodeDecodeError):
                pass  # a missing media file is reported in Problems; the card still shows its text
        card.show()
        self._layout_panels()

    def _show_image(self, ann: Annotation) -> None:
        card = self.card
        image = ann.image
        pixmap = QPixmap()
        if image is not None and image.file and self.session.project is not None:
            try:
                pixmap = QPixmap(str(self.session.project.resolve(image.file)))
            except ValueError:
                pixmap = QPixmap()
        card.image.setVisible(not pixmap.isNull())
        if not pixmap.isNull():
            card.image.setPixmap(pixmap.scaledToWidth(CARD_WIDTH - 40, Qt.TransformationMode.SmoothTransformation))
        alt = self.text(image.alt) if image is not None else ""
        card.image.setToolTip(plain_tooltip(alt))
        card.image.setAccessibleName(alt)
        credit = image.credit if image is not None else ""
        card.credit.setText(label(self.language, "imageCredit", credit=credit) if credit else "")
        card.credit.setVisible(bool(credit) and not pixmap.isNull())

    def _audio_entry(self, audio: dict[str, MediaAudio]) -> Optional[MediaAudio]:
        if not audio:
            return None
        doc = self.session.document
        first = doc.exhibit.languages[0] if doc and doc.exhibit.languages else ""
        return audio.get(self.language) or audio.get(first) or next(iter(audio.values()), None)

    def close_annotation(self) -> None:
        self.current_annotation = None
        self._stop_audio()
        self.card.hide()

    def _play_audio(self) -> None:
        if not self._audio_path:
            return
        if QMediaPlayer is None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._audio_path))
            return
        if self._player is None:
            self._player = QMediaPlayer(self)
            self._player.setAudioOutput(QAudioOutput(self._player))
        self._player.setSource(QUrl.fromLocalFile(self._audio_path))
        self._player.play()

    def _stop_audio(self) -> None:
        if self._player is not None:
            self._player.stop()

    # --- tours ---------------------------------------------------------------------------------
    def start_tour(self, tour_id: Optional[str] = None) -> bool:
        doc = self.session.document
        tour_id = tour_id or self.tour_combo.currentData()
        tour = doc.find(tour_id) if doc and tour_id else None
        if tour is None or not getattr(tour, "steps", None):
            return False
        self.close_annotation()  # as the viewer's startTour
        self.tour_player.start(tour)
        return True

    def _play_clicked(self) -> None:
        if self.tour_player.active:
            self.tour_player.toggle_pause()
        else:
            self.start_tour()

    def _show_step(self, index: int) -> None:
        step = self.tour_player.step
        if step is None:
            return
        doc = self.session.document
        ann = doc.find(step.annotation_id) if doc and step.annotation_id else None
        if not isinstance(ann, Annotation):
            ann = None
        if ann is not None:
            self.open_annotation(ann.id, fly=False, by_visitor=False)
        else:
            self.close_annotation()
        self.fly_to_step(step)
        self._show_narration()
        self._update_tour_controls()

    def _show_narration(self) -> None:
        step = self.tour_player.step
        text = self.text(step.narration) if step is not None else ""
        self.narration.setText(text)
        self.narration.setVisible(bool(text) and self.active)
        self._layout_panels()

    def _update_tour_controls(self) -> None:
        player, tag = self.tour_player, self.language
        has_tours = self.tour_combo.count() > 0
        for w in (self.tours_label, self.tour_combo, self.play_button):
            w.setVisible(has_tours)
        self.tour_combo.setEnabled(not player.active)
        for w in (self.previous_button, self.next_button, self.end_button, self.step_label):
            w.setVisible(player.active)
        if not player.active:
            self.play_button.setText(label(tag, "startTour"))
        else:
            self.play_button.setText(label(tag, "resume" if player.paused else "pause"))
            total = len(player.tour.steps) if player.tour else 0
            self.step_label.setText(label(tag, "stepOf", n=player.index + 1, total=total))
            self.previous_button.setEnabled(player.index > 0)
        if self.active:
            self._layout_panels()
