"""The visitor rules the preview shares with the viewer (exporters/document/visitor_rules.py), the
preview's default lights, and the Tours panel's Play running the preview's player."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from vitrine.scenes.exhibit_model import Annotation, Exhibit, Tour, TourStep, Transform, Viewpoint

REPO = Path(__file__).resolve().parents[2]
RULES = json.loads((REPO / "exporters" / "viewer" / "visitor.json").read_text(encoding="utf-8"))


def test_step_without_viewpoint_takes_its_annotations_view() -> None:
    from vitrine.exporters.document.visitor_rules import annotation_view, step_view
    vp = Viewpoint(eye=(1.0, 2.0, 3.0), target=(0.0, 1.0, 0.0))
    with_vp = Annotation(artifact_id="art-00000001", viewpoint_id=vp.id)
    framed = Annotation(artifact_id="art-00000001", point=(0.0, 0.5, 0.0), normal=(1.0, 0.0, 0.0))
    viewpoints = {vp.id: vp}
    views = {a.id: annotation_view(a, Transform(), viewpoints) for a in (with_vp, framed)}
    assert step_view(TourStep(annotation_id=with_vp.id), views, viewpoints)["eye"] == [1.0, 2.0, 3.0]
    framed_view = step_view(TourStep(annotation_id=framed.id), views, viewpoints)
    assert framed_view["target"] == [0.0, 0.5, 0.0]
    assert framed_view["eye"] == pytest.approx([RULES["framing"]["distance"], 0.5, 0.0])
    other = Viewpoint(eye=(9.0, 9.0, 9.0))
    assert step_view(TourStep(viewpoint_id=other.id, annotation_id=framed.id), views,
                     {**viewpoints, other.id: other})["eye"] == [9.0, 9.0, 9.0]  # its own viewpoint first
    assert step_view(TourStep(), views, viewpoints) is None  # nothing to show: the camera stays


def test_framing_of_a_pin_facing_up_keeps_a_horizon() -> None:
    from vitrine.exporters.document.visitor_rules import FRAMING_DISTANCE, framing_view
    view = framing_view(Transform(), Annotation(point=(0.0, 1.0, 0.0), normal=(0.0, 1.0, 0.0)))
    direction = np.subtract(view["target"], view["eye"])
    assert np.linalg.norm(direction) == pytest.approx(FRAMING_DISTANCE)
    assert abs(direction[1]) / np.linalg.norm(direction) < 0.95  # not straight down the up axis
    assert view["eye"][2] > 0 and view["eye"][1] > 1.0


def test_scaled_artifact_normal_uses_the_inverse_transpose() -> None:
    from vitrine.exporters.document.visitor_rules import pin_world_normal
    # squashed in y: a 45-degree normal tilts towards y in world space
    n = pin_world_normal(Transform(scale=(1.0, 0.5, 1.0)), (1.0, 1.0, 0.0))
    assert np.allclose(n, np.array([1.0, 2.0, 0.0]) / math.sqrt(5.0))


def test_no_lights_gives_the_viewers_default_lights() -> None:
    from vitrine.app.viewport.adapters.lights import LightAdapter
    from vitrine.exporters.document.visitor_rules import default_lights
    assert [(l.type, l.intensity) for l in default_lights()] == [(l["type"], l["intensity"]) for l in RULES["default_lights"]]
    adapter = LightAdapter(scene=None)
    bare = adapter._lights(Exhibit())
    adapter.reset()
    lit = adapter._lights(Exhibit(lights=default_lights()))
    assert len(bare["rows"]) == 1 and bare["rows"][0][0] == 1  # the shared key light, a directional one
    assert np.allclose(bare["ambient"], lit["ambient"]) and np.allclose(bare["rows"][0][3], lit["rows"][0][3])
    assert np.allclose(bare["rows"][0][1], RULES["default_lights"][1]["position"])


def test_tour_step_default_duration_is_shared() -> None:
    from vitrine.exporters.document.visitor_rules import step_seconds
    assert step_seconds(TourStep(duration=0)) == RULES["tour"]["default_step_seconds"]
    assert step_seconds(TourStep(duration=2.5)) == 2.5


@pytest.mark.gui
def test_tours_panel_play_runs_the_preview_player(qtbot: Any, tmp_path: Path) -> None:
    from vitrine.app.panels.document_relay import DocumentRelay
    from vitrine.app.panels.tour_panel import TourPanel
    from vitrine.app.visitor.tour import TourPlayer
    from vitrine.app.workflows.editor_session import EditorSession
    from vitrine.scenes.storage.project_store import Project
    project = Project.create(tmp_path / "p.vitrine", title="T", languages=["en"])
    ex = project.document.exhibit
    ann = Annotation(artifact_id="art-00000001")
    ex.annotations.append(ann)
    tour = Tour(steps=[TourStep(annotation_id=ann.id, duration=0.05), TourStep(duration=0.05)])
    ex.tours.append(tour)
    relay = DocumentRelay(EditorSession(project))
    panel = TourPanel(relay)
    qtbot.addWidget(panel)
    panel.refresh()
    flown: list[str] = []
    panel.fly_to_step = lambda step: flown.append(step.id)
    assert isinstance(panel.player, TourPlayer)
    with qtbot.waitSignal(panel.player.ended, timeout=3000):
        panel.play_button.setChecked(True)
    assert flown == [s.id for s in tour.steps]  # every step, through the preview's rule
    assert not panel.play_button.isChecked() and panel.play_button.text() == "Play"


def test_flight_time_follows_the_viewers_rule() -> None:
    from vitrine.exporters.document.visitor_rules import flight_seconds
    tour = RULES["tour"]
    assert flight_seconds(0.0) == pytest.approx(max(tour["flight_min_seconds"], tour["flight_seconds"] * 0.5))
    assert flight_seconds(1.5) == pytest.approx(tour["flight_seconds"])
    assert flight_seconds(100.0) == pytest.approx(min(tour["flight_max_seconds"], tour["flight_seconds"] * 1.5))
    js = (REPO / "exporters" / "viewer" / "src" / "camera_flight.js").read_text(encoding="utf-8")
    assert "TOUR.flight_max_seconds" in js and "TOUR.flight_min_seconds" in js  # the viewer reads the same numbers
