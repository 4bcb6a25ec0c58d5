"""Guided-tour playback for the visitor preview, behaving like the exported viewer's
``TourPlayer``: start at step 1, advance after each step's ``duration`` seconds, pause
and resume keep the time left, next/previous jump, and the tour ends after its last step.

No widgets here: the overlay shows the steps (``stepShown``) and tests drive it directly.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from vitrine.exporters.document.visitor_rules import step_seconds
from vitrine.scenes.exhibit_model import Tour, TourStep


class TourPlayer(QObject):
    """Signals: ``stepShown(index)`` for every step shown, ``stateChanged()`` on start,
    pause/resume and end, ``ended()`` when the tour stops (after the last step or End)."""

    stepShown = Signal(int)
    stateChanged = Signal()
    ended = Signal()

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.tour: Optional[Tour] = None
        self.index = -1
        self.paused = False
        self._remaining_ms = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.go(self.index + 1))

    @property
    def active(self) -> bool:
        return self.tour is not None

    @property
    def step(self) -> Optional[TourStep]:
        if self.tour is None or not 0 <= self.index < len(self.tour.steps):
            return None
        return self.tour.steps[self.index]

    def start(self, tour: Tour) -> None:
        self.stop(silent=True)
        if not tour.steps:
            return
        self.tour = tour
        self.paused = False
        self.stateChanged.emit()
        self.go(0)

    def go(self, index: int) -> None:
        if self.tour is None:
            return
        if index >= len(self.tour.steps):
            self.stop()
            return
        self.index = max(0, index)
        step = self.tour.steps[self.index]
        seconds = step_seconds(step)  # the viewer's rule, from exporters/viewer/visitor.json
        self._remaining_ms = int(seconds * 1000)
        self._timer.stop()
        self.stepShown.emit(self.index)
        if not self.paused and self.tour is not None:
            self._arm()

    def _arm(self) -> None:
        self._clock.start()
        self._timer.start(max(0, self._remaining_ms))

    def next(self) -> None:
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    def set_paused(self, paused: bool) -> None:
        if self.tour is None or paused == self.paused:
            return
        self.paused = paused
        if paused:
            # keep the time left so Resume finishes the step rather than restarting it
            self._remaining_ms = max(0, self._remaining_ms - int(self._clock.elapsed()))
            self._timer.stop()
        else:
            self._arm()
        self.stateChanged.emit()

    def toggle_pause(self) -> None:
        self.set_paused(not self.paused)

    def stop(self, silent: bool = False) -> None:
        was_active = self.tour is not None
        self._timer.stop()
        self.tour = None
        self.index = -1
        self.paused = False
        if was_active and not silent:
            self.stateChanged.emit()
            self.ended.emit()
