"""Long operations (scan import, export) on a worker thread with progress and Cancel.

The work function runs on a QThreadPool thread and must not touch widgets or the
document; it gets ``progress(fraction, message)`` and a ``CancelToken``. Its result
comes back on the GUI thread, where the caller pushes the command it built.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from vitrine.assets.progress import CancelToken, Cancelled

WorkFn = Callable[[Callable[[float, str], None], CancelToken], Any]
PROGRESS_STEPS = 1000


class _JobSignals(QObject):
    # Created on the GUI thread, so emissions from the worker are queued to it.
    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Worker(QRunnable):
    def __init__(self, work: WorkFn, token: CancelToken, signals: _JobSignals) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the job keeps it; Python owns the wrapper
        self._work = work
        self._token = token
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work(lambda f, m: self._signals.progress.emit(float(f), str(m)), self._token)
        except Cancelled:
            self._signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the GUI as a message
            self._signals.failed.emit(exc)
        else:
            if self._token.cancelled:
                self._signals.cancelled.emit()
            else:
                self._signals.succeeded.emit(result)


class BackgroundJob(QObject):
    """One running operation with its progress dialog.

    Signals on the GUI thread: ``succeeded(result)``, ``failed(exception)``,
    ``cancelled()``, and ``done()`` after any of them.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    def __init__(self, title: str, work: WorkFn, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.title = title
        self.token = CancelToken()
        self.finished = False
        self._signals = _JobSignals()
        self._worker = _Worker(work, self.token, self._signals)
        self.dialog = QProgressDialog(title, QCoreApplication.translate("BackgroundJob", "Cancel"),
                                      0, PROGRESS_STEPS, parent)
        self.dialog.setObjectName("jobProgressDialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)  # quick jobs finish without a flash of dialog
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._signals.progress.connect(self._on_progress)
        self._signals.succeeded.connect(lambda r: self._finish(self.succeeded, r))
        self._signals.failed.connect(lambda e: self._finish(self.failed, e))
        self._signals.cancelled.connect(lambda: self._finish(self.cancelled))

    def cancel(self) -> None:
        """Ask the work to stop at its next safe point (it leaves nothing half done)."""
        if not self.finished:
            self.token.cancel()
            self.dialog.setLabelText(QCoreApplication.translate("BackgroundJob", "Cancelling…"))

    def _on_progress(self, fraction: float, message: str) -> None:
        if self.finished:
            return
        self.dialog.setValue(int(round(fraction * PROGRESS_STEPS)))
        if message and not self.token.cancelled:
            self.dialog.setLabelText(f"{self.title}\n{message}")

    def _finish(self, signal: Any, *args: Any) -> None:
        if self.finished:
            return
        self.finished = True
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        signal.emit(*args)
        self.done.emit()
        self.dialog.deleteLater()


class JobRunner(QObject):
    """Starts background jobs and knows which are still running."""

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.jobs: list[BackgroundJob] = []

    def start(self, title: str, work: WorkFn, parent: Optional[QWidget] = None) -> BackgroundJob:
        job = BackgroundJob(title, work, parent)
        self.jobs.append(job)
        job.done.connect(lambda: self.jobs.remove(job) if job in self.jobs else None)
        self.pool.start(job._worker)
        return job

    @property
    def busy(self) -> bool:
        return bool(self.jobs)

    def cancel_all(self, wait_ms: int = 10000) -> None:
        """Cancel every job and wait for the worker threads (the window is closing)."""
        for job in list(self.jobs):
            job.cancel()
        self.pool.waitForDone(QDeadlineTimer(wait_ms))
