"""Unit normals per unique position, shared by the mark's embedding and its detection.

Both sides must compute exactly the same normals from the same unmarked level, so
they live here once. Coincident vertices (UV seams, hard edges, STL-style soups) are
merged first: a mark moving two copies of one position along different normals
would crack the surface.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
from scipy.spatial import cKDTree

PCA_NEIGHBOURS = 12


def unique_positions(positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(unique positions (U, 3) float64, inverse (N,) int64 with unique[inverse] == positions).

    Exact equality of the given coordinates: copies written by a loader or an exporter
    for a seam are bit-identical, and anything else is a different point."""
    p = np.ascontiguousarray(positions, dtype=np.float64) + 0.0  # + 0.0 turns -0.0 into 0.0
    if len(p) == 0:
        return p.reshape(0, 3), np.zeros(0, np.int64)
    # sort a 64-bit hash of the coordinates' bits (5x faster than np.unique(axis=0)),
    # then check the grouping exactly and fall back to sorting whole rows on a collision
    bits = p.view(np.uint64)
    with np.errstate(over="ignore"):
        h = (bits[:, 0] * np.uint64(0x9E3779B97F4A7C15)) ^ (bits[:, 1] * np.uint64(0xC2B2AE3D27D4EB4F)) \
            ^ (bits[:, 2] * np.uint64(0x165667B19E3779F9))
    order = np.argsort(h, kind="stable")
    ordered = h[order]
    starts = np.empty(len(p), bool)
    starts[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    inverse = np.empty(len(p), np.int64)
    inverse[order] = np.cumsum(starts) - 1
    unique = p[order[starts]]
    if np.array_equal(unique[inverse], p):
        return unique, inverse
    keys = p.view(np.dtype((np.void, 24))).ravel()
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return p[first], inverse.reshape(-1).astype(np.int64)


def area_weighted_normals(positions: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """Unit vertex normals (U, 3) of a triangle mesh on merged ``positions`` (U, 3) metres,
    ``faces`` (M, 3) indices into them; each face counts with its area. Vertices touched by
    no face with area get a zero vector (they are not displaced)."""
    p = np.asarray(positions, dtype=np.float64)
    f = np.asarray(faces, dtype=np.int64).reshape(-1, 3)
    # one contiguous array per coordinate and corner: gathers from (n, 3) rows and np.cross
    # cost 3-4x more on a 500k-face level, and the export's time budget is tight
    x, y, z = (np.ascontiguousarray(p[:, axis]) for axis in range(3))
    i0, i1, i2 = (np.ascontiguousarray(f[:, corner]) for corner in range(3))
    ax, ay, az = x[i0], y[i0], z[i0]
    e1x, e1y, e1z = x[i1] - ax, y[i1] - ay, z[i1] - az
    e2x, e2y, e2z = x[i2] - ax, y[i2] - ay, z[i2] - az
    cross = (e1y * e2z - e1z * e2y, e1z * e2x - e1x * e2z, e1x * e2y - e1y * e2x)  # length = 2 x area
    corners = np.concatenate([i0, i1, i2])
    normals = np.empty_like(p)
    for axis in range(3):  # bincount is an order of magnitude faster than np.add.at
        normals[:, axis] = np.bincount(corners, weights=np.tile(cross[axis], 3), minlength=len(p))
    return _unit(normals)


def point_cloud_normals(positions: np.ndarray, k: int = PCA_NEIGHBOURS) -> np.ndarray:
    """Unit normals (U, 3) of a point cloud: the least-variance axis of each point's ``k``
    nearest neighbours, oriented away from the centroid so the sign is deterministic."""
    p = np.asarray(positions, dtype=np.float64)
    if len(p) < 3:
        return np.zeros_like(p)
    k = min(k, len(p))
    _, nn = cKDTree(p).query(p, k=k)
    local = p[nn] - p[nn].mean(axis=1, keepdims=True)
    cov = np.einsum("nki,nkj->nij", local, local)
    _, vectors = np.linalg.eigh(cov)
    normals = vectors[:, :, 0]
    outward = np.einsum("ni,ni->n", normals, p - p.mean(axis=0))
    normals[outward < 0] *= -1.0
    return _unit(normals)


def merged_normals(positions: np.ndarray, faces: Optional[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(unique positions (U, 3), unit normals (U, 3), inverse (N,)) for a mesh or, when
    ``faces`` is None or empty, a point cloud."""
    unique, inverse = unique_positions(positions)
    if faces is None or len(faces) == 0:
        return unique, point_cloud_normals(unique), inverse
    return unique, area_weighted_normals(unique, inverse[np.asarray(faces, dtype=np.int64)]), inverse


def _unit(v: np.ndarray) -> np.ndarray:
    length = np.linalg.norm(v, axis=1, keepdims=True)
    return np.where(length > 0, v / np.where(length > 0, length, 1.0), 0.0)
