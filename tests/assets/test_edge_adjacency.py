"""Inspect once: the inspection's sorted edge adjacency, handed to the winding repair, gives
the same repair as sorting again, and is refused where the faces changed in between."""
from __future__ import annotations

import numpy as np
import pytest
import trimesh

from vitrine.assets.geometry import winding
from vitrine.assets.geometry.mesh_repair import repair_mesh
from vitrine.assets.inspection import inspect_scan, inspect_scan_and_adjacency
from vitrine.assets.scan_model import Scan


def _damaged() -> trimesh.Trimesh:
    """Two spheres: one with 30 faces flipped and 3 holes, one turned inside out, plus a fin
    face on a sphere edge (a non-manifold edge)."""
    a = trimesh.creation.icosphere(subdivisions=3, radius=1.0)
    faces = np.delete(a.faces, [5, 200, 700], axis=0)
    faces[10:40] = faces[10:40, ::-1]
    b = trimesh.creation.icosphere(subdivisions=2, radius=0.5)
    verts = np.vstack([a.vertices, b.vertices + [3.0, 0.0, 0.0], [[0.0, 2.0, 0.0]]])
    fin = [[faces[100, 0], faces[100, 1], len(verts) - 1]]
    faces = np.vstack([faces, b.faces[:, ::-1] + len(a.vertices), fin])
    return trimesh.Trimesh(verts, faces, process=False)


def _scan(mesh: trimesh.Trimesh) -> Scan:
    return Scan(path="damaged.ply", format="ply", mesh=mesh)  # type: ignore[arg-type]


def test_shared_adjacency_repairs_exactly_as_sorting_again(monkeypatch) -> None:
    mesh = _damaged()
    report, adjacency = inspect_scan_and_adjacency(_scan(mesh))
    assert report == inspect_scan(_scan(mesh))
    topo = report["topology"]
    # three holes, and the fin's two free edges count as a fourth
    assert topo["non_manifold_edges"] == 1 and topo["holes"] == 4 and topo["boundary_edges"] > 0
    assert adjacency is not None and adjacency.n_faces == len(mesh.faces) and not adjacency.welded
    # The adjacency's groups are trimesh's unique edges and their face counts.
    edges = np.sort(mesh.edges, axis=1)
    _, trimesh_counts = np.unique(edges, axis=0, return_counts=True)
    assert sorted(adjacency.counts.tolist()) == sorted(trimesh_counts.tolist())
    expected, expected_report = repair_mesh(mesh, topology=topo)
    # With the adjacency handed over, the winding must not sort the edges again.
    monkeypatch.setattr(winding, "group_half_edges", lambda *a, **k: pytest.fail("grouped the edges again"))
    shared, shared_report = repair_mesh(mesh, topology=topo, adjacency=adjacency)
    assert shared_report == expected_report and shared_report["faces"] == len(mesh.faces)
    assert np.array_equal(shared.faces, expected.faces) and np.array_equal(shared.vertices, expected.vertices)
    flips, flip_report = winding.orientation_flips(mesh.vertices, mesh.faces, adjacency)
    assert flip_report["pieces_inverted"] == 1 and flip_report["faces_rewound"] == 30
    assert flips.sum() == 30 + len(trimesh.creation.icosphere(subdivisions=2).faces)


def test_adjacency_is_not_reused_for_changed_faces() -> None:
    mesh = _damaged()
    # A duplicate face: repair drops it, so the inspected adjacency no longer fits.
    doubled = trimesh.Trimesh(mesh.vertices, np.vstack([mesh.faces, mesh.faces[:1]]), process=False)
    report, adjacency = inspect_scan_and_adjacency(_scan(doubled))
    expected, expected_report = repair_mesh(doubled, topology=report["topology"])
    shared, shared_report = repair_mesh(doubled, topology=report["topology"], adjacency=adjacency)
    assert shared_report == expected_report and shared_report["duplicate_faces_removed"] == 1
    assert np.array_equal(shared.faces, expected.faces)
    with pytest.raises(ValueError, match=f"adjacency is of {len(doubled.faces)} faces, not {len(mesh.faces)}"):
        winding.orientation_flips(mesh.vertices, mesh.faces, adjacency)


def test_grouping_matches_a_plain_sort_with_repeated_edges_and_unused_vertices() -> None:
    """The counting-sort grouping equals grouping by a sorted (lo, hi) key: every repeat of an
    edge (duplicate and fin faces) stays its own half-edge, and unused vertex ids (empty rows)
    never merge two edges."""
    from vitrine.assets.geometry.edge_adjacency import group_half_edges
    rng = np.random.default_rng(7)
    faces = rng.integers(3, 40, size=(500, 3))  # ids 0-2 never used; many repeated edges
    faces = faces[(faces[:, 0] != faces[:, 1]) & (faces[:, 1] != faces[:, 2]) & (faces[:, 0] != faces[:, 2])]
    faces = np.vstack([faces, faces[:25]])  # exact duplicate faces
    m = len(faces)
    adjacency, edges = group_half_edges(tuple(np.ascontiguousarray(faces[:, i]) for i in range(3)), 45)
    pairs = np.concatenate([faces[:, [k, (k + 1) % 3]] for k in range(3)])  # corner-major half-edges
    lo_hi = np.sort(pairs, axis=1)
    uniq, counts = np.unique(lo_hi, axis=0, return_counts=True)
    assert np.array_equal(edges, uniq) and np.array_equal(adjacency.counts, counts)
    assert adjacency.counts.sum() == 3 * m and counts.max() > 2
    assert sorted(adjacency.order.tolist()) == list(range(3 * m))
    for start, count, edge in zip(adjacency.starts, adjacency.counts, edges):
        group = adjacency.order[start:start + count]
        assert (lo_hi[group] == edge).all()
