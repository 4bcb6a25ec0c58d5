"""Ray picks land on the surface with unit face normals; misses give None; snapping finds the surface."""
from __future__ import annotations

import numpy as np
import trimesh

from vitrine.assets.geometry.surface_picking import Hit, SurfacePicker


def test_pick_hits_the_surface_and_misses_return_none():
    mesh = trimesh.creation.icosphere(4, radius=0.2)
    picker = SurfacePicker(mesh)
    hit = picker.pick(np.array([0.0, 0.0, 1.0]), np.array([0.0, 0.0, -2.0]))
    assert isinstance(hit, Hit)
    assert abs(np.linalg.norm(hit.point) - 0.2) < 1e-3  # on the sphere
    assert np.linalg.norm(hit.normal) == np.float64(np.linalg.norm(hit.normal)) and \
        abs(np.linalg.norm(hit.normal) - 1) < 1e-9
    assert hit.normal[2] > 0.99 and abs(hit.distance - 0.8) < 1e-3
    # The hit point lies on the reported face's plane.
    a = mesh.vertices[mesh.faces[hit.face][0]]
    assert abs(np.dot(hit.point - a, mesh.face_normals[hit.face])) < 1e-9
    assert picker.pick([0, 0, 1], [0, 0, 1]) is None          # pointing away
    assert picker.pick([1, 1, 1], [0, 0, -1]) is None         # passes beside
    assert picker.pick([0, 0, 1], [0, 0, 0]) is None          # no direction


def test_pick_many_matches_single_picks():
    mesh = trimesh.creation.box(extents=[1, 1, 1])
    picker = SurfacePicker(mesh)
    origins = np.array([[0, 0, 3], [0.2, 0.1, -3], [5, 5, 5]], float)
    dirs = np.array([[0, 0, -1], [0, 0, 1], [0, 0, 1]], float)
    hits = picker.pick_many(origins, dirs)
    assert hits[0].point[2] == 0.5 and hits[1].point[2] == -0.5 and hits[2] is None
    assert np.allclose(hits[1].point[:2], [0.2, 0.1])


def test_closest_point_snaps_onto_the_surface():
    mesh = trimesh.creation.icosphere(3, radius=0.1)
    picker = SurfacePicker(mesh)
    hit = picker.closest_point(np.array([0.0, 0.3, 0.0]))
    assert abs(np.linalg.norm(hit.point) - 0.1) < 2e-3
    assert hit.point[1] > 0.099 and abs(hit.distance - np.linalg.norm(hit.point - [0, 0.3, 0])) < 1e-12
    # Brute force over every triangle gives the same distance.
    q = np.array([0.0, 0.3, 0.0])
    every = trimesh.triangles.closest_point(mesh.triangles, np.repeat(q[None], len(mesh.faces), axis=0))
    assert abs(np.linalg.norm(every - q, axis=1).min() - hit.distance) < 1e-9
