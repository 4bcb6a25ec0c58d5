"""The visitor preview overlay, Preview in Browser, the start view and live UI language
switching, on the bundled sample exhibit (written once per module, copied per test)."""
from __future__ import annotations

import math
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from vitrine.scenes.exhibit_model import Tour, TourStep, Transform

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

REPO = Path(__file__).resolve().parents[2]
gui = [pytest.mark.gui, NEEDS_DISPLAY]


# --- without a display ----------------------------------------------------------------------
def test_preview_and_viewer_read_their_labels_from_one_file() -> None:
    """Both the preview (Python) and the viewer (bundled by esbuild) take their labels from
    exporters/viewer/visitor.json; neither keeps a copy."""
    import json
    from vitrine.exporters.document.visitor_rules import LABELS, label
    shared = json.loads((REPO / "exporters" / "viewer" / "visitor.json").read_text(encoding="utf-8"))
    assert LABELS == shared["labels"] and set(LABELS) == {"en", "zh-Hans"}
    assert set(LABELS["en"]) == set(LABELS["zh-Hans"])
    js = (REPO / "exporters" / "viewer" / "src" / "i18n_labels.js").read_text(encoding="utf-8")
    assert "import rules from '../visitor.json'" in js and "Start tour" not in js
    assert not (REPO / "app" / "visitor" / "viewer_labels.py").exists()
    assert label("zh-CN", "stepOf", n=2, total=3) == "第 2 步，共 3 步"
    assert label("fr", "close") == "Close"


def test_pin_world_point_applies_scale_rotation_translation() -> None:
    from vitrine.app.visitor.preview import pin_world_point
    half = math.sqrt(0.5)
    t = Transform(translation=(1.0, 2.0, 3.0), rotation=(0.0, half, 0.0, half), scale=(2.0, 2.0, 2.0))
    # 90° about +Y takes +X to -Z
    assert np.allclose(pin_world_point(t, (0.5, 0.0, 0.0)), (1.0, 2.0, 2.0))
    assert np.allclose(pin_world_point(Transform(), (0.1, 0.2, 0.3)), (0.1, 0.2, 0.3))


def test_hotspots_of_covered_pins_are_not_placed() -> None:
    """As in the exported viewer, a hotspot whose pin a surface covers is hidden."""
    from PySide6.QtCore import QPointF
    from vitrine.app.visitor.preview import VisitorPreview
    from vitrine.scenes.document import ExhibitDocument
    from vitrine.scenes.exhibit_model import Annotation, Artifact

    doc = ExhibitDocument()
    art = Artifact(name="Vase")
    doc.exhibit.artifacts.append(art)
    front, back = Annotation(artifact_id=art.id), Annotation(artifact_id=art.id)

    class FakeViewport:
        def pin_occluded(self, annotation_id: str) -> bool:
            return annotation_id == back.id

        def project_to_screen(self, xyz):
            return QPointF(10.0, 20.0)

    class FakeSession:
        document = doc

    preview = VisitorPreview.__new__(VisitorPreview)  # only placement is under test
    preview.session, preview.viewport = FakeSession(), FakeViewport()
    assert preview.hotspot_anchor(front) == QPointF(10.0, 20.0)
    assert preview.hotspot_anchor(back) is None


def test_captions_are_cue_text_only() -> None:
    from vitrine.app.visitor.preview import caption_text
    vtt = "WEBVTT\n\nNOTE made by hand\n\n1\n00:00.000 --> 00:02.000\n[a soft chime]\n\n00:02.000 --> 00:03.000\n<b>x</b>\n"
    assert caption_text(vtt) == "[a soft chime]\n<b>x</b>"


def test_tour_player_advances_after_each_duration_and_ends(qtbot: Any) -> None:
    from vitrine.app.visitor.tour import TourPlayer
    player = TourPlayer()
    tour = Tour(steps=[TourStep(duration=0.05), TourStep(duration=0.05)])
    shown: list[int] = []
    player.stepShown.connect(shown.append)
    with qtbot.waitSignal(player.ended, timeout=3000):
        player.start(tour)
    assert shown == [0, 1] and not player.active
    player.start(tour)
    player.set_paused(True)
    qtbot.wait(150)
    assert player.index == 0  # paused: does not advance
    player.next()
    assert player.index == 1
    player.previous()
    assert player.index == 0
    player.stop()


# --- in the editor window -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from vitrine.app.workflows.sample_exhibit import write_sample_exhibit
    folder = tmp_path_factory.mktemp("sample") / "s"
    return write_sample_exhibit(folder).path  # ~10 s: once for the module (adds .vitrine)


@pytest.fixture
def sample(sample_source: Path, tmp_path: Path) -> Path:
    target = tmp_path / sample_source.name
    shutil.copytree(sample_source, target)
    return target


def open_in_preview(window: Any, qtbot: Any) -> Any:
    window.action_visitor_preview.setChecked(True)
    overlay = window.visitor_overlay
    qtbot.waitUntil(lambda: any(b.isVisible() for b in overlay.hotspots.values()), timeout=10000)
    return window


def eye_distance(window: Any, viewpoint_id: str) -> float:
    vp = window.session.document.find(viewpoint_id)
    return float(np.linalg.norm(np.subtract(window.viewport.camera_state()["eye"], vp.eye)))


# The sample's first frame costs seconds under software GL, so one window walks through
# the whole preview (start view, hotspots, card, language, tour, leaving) in sections.
@pytest.mark.gui
@NEEDS_DISPLAY
def test_visitor_preview_walkthrough(make_window, qtbot, sample: Path) -> None:
    window = make_window()
    assert window.open_project(sample)
    check_start_view(window)
    window = open_in_preview(window, qtbot)
    check_hotspots_on_projected_pins(window, qtbot)
    check_card_flight_and_language(window, qtbot)
    check_tour(window, qtbot)
    window.action_visitor_preview.setChecked(False)
    overlay = window.visitor_overlay
    assert not any(b.isVisible() for b in overlay.hotspots.values())
    assert not overlay.bar.isVisible() and not overlay.card.isVisible() and not overlay.tour_player.active


def check_start_view(window: Any) -> None:
    """Opening a project starts at its start viewpoint."""
    doc = window.session.document
    start = doc.find(doc.exhibit.start_viewpoint_id)
    assert start is not None
    assert np.allclose(window.viewport.camera_state()["eye"], start.eye, atol=1e-6)


def check_hotspots_on_projected_pins(window: Any, qtbot: Any) -> None:
    from vitrine.app.visitor.preview import HOTSPOT_PX, pin_world_point
    doc, overlay = window.session.document, window.visitor_overlay
    shown = [a for a in doc.exhibit.annotations if doc.find(a.artifact_id).visible]
    assert sorted(overlay.hotspots) == sorted(a.id for a in shown)
    for ann in shown:
        art = doc.find(ann.artifact_id)
        expected = window.viewport.project_to_screen(tuple(pin_world_point(art.transform, ann.point)))
        button = overlay.hotspots[ann.id]
        if expected is None or not button.isVisible():
            continue
        centre = button.geometry().center()
        assert abs(centre.x() - expected.x()) <= 3 and abs(centre.y() - expected.y()) <= 3
        assert button.text() == str(ann.marker.number) and button.width() == HOTSPOT_PX
    assert sum(b.isVisible() for b in overlay.hotspots.values()) >= 1
    # the camera moves: the hotspots follow
    ann = next(a for a in shown if overlay.hotspots[a.id].isVisible())
    before = overlay.hotspots[ann.id].pos()
    cam = window.viewport.camera_state()
    window.viewport.set_camera(tuple(np.add(cam["eye"], (0.3, 0.0, 0.0))), cam["target"])
    qtbot.waitUntil(lambda: overlay.hotspots[ann.id].pos() != before, timeout=3000)
    window.viewport.set_camera(cam["eye"], cam["target"])


def check_card_flight_and_language(window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt
    doc, overlay = window.session.document, window.visitor_overlay
    ann = next(a for a in doc.exhibit.annotations if a.viewpoint_id and overlay.hotspots[a.id].isVisible()
               and eye_distance(window, a.viewpoint_id) > 0.05)
    start = eye_distance(window, ann.viewpoint_id)
    qtbot.mouseClick(overlay.hotspots[ann.id], Qt.MouseButton.LeftButton)
    card = overlay.card
    assert card.isVisible() and card.title.text() == ann.title["en"] and card.body.text() == ann.body["en"]
    assert card.title.textFormat() == Qt.TextFormat.PlainText and card.body.textFormat() == Qt.TextFormat.PlainText
    if ann.image is not None:
        assert card.image.toolTip() == ann.image.alt["en"] and card.image.accessibleName() == ann.image.alt["en"]
        assert ann.image.credit in card.credit.text()
    qtbot.waitUntil(lambda: eye_distance(window, ann.viewpoint_id) < 0.5 * start, timeout=5000)
    overlay.language_combo.setCurrentIndex(overlay.language_combo.findData("zh-Hans"))
    assert card.title.text() == ann.title["zh-Hans"] and card.close_button.text() == "关闭"
    assert overlay.language_label.text() == "语言"
    overlay.language_combo.setCurrentIndex(overlay.language_combo.findData("en"))
    assert card.title.text() == ann.title["en"]


def check_tour(window: Any, qtbot: Any) -> None:
    doc, overlay = window.session.document, window.visitor_overlay
    tour = doc.exhibit.tours[0]
    overlay.play_button.click()
    assert overlay.tour_player.index == 0 and overlay.narration.text() == tour.steps[0].narration["en"]
    assert overlay.card.title.text() == doc.find(tour.steps[0].annotation_id).title["en"]
    assert overlay.step_label.text() == f"Step 1 of {len(tour.steps)}"
    second = tour.steps[1].viewpoint_id
    start = eye_distance(window, second)
    overlay.next_button.click()
    assert overlay.tour_player.index == 1
    assert overlay.card.title.text() == doc.find(tour.steps[1].annotation_id).title["en"]
    qtbot.waitUntil(lambda: eye_distance(window, second) < 0.5 * start, timeout=5000)
    overlay.play_button.click()  # pause
    assert overlay.tour_player.paused and overlay.play_button.text() == "Resume"
    overlay.end_button.click()
    assert not overlay.tour_player.active and not overlay.narration.isVisible()


@pytest.mark.gui
@NEEDS_DISPLAY
def test_preview_in_browser_serves_the_bundle(make_window, qtbot, tmp_path: Path, monkeypatch, dialogs) -> None:
    from PySide6.QtGui import QDesktopServices
    from vitrine.scenes.storage.project_store import Project
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    path = Project.create(tmp_path / "small", title="Small").path  # small: the export takes a moment
    window = make_window()
    assert window.open_project(path), dialogs.errors
    window.action_preview_browser.trigger()
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    url = opened[0]
    assert url.startswith("http://127.0.0.1:") and url.endswith("/index.html")
    with urllib.request.urlopen(url, timeout=5) as reply:
        assert b"<html" in reply.read().lower()
    with urllib.request.urlopen(url.replace("index.html", "exhibit.json"), timeout=5) as reply:
        assert reply.headers["Content-Type"].startswith("application/json") and b"Small" in reply.read()
    folder = window.browser_preview._folder
    window.close()
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)
    assert folder is not None and not folder.exists()


@pytest.mark.gui
@NEEDS_DISPLAY
def test_ui_language_switches_live(make_window, qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication
    from vitrine.app.window.translations import TRANSLATIONS_DIR, qm_path, remove_translations
    if not qm_path("zh_CN").is_file():
        import subprocess
        import sys
        subprocess.run([sys.executable, str(TRANSLATIONS_DIR / "build_translations.py"), "--release-only"],
                       check=True)
    from vitrine.scenes.exhibit_model import Exhibit, Viewpoint
    from vitrine.scenes.storage.project_store import Project
    # a viewpoint, not an annotation: it needs no artifact (nothing to render, a fast window)
    exhibit = Exhibit(viewpoints=[Viewpoint(name={"en": "Meander frieze", "zh-Hans": "回纹饰带"})])
    window = make_window()
    assert window.open_project(Project.create(tmp_path / "zh", exhibit=exhibit).path)
    doc = window.session.document
    vp = doc.exhibit.viewpoints[0]
    model = window.outline_panel.model
    assert model.data(model.index_of(vp.id)) == vp.name["en"]
    try:
        window.set_ui_language("zh_CN")
        QApplication.processEvents()
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:2] == ["文件(&F)", "编辑(&E)"] and window.outline_dock.windowTitle() == "大纲"
        assert window.action_preview_browser.text() == "在浏览器中预览(&B)"
        assert window.settings.value("ui/language") == "zh_CN"
        # the outline shows the exhibit's Chinese titles while the UI is Chinese
        assert model.data(model.index_of(vp.id)) == vp.name["zh-Hans"]
        window.set_ui_language("en")
        QApplication.processEvents()
        assert window.menuBar().actions()[0].text() == "&File" and window.outline_dock.windowTitle() == "Outline"
        assert model.data(model.index_of(vp.id)) == vp.name["en"]
    finally:
        remove_translations()
