"""The artifact's recorded dimensions come from the vertex columns, not trimesh's cached extents
(which hash the whole mesh first); both must agree, unreferenced vertices included."""
from __future__ import annotations

import numpy as np
import trimesh

from vitrine.app.workflows.project_import import _extent


def test_extent_matches_trimesh_and_ignores_unreferenced_vertices() -> None:
    mesh = trimesh.creation.icosphere(subdivisions=2, radius=0.3)
    mesh.vertices *= [1.0, 2.0, 0.5]
    far = trimesh.Trimesh(np.vstack([mesh.vertices, [[40.0, -9.0, 3.0]]]), mesh.faces, process=False)
    assert np.allclose(_extent(far), mesh.extents, rtol=0, atol=1e-15)
    assert np.allclose(_extent(far), far.extents, rtol=0, atol=1e-15)
    cloud = trimesh.PointCloud(np.array([[0.0, 0.0, 0.0], [1.0, -2.0, 0.25], [0.5, 3.0, -0.25]]))
    assert _extent(cloud) == (1.0, 5.0, 0.5)
    assert _extent(trimesh.Trimesh(np.zeros((0, 3)), np.zeros((0, 3), int))) == (0.0, 0.0, 0.0)
