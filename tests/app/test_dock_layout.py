"""Every dock is usable at the window's default size in English and in Chinese: with the
sample exhibit open and each panel showing its fullest page, no panel scrolls sideways and
no button is narrower than its text (no "Add C…")."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QScrollArea

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]
REPO = Path(__file__).resolve().parents[2]
# set to a folder to keep a screenshot of each dock (they are looked at by people, not compared)
SHOTS = os.environ.get("VITRINE_DOCK_SCREENSHOTS")


@pytest.fixture(params=["en", "zh_CN"])
def ui_language(request):
    from vitrine.app.window.translations import TRANSLATIONS_DIR, install_translations, qm_path, remove_translations
    if request.param == "zh_CN":
        subprocess.run([sys.executable, str(TRANSLATIONS_DIR / "build_translations.py"), "--release-only"],
                       check=True, capture_output=True, cwd=REPO)
        assert install_translations("zh_CN")
    yield request.param
    remove_translations()


def layout_faults(dock) -> list[str]:
    faults = []
    for area in dock.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
            faults.append(f"{area.objectName() or type(area.widget() if hasattr(area, 'widget') else area).__name__}: "
                          f"scrolls sideways by {area.horizontalScrollBar().maximum()} px")
    for button in dock.findChildren(QPushButton):
        if button.isVisible() and button.width() < button.sizeHint().width():
            faults.append(f"button {button.text()!r} is {button.width()} px, needs {button.sizeHint().width()}")
    return faults


def test_every_dock_fits_at_the_default_size(make_window, tmp_path, ui_language) -> None:
    from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
    project = write_sample_exhibit(tmp_path / "sample.vitrine")
    window = make_window()
    assert window.open_project(project.path)
    assert (window.width(), window.height()) == (1440, 900)
    doc = window.session.document
    artifact, annotation = doc.exhibit.artifacts[0].id, doc.exhibit.annotations[0].id
    window.asset_panel.view.setCurrentIndex(window.asset_panel.model.index(0))
    pages = [(window.outline_dock, [artifact]), (window.asset_dock, []), (window.inspector_dock, [artifact]),
             (window.annotation_dock, [annotation]), (window.record_dock, [artifact]), (window.exhibit_dock, []),
             (window.tour_dock, []), (window.problems_dock, [])]
    faults = {}
    for dock, selection in pages:
        window.relay.select(selection)
        dock.raise_()
        QApplication.processEvents()
        assert dock.isVisible() and dock.width() >= 250
        faults[dock.objectName()] = layout_faults(dock)
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            dock.grab().save(str(Path(SHOTS) / f"{dock.objectName()}-{ui_language}.png"))
            for n, area in enumerate(a for a in dock.findChildren(QScrollArea) if a.isVisible() and a.widget()):
                # the whole scrolled page at the dock's width, to look at what is below the fold
                area.widget().grab().save(str(Path(SHOTS) / f"{dock.objectName()}-{ui_language}-page{n}.png"))
    assert not any(faults.values()), faults
