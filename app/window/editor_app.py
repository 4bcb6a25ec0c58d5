"""Starting the editor: surface format, QApplication, translations, window, event loop."""
from __future__ import annotations

import os
import sys
from typing import Any, Optional


def run_editor(project_path: Optional[str] = None) -> int:
    """Run the editor (optionally opening a project) until its window closes; the exit code."""
    # The OpenGL format must be set before the QApplication exists, or the viewport's
    # context is created with the platform default (no core profile, no multisampling).
    from vitrine.app.window.gl_format import install_default_surface_format
    install_default_surface_format()

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from vitrine.app.workflows.editor_session import EditorSession
    from vitrine.app.window.preferences import APPLICATION, ORGANIZATION, default_settings
    from vitrine.app.window.translations import chosen_language, install_translations

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Vitrine")
    from vitrine.app.window.gui_thread_gc import collect_on_gui_thread
    collect_on_gui_thread()  # background jobs must never destroy Qt objects
    settings = default_settings()
    install_translations(chosen_language(settings), app)

    from vitrine.app.window.main_window import MainWindow  # after translators, so strings are translated
    window = MainWindow(EditorSession(), settings)
    window.show()
    if project_path:
        # Errors are shown by open_project as a message box; the window stays, empty.
        window.open_project(project_path)
    _schedule_screenshot(window, os.environ.get("VITRINE_SCREENSHOT", ""))
    return int(app.exec())


def _schedule_screenshot(window: Any, path: str, delay_ms: int = 4000) -> None:
    """On a machine without a screen the editor runs on a virtual display; a screenshot
    (``VITRINE_SCREENSHOT=/path.png``) lets the person who started it see it."""
    if not path:
        return
    from PySide6.QtCore import QTimer

    def save() -> None:
        # grab from the screen: the viewport is a native OpenGL window that widget.grab() misses
        image = window.screen().grabWindow(window.winId())
        if image.save(path):
            print(f"vitrine: screenshot of the editor saved to {path}", file=sys.stderr)
    QTimer.singleShot(delay_ms, save)
