"""The editor's Translations dock (completeness per language, refreshed on every change, both UI
languages) and right-to-left text fields for Arabic."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from vitrine.scenes.editing.exhibit_commands import EditExhibitText, SetLanguages

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY, add_scanned_artifact, chinese_ui

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


def new_project_with_annotation(window, tmp_path: Path) -> str:
    window.new_project(tmp_path / "p")
    artifact_id = add_scanned_artifact(window, "Bowl", stem="bowl", digit="c", dimensions=(0.25, 0.1, 0.25))
    return window.pin_annotation(artifact_id, (0.0, 0.1, 0.0), (0.0, 2.0, 0.0))


def test_completeness_per_language_follows_the_document(make_window, tmp_path: Path, qtbot) -> None:
    window = make_window()
    ann_id = new_project_with_annotation(window, tmp_path)
    panel = window.translations_panel
    doc = window.session.document
    window.relay.push(EditExhibitText(doc, "title", "en", "Bowls"))
    ann = doc.find(ann_id)
    # en: exhibit title + annotation title ("New annotation"); zh-Hans has neither
    qtbot.waitUntil(lambda: panel.rows() == [("en", 100, 0), ("zh-Hans", 0, 2)], timeout=3000)
    window.relay.push(SetLanguages(doc, ["en", "zh-Hans", "ar"]))
    window.relay.push(EditExhibitText(doc, "title", "ar", "أوعية"))
    qtbot.waitUntil(lambda: panel.rows() == [("en", 100, 0), ("zh-Hans", 0, 2), ("ar", 50, 1)], timeout=3000)
    assert panel.table.rowCount() == 3
    assert panel.table.item(2, 0).text().startswith("ar")
    assert panel.table.item(2, 1).text() == "50%" and panel.table.item(2, 2).text() == "1"
    assert panel.table.item(0, 0).text().endswith("(source)")
    assert "incomplete: zh-Hans, ar" in panel.summary.text()
    window.action_undo.trigger()
    qtbot.waitUntil(lambda: panel.rows()[2] == ("ar", 0, 2), timeout=3000)
    assert ann.title["en"] == "New annotation"


def test_arabic_fields_are_laid_out_right_to_left(make_window, tmp_path: Path, qtbot) -> None:
    window = make_window()
    ann_id = new_project_with_annotation(window, tmp_path)
    doc = window.session.document
    window.relay.push(SetLanguages(doc, ["en", "ar", "zh-Hans"]))
    window.relay.select([ann_id])
    columns = window.annotation_panel.columns
    qtbot.waitUntil(lambda: "ar" in columns, timeout=3000)
    ar, en, zh = columns["ar"], columns["en"], columns["zh-Hans"]
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert (ar.title.layoutDirection(), ar.body.layoutDirection(), ar.alt.layoutDirection()) == (rtl, rtl, rtl)
    assert ar.body.document().defaultTextOption().textDirection() == rtl
    assert (en.title.layoutDirection(), zh.body.layoutDirection()) == (ltr, ltr)
    assert en.body.document().defaultTextOption().textDirection() == ltr
    ar.title.setFocus()
    ar.title.insert("حافة")  # keyClicks takes ASCII only
    ar.title.textEdited.emit(ar.title.text())
    ar.title.editingFinished.emit()
    assert doc.find(ann_id).title["ar"] == "حافة"
    assert ar.title.isRightToLeft()
    # the object record's title and description in Arabic too
    art_id = doc.exhibit.artifacts[0].id
    window.relay.select([art_id])
    record = window.record_panel.localized
    qtbot.waitUntil(lambda: ("title", "ar") in record, timeout=3000)
    assert record[("title", "ar")].layoutDirection() == rtl and record[("description", "ar")].layoutDirection() == rtl
    assert record[("title", "en")].layoutDirection() == ltr


def test_chinese_ui(make_window, tmp_path: Path, qtbot) -> None:
    with chinese_ui():
        window = make_window()
        new_project_with_annotation(window, tmp_path)
        panel = window.translations_panel
        assert window.translations_dock.windowTitle() == "翻译"
        headers = [panel.table.horizontalHeaderItem(i).text() for i in range(3)]
        assert headers == ["语言", "完成度", "缺失"]
        qtbot.waitUntil(lambda: panel.rows() == [("en", 100, 0), ("zh-Hans", 0, 1)], timeout=3000)
        assert panel.summary.text() == "共 1 条待译文本；未完成：zh-Hans"
        assert panel.table.item(0, 0).text().endswith("（源语言）")
