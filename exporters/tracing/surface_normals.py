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
    for a seam are bit-identical, and anything else is a different point. The order of
    the unique positions is unspecified (callers only use it through ``inverse``)."""
    unique, inverse = unique_or_identity(positions)
    return unique, np.arange(len(unique), dtype=np.int64) if inverse is None else inverse


def unique_or_identity(positions: np.ndarray) -> tuple[np.ndarray, Optional[np.ndarray]]:
    """As :func:`unique_positions`, but ``inverse`` is None when every position is distinct
    (then unique is the input as float64, in its order): callers skip the gathers."""
    p = np.array(positions, dtype=np.float64, order="C")  # a copy: the caller's array is never changed
    p += 0.0  # turns -0.0 into 0.0
    if len(p) == 0:
        return p.reshape(0, 3), None
    # a 64-bit hash of the coordinates' bits; distinct hashes mean distinct positions, so
    # a plain sort (SIMD, ~8 ms for 250k) proves most levels have no coincident vertices
    bits = p.view(np.uint64)
    with np.errstate(over="ignore"):
        h = (bits[:, 0] * np.uint64(0x9E3779B97F4A7C15)) ^ (bits[:, 1] * np.uint64(0xC2B2AE3D27D4EB4F)) \
            ^ (bits[:, 2] * np.uint64(0x165667B19E3779F9))
    ordered = np.sort(h)
    if not np.any(ordered[1:] == ordered[:-1]):
        return p, None
    order = np.argsort(h)  # not stable: only the grouping matters, and it is deterministic
    ordered = h[order]
    starts = np.empty(len(p), bool)
    starts[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
    inverse = np.empty(len(p), np.int64)
    inverse[order] = np.cumsum(starts) - 1
    unique = p[order[starts]]
    if np.array_equal(unique[inverse], p):
        return unique, inverse
    keys = p.view(np.dtype((np.void, 24))).ravel()  # a hash collision: group whole rows exactly
    _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    return p[first], inverse.reshape(-1).astype(np.int64)


def _corners(positions: np.ndarray, index: np.ndarray) -> np.ndarray:
    """Corner positions (3, M, 4) float32 (x, y, z, 0) of faces given as ``index`` (3, M).

    Gathering x, y and z separately from a random-order index costs three cache misses
    per corner (~30 ms for 500k faces); positions padded to 16 bytes and viewed as one
    complex128 per vertex cost one (~5 ms)."""
    padded = np.zeros((len(positions), 4), np.float32)
    padded[:, :3] = positions
    return padded.view(np.complex128).reshape(-1)[index].view(np.float32).reshape(3, -1, 4)


def area_weighted_normals(positions: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """Unit vertex normals (U, 3) of a triangle mesh on merged ``positions`` (U, 3) metres,
    ``faces`` (M, 3) indices into them; each face counts with its area. Vertices touched by
    no face with area get a zero vector (they are not displaced)."""
    return np.ascontiguousarray(normal_columns(positions, faces).T)


def normal_columns(positions: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """:func:`area_weighted_normals` as columns (3, U): x, y and z each contiguous.

    Edges and cross products in float32 (the positions are float32 when published; a
    normal needs ~1e-6, not 1e-15): half the memory traffic of float64, and the same
    numbers for the embedding and the detection, which both come here."""
    p = np.asarray(positions)
    index = np.ascontiguousarray(np.asarray(faces, dtype=np.int64).reshape(-1, 3).T)  # (3, M): one row per corner
    rows = _corners(p, index)
    a, b, c = rows[0], rows[1], rows[2]
    e1x, e1y, e1z = b[:, 0] - a[:, 0], b[:, 1] - a[:, 1], b[:, 2] - a[:, 2]
    e2x, e2y, e2z = c[:, 0] - a[:, 0], c[:, 1] - a[:, 1], c[:, 2] - a[:, 2]
    cross = (e1y * e2z - e1z * e2y, e1z * e2x - e1x * e2z, e1x * e2y - e1y * e2x)  # length = 2 x area
    normals = np.empty((3, len(p)))
    for axis in range(3):  # bincount per corner: an order of magnitude faster than np.add.at
        total = normals[axis]
        total[:] = np.bincount(index[0], weights=cross[axis], minlength=len(p))
        total += np.bincount(index[1], weights=cross[axis], minlength=len(p))
        total += np.bincount(index[2], weights=cross[axis], minlength=len(p))
    return unit_columns(normals)


def unit_columns(v: np.ndarray) -> np.ndarray:
    """Vectors given as columns (3, U) scaled to unit length; zero vectors stay zero."""
    length = np.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2])
    scale = np.divide(1.0, length, out=np.zeros_like(length), where=length > 0)
    return v * scale


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
    length = np.sqrt(np.einsum("ni,ni->n", v, v))[:, None]
    return np.where(length > 0, v / np.where(length > 0, length, 1.0), 0.0)
