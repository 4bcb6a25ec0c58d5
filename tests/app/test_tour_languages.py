"""Tours in every exhibit language: a title field per language in the Tours dock, missing
title and narration translations marked there, listed in Problems and by ``vitrine validate``."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from vitrine.scenes.exhibit_model import Exhibit, Tour, TourStep
from vitrine.scenes.checks.validation import find_problems

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

REPO = Path(__file__).resolve().parents[2]


def test_missing_tour_title_and_narration_translations_are_problems() -> None:
    step = TourStep(narration={"en": "Look at the handle"})
    tour = Tour(title={"en": "Highlights"}, steps=[step])
    ex = Exhibit(title={"en": "x", "zh-Hans": "x"}, tours=[tour])
    found = {(p.object_id, p.message) for p in find_problems(ex) if p.code == "missing-translation"}
    assert found == {(tour.id, "tour 'Highlights' has no title in zh-Hans"),
                     (step.id, "step 1 of tour 'Highlights' has no narration in zh-Hans")}
    tour.title["zh-Hans"] = "精选"
    step.narration["zh-Hans"] = "看把手"
    assert not [p for p in find_problems(ex) if p.code == "missing-translation"]


def test_validate_lists_missing_tour_translations(tmp_path: Path) -> None:
    from vitrine.scenes.storage.project_store import Project
    from vitrine.scenes.editing.tour_commands import AddTour
    project = Project.create(tmp_path / "t", title="T", languages=["en", "zh-Hans"])
    project.document.history.push(AddTour(project.document, Tour(title={"en": "Highlights"})))
    project.save()
    result = subprocess.run([sys.executable, "-m", "vitrine.app.cli", "validate", str(project.path)],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert "tour 'Highlights' has no title in zh-Hans" in result.stdout


@pytest.mark.gui
@NEEDS_DISPLAY
def test_tour_titles_per_language_in_the_panel(make_window, tmp_path: Path, qtbot) -> None:
    window = make_window()
    window.new_project(tmp_path / "p")
    doc = window.session.document
    panel = window.tour_panel
    tour_id = panel.add_tour("Highlights")
    assert set(panel.titles) == {"en", "zh-Hans"}
    assert panel.titles["en"].text() == "Highlights"
    assert panel.titles["zh-Hans"].toolTip() == "Missing translation"
    assert panel.titles["zh-Hans"].placeholderText() == "Highlights"
    panel.titles["zh-Hans"].setText("精选")
    panel.titles["zh-Hans"].textEdited.emit("精选")
    assert doc.find(tour_id).title == {"en": "Highlights", "zh-Hans": "精选"}
    assert panel.titles["zh-Hans"].toolTip() == ""
    qtbot.keyClicks(panel.titles["en"], " of the Wheel")  # a space typed mid-title stays
    assert doc.find(tour_id).title["en"] == "Highlights of the Wheel"
    window.action_undo.trigger()
    assert doc.find(tour_id).title["en"] == "Highlights"
    assert panel.titles["en"].text() == "Highlights"
    panel.capture_step()
    panel.narration["en"].setText("The rim")
    panel.narration["en"].textEdited.emit("The rim")
    assert panel.narration["zh-Hans"].toolTip() == "Missing translation"
    window.problems_panel.refresh()
    messages = [p.message for p in window.problems_panel.model.problems]
    assert "step 1 of tour 'Highlights' has no narration in zh-Hans" in messages
