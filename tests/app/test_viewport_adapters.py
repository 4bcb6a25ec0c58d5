"""The viewport renderer's adapter registry (napari's idea: a plain dict from model class to
the adapter that draws it) and how the renderer routes document changes to adapters.
No GL context is needed: adapters only touch GL when drawing or creating resources."""
from __future__ import annotations

import pytest

from vitrine.app.viewport.adapters import (
    ADAPTERS, DRAW_ORDER, OVERLAY_ORDER, Adapter, ArtifactAdapter, EnvironmentAdapter, LightAdapter, NotDrawn,
    PinAdapter, PlinthAdapter, SelectionAdapter,
)
from vitrine.app.workflows.editor_session import EditorSession, Selection
from vitrine.scenes.document import KIND_OF_TYPE, TOP_LEVEL_COLLECTIONS


def test_the_registry_covers_every_kind_of_object_the_document_has():
    missing = [cls.__name__ for cls in KIND_OF_TYPE if cls not in ADAPTERS]
    assert missing == []
    kinds_covered = {KIND_OF_TYPE[cls] for cls in ADAPTERS if cls in KIND_OF_TYPE}
    assert set(TOP_LEVEL_COLLECTIONS.values()) <= kinds_covered
    assert all(isinstance(a, type) and issubclass(a, Adapter) for a in ADAPTERS.values())
    assert ADAPTERS[Selection] is SelectionAdapter


def test_what_the_view_shows_has_a_real_adapter_and_the_rest_is_marked_not_drawn():
    drawn = {KIND_OF_TYPE[cls]: ADAPTERS[cls] for cls in KIND_OF_TYPE if ADAPTERS[cls] is not NotDrawn}
    assert drawn == {"exhibit": EnvironmentAdapter, "asset": ArtifactAdapter, "artifact": ArtifactAdapter,
                     "plinth": PlinthAdapter, "light": LightAdapter, "annotation": PinAdapter}
    not_drawn = sorted(KIND_OF_TYPE[cls] for cls in KIND_OF_TYPE if ADAPTERS[cls] is NotDrawn)
    assert not_drawn == ["tour", "tour_step", "viewpoint"]
    assert all(cls in ADAPTERS for cls in DRAW_ORDER + OVERLAY_ORDER)


class FakeHost:
    def __init__(self) -> None:
        self.updates = 0

    def width(self) -> int:
        return 640

    def height(self) -> int:
        return 480

    def font(self):
        return None

    def update(self) -> None:
        self.updates += 1


@pytest.fixture
def renderer(qapp):
    from vitrine.app.viewport.camera import OrbitCamera
    from vitrine.app.viewport.renderer import SceneRenderer
    from vitrine.app.viewport.view_state import ViewState
    r = SceneRenderer(EditorSession(), OrbitCamera(), ViewState(), FakeHost())
    calls: list[tuple[str, str, str]] = []
    for adapter in {id(a): a for a in r.adapters.values()}.values():
        for hook in ("added", "removed", "changed"):
            def spy(kind, *args, _name=type(adapter).__name__, _hook=hook):
                calls.append((_name, _hook, kind))
            setattr(adapter, hook, spy)
    r.calls = calls  # type: ignore[attr-defined]
    yield r
    r.shutdown()


def test_one_instance_per_adapter_class_and_the_renderer_finds_them_by_model_class(renderer):
    from vitrine.scenes.exhibit_model import Artifact, Asset
    assert renderer.adapter(Artifact) is renderer.adapter(Asset) is renderer.artifacts
    assert isinstance(renderer.pins, PinAdapter) and isinstance(renderer.selection, SelectionAdapter)


@pytest.mark.parametrize("kind, expected", [
    ("plinth", [("PlinthAdapter", "changed", "plinth")]),
    ("artifact", [("ArtifactAdapter", "changed", "artifact")]),
    ("asset", [("ArtifactAdapter", "changed", "asset")]),
    ("annotation", [("PinAdapter", "changed", "annotation")]),
    # the lights' shader values are cached per exhibit, so they follow the exhibit too
    ("exhibit", [("EnvironmentAdapter", "changed", "exhibit"), ("LightAdapter", "changed", "exhibit")]),
    ("viewpoint", [("NotDrawn", "changed", "viewpoint")]),
])
def test_a_change_reaches_only_the_adapters_it_concerns(renderer, kind, expected):
    renderer.object_changed(kind, "some-id", ("name",))
    assert sorted(renderer.calls) == sorted(expected)


def test_only_changes_to_objects_with_bounds_reframe_the_scene(renderer):
    first = renderer.scene_sphere()
    renderer._scene_sphere = sentinel = (first[0], 123.0)
    renderer.object_changed("light", "l", ("intensity",))
    renderer.object_removed("annotation", "a")
    assert renderer.scene_sphere() is sentinel
    renderer.object_changed("plinth", "p", ("size",))
    assert renderer.scene_sphere()[1] == first[1] == 1.0   # the empty room again, not the stale 123 m
