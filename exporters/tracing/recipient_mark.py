"""The recipient's mark: a keyed displacement along the surface, and its informed detection.

Pattern. The unmarked level's bounding box (corner ``lo``, diagonal ``diag``, metres)
is cut into cubic cells of side ``h = diag / GRID_CELLS``, shifted by a keyed offset
in [0, 1)^3 cells (HMAC of the key and the artifact id). Each cell ``c`` gets a sign
``s_c`` in {-1, +1} from HMAC-SHA256(key, export id | artifact id | cell index), so
without the key the signs can be neither read nor forged, and the patterns of two
exports are independent.

Embedding moves every unique position along its unit normal by ``A * s_c * w(p)``,
where the taper ``w`` is 1 inside the cell and falls smoothly (smoothstep) to 0 over
the outer ``TAPER`` of the cell on each axis: a plain step of 2A between cells would tilt
the small triangles that straddle a border by up to 20 degrees (a visible seam), the
taper keeps the slope near 1 degree. ``A`` is chosen so that the RMS displacement over
the level's vertices is ``AMPLITUDE`` x diagonal (0.0098 %; limit 0.01 %), and at most
``MAX_AMPLITUDE`` (0.049 %; limit 0.05 %).

Detection is informed: the museum holds the unmarked level (the reference). For each
aligned suspect point ``q_i`` the residual ``r_i = (q_i - v_i) . n_i`` against its
nearest reference vertex ``v_i`` is summed per cell of ``v_i`` into ``S_c``; then
``T = sum s_c S_c`` and ``z = T / sqrt(sum S_c^2)``. If the suspect was not marked
with this key, export and artifact, the signs are fair coins independent of ``S``,
and Hoeffding's inequality bounds ``P(z >= t) <= exp(-t^2 / 2)``: that bound is the
false-match probability reported (per candidate; a caller testing ``n`` candidates
multiplies by ``n``). ``z`` can reach at most sqrt(cells used).
"""
from __future__ import annotations

import hashlib
import hmac
import math
import struct
from dataclasses import dataclass
from typing import Optional

import numpy as np
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from scipy.spatial import cKDTree

from .surface_normals import merged_normals, normal_columns, point_cloud_normals, unique_or_identity

GRID_CELLS = 24          # cells along the diagonal: ~1,000-3,000 surface cells on a scan
AMPLITUDE = 0.98e-4      # RMS displacement / diagonal; float32 rounding stays under 1e-4
MAX_AMPLITUDE = 4.9e-4   # largest displacement / diagonal
TAPER = 0.2              # share of a cell's side, at each border, over which the mark fades
GATE_CELLS = 2.0         # suspect points farther than this many cells from the reference are dropped
RESIDUAL_CLIP = 5e-4     # |r_i| / diag above this is clipped: a misfit point must not outweigh a cell
_INFO = b"vitrine recipient mark v1"


def mark_key(secret: bytes) -> bytes:
    """The 32-byte mark key: HKDF-SHA256 of the museum's ``secret`` (no salt)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(bytes(secret))


@dataclass(frozen=True)
class MarkStats:
    """Displacement the mark made, as fractions of the level's bounding-box diagonal."""

    rms_fraction: float
    max_fraction: float
    diagonal: float  # metres


@dataclass(frozen=True)
class MarkScore:
    """Detection result for one candidate: ``z`` (standard units), the Hoeffding bound
    ``false_match_probability = min(1, exp(-z^2/2))`` for this one candidate, and how many
    cells and suspect points the statistic used."""

    z: float
    false_match_probability: float
    cells_used: int
    points_used: int


@dataclass(frozen=True)
class CellSums:
    """A suspect's residuals summed per cell of one artifact's grid (reusable for every
    export id of that artifact): ``cells`` (C, 3) int64 indices, ``sums`` (C,) metres."""

    cells: np.ndarray
    sums: np.ndarray
    points_used: int


@dataclass
class ReferenceSurface:
    """The unmarked level: unique positions (U, 3) float64 metres, unit normals (U, 3),
    its frame (``lo`` (3,) metres, ``diagonal`` metres) and a KD-tree over the positions.
    Build once with ``from_mesh`` and test any number of candidates against it."""

    positions: np.ndarray
    normals: np.ndarray
    lo: np.ndarray
    diagonal: float
    tree: cKDTree

    @classmethod
    def from_mesh(cls, positions: np.ndarray, faces: Optional[np.ndarray]) -> "ReferenceSurface":
        """``positions`` (N, 3) metres, ``faces`` (M, 3) int or None for a point cloud."""
        p = np.asarray(positions, dtype=np.float64)
        if p.ndim != 2 or p.shape[1] != 3 or len(p) == 0:
            raise ValueError("the reference needs positions of shape (N, 3), N > 0")
        unique, normals, _ = merged_normals(p, faces)
        keep = np.any(normals != 0, axis=1)  # unreferenced or degenerate: no normal, no residual
        lo = p.min(axis=0)
        diagonal = float(np.linalg.norm(p.max(axis=0) - lo))
        return cls(unique[keep], normals[keep], lo, diagonal, cKDTree(unique[keep]))

    @property
    def cell_size(self) -> float:
        return self.diagonal / GRID_CELLS


def _grid_offset(key: bytes, artifact_id: str) -> np.ndarray:
    digest = hmac.new(key, b"grid\x00" + _field(artifact_id), hashlib.sha256).digest()
    return np.array(struct.unpack("<3I", digest[:12]), dtype=np.float64) / 2.0 ** 32


def _field(text: str) -> bytes:
    raw = text.encode("utf-8")
    return struct.pack("<I", len(raw)) + raw  # length-prefixed: ("ab","c") != ("a","bc")


def _cells(points: np.ndarray, lo: np.ndarray, diagonal: float, offset: np.ndarray) -> np.ndarray:
    return np.floor(_grid_coordinates(points, lo, diagonal, offset)).astype(np.int64)


def _grid_coordinates(points: np.ndarray, lo: np.ndarray, diagonal: float, offset: np.ndarray) -> np.ndarray:
    return (points - lo) * (GRID_CELLS / diagonal if diagonal > 0 else 0.0) + offset


def cell_signs(cells: np.ndarray, *, key: bytes, export_id: str, artifact_id: str) -> np.ndarray:
    """Signs (C,) float64 in {-1, +1} of the cells ``cells`` (C, 3) int64 for one export."""
    prefix = hmac.new(key, b"cell\x00" + _field(export_id) + _field(artifact_id), hashlib.sha256)
    out = np.empty(len(cells), np.float64)
    for i, row in enumerate(np.asarray(cells, dtype=np.int64).tolist()):
        mac = prefix.copy()
        mac.update(struct.pack("<3q", *row))
        out[i] = 1.0 if mac.digest()[0] & 1 else -1.0
    return out


def _group_cells(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(unique cells (C, 3), inverse (K,)) of ``cells`` (K, 3) int64."""
    return _group_cell_columns(np.ascontiguousarray(np.asarray(cells, dtype=np.int64).T))


def _group_cell_columns(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(unique cells (C, 3), inverse (K,)) of cells given as columns (3, K): cells of points
    inside the gate lie within a few cells of the grid, so one dense integer id per cell
    replaces a slow np.unique(axis=0)."""
    if cells.shape[1] == 0:
        return np.zeros((0, 3), np.int64), np.zeros(0, np.int64)
    low = cells.min(axis=1)
    span = tuple(int(v) for v in cells.max(axis=1) - low + 1)
    flat = np.ravel_multi_index(tuple(cells[axis] - low[axis] for axis in range(3)), span)
    present = np.bincount(flat, minlength=int(np.prod(span))) > 0
    ids = np.flatnonzero(present)
    lookup = np.cumsum(present) - 1
    unique = np.stack(np.unravel_index(ids, span), axis=1) + low
    return unique.astype(np.int64), lookup[flat]


@dataclass(frozen=True)
class MarkBasis:
    """Everything of the mark that does not depend on the export id, for one level, key and
    artifact, held as columns (x, y, z each contiguous, so every step is one SIMD pass):
    unique positions ``columns`` (3, U) float64 metres, the displacement (3, U) metres before
    the sign (normal x taper x amplitude), the cells (C, 3) and each unique position's cell
    (U,), ``inverse`` (N,) from the level's vertices to unique positions or None when all N
    are distinct, the vertex count N and the diagonal (metres). A caller exporting one level
    to many recipients builds it once (``for_level``)."""

    columns: np.ndarray
    displacement: np.ndarray
    cells: np.ndarray
    cell_of: np.ndarray
    inverse: Optional[np.ndarray]
    count: int
    diagonal: float

    @classmethod
    def for_level(cls, positions: np.ndarray, faces: Optional[np.ndarray], *, key: bytes,
                  artifact_id: str) -> "MarkBasis":
        """``positions`` (N, 3) float32/float64 metres, ``faces`` (M, 3) int or None (point cloud).

        Same numbers as ReferenceSurface and suspect_cells compute (same normals, same
        float64 grid arithmetic), in columns rather than rows: ~4x faster."""
        p = np.asarray(positions)
        if p.ndim != 2 or p.shape[1] != 3 or len(p) == 0:
            raise ValueError("positions must have shape (N, 3), N > 0")
        unique, inverse = unique_or_identity(p)
        if faces is None or len(faces) == 0:
            normals = np.ascontiguousarray(point_cloud_normals(unique).T)
        else:
            f = np.asarray(faces, dtype=np.int64)
            normals = normal_columns(unique, f if inverse is None else inverse[f])
        columns = np.ascontiguousarray(unique.T)
        lo = columns.min(axis=1)
        diagonal = float(np.linalg.norm(columns.max(axis=1) - lo))
        scale = GRID_CELLS / diagonal if diagonal > 0 else 0.0
        grid = (columns - lo[:, None]) * scale + _grid_offset(key, artifact_id)[:, None]  # = _grid_coordinates
        floor = np.floor(grid)
        cells, cell_of = _group_cell_columns(floor.astype(np.int64))
        grid -= floor  # the fraction of the cell, per axis
        t = np.minimum(grid, 1.0 - grid)
        t *= 1.0 / TAPER
        np.clip(t, 0.0, 1.0, out=t)
        smooth = t * t * (3.0 - 2.0 * t)
        weight = smooth[0] * smooth[1] * smooth[2]  # 1 in the core, C1-smooth to 0 at the faces
        weight *= (normals[0] != 0) | (normals[1] != 0) | (normals[2] != 0)
        vertex_weight = weight if inverse is None else weight[inverse]
        rms = float(np.sqrt(np.mean(vertex_weight ** 2)))  # over the level's vertices, as the limit is stated
        amplitude = min(AMPLITUDE / rms, MAX_AMPLITUDE) * diagonal if rms > 0 else 0.0
        weight *= amplitude
        return cls(columns, normals * weight, cells, cell_of, inverse, len(p), diagonal)


def embed_mark(positions: np.ndarray, faces: Optional[np.ndarray], *, key: bytes, export_id: str,
               artifact_id: str, return_stats: bool = False, basis: Optional[MarkBasis] = None):
    """Marked copy (N, 3) float32 of ``positions`` (N, 3) float32/float64 metres.

    ``faces`` (M, 3) int indices, or None for a point cloud (normals by PCA of the 12
    nearest neighbours). Coincident vertices move together. Deterministic; the input is
    not modified. With ``return_stats=True`` returns ``(marked, MarkStats)``. ``basis``,
    if given, must be ``MarkBasis.for_level`` of these positions, faces, key and artifact:
    it saves ~90 % of the time when one level is exported to several recipients."""
    p = np.asarray(positions)
    if p.ndim != 2 or p.shape[1] != 3:
        raise ValueError("positions must have shape (N, 3)")
    if len(p) == 0:
        empty = np.zeros((0, 3), np.float32)
        return (empty, MarkStats(0.0, 0.0, 0.0)) if return_stats else empty
    if basis is None:
        basis = MarkBasis.for_level(p, faces, key=key, artifact_id=artifact_id)
    if basis.count != len(p):
        raise ValueError("the mark basis belongs to another level")
    signs = cell_signs(basis.cells, key=key, export_id=export_id, artifact_id=artifact_id)[basis.cell_of]
    moved = basis.displacement * signs
    moved += basis.columns
    marked = np.empty((len(p), 3), np.float32)
    marked.T[...] = moved if basis.inverse is None else moved[:, basis.inverse]
    if not return_stats:
        return marked
    shift = np.linalg.norm(marked.astype(np.float64) - p.astype(np.float64), axis=1)
    scale = basis.diagonal if basis.diagonal > 0 else 1.0
    stats = MarkStats(float(np.sqrt(np.mean(shift ** 2)) / scale), float(shift.max() / scale), basis.diagonal)
    return marked, stats


def suspect_cells(aligned_points: np.ndarray, reference: ReferenceSurface, *, key: bytes,
                  artifact_id: str) -> CellSums:
    """Residuals of ``aligned_points`` (K, 3) metres, in the reference's frame, summed per cell.

    Points farther than ``GATE_CELLS`` cells from every reference vertex are dropped;
    residuals are clipped to ``RESIDUAL_CLIP`` x diagonal (clipping depends on the data
    only, never on the signs, so the false-match bound still holds)."""
    q = np.asarray(aligned_points, dtype=np.float64).reshape(-1, 3)
    if len(q) == 0:
        return CellSums(np.zeros((0, 3), np.int64), np.zeros(0), 0)
    dist, nn = reference.tree.query(q, distance_upper_bound=GATE_CELLS * reference.cell_size)
    ok = np.isfinite(dist)
    q, nn = q[ok], nn[ok]
    v = reference.positions[nn]
    r = np.einsum("ni,ni->n", q - v, reference.normals[nn])
    limit = RESIDUAL_CLIP * reference.diagonal
    r = np.clip(r, -limit, limit)
    cells = _cells(v, reference.lo, reference.diagonal, _grid_offset(key, artifact_id))
    if len(cells) == 0:
        return CellSums(np.zeros((0, 3), np.int64), np.zeros(0), 0)
    unique, inverse = _group_cells(cells)
    sums = np.bincount(inverse, weights=r, minlength=len(unique))
    return CellSums(unique, sums, int(len(q)))


def score_cells(sums: CellSums, *, key: bytes, export_id: str, artifact_id: str) -> MarkScore:
    """The statistic for one candidate export from a suspect's ``CellSums``."""
    used = sums.sums != 0
    cells, s = sums.cells[used], sums.sums[used]
    if len(s) == 0:
        return MarkScore(0.0, 1.0, 0, sums.points_used)
    signs = cell_signs(cells, key=key, export_id=export_id, artifact_id=artifact_id)
    z = float(np.dot(signs, s) / math.sqrt(float(np.dot(s, s))))
    probability = 1.0 if z <= 0 else min(1.0, math.exp(-z * z / 2.0))
    return MarkScore(z, probability, int(len(s)), sums.points_used)


def mark_statistic(aligned_points: np.ndarray, reference: ReferenceSurface, *, key: bytes, export_id: str,
                   artifact_id: str) -> MarkScore:
    """``z`` and the false-match bound of ``aligned_points`` (K, 3) metres (already in the
    reference's frame, see suspect_alignment.align_suspect) for one export. To test many
    exports of one artifact, call ``suspect_cells`` once and ``score_cells`` per export."""
    sums = suspect_cells(aligned_points, reference, key=key, artifact_id=artifact_id)
    return score_cells(sums, key=key, export_id=export_id, artifact_id=artifact_id)
