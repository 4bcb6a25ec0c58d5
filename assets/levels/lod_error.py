"""How far each level of detail strays from the full mesh, for the import dialog's plot.

The error is an approximation, named as such wherever it is shown: the RMS distance from
(a sample of) the full mesh's vertices to the nearest *vertex* of the level (a scipy
cKDTree of the level's vertices).  Simplification here keeps vertices where they are, so
the distance from a level's vertices to the full mesh would always be 0; measuring the
other way, to vertices rather than to the level's surface, overstates the error on large
flat triangles but is cheap (a 2M-face scan in about a second) and falls as faces rise.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import trimesh
from scipy.spatial import cKDTree

from vitrine.assets.levels.level_of_detail import build_levels
from vitrine.assets.progress import CancelToken, report

__all__ = ["LevelError", "level_errors", "SAMPLE_VERTICES"]

SAMPLE_VERTICES = 50_000  # full-mesh vertices measured (a fixed random subset beyond)


@dataclass(frozen=True)
class LevelError:
    """One simplified level: its name, face count and RMS error in the scan's units."""

    name: str
    faces: int
    rms_error: float


def level_errors(mesh: trimesh.Trimesh, *, budgets: dict[str, int] | None = None,
                 cancel: CancelToken | None = None) -> list[LevelError]:
    """One LevelError per level that build_levels makes below the full mesh (the
    'original' level is the reference, error 0, and is left out), fewest faces first.

    ``mesh``: the scan as loaded, in its own units; errors are in those units.
    """
    levels = build_levels(mesh, budgets=budgets, cancel=cancel)
    full = np.asarray(mesh.vertices, np.float64)
    if len(full) > SAMPLE_VERTICES:
        full = full[np.random.default_rng(0).choice(len(full), SAMPLE_VERTICES, replace=False)]
    out = []
    for level in levels:
        report(None, 0.0, "Measuring level error", cancel)  # raises Cancelled when asked to stop
        if level.name == "original":
            continue
        # Only vertices that faces still use: meshoptimizer leaves unused ones in the buffer.
        used = np.flatnonzero(np.bincount(np.asarray(level.geometry.faces).ravel()))
        dist, _ = cKDTree(np.asarray(level.geometry.vertices, np.float64)[used]).query(full)
        out.append(LevelError(level.name, level.faces, float(np.sqrt(np.mean(dist ** 2)))))
    return sorted(out, key=lambda e: e.faces)
