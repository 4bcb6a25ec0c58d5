"""Generated test objects: asymmetric (bumped, stretched) spheres, capsules and tori.

A perfect sphere or torus cannot be registered (every rotation fits it equally), and
no real scan is that symmetric, so every shape is stretched and gets low-frequency bumps.
"""
from __future__ import annotations

import numpy as np
import trimesh


def bumpy(kind: str, seed: int, detail: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """(positions (N, 3) float32 metres, faces (M, 3) int64) of a generated object ~0.3 m across.

    ``detail`` sets the resolution: icosphere subdivisions (4: 5k faces, 6: 82k faces)."""
    rng = np.random.default_rng(seed)
    if kind == "sphere":
        mesh = trimesh.creation.icosphere(subdivisions=detail)
    elif kind == "capsule":
        mesh = trimesh.creation.capsule(height=1.0, radius=0.5, count=[8 * 2 ** (detail - 2), 8 * 2 ** (detail - 2)])
    elif kind == "torus":
        mesh = trimesh.creation.torus(1.0, 0.35, major_sections=16 * 2 ** (detail - 2), minor_sections=8 * 2 ** (detail - 2))
    else:
        raise ValueError(kind)
    p = np.asarray(mesh.vertices, np.float64)
    p = p * np.array([1.0, 0.8, 0.6]) * rng.uniform(0.8, 1.2, 3)
    for _ in range(4):  # low-frequency bumps along the vertex normals
        direction = rng.normal(size=3)
        phase = rng.uniform(0, 2 * np.pi)
        p += 0.05 * np.sin(3.0 * p @ direction + phase)[:, None] * np.asarray(mesh.vertex_normals)
    p *= 0.3 / np.linalg.norm(p.max(axis=0) - p.min(axis=0))
    return p.astype(np.float32), np.asarray(mesh.faces, np.int64)
