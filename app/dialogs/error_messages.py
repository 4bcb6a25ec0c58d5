"""Errors shown to curators: one clear line plus details, never a traceback."""
from __future__ import annotations

import logging
from typing import Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorMessages", text)


def describe_error(exc: BaseException) -> tuple[str, str]:
    """(one-line message, details) for an exception raised by scenes/assets/exporters."""
    from vitrine.scenes.storage.project_store import ProjectError
    from vitrine.scenes.storage.safe_paths import UnsafePathError
    known: tuple[type, ...] = (ProjectError, UnsafePathError)
    try:
        from vitrine.assets.scan_errors import ScanError
        known += (ScanError,)
    except ImportError:  # pragma: no cover - assets always ships with the app
        pass
    details = "\n".join(str(d) for d in getattr(exc, "details", []) or [])
    if getattr(exc, "template", "") and hasattr(exc, "cause"):  # a scan error the UI can translate
        from vitrine.app.window.message_catalogue import scan_error_text
        return " ".join(scan_error_text(exc).split()), details
    if isinstance(exc, known) or type(exc).__module__.startswith("vitrine.exporters"):
        return " ".join(str(exc).split()), details
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}", details
    # Unexpected: the log keeps the traceback for support; the curator gets one line.
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    message = QCoreApplication.translate("ErrorMessages", "Unexpected error: %1").replace("%1", f"{type(exc).__name__}: {exc}")
    return " ".join(message.split()), details


def show_error(parent: Optional[QWidget], title: str, error: BaseException | str,
               details: str = "") -> None:
    """A modal message box with the error's one line and (when there are any) its details."""
    if isinstance(error, BaseException):
        message, more = describe_error(error)
        details = details or more
    else:
        message = error
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorMessageBox")
    if details:
        box.setDetailedText(details)
    box.exec()
