"""Pure placement functions: free spots never overlap, plinth rule, framing."""
from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from vitrine.scenes.layout.footprints import CLEARANCE, Rect, find_free_spot, overlaps, world_box
from vitrine.scenes.layout.quaternions import yaw_quaternion
from vitrine.scenes.layout.framing import frame_boxes, in_frustum
from vitrine.scenes.layout.mounting import plinth_height, plinth_size, stands_on_floor

sizes = st.tuples(st.floats(0.05, 2.5), st.floats(0.05, 2.5))
points = st.tuples(st.floats(-5, 5), st.floats(-5, 5))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(sizes, points), min_size=1, max_size=12))
def test_footprints_placed_one_after_another_never_overlap(requests) -> None:
    placed: list[Rect] = []
    for (w, d), preferred in requests:
        spot = find_free_spot((w, d), placed, preferred)
        assert spot is not None
        new = Rect(spot[0], spot[1], w, d)
        for other in placed:
            assert not overlaps(new, other, CLEARANCE - 1e-6), (new, other)
        placed.append(new)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(sizes, points), min_size=1, max_size=8), sizes, points)
def test_a_free_spot_inside_a_room_stays_inside_it(requests, size, preferred) -> None:
    room = Rect(0.0, 0.0, 12.0, 10.0)
    placed: list[Rect] = []
    for (w, d), p in requests + [(size, preferred)]:
        spot = find_free_spot((w, d), placed, p, bounds=room)
        if spot is None:
            continue  # full: the caller decides (placement then leaves the room rather than overlap)
        new = Rect(spot[0], spot[1], w, d)
        assert room.x0 - 1e-6 <= new.x0 and new.x1 <= room.x1 + 1e-6
        assert room.z0 - 1e-6 <= new.z0 and new.z1 <= room.z1 + 1e-6
        assert not any(overlaps(new, o, CLEARANCE - 1e-6) for o in placed)
        placed.append(new)


def test_the_free_spot_is_the_preferred_point_when_free_and_the_nearest_otherwise() -> None:
    assert find_free_spot((1.0, 1.0), [], (2.0, 3.0)) == (2.0, 3.0)
    taken = [Rect(0.0, 0.0, 1.0, 1.0)]
    # dropped on top of an occupant: moved just far enough along the shorter way out (x or z)
    spot = find_free_spot((0.6, 0.6), taken, (0.4, 0.0))
    assert spot == (0.5 + CLEARANCE + 0.3, 0.0)


def test_plinth_rule_brings_the_centre_to_viewing_height() -> None:
    assert plinth_height(0.05) == 1.1  # small objects: capped so children still see them
    assert math.isclose(plinth_height(0.6), 0.9)  # centre at 0.9 + 0.3 = 1.2 m
    assert plinth_height(1.19) >= 0.3
    assert plinth_size((0.1, 0.1), 0.1)[0] == 0.3  # at least 0.3 m square
    w, h, d = plinth_size((0.5, 0.4), 0.6)
    assert math.isclose(w, 0.66) and math.isclose(d, 0.56) and math.isclose(h, 0.9)
    assert stands_on_floor((0.5, 1.2, 0.5)) and stands_on_floor((1.0, 0.3, 0.2)) and stands_on_floor((0.2, 0.3, 1.1))
    assert not stands_on_floor((0.99, 1.19, 0.99))


def test_a_quarter_turn_swaps_width_and_depth_of_the_world_box() -> None:
    lo, hi = world_box((2.0, 1.0, 0.5), (1.0, 0.0, 0.0), yaw_quaternion(math.pi / 2), (1.0, 1.0, 1.0))
    assert np.allclose(hi - lo, (0.5, 1.0, 2.0)) and np.allclose((lo + hi) / 2, (1.0, 0.5, 0.0))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(-6, 6), st.floats(0.05, 2.0), st.floats(-6, 6), st.floats(0.05, 2.0)),
                min_size=1, max_size=8), st.floats(0.4, 1.4))
def test_framing_puts_every_box_corner_inside_the_frustum(items, fov) -> None:
    boxes = [(np.array([x, 0.0, z]), np.array([x + s, h, z + s])) for x, s, z, h in items]
    eye, target = frame_boxes(boxes, fov=fov)
    for lo, hi in boxes:
        for c in [(x, y, z) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]:
            assert in_frustum(c, eye, target, fov, aspect=1.0)
