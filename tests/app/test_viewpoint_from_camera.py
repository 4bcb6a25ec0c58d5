"""The one place a viewpoint is made from the viewport's camera (Add Viewpoint, Use Current View,
Capture Tour Step)."""
from __future__ import annotations

from vitrine.app.workflows.placement import viewpoint_from_camera
from vitrine.scenes.exhibit_model import Viewpoint


def test_the_camera_becomes_a_viewpoint_with_floats_and_its_name():
    vp = viewpoint_from_camera({"eye": [1, 2, 3], "target": (0, 1, 0), "up": (0, 1, 0), "fov": 1}, {"en": "View 1"})
    assert (vp.eye, vp.target, vp.up, vp.fov, vp.name) == ((1.0, 2.0, 3.0), (0.0, 1.0, 0.0), (0.0, 1.0, 0.0), 1.0,
                                                          {"en": "View 1"})
    assert all(isinstance(c, float) for c in vp.eye)


def test_what_the_camera_does_not_say_keeps_the_defaults():
    default = Viewpoint()
    vp = viewpoint_from_camera({"eye": (0.5, 1.6, 2.0)}, {"zh-Hans": "视图"})
    assert vp.eye == (0.5, 1.6, 2.0)
    assert (vp.target, vp.up, vp.fov) == (default.target, default.up, default.fov)
    assert vp.id != default.id  # a new viewpoint each time
