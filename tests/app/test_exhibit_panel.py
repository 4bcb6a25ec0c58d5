"""The Exhibit dock: every exhibit-wide setting the Problems panel asks for can be set
there, each edit is one undo step, and the exhibit's problems go away when they are filled."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from vitrine.scenes.checks.validation import find_problems

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


def _open(make_window, tmp_path: Path, qtbot):
    window = make_window()
    window.new_project(tmp_path / "p")
    window.exhibit_dock.raise_()
    return window, window.exhibit_panel, window.session.document


def _exhibit_problems(doc):
    return [p for p in find_problems(doc.exhibit) if p.object_id == doc.exhibit.id]


def test_titles_and_descriptions_in_every_language_clear_the_problem_and_undo(make_window, tmp_path, qtbot) -> None:
    window, panel, doc = _open(make_window, tmp_path, qtbot)
    assert any(p.code == "missing-translation" for p in _exhibit_problems(doc))
    assert set(panel.titles) == set(doc.exhibit.languages) == {"en", "zh-Hans"}
    qtbot.keyClicks(panel.titles["en"], "Bronze Age Life")
    panel.titles["en"].editingFinished.emit()
    panel.titles["zh-Hans"].setText("青铜时代的生活")  # QTest types ASCII only
    panel.titles["zh-Hans"].textEdited.emit("青铜时代的生活")
    panel.titles["zh-Hans"].editingFinished.emit()
    panel.descriptions["en"].setPlainText("Objects from daily life.")
    assert doc.exhibit.title == {"en": "Bronze Age Life", "zh-Hans": "青铜时代的生活"}
    assert doc.exhibit.description == {"en": "Objects from daily life."}
    assert not any(p.code == "missing-translation" and "title" in p.message for p in _exhibit_problems(doc))
    window.action_undo.trigger()  # the description
    assert doc.exhibit.description == {}
    window.action_undo.trigger()  # the Chinese title
    assert doc.exhibit.title == {"en": "Bronze Age Life"}
    assert panel.titles["zh-Hans"].text() == ""


def test_institution_credits_and_rights(make_window, tmp_path, qtbot) -> None:
    window, panel, doc = _open(make_window, tmp_path, qtbot)
    panel.institution.setText("Museum of the North")
    panel.institution.editingFinished.emit()
    panel.credits.setPlainText("Scans by the digitisation team")
    panel.rights.statement.setCurrentIndex(panel.rights.statement.findData("https://creativecommons.org/licenses/by/4.0/"))
    panel.rights.statement.activated.emit(panel.rights.statement.currentIndex())
    panel.rights.holder.setText("Museum of the North")
    panel.rights.holder.editingFinished.emit()
    ex = doc.exhibit
    assert ex.institution == "Museum of the North"
    assert ex.credits == "Scans by the digitisation team"
    assert ex.rights.statement_uri == "https://creativecommons.org/licenses/by/4.0/"
    assert ex.rights.holder == "Museum of the North"
    window.action_undo.trigger()
    assert doc.exhibit.rights.holder == ""
    assert panel.rights.holder.text() == ""


def test_add_remove_and_reorder_languages(make_window, tmp_path, qtbot, dialogs) -> None:
    window, panel, doc = _open(make_window, tmp_path, qtbot)
    assert panel.add_language("fr")
    assert doc.exhibit.languages == ["en", "zh-Hans", "fr"]
    assert "fr" in panel.titles  # a title row appears for the new language
    assert not panel.add_language("not a tag!")
    assert not panel.add_language("FR")  # already there, whatever the case
    assert len(dialogs.errors) == 2 and "not a language tag" in dialogs.errors[0][0] + dialogs.errors[0][1]
    panel.languages.setCurrentRow(2)
    panel.default_language_button.click()
    assert doc.exhibit.languages == ["fr", "en", "zh-Hans"]
    panel.remove_language("zh-Hans")
    assert doc.exhibit.languages == ["fr", "en"]
    assert "zh-Hans" not in panel.titles
    window.action_undo.trigger()
    assert doc.exhibit.languages == ["fr", "en", "zh-Hans"]
    panel.remove_language("fr")
    panel.remove_language("en")
    assert doc.exhibit.languages == ["zh-Hans"]
    assert not panel.remove_language_button.isEnabled()
    panel.remove_language("zh-Hans")  # the last language stays
    assert doc.exhibit.languages == ["zh-Hans"]


def test_use_current_view_sets_the_start_view_in_one_undo_step(make_window, tmp_path, qtbot) -> None:
    window, panel, doc = _open(make_window, tmp_path, qtbot)
    window.viewport.set_camera((1.0, 2.0, 3.0), (0.0, 0.5, 0.0), (0.0, 1.0, 0.0), 0.7)
    vp_id = panel.use_current_view()
    vp = doc.find(vp_id)
    assert doc.exhibit.start_viewpoint_id == vp_id
    assert vp.eye == pytest.approx((1.0, 2.0, 3.0)) and vp.target == pytest.approx((0.0, 0.5, 0.0))
    assert panel.start_view.currentData() == vp_id
    panel.start_view.setCurrentIndex(0)
    panel.start_view.activated.emit(0)
    assert doc.exhibit.start_viewpoint_id is None
    window.action_undo.trigger()
    assert doc.exhibit.start_viewpoint_id == vp_id
    window.action_undo.trigger()  # the captured view and the start view go together
    assert doc.exhibit.start_viewpoint_id is None and doc.exhibit.viewpoints == []


def test_environment_background_and_floor(make_window, tmp_path, qtbot) -> None:
    window, panel, doc = _open(make_window, tmp_path, qtbot)
    panel.background_kind.setCurrentIndex(panel.background_kind.findData("solid"))
    panel.background_kind.activated.emit(panel.background_kind.currentIndex())
    assert doc.exhibit.environment.background.kind == "solid"
    assert len(doc.exhibit.environment.background.colors) == 1
    panel.background_top.setText("#AABBCC")
    panel.background_top.editingFinished.emit()
    assert doc.exhibit.environment.background.colors == ["#aabbcc"]
    panel.floor_color.setText("not a colour")
    panel.floor_color.editingFinished.emit()
    assert doc.exhibit.environment.floor.color == "#3a3c40"  # refused, the field shows the kept colour
    assert panel.floor_color.text() == "#3a3c40"
    panel.floor_visible.setChecked(False)
    panel.floor_radius.setValue(3.5)
    assert doc.exhibit.environment.floor.visible is False
    assert doc.exhibit.environment.floor.radius == 3.5
    window.action_undo.trigger()
    assert doc.exhibit.environment.floor.radius == 6.0
    assert panel.floor_radius.value() == 6.0


def test_double_click_on_an_exhibit_problem_shows_the_exhibit_dock(make_window, tmp_path, qtbot) -> None:
    window, panel, doc = _open(make_window, tmp_path, qtbot)
    window.inspector_dock.raise_()
    window.problems_dock.raise_()
    problems = window.problems_panel
    problems.refresh()
    row = next(r for r, p in enumerate(problems.model.problems) if p.object_id == doc.exhibit.id)
    problems.view.doubleClicked.emit(problems.model.index(row, 1))
    qtbot.waitUntil(lambda: not window.exhibit_dock.visibleRegion().isEmpty())
