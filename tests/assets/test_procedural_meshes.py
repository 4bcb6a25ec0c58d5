"""Sample-exhibit meshes are real-scale, Y-up on their base, deterministic and carry colour."""
from __future__ import annotations

import numpy as np
import pytest

from vitrine.assets.geometry.procedural_meshes import figurine, lathe_vessel, relief_tablet


@pytest.mark.parametrize("make", [lathe_vessel, relief_tablet, figurine])
def test_scale_base_and_determinism(make):
    mesh = make()
    lo, hi = mesh.bounds
    assert lo[1] == pytest.approx(0, abs=1e-9)
    assert abs(lo[0] + hi[0]) < 1e-6 and abs(lo[2] + hi[2]) < 1e-6
    assert 0.1 <= (hi - lo).max() <= 0.5
    assert len(mesh.faces) <= 80_000 and mesh.is_winding_consistent
    again = make()
    assert np.array_equal(mesh.vertices, again.vertices) and np.array_equal(mesh.faces, again.faces)


def test_vessel_has_uvs_and_painted_texture():
    mesh = lathe_vessel()
    assert mesh.visual.uv.shape == (len(mesh.vertices), 2)
    image = np.asarray(mesh.visual.material.image.convert("RGB"))
    assert len(np.unique(image.reshape(-1, 3), axis=0)) >= 2  # bands on terracotta
    assert mesh.volume > 0 or not mesh.is_watertight


def test_tablet_and_figurine_have_rgba_colours_and_relief():
    tablet = relief_tablet()
    colors = tablet.visual.vertex_colors
    assert colors.shape == (len(tablet.vertices), 4) and len(np.unique(colors[:, 0])) > 10
    assert tablet.is_watertight and tablet.volume > 0
    front = tablet.vertices[:, 2] > 0
    assert np.ptp(tablet.vertices[front, 2]) > 0.002  # carved, not flat
    fig = figurine()
    assert fig.is_watertight and fig.visual.vertex_colors.shape[1] == 4
