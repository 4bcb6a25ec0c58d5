"""The viewport widget follows the document through the relay and redoes only what a change
made stale; in the editor window its pin clicks and selections go through the window's
relay, once (Xvfb + Mesa)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh
from PySide6.QtCore import QPoint, Qt

from tests.app.test_viewport import add_scan, centre_world, look_at_artifact, make_view, project  # noqa: F401

from .editor_fixtures import *  # noqa: F401,F403 - fixtures
from .editor_fixtures import NEEDS_DISPLAY

pytestmark = [pytest.mark.gui, NEEDS_DISPLAY]


@pytest.fixture
def ball():
    return trimesh.creation.icosphere(subdivisions=3, radius=0.2)


def test_changes_reupload_only_what_they_made_stale(project, ball, make_view):
    from vitrine.scenes.editing.commands import SetProperty
    from vitrine.scenes.exhibit_model import Light, Plinth, Transform
    from vitrine.scenes.editing.furniture_commands import AddLight, AddPlinth, EditLight
    doc = project.document
    art = add_scan(project, {"original": ball}, translation=(0.0, 0.5, 0.0))
    session, view = make_view(project)
    look_at_artifact(view, (0.0, 0.6, 0.0))
    p = view.project_to_screen(centre_world(art, ball))
    dark = view.grab_image()
    uploaded = view.renderer.uploaded_meshes()
    assert len(uploaded) == 1
    light = Light(name="Key", type="directional", intensity=3.0, position=(0.0, 2.0, 3.0))
    doc.history.push(AddLight(doc, light))
    doc.history.push(AddPlinth(doc, Plinth(size=(0.4, 0.3, 0.4), transform=Transform(translation=(0.0, 0.0, 0.0)))))
    lit = view.grab_image()
    # the light reached the shader (the artifact looks different) ...
    c0, c1 = (np.array(img.pixelColor(int(p.x()), int(p.y())).getRgb()[:3], float) for img in (dark, lit))
    assert np.abs(c1 - c0).sum() > 20
    # ... and nothing of the artifact was uploaded again
    assert all(view.renderer.uploaded_meshes()[k] is mb for k, mb in uploaded.items())
    doc.history.push(EditLight(doc, light.id, "intensity", 0.5))
    dimmer = view.grab_image()
    c2 = np.array(dimmer.pixelColor(int(p.x()), int(p.y())).getRgb()[:3], float)
    assert c2.sum() < c1.sum() - 20
    assert all(view.renderer.uploaded_meshes()[k] is mb for k, mb in uploaded.items())
    # the asset's levels changed: its buffers go at once, and the next frame uploads them anew
    asset = doc.asset(art.asset_id)
    doc.history.push(SetProperty(doc, asset.id, ("levels",), list(asset.levels)))
    assert view.renderer.uploaded_meshes() == {}
    view.grab_image()
    again = view.renderer.uploaded_meshes()
    assert set(again) == set(uploaded) and all(again[k] is not uploaded[k] for k in uploaded)


def test_a_pin_click_in_the_window_adds_one_annotation_through_the_window_relay(make_window, tmp_path: Path,
                                                                                ball, qtbot):
    window = make_window()
    assert window.new_project(tmp_path / "p")
    view = window.viewport
    assert view.relay is window.relay
    doc = window.session.document
    art = add_scan(window.session.project, {"original": ball}, translation=(0.0, 0.5, 0.0))
    look_at_artifact(view, (0.0, 0.6, 0.0))
    window.inspector_dock.raise_()
    assert window.annotation_dock.visibleRegion().isEmpty()
    p = view.project_to_screen(centre_world(art, ball))
    depth = doc.history.index
    window.action_pin_mode.trigger()
    assert view.pin_mode()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(int(p.x()), int(p.y())))
    (ann,) = doc.exhibit.annotations
    assert ann.artifact_id == art.id and doc.history.index == depth + 1
    assert doc.history.undo_label == "Pin Annotation"
    assert window.session.selection.ids == [ann.id]
    assert not window.annotation_dock.visibleRegion().isEmpty()   # raised to edit its text
    # out of pin mode a click selects what is under it, through the same relay
    window.action_pin_mode.trigger()
    assert not view.pin_mode()
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert window.session.selection.ids == []
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(int(p.x()), int(p.y())))
    assert window.session.selection.ids == [ann.id]   # pins are picked before surfaces
    assert doc.history.index == depth + 1
