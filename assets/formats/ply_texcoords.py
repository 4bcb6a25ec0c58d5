"""PLY texture coordinates stored per face corner (``property list uchar float texcoord``).

MeshLab, and the photogrammetry tools that use it for export, write a textured mesh with
UVs per face corner ("wedge" texcoords: u0 v0 u1 v1 u2 v2 per triangle) rather than per
vertex, because a vertex on a UV seam has two UVs.  A mesh needs one UV per vertex, so
each distinct (vertex, u, v) corner becomes a vertex: seams split, the rest stays shared.
"""
from __future__ import annotations

import numpy as np

from vitrine.assets.formats.ply_reader import polygons_to_triangles

CORNER_UV_NAMES = ("texcoord", "texcoords", "texture_coordinates")


def corner_uvs(indices: np.ndarray | list, texcoords: np.ndarray | list) -> tuple[np.ndarray, np.ndarray] | None:
    """Per-corner vertex indices (c,) int64 and UVs (c, 2) float64 for each polygon's corners,
    in the order :func:`polygons_to_triangles` numbers them; None when the texcoord lists do
    not hold two numbers per corner (then the caller ignores them)."""
    if isinstance(indices, np.ndarray) and indices.ndim == 2 and isinstance(texcoords, np.ndarray) \
            and texcoords.ndim == 2:
        if texcoords.shape != (len(indices), 2 * indices.shape[1]):
            return None
        return indices.astype(np.int64).ravel(), texcoords.astype(np.float64).reshape(-1, 2)
    idx, uv = [], []
    if len(indices) != len(texcoords):
        return None
    for poly, tc in zip(indices, texcoords):
        poly, tc = np.asarray(poly, np.int64).ravel(), np.asarray(tc, np.float64).ravel()
        if len(tc) != 2 * len(poly):
            return None
        idx.append(poly)
        uv.append(tc.reshape(-1, 2))
    if not idx:
        return None
    return np.concatenate(idx), np.concatenate(uv)


def split_by_corner_uv(indices: np.ndarray | list, texcoords: np.ndarray | list
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Triangles over new vertices that each carry one UV.

    Returns ``(source, faces, uv)``: ``source`` (k,) the original vertex index of each new
    vertex (to carry positions, colours and normals over), ``faces`` (m, 3) int64 triangles
    (polygons fan-triangulated as elsewhere), ``uv`` (k, 2) float64; None when the
    texcoords do not match the polygons.
    """
    corners = corner_uvs(indices, texcoords)
    if corners is None:
        return None
    vertex, uv = corners
    if not np.isfinite(uv).all():
        return None
    keys = np.empty(len(vertex), [("v", np.int64), ("u", np.float64), ("w", np.float64)])
    keys["v"], keys["u"], keys["w"] = vertex, uv[:, 0], uv[:, 1]
    unique, inverse = np.unique(keys, return_inverse=True)
    # Re-number corners polygon by polygon with the same fan as the plain faces.
    if isinstance(indices, np.ndarray) and indices.ndim == 2:
        numbered: np.ndarray | list = inverse.reshape(indices.shape)
    else:
        numbered, start = [], 0
        for poly in indices:
            numbered.append(inverse[start:start + len(poly)])
            start += len(poly)
    faces = polygons_to_triangles(numbered)
    return unique["v"].copy(), faces, np.column_stack([unique["u"], unique["w"]])


__all__ = ["CORNER_UV_NAMES", "corner_uvs", "split_by_corner_uv"]
