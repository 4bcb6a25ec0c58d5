"""Repeated faces and identical vertices found by one 64-bit sort (assets/geometry/duplicates.py)."""
from __future__ import annotations

import numpy as np

from vitrine.assets.geometry import duplicates
from vitrine.assets.geometry.duplicates import duplicate_vertex_map, repeated_faces


def _sorted_corners(faces: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    s = np.sort(faces.astype(np.int64), axis=1)
    return s[:, 0], s[:, 1], s[:, 2]


def _reference(faces: np.ndarray) -> np.ndarray:
    """Brute force: a face repeats when an earlier face has the same corner set."""
    seen, out = set(), []
    for f in faces.tolist():
        k = tuple(sorted(f))
        out.append(k in seen)
        seen.add(k)
    return np.array(out)


def test_repeated_faces_marks_later_copies_in_any_corner_order():
    faces = np.array([[0, 1, 2], [2, 3, 4], [1, 2, 0], [4, 3, 2], [5, 6, 7], [0, 2, 1]])
    assert repeated_faces(*_sorted_corners(faces)).tolist() == [False, False, True, True, False, True]


def test_repeated_faces_beyond_the_packed_key_range_matches_brute_force():
    # Vertex ids above 2**21 take the hashed path (three ids no longer pack into an int64).
    rng = np.random.default_rng(3)
    faces = rng.integers(2_000_000, 2_000_000 + 40, (3000, 3)) * 997 % 9_000_000
    faces[::7] = faces[::7][:, ::-1]
    assert int(faces.max()) >= 2_097_152
    got = repeated_faces(*_sorted_corners(faces))
    assert got.any() and np.array_equal(got, _reference(faces))


def test_a_hash_collision_never_merges_different_rows(monkeypatch):
    # Every row hashes alike: only the exact comparison can tell them apart.
    monkeypatch.setattr(duplicates, "row_hash", lambda cols: np.zeros(len(cols[0]), np.uint64))
    faces = np.array([[3_000_000, 3_000_001, 3_000_002], [3_000_000, 3_000_001, 3_000_003],
                      [3_000_002, 3_000_001, 3_000_000]])
    assert repeated_faces(*_sorted_corners(faces)).tolist() == [False, False, True]
    rows = np.array([[1, 2], [1, 3], [1, 2], [4, 4]], np.uint32)
    assert duplicate_vertex_map(rows).tolist() == [0, 1, 0, 3]


def test_no_duplicates_gives_none_and_no_marks():
    rows = np.arange(20, dtype=np.uint32).reshape(10, 2)
    assert duplicate_vertex_map(rows) is None
    assert not repeated_faces(*_sorted_corners(np.arange(30).reshape(10, 3))).any()
