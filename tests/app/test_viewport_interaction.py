"""The viewport's interaction layer on its own: no GL, no display, no Qt.

A fake scene stands in for the renderer (picking, gizmo, rays straight down from above the
floor: pixel (x, y) looks at world (x/100, ·, y/100)); the document and its command stack
are real. Every change must arrive as a command pushed through the editor's entry point."""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
import pytest

from vitrine.app.viewport.camera import OrbitCamera
from vitrine.app.viewport.interaction import LEFT, ViewportInteraction
from vitrine.app.viewport.picking import PickResult
from vitrine.app.viewport.view_state import ViewState
from vitrine.scenes.editing.annotation_commands import MoveAnnotationPin, PinAnnotation
from vitrine.scenes.editing.artifact_commands import MoveArtifact
from vitrine.scenes.document import ExhibitDocument
from vitrine.scenes.exhibit_model import Annotation, Artifact, Plinth, Transform

PX_TO_M = 0.01
HALF_SIZE = 0.1   # the fake artifact is a 20 cm cube about its origin


class FakeScene:
    """Answers as the renderer would for a scene seen straight from above."""

    def __init__(self) -> None:
        self.hits: dict[tuple[float, float], PickResult] = {}
        self.surface: Optional[PickResult] = None
        self.handle: Optional[str] = None
        self.gizmo_geometry: Optional[dict] = None
        self.picks: list[tuple[float, float, tuple, bool]] = []

    def pick(self, x, y, *, kinds=("annotation", "artifact", "plinth"), fine=False):
        self.picks.append((x, y, tuple(kinds), fine))
        hit = self.hits.get((x, y))
        return hit if hit is not None and hit.kind in kinds else None

    def pick_surface(self, artifact_id, x, y):
        return self.surface

    def gizmo(self):
        return self.gizmo_geometry

    def gizmo_handle_at(self, x, y):
        return self.handle

    def local_bounds(self, asset_id):
        return np.full(3, -HALF_SIZE), np.full(3, HALF_SIZE)

    def world_ray(self, x, y):
        return np.array([x * PX_TO_M, 5.0, y * PX_TO_M]), np.array([0.0, -1.0, 0.0])


class FakeView:
    def __init__(self) -> None:
        self.camera = OrbitCamera()
        self.camera_moves = 0
        self.clicked: list[str] = []
        self.pins: list[tuple] = []
        self.presets: list[str] = []

    def height(self) -> int:
        return 400

    def camera_changed(self, moving: bool = True) -> None:
        self.camera_moves += 1

    def stop_animation(self) -> None:
        pass

    def frame_selection(self) -> None:
        self.presets.append("frame")

    def set_view_preset(self, name: str) -> None:
        self.presets.append(name)

    def set_pin_mode(self, on: bool) -> None:
        self.presets.append(f"pin {on}")

    def object_clicked(self, obj_id: str) -> None:
        self.clicked.append(obj_id)

    def pin_placed(self, artifact_id, point, normal, annotation_id) -> None:
        self.pins.append((artifact_id, point, normal, annotation_id))


class FakeEditor:
    """The relay's entry point over a real document; the document may change only inside push."""

    def __init__(self, doc: ExhibitDocument) -> None:
        self.document = doc
        self.pushed: list[Any] = []
        self.selected: list[list[str]] = []
        self._pushing = False
        self.changes_outside_push = 0
        for signal in (doc.object_added, doc.object_removed, doc.object_changed):
            signal.connect(self._on_change)

    def _on_change(self, *_args) -> None:
        if not self._pushing:
            self.changes_outside_push += 1

    def push(self, command) -> None:
        self._pushing = True
        try:
            self.pushed.append(command)
            self.document.history.push(command)
        finally:
            self._pushing = False

    def select(self, ids) -> None:
        self.selected.append(list(ids))


@pytest.fixture
def world():
    doc = ExhibitDocument()
    art = Artifact(name="Vase", asset_id="a" * 64, transform=Transform(translation=(0.0, HALF_SIZE, 0.0)))
    doc.exhibit.artifacts.append(art)
    doc.exhibit.plinths.append(Plinth(size=(0.6, 0.9, 0.6), transform=Transform(translation=(1.0, 0.0, 0.0))))
    scene, view, editor, state = FakeScene(), FakeView(), FakeEditor(doc), ViewState()
    return doc, art, scene, view, editor, state, ViewportInteraction(view, scene, editor, state)


def _artifact_hit(art, x, y) -> PickResult:
    return PickResult("artifact", art.id, 4.8, (x * PX_TO_M, 0.2, y * PX_TO_M), (0.0, 1.0, 0.0),
                      (x * PX_TO_M, 0.1, y * PX_TO_M), (0.0, 1.0, 0.0))


def _drag(interaction, start, end, steps=10) -> None:
    interaction.press(*start, LEFT)
    for i in range(1, steps + 1):
        interaction.move(start[0] + (end[0] - start[0]) * i / steps, start[1] + (end[1] - start[1]) * i / steps)
    interaction.release(*end)


def test_dragging_a_selected_artifact_pushes_one_merged_move_onto_the_plinth(world):
    doc, art, scene, view, editor, state, interaction = world
    state.selected = {art.id}
    scene.hits[(0.0, 0.0)] = _artifact_hit(art, 0.0, 0.0)
    before = doc.history.index
    _drag(interaction, (0.0, 0.0), (100.0, 0.0))
    assert len(editor.pushed) == 10 and all(isinstance(c, MoveArtifact) for c in editor.pushed)
    assert doc.history.index == before + 1                      # ten moves, one undo step
    assert doc.history.undo_label == "Move Artifact"
    # grabbed at x = 0, let go at x = 1 m: over the plinth, so standing on its top (0.9 m)
    assert doc.get(art.id).transform.translation == pytest.approx((1.0, 0.9 + HALF_SIZE, 0.0))
    assert editor.changes_outside_push == 0 and view.camera_moves == 0 and editor.selected == []
    doc.history.undo()
    assert doc.get(art.id).transform.translation == (0.0, HALF_SIZE, 0.0)
    # the next drag is a step of its own: the first one was sealed when it ended
    scene.hits[(0.0, -50.0)] = _artifact_hit(art, 0.0, -50.0)
    _drag(interaction, (0.0, 0.0), (0.0, -50.0))
    _drag(interaction, (0.0, -50.0), (0.0, -110.0))
    assert doc.history.index == before + 2 and len(editor.pushed) == 30
    assert doc.get(art.id).transform.translation == pytest.approx((0.0, HALF_SIZE, -1.1))


def test_dragging_an_unselected_artifact_orbits_the_camera_and_changes_nothing(world):
    doc, art, scene, view, editor, state, interaction = world
    scene.hits[(0.0, 0.0)] = _artifact_hit(art, 0.0, 0.0)
    eye = view.camera.eye.copy()
    _drag(interaction, (0.0, 0.0), (100.0, 0.0))
    assert editor.pushed == [] and doc.history.index == 0
    assert view.camera_moves == 10 and not np.allclose(view.camera.eye, eye)


def test_a_click_in_pin_mode_pushes_pin_annotation_and_selects_it(world):
    doc, art, scene, view, editor, state, interaction = world
    state.pin_mode = True
    hit = _artifact_hit(art, 20.0, 30.0)
    scene.hits[(20.0, 30.0)] = hit
    interaction.press(20.0, 30.0, LEFT)
    interaction.move(21.0, 31.0)                               # inside the click slop: still a click
    interaction.release(21.0, 31.0)
    assert scene.picks[-1] == (21.0, 31.0, ("artifact",), True)  # the finest level, artifacts only
    scene.hits[(21.0, 31.0)] = hit
    interaction.press(21.0, 31.0, LEFT)
    interaction.release(21.0, 31.0)
    assert len(editor.pushed) == 1 and isinstance(editor.pushed[0], PinAnnotation)
    assert doc.history.undo_label == "Pin Annotation"
    (ann,) = doc.exhibit.annotations
    assert (ann.artifact_id, ann.point, ann.normal) == (art.id, hit.point_local, hit.normal_local)
    assert ann.title == {"en": "New annotation"}
    assert editor.selected == [[ann.id]]
    assert view.pins == [(art.id, hit.point_local, hit.normal_local, ann.id)]
    assert editor.changes_outside_push == 0


def test_a_pin_click_in_the_visitor_preview_only_reports_what_was_clicked(world):
    doc, art, scene, view, editor, state, interaction = world
    state.pin_mode = state.visitor = True
    scene.hits[(5.0, 5.0)] = _artifact_hit(art, 5.0, 5.0)
    interaction.press(5.0, 5.0, LEFT)
    interaction.release(5.0, 5.0)
    assert editor.pushed == [] and doc.exhibit.annotations == []
    assert view.clicked == [art.id]


def test_a_click_selects_what_is_under_it_and_nothing_on_empty_floor(world):
    doc, art, scene, view, editor, state, interaction = world
    plinth = doc.exhibit.plinths[0]
    scene.hits[(50.0, 60.0)] = PickResult("plinth", plinth.id, 4.0, (1.0, 0.9, 0.0))
    interaction.press(50.0, 60.0, LEFT)
    interaction.release(50.0, 60.0)
    interaction.press(300.0, 300.0, LEFT)
    interaction.release(300.0, 300.0)
    assert editor.selected == [[plinth.id], []]
    assert view.clicked == [plinth.id, ""]
    assert editor.pushed == []


def test_dragging_a_selected_pin_pushes_one_merged_pin_move(world):
    doc, art, scene, view, editor, state, interaction = world
    ann = Annotation(artifact_id=art.id, point=(0.0, HALF_SIZE, 0.0), normal=(0.0, 1.0, 0.0))
    doc.exhibit.annotations.append(ann)
    state.selected = {ann.id}
    scene.hits[(0.0, 0.0)] = PickResult("annotation", ann.id, 4.8, (0.0, 0.2, 0.0),
                                        point_local=ann.point, normal_local=ann.normal)
    scene.surface = PickResult("artifact", art.id, 4.8, (0.1, 0.2, 0.0), (1.0, 0.0, 0.0),
                               (HALF_SIZE, 0.05, 0.0), (1.0, 0.0, 0.0))
    _drag(interaction, (0.0, 0.0), (40.0, 0.0), steps=4)
    assert len(editor.pushed) == 4 and all(isinstance(c, MoveAnnotationPin) for c in editor.pushed)
    assert doc.history.index == 1
    assert (ann.point, ann.normal) == ((HALF_SIZE, 0.05, 0.0), (1.0, 0.0, 0.0))
    doc.history.undo()
    assert (ann.point, ann.normal) == ((0.0, HALF_SIZE, 0.0), (0.0, 1.0, 0.0))


def test_dragging_the_gizmo_arrow_slides_the_artifact_along_its_axis(world):
    doc, art, scene, view, editor, state, interaction = world
    state.selected = {art.id}
    scene.handle = "x"
    # the x arrow runs 100 px to the right of the centre and stands for 0.5 m
    scene.gizmo_geometry = {"center": (200.0, 200.0), "center3": np.zeros(3), "size": 0.5,
                            "axes": {"x": (300.0, 200.0)}, "ring": []}
    _drag(interaction, (250.0, 200.0), (290.0, 230.0), steps=5)
    assert doc.history.index == 1 and all(isinstance(c, MoveArtifact) for c in editor.pushed)
    # 40 px along the arrow = 0.2 m; the 30 px across it do nothing; it stays on the floor
    assert doc.get(art.id).transform.translation == pytest.approx((0.2, HALF_SIZE, 0.0))


def test_keys_move_the_camera_or_call_the_view(world):
    doc, art, scene, view, editor, state, interaction = world
    eye = view.camera.eye.copy()
    assert interaction.key("left") and not np.allclose(view.camera.eye, eye)
    assert interaction.key("7") and interaction.key("f")
    assert not interaction.key("escape")            # not in pin mode: left to the widget
    state.pin_mode = True
    assert interaction.key("escape")
    assert not interaction.key("q")
    assert view.presets == ["top", "frame", "pin False"]
    assert editor.pushed == []
