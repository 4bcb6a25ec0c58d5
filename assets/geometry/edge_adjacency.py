"""The edge/face adjacency of a triangle mesh, grouped once and shared ("inspect once").

Inspection (:mod:`vitrine.assets.inspection`) needs each undirected edge and how many faces
use it; the winding repair (:mod:`.winding`) needs which half-edges pair up.  Both come
from one grouping of the half-edges by undirected edge, which at 4.3M faces (12.9M
half-edges) is the largest single cost of either; inspection computes it and the repair
reuses it when the faces have not changed in between.

The grouping is a counting sort, not a comparison sort: scipy's COO -> CSR conversion
buckets the half-edges by their lower vertex in linear time, and sorting each (short,
~6 half-edges) row by the higher vertex finishes the grouping.  On the 4.3M-face
benchmark scan that is 0.27 s of CPU where ``np.argsort`` of one int64 key (lo * n + hi)
plus the gather of the sorted keys cost 1.0 s.

Half-edge ``h`` is edge ``h // m`` of face ``h % m`` (``m`` faces), the edge running from
corner ``k`` to corner ``(k + 1) % 3`` (corner-major, the layout :func:`group_half_edges`
reads).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_array

__all__ = ["EdgeAdjacency", "group_half_edges"]


@dataclass(frozen=True)
class EdgeAdjacency:
    """Half-edges grouped by undirected edge.

    ``order`` (3m,) int32 or int64: half-edge ids grouped by undirected edge (equal edges
    adjacent, groups in ascending (lo, hi) order);
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


def _index_dtype(*sizes: int) -> type:
    return np.int32 if max(sizes) < np.iinfo(np.int32).max else np.int64


def group_half_edges(cols: tuple[np.ndarray, np.ndarray, np.ndarray], n_vertices: int, *,
                     welded: bool = False) -> tuple[EdgeAdjacency, np.ndarray]:
    """Group the half-edges of the faces whose corner columns are ``cols`` (three (m,) int
    arrays of vertex ids < ``n_vertices``).  Returns (the adjacency, the unique undirected
    edges (k, 2) as (lo, hi) rows, ascending)."""
    a, b, c = cols
    m = len(a)
    dtype = _index_dtype(3 * m, n_vertices)
    lo = np.empty(3 * m, dtype)
    hi = np.empty(3 * m, dtype)
    for k, (x, y) in enumerate(((a, b), (b, c), (c, a))):
        np.minimum(x, y, out=lo[k * m:(k + 1) * m], casting="unsafe")
        np.maximum(x, y, out=hi[k * m:(k + 1) * m], casting="unsafe")
    graph = coo_array((np.arange(3 * m, dtype=dtype), (lo, hi)), shape=(n_vertices, n_vertices))
    del lo, hi
    # Each repeated (lo, hi) is one more face on that edge: claiming canonical format
    # stops tocsr from summing the repeats into one entry.
    graph.has_canonical_format = True
    csr = graph.tocsr()
    del graph
    csr.sort_indices()
    indptr, his, order = csr.indptr, csr.indices, csr.data
    change = np.empty(len(his) + 1, bool)
    change[0] = change[-1] = True
    np.not_equal(his[1:], his[:-1], out=change[1:-1])
    change[indptr[1:-1]] = True  # a new lower vertex starts a new edge even when hi repeats
    bounds = np.flatnonzero(change)
    starts = bounds[:-1]
    counts = np.diff(bounds)
    rows = np.repeat(np.arange(n_vertices, dtype=dtype), np.diff(indptr))
    edges = np.column_stack([rows[starts], his[starts]])
    return EdgeAdjacency(order, starts, counts, m, welded), edges
