"""File ▸ Preview in Browser: export to a temporary folder, serve it on 127.0.0.1, open it.

The export runs as a background job (it compresses models and signs the manifest); the
bundle is served by the same static server as ``vitrine serve`` so MIME types and path
checks match what curators publish. Only loopback is bound: the preview is for this
machine, not the museum network. One preview at a time; the server stops and the
folder is removed when a new preview starts or the window closes.
"""
from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any, Optional, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from vitrine.app.window.background_jobs import BackgroundJob
from vitrine.app.dialogs.error_messages import show_error



class PreviewHost(Protocol):
    """What the preview needs of its window (the MainWindow is one). A protocol rather than
    an import of main_window, which imports this module: no import circle."""

    project: Any  # the open vitrine.scenes.storage.project_store.Project, or None
    jobs: Any  # the window's vitrine.app.window.background_jobs.JobRunner

    def statusBar(self) -> Any: ...


class BrowserPreview(QObject):
    """Owns the preview's temporary bundle folder and HTTP server. ``served(url)`` when
    the browser has been asked to open the bundle."""

    served = Signal(str)

    def __init__(self, window: PreviewHost) -> None:
        super().__init__(window)  # type: ignore[arg-type]  # the window is a QObject too
        self.window = window
        self.url: Optional[str] = None
        self._server: Any = None
        self._thread: Optional[threading.Thread] = None
        self._folder: Optional[Path] = None
        self._job: Optional[BackgroundJob] = None

    def start(self) -> Optional[BackgroundJob]:
        """Export the open project for the preview; serve and open it when done."""
        window = self.window
        project = window.project
        if project is None:
            return None
        if self._job is not None and not self._job.finished:
            return self._job  # one export at a time: a second click waits for the first
        from vitrine.exporters import export_bundle
        self.stop()
        self._folder = Path(tempfile.mkdtemp(prefix="vitrine-preview-"))
        out_dir = self._folder / "bundle"
        # the web profile: what visitors on the museum's website get
        title = QCoreApplication.translate("BrowserPreview", "Preparing the browser preview of %1")
        job = window.jobs.start(title.replace("%1", project.name),
                                lambda progress, cancel: export_bundle(project, out_dir, profile="web",
                                                                       progress=progress, cancel=cancel), window)
        job.succeeded.connect(lambda _report: self._serve(out_dir))
        job.failed.connect(lambda exc: self._failed(exc))
        job.cancelled.connect(self.stop)
        self._job = job
        return job

    def serve_bundle(self, folder: Path) -> None:
        """Serve an exported bundle folder as it is (not a copy; it is never deleted) and open it."""
        self.stop()
        self._serve(Path(folder))

    def _failed(self, exc: BaseException) -> None:
        self.stop()
        show_error(self.window, QCoreApplication.translate("BrowserPreview", "Cannot preview in the browser"), exc)

    def _serve(self, folder: Path) -> None:
        from vitrine.exporters.errors import ExportError
        from vitrine.exporters.delivery.static_server import make_server, url_of
        try:
            server = make_server(folder, host="127.0.0.1", port=0)  # port 0: a free port
        except ExportError as exc:
            self._failed(exc)
            return
        self._server = server
        # a daemon thread, so a server left running can never keep Vitrine from exiting
        self._thread = threading.Thread(target=server.serve_forever, name="vitrine-preview-server", daemon=True)
        self._thread.start()
        self.url = url_of(server)
        message = QCoreApplication.translate("BrowserPreview", "Previewing at %1")
        self.window.statusBar().showMessage(message.replace("%1", self.url), 10000)
        QDesktopServices.openUrl(QUrl(self.url))
        self.served.emit(self.url)

    def stop(self) -> None:
        """Stop the server and delete the preview folder (safe to call when none runs)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self.url = None
