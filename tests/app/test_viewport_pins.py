"""Annotation pins in the viewport: a pin behind the artifact's surface is neither drawn nor
picked, in the editor and in the visitor preview; one in front is (Xvfb + Mesa)."""
from __future__ import annotations

import numpy as np
import pytest
import trimesh

from tests.app.test_viewport import W, H, add_scan, make_view, pixel, project  # noqa: F401 (fixtures)

pytestmark = pytest.mark.gui

MARKER = np.array([0xF2, 0xB1, 0x34], float)
# on the ball's far side, ~30 px off the front pin on screen so the two never overlap
BACK = (0.1, 0.08, -float(np.sqrt(0.2 ** 2 - 0.1 ** 2 - 0.08 ** 2)))
BACK_WORLD = (BACK[0], BACK[1] + 0.5, BACK[2])


@pytest.fixture
def ball():
    return trimesh.creation.icosphere(subdivisions=4, radius=0.2)


def _pin(doc, art, point, normal):
    from vitrine.scenes.editing.annotation_commands import PinAnnotation
    from vitrine.scenes.exhibit_model import Annotation
    ann = Annotation(artifact_id=art.id, point=point, normal=normal)
    doc.history.push(PinAnnotation(doc, ann))
    return ann


def _marker_near(img, p) -> bool:
    # the pin disc is ~11 px in radius: probe a little off its centre (the number is drawn there)
    return np.abs(pixel(img, p.x() - 4, p.y() - 4) - MARKER).sum() < 60


@pytest.mark.parametrize("visitor", [False, True])
def test_pin_behind_surface_is_hidden_and_not_picked(project, ball, make_view, visitor):
    doc = project.document
    art = add_scan(project, {"original": ball}, translation=(0.0, 0.5, 0.0))
    front = _pin(doc, art, (0.0, 0.0, 0.2), (0.0, 0.0, 1.0))
    # behind the ball, a little off-axis so that it projects inside the ball's silhouette
    back = _pin(doc, art, BACK, tuple(np.asarray(BACK) / 0.2))
    session, view = make_view(project)
    view.set_visitor_preview(visitor)
    view.set_camera((0.0, 0.5, 1.4), (0.0, 0.5, 0.0))
    img = view.grab_image()
    p_front = view.project_to_screen((0.0, 0.5, 0.2))
    p_back = view.project_to_screen(BACK_WORLD)
    assert 0 < p_back.x() < W and 0 < p_back.y() < H
    assert _marker_near(img, p_front)
    assert not _marker_near(img, p_back)
    assert view.pin_occluded(back.id) and not view.pin_occluded(front.id)
    # not even a faded disc: around the hidden pin the frame is as if it did not exist
    doc.history.undo()
    without = view.grab_image()
    for dx, dy in ((0, 0), (-4, -4), (6, 3), (-9, 0)):
        q = (p_back.x() + dx, p_back.y() + dy)
        assert np.abs(pixel(img, *q) - pixel(without, *q)).sum() < 4
    doc.history.redo()
    view.grab_image()
    hit = view.pick(p_back.x(), p_back.y())
    assert hit is not None and hit.kind == "artifact" and hit.object_id == art.id
    hit = view.pick(p_front.x(), p_front.y())
    assert hit is not None and hit.kind == "annotation" and hit.object_id == front.id

    # turn round: now the other pin is in front and drawn, the first one hidden
    view.set_camera((0.0, 0.5, -1.4), (0.0, 0.5, 0.0))
    img = view.grab_image()
    p_front2 = view.project_to_screen((0.0, 0.5, 0.2))
    p_back2 = view.project_to_screen(BACK_WORLD)
    assert _marker_near(img, p_back2)
    assert not _marker_near(img, p_front2)
    assert view.pin_occluded(front.id) and not view.pin_occluded(back.id)
    hit = view.pick(p_back2.x(), p_back2.y())
    assert hit is not None and hit.kind == "annotation" and hit.object_id == back.id


def test_pin_beside_the_artifact_stays_visible(project, ball, make_view):
    """A pin near the silhouette, seen at a grazing angle (nothing in front of it), is drawn."""
    doc = project.document
    art = add_scan(project, {"original": ball}, translation=(0.0, 0.5, 0.0))
    a = np.radians(18.0)
    n = (float(np.cos(a)), 0.0, float(np.sin(a)))
    ann = _pin(doc, art, tuple(0.2 * c for c in n), n)
    session, view = make_view(project)
    view.set_camera((0.0, 0.5, 1.4), (0.0, 0.5, 0.0))
    img = view.grab_image()
    p = view.project_to_screen((0.2 * n[0], 0.5, 0.2 * n[2]))
    assert _marker_near(img, p)
    hit = view.pick(p.x(), p.y())
    assert hit is not None and hit.kind == "annotation" and hit.object_id == ann.id
