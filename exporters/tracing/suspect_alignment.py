"""Registering a suspect copy onto the museum's unmarked level (a similarity: uniform
scale, rotation, translation), precisely enough that the mark's 1e-4-of-the-diagonal
displacement stands out of the alignment error.

Candidates: identity, and the principal-axis frames (centroids matched, scale from the
RMS radii, every proper rotation taking the suspect's axes onto the reference's, axis
permutations included). Each is refined by a short trimmed point-to-plane ICP on a small
subsample; the best few continue on a larger subsample until the update is negligible.
Trimming (the worst 20 % of pairs ignored, but never pairs within 3 median residuals,
which would bias the pose toward the mark) lets a cropped or extended copy align. The
residual of a copy of another object stays ~1e-2 diagonals or infinite (no overlap),
against ~1e-4 (the mark, noise) for a copy of this level.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from .recipient_mark import ReferenceSurface

COARSE_POINTS = 1_000
COARSE_REFERENCE = 4_000
FINE_POINTS = 25_000
KEEP = 0.8              # fraction of pairs kept by the trimmed ICP
COARSE_STEPS = 12
FINE_STEPS = 40
MAX_SCALE_STEP = 0.01  # relative scale change per fine ICP step
REFINED = 3             # candidates refined on the fine subsample


@dataclass(frozen=True)
class Alignment:
    """``transform`` (4, 4) similarity taking suspect coordinates into the reference's
    frame (metres); ``residual_rms_fraction`` the trimmed RMS point-to-plane distance over the
    reference's diagonal; ``inlier_fraction`` the share of the fine subsample within 1e-3 diagonals of
    its nearest reference vertex's tangent plane."""

    transform: np.ndarray
    residual_rms_fraction: float
    inlier_fraction: float

    def apply(self, points: np.ndarray) -> np.ndarray:
        """``points`` (K, 3) mapped by the transform, float64."""
        p = np.asarray(points, dtype=np.float64)
        return p @ self.transform[:3, :3].T + self.transform[:3, 3]


def _similarity(scale: float, rotation: np.ndarray, translation: np.ndarray) -> np.ndarray:
    out = np.eye(4)
    out[:3, :3] = scale * rotation
    out[:3, 3] = translation
    return out


def _apply(transform: np.ndarray, points: np.ndarray) -> np.ndarray:
    return points @ transform[:3, :3].T + transform[:3, 3]


def _frame(points: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """(centroid (3,), principal axes as columns (3, 3), RMS radius)."""
    centroid = points.mean(axis=0)
    local = points - centroid
    _, vectors = np.linalg.eigh(local.T @ local)
    return centroid, vectors[:, ::-1], float(np.sqrt(np.mean(np.sum(local ** 2, axis=1))))


def _candidates(suspect: np.ndarray, reference: np.ndarray) -> list[np.ndarray]:
    out = [np.eye(4)]
    c_s, axes_s, r_s = _frame(suspect)
    c_r, axes_r, r_r = _frame(reference)
    if r_s <= 0:
        return out
    scale = r_r / r_s
    for perm in itertools.permutations(range(3)):
        for signs in itertools.product((1.0, -1.0), repeat=3):
            mapped = axes_s[:, perm] * np.array(signs)
            rotation = axes_r @ mapped.T
            if np.linalg.det(rotation) < 0:  # a mirror is not a pose
                continue
            out.append(_similarity(scale, rotation, c_r - scale * rotation @ c_s))
    return out


def _icp(transform: np.ndarray, points: np.ndarray, reference: ReferenceSurface, steps: int,
         with_scale: bool, reach: float) -> tuple[np.ndarray, float]:
    """Trimmed point-to-plane ICP from ``transform``; (transform, trimmed RMS in reference metres).

    Far from the answer a free scale collapses the copy to a point (every residual then
    shrinks to zero), so the coarse stage is rigid and the fine stage, started close, limits
    each scale step to MAX_SCALE_STEP."""
    rms = np.inf
    for _ in range(steps):
        q = _apply(transform, points)
        # the bound prunes the KD-tree search: a point far from every vertex costs 50x more
        dist, nn = reference.tree.query(q, distance_upper_bound=reach * reference.diagonal)
        found = np.isfinite(dist)
        if found.sum() < 0.5 * len(q):
            return transform, np.inf
        q, nn = q[found], nn[found]
        v, n = reference.positions[nn], reference.normals[nn]
        r = np.einsum("ni,ni->n", q - v, n)
        # Trim the worst (1 - KEEP) but never inside 3 median residuals: the mark makes the
        # residuals +-a everywhere, and trimming into that would bias the pose toward the mark.
        magnitude = np.abs(r)
        keep = magnitude <= max(np.quantile(magnitude, KEEP), 3.0 * np.median(magnitude))
        rms = float(np.sqrt(np.mean(r[keep] ** 2)))
        q, n, r = q[keep], n[keep], r[keep]
        centre = q.mean(axis=0)
        qc = q - centre
        # minimise sum (r + ds (qc.n) + w.(qc x n) + t.n)^2 over (ds, w, t), linearised about q
        a = np.column_stack([np.einsum("ni,ni->n", qc, n), np.cross(qc, n), n])
        a_norm = np.linalg.norm(a, axis=0)
        a_norm[a_norm == 0] = 1.0
        first = 0 if with_scale else 1  # columns scaled to unit length for conditioning
        x = np.zeros(7)
        x[first:], *_ = np.linalg.lstsq(a[:, first:] / a_norm[first:], -r, rcond=None)
        x[first:] /= a_norm[first:]
        ds, w, t = float(np.clip(x[0], -MAX_SCALE_STEP, MAX_SCALE_STEP)), x[1:4], x[4:7]
        update = _small_similarity(ds, w, t, centre)
        transform = update @ transform
        if max(abs(ds), np.abs(w).max()) < 1e-9 and np.abs(t).max() < 1e-9 * reference.diagonal:
            break
    return transform, rms


def _small_similarity(ds: float, w: np.ndarray, t: np.ndarray, centre: np.ndarray) -> np.ndarray:
    """The similarity q -> (1 + ds) R(w) (q - centre) + centre + t, with R(w) an exact rotation."""
    angle = float(np.linalg.norm(w))
    if angle > 0:
        k = w / angle
        kx = np.array([[0, -k[2], k[1]], [k[2], 0, -k[0]], [-k[1], k[0], 0]])
        rotation = np.eye(3) + np.sin(angle) * kx + (1 - np.cos(angle)) * kx @ kx
    else:
        rotation = np.eye(3)
    m = (1.0 + ds) * rotation
    return _similarity(1.0, m, centre + t - m @ centre)


def _subsample(points: np.ndarray, count: int, seed: int) -> np.ndarray:
    if len(points) <= count:
        return points
    return points[np.random.default_rng(seed).choice(len(points), count, replace=False)]


def align_suspect(suspect_points: np.ndarray, reference: ReferenceSurface) -> Alignment:
    """Best similarity taking ``suspect_points`` (K, 3) (any unit, any pose) onto ``reference``.

    Deterministic (fixed subsampling seeds). The caller compares ``residual_rms_fraction``
    against the mark's amplitude to decide whether the suspect is this artifact at all."""
    points = np.asarray(suspect_points, dtype=np.float64).reshape(-1, 3)
    points = points[np.all(np.isfinite(points), axis=1)]
    if len(points) < 3:
        raise ValueError("the suspect has fewer than 3 points")
    coarse = _subsample(points, COARSE_POINTS, 1)
    # the coarse stage searches a small sample of the reference: a KD-tree query from a
    # point far off the surface costs ~50x one near it, and most candidates start far off
    pick = np.random.default_rng(2).permutation(len(reference.positions))[:COARSE_REFERENCE]
    small = ReferenceSurface(reference.positions[pick], reference.normals[pick], reference.lo,
                             reference.diagonal, cKDTree(reference.positions[pick]))
    ranked = []
    for start in _candidates(points, small.positions):
        transform, rms = _icp(start, coarse, small, COARSE_STEPS, with_scale=False, reach=0.3)
        ranked.append((rms, transform))
    ranked.sort(key=lambda item: item[0])
    fine = _subsample(points, FINE_POINTS, 3)
    best = None
    # only candidates nearly as good as the best: a wrong pose costs seconds on the fine sample
    for coarse_rms, start in [item for item in ranked[:REFINED] if item[0] <= 2.0 * ranked[0][0]]:
        transform, rms = _icp(start, fine, reference, FINE_STEPS, with_scale=True, reach=0.02)
        if best is None or rms < best[0]:
            best = (rms, transform)
    rms, transform = best
    q = _apply(transform, fine)
    _, nn = reference.tree.query(q)
    r = np.einsum("ni,ni->n", q - reference.positions[nn], reference.normals[nn])
    inliers = float(np.mean(np.abs(r) <= 1e-3 * reference.diagonal))
    diagonal = reference.diagonal if reference.diagonal > 0 else 1.0
    return Alignment(transform, rms / diagonal, inliers)
