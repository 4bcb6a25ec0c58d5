"""Pure arrangement functions: rows, grids and arcs never overlap; align and distribute."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vitrine.scenes.layout.arrangements import align, arc, distribute, grid, row
from vitrine.scenes.layout.footprints import CLEARANCE, Rect, overlaps

rects = st.lists(st.builds(Rect, st.floats(-4, 4), st.floats(-4, 4), st.floats(0.1, 1.5), st.floats(0.1, 1.5)),
                 min_size=1, max_size=9)


def placed(rs, spots):
    return [r.moved(s.x, s.z) for r, s in zip(rs, spots)]


def no_overlap(rs, gap=CLEARANCE - 1e-6):
    return all(not overlaps(a, b, gap) for i, a in enumerate(rs) for b in rs[i + 1:])


@settings(max_examples=50, deadline=None)
@given(rects)
def test_rows_and_grids_keep_the_clearance(rs) -> None:
    assert no_overlap(placed(rs, row(rs)))
    assert no_overlap(placed(rs, grid(rs)))


@settings(max_examples=50, deadline=None)
@given(rects)
def test_arcs_never_overlap_and_face_their_centre(rs) -> None:
    spots = arc(rs)
    # footprints turn with the objects: test with circles of the widest side (what arc sizes on)
    discs = [(s.x, s.z, max(r.width, r.depth) / 2) for r, s in zip(rs, spots)]
    for i, (x1, z1, r1) in enumerate(discs):
        for x2, z2, r2 in discs[i + 1:]:
            assert math.hypot(x1 - x2, z1 - z2) >= r1 + r2 - 1e-6
    if len(rs) > 1:
        # every object's front (+z turned by yaw) points at one common focus on the visitor's side
        s0, s1 = spots[0], spots[-1]
        d0 = (math.sin(s0.yaw), math.cos(s0.yaw))
        d1 = (math.sin(s1.yaw), math.cos(s1.yaw))
        den = d0[0] * d1[1] - d0[1] * d1[0]
        if abs(den) > 1e-6:
            k = ((s1.x - s0.x) * d1[1] - (s1.z - s0.z) * d1[0]) / den
            focus = (s0.x + k * d0[0], s0.z + k * d0[1])
            assert k > 0 and focus[1] > max(s.z for s in spots)
            for s in spots:
                to_focus = (focus[0] - s.x, focus[1] - s.z)
                n = math.hypot(*to_focus)
                assert math.sin(s.yaw) * to_focus[0] / n + math.cos(s.yaw) * to_focus[1] / n == pytest.approx(1.0)


def test_align_and_distribute() -> None:
    rs = [Rect(0.0, 0.0, 1.0, 1.0), Rect(3.0, 2.0, 0.5, 0.4), Rect(7.0, -1.0, 2.0, 1.0)]
    assert {round(r.moved(s.x, s.z).x0, 9) for r, s in zip(rs, align(rs, "left"))} == {-0.5}
    assert {round(r.moved(s.x, s.z).x1, 9) for r, s in zip(rs, align(rs, "right"))} == {8.0}
    assert {round(r.moved(s.x, s.z).z1, 9) for r, s in zip(rs, align(rs, "front"))} == {2.2}
    assert {round(r.moved(s.x, s.z).z0, 9) for r, s in zip(rs, align(rs, "back"))} == {-1.5}
    out = placed(rs, distribute(rs, "x"))
    gaps = [out[1].x0 - out[0].x1, out[2].x0 - out[1].x1]
    assert gaps[0] == pytest.approx(gaps[1]) and out[0].x0 == -0.5 and out[2].x1 == 8.0
    with pytest.raises(ValueError):
        align(rs, "diagonal")
