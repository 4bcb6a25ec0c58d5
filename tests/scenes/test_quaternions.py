"""The one quaternion helper the layout and the editor's viewport share (x, y, z, w; radians)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from vitrine.scenes.layout.quaternions import (quat_from_axis_angle, quat_multiply, quat_to_matrix, quaternion_yaw,
                                               yaw_quaternion)


def test_matrix_of_a_quarter_turn_about_y_takes_z_to_x():
    m = quat_to_matrix(yaw_quaternion(math.pi / 2))
    assert m.shape == (3, 3)
    assert np.allclose(m @ [0, 0, 1], [1, 0, 0])
    assert np.allclose(m @ m.T, np.eye(3))


def test_matrix_normalises_and_a_zero_quaternion_is_the_identity():
    assert np.allclose(quat_to_matrix((0, 2, 0, 0)), quat_to_matrix((0, 1, 0, 0)))
    assert np.allclose(quat_to_matrix((0, 0, 0, 0)), np.eye(3))


@pytest.mark.parametrize("a,b", [(0.3, 0.4), (-1.2, 2.5), (math.pi, 0.25)])
def test_product_applies_the_right_one_first(a, b):
    qa = quat_from_axis_angle((1, 0, 0), a)
    qb = quat_from_axis_angle((0, 0, 5), b)  # any length of axis
    assert np.allclose(quat_to_matrix(quat_multiply(qa, qb)), quat_to_matrix(qa) @ quat_to_matrix(qb))
    assert math.isclose(quaternion_yaw(quat_multiply(yaw_quaternion(a), yaw_quaternion(b))),
                        math.remainder(a + b, math.tau), abs_tol=1e-9)


def test_yaw_round_trip():
    for yaw in (-3.0, -0.5, 0.0, 1.0, 3.1):
        assert math.isclose(quaternion_yaw(yaw_quaternion(yaw)), yaw, abs_tol=1e-12)
