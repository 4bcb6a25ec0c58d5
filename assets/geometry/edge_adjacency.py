"""The edge/face adjacency of a triangle mesh, sorted once and shared ("inspect once").

Inspection (:mod:`vitrine.assets.inspection`) needs each undirected edge and how many faces
use it; the winding repair (:mod:`.winding`) needs which half-edges pair up.  Both come
from one argsort of the half-edge keys, which at 4.3M faces (12.9M half-edges) is the
largest single cost of either; inspection computes it and the repair reuses it when the
faces have not changed in between.

Half-edge ``h`` is edge ``h // m`` of face ``h % m`` (``m`` faces), the edge running from
corner ``k`` to corner ``(k + 1) % 3`` — the layout :func:`half_edge_keys` writes.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["EdgeAdjacency", "half_edge_keys", "sort_half_edges"]


@dataclass(frozen=True)
class EdgeAdjacency:
    """Half-edges grouped by undirected edge.

    ``order`` (3m,) int64: half-edge ids sorted by undirected edge (equal edges adjacent);
    ``starts`` (k,) int64: where each of the k unique edges begins in ``order``;
    ``counts`` (k,) int64: how many half-edges (faces) share each edge;
    ``n_faces``: m; ``welded``: True when the faces were joined across UV seams first
    (then it describes the welded faces, not the mesh's own).
    """

    order: np.ndarray
    starts: np.ndarray
    counts: np.ndarray
    n_faces: int
    welded: bool = False

    def matches(self, faces: np.ndarray, *, welded: bool) -> bool:
        """Whether this adjacency can stand for ``faces`` (m, 3) welded (or not) the same way.
        The caller vouches that the faces are those it was computed from (unchanged)."""
        return self.n_faces == len(faces) and self.welded == welded


def half_edge_keys(cols: tuple[np.ndarray, np.ndarray, np.ndarray], n_vertices: int) -> np.ndarray:
    """Undirected edge keys (3m,) int64, ``lo * n_vertices + hi``, of the faces' corner
    columns ``cols`` (three (m,) int arrays), corner-major: face f's k-th edge at k * m + f.
    Written straight into one buffer (no (3m, 2) fancy-indexed copy)."""
    a, b, c = cols
    m = len(a)
    key = np.empty(3 * m, np.int64)
    for k, (x, y) in enumerate(((a, b), (b, c), (c, a))):
        out = key[k * m:(k + 1) * m]
        np.minimum(x, y, out=out)
        out *= n_vertices
        out += np.maximum(x, y)
    return key


def sort_half_edges(key: np.ndarray, n_faces: int, *, welded: bool = False) -> tuple[EdgeAdjacency, np.ndarray]:
    """Group the half-edges of ``key`` (3m,) int64 (from :func:`half_edge_keys`); returns
    (the adjacency, the sorted unique keys (k,) int64)."""
    # Unstable (introsort) is ~25 % cheaper; users treat each group as a set.
    order = np.argsort(key)
    s = key[order]
    change = np.empty(len(s) + 1, bool)
    change[0] = change[-1] = True
    np.not_equal(s[1:], s[:-1], out=change[1:-1])
    bounds = np.flatnonzero(change)
    starts = bounds[:-1]
    counts = np.diff(bounds)
    return EdgeAdjacency(order, starts, counts, n_faces, welded), s[starts]
