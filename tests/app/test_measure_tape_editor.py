"""The editor's measuring tape: Measure mode picks two surface points in the 3D view (Xvfb +
Mesa), shows their distance as the viewer writes it, and saves it in an annotation or a tour
step as one undo step, in the artifact's own frame (so it moves with the artifact)."""
from __future__ import annotations

import math

import numpy as np
import pytest
import trimesh

from tests.app.editor_fixtures import *  # noqa: F401,F403 (fixtures)
from tests.app.test_viewport import add_scan, make_view, project  # noqa: F401 (fixtures)

FRONT = (0.0, 0.5, 0.2)
SIDE = (0.1, 0.5, math.sqrt(0.2 ** 2 - 0.1 ** 2))  # on the ball, 0.1035 m from FRONT


def test_tape_keeps_points_and_writes_lengths_as_the_viewer_does():
    from vitrine.app.viewport.tape import Tape
    from vitrine.exporters.document.visitor_rules import pin_world_point
    from vitrine.scenes.exhibit_model import Transform
    tape = Tape()
    assert tape.add("art-a", (0, 0, 0)) is None and tape.text() == ""
    assert tape.add("art-b", (0, 0.25, 0)) == pytest.approx(0.25)
    assert tape.text() == "25.0 cm"
    tape.add("art-a", (0, 0, 0))  # a third point starts again
    assert tape.metres() is None
    tape.add("art-a", (0, 0.004, 0))
    assert tape.text() == "4.0 mm"
    half = math.pi / 8
    t = Transform(translation=(1.0, 0.5, -2.0), rotation=(0.0, math.sin(half), 0.0, math.cos(half)), scale=(2.0, 2.0, 2.0))
    tape = Tape()
    tape.add("art-a", (1.2, 0.7, -2.0))
    tape.add("art-b", (1.0, 3.0, -2.0))
    m = tape.measurement(lambda i: t if i == "art-a" else None)
    assert m.artifact_id == "art-a"
    assert np.allclose(pin_world_point(t, m.a), (1.2, 0.7, -2.0)) and np.allclose(pin_world_point(t, m.b), (1.0, 3.0, -2.0))
    assert Tape().measurement(lambda i: t) is None


@pytest.mark.gui
def test_clicks_in_measure_mode_measure_the_surface(project, make_view, qtbot):
    art = add_scan(project, {"original": trimesh.creation.icosphere(subdivisions=4, radius=0.2)}, translation=(0.0, 0.5, 0.0))
    _session, view = make_view(project)
    view.set_camera((0.0, 0.5, 1.4), (0.0, 0.5, 0.0))
    view.grab_image()
    points = []
    view.measuredPoint.connect(lambda a, p: points.append((a, p)))
    view.set_measure_mode(True)
    for world in (FRONT, SIDE):
        s = view.project_to_screen(world)
        view.interaction.click(s.x(), s.y())
    assert [a for a, _ in points] == [art.id, art.id]
    for (_a, got), want in zip(points, (FRONT, SIDE)):
        assert np.linalg.norm(np.subtract(got, want)) < 0.01  # the 5120-face ball's facets
    assert project.document.exhibit.annotations == []  # measuring never pins
    view.set_measure_mode(False)
    s = view.project_to_screen(FRONT)
    view.interaction.click(s.x(), s.y())
    assert len(points) == 2


@pytest.mark.gui
def test_save_in_annotation_and_step_is_one_undo_step(make_window, tmp_path, qtbot):
    from vitrine.scenes.editing.annotation_commands import PinAnnotation
    from vitrine.scenes.exhibit_model import Annotation, Tour, TourStep
    from vitrine.scenes.editing.tour_commands import AddTour
    window = make_window()
    window.new_project(tmp_path / "p")
    doc = window.session.document
    art = add_scan(window.project, {"original": trimesh.creation.icosphere(subdivisions=3, radius=0.2)},
                   translation=(0.0, 0.5, 0.0))
    ann = Annotation(artifact_id=art.id, point=(0.0, 0.0, 0.2), normal=(0.0, 0.0, 1.0))
    doc.history.push(PinAnnotation(doc, ann))
    step = TourStep(annotation_id=ann.id)
    doc.history.push(AddTour(doc, Tour(title={"en": "Look"}, steps=[step])))
    window.action_measure.trigger()
    assert window.action_measure.isChecked() and window.viewport.state.measure_mode
    window.action_pin_mode.trigger()  # one click mode at a time
    assert not window.action_measure.isChecked() and not window.viewport.state.measure_mode
    window.action_measure.trigger()
    assert not window.action_save_measurement_annotation.isEnabled()
    for world in (FRONT, SIDE):
        window.viewport.measuredPoint.emit(art.id, world)  # what a click on the surface reports
    assert window.statusBar().currentMessage() == "Distance: 10.4 cm"
    assert window.action_save_measurement_annotation.isEnabled()
    window.relay.select([])
    assert not window.save_measurement("annotation")
    assert window.statusBar().currentMessage() == "Select an annotation first"
    window.relay.select([ann.id])
    window.action_save_measurement_annotation.trigger()
    saved = doc.get(ann.id).measurement
    assert saved.artifact_id == art.id
    assert np.allclose(saved.a, (0.0, 0.0, 0.2)) and np.allclose(saved.b, (SIDE[0], 0.0, SIDE[2]))  # artifact frame
    assert window.action_undo.text() == "&Undo Save Measurement"
    window.action_undo.trigger()
    assert doc.get(ann.id).measurement is None
    window.tour_panel._select_step(step.id)
    window.action_save_measurement_step.trigger()
    assert doc.get(step.id).measurement is not None
    window.action_undo.trigger()
    assert doc.get(step.id).measurement is None
