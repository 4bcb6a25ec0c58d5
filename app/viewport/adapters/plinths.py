"""Plinths: unit box and cylinder buffers scaled by each plinth's size (metres), their
picking and bounds (where objects stand on them: ``placement.support_height``)."""
from __future__ import annotations

from typing import Any, Optional

import numpy as np

from ..gpu import MeshBuffers, box_geometry, cylinder_geometry
from ..math3d import hex_to_rgb, normal_matrix, transform_matrix
from ..picking import PickResult, pick_plinth
from .base import Adapter, Frame
from .lights import linear_rgb


def plinth_model(plinth) -> np.ndarray:
    """(4, 4) matrix taking the unit shape to the plinth: its transform times its size."""
    m = transform_matrix(plinth.transform)
    return m @ np.diag([plinth.size[0], plinth.size[1], plinth.size[2], 1.0])


def plinth_sphere(plinth) -> tuple[np.ndarray, float]:
    """Bounding sphere (centre (3,) m, radius m) of a plinth."""
    m = transform_matrix(plinth.transform)
    c = (m @ np.array([0.0, plinth.size[1] / 2, 0.0, 1.0]))[:3]
    s = float(np.max(np.linalg.norm(m[:3, :3], axis=0)))
    return c, float(np.linalg.norm(plinth.size) / 2 * s)


class PlinthAdapter(Adapter):
    """Owns the unit box and cylinder; draws every plinth with the plain mesh program."""

    affects_bounds = True

    def __init__(self, scene: Any) -> None:
        super().__init__(scene)
        self._shapes: dict[str, MeshBuffers] = {}

    def initialize_gl(self) -> None:
        self._shapes = {"box": MeshBuffers(box_geometry()), "cylinder": MeshBuffers(cylinder_geometry())}

    def release_gl(self) -> None:
        for mb in self._shapes.values():
            mb.delete()
        self._shapes = {}

    def draw(self, frame: Frame) -> None:
        plinths = frame.exhibit.plinths if frame.exhibit is not None else []
        if not plinths:
            return
        p = frame.plain_surface_program(roughness=0.9)
        highlight = self.scene.selection.highlight
        for pl in plinths:
            model = plinth_model(pl)
            p.set_mat4("u_model", model)
            p.set_mat3("u_normal_mat", normal_matrix(model))
            p.set_f("u_base_color", *linear_rgb(hex_to_rgb(pl.color)), 1.0)
            p.set_f("u_highlight", *highlight(pl.id))
            self._shapes["cylinder" if pl.shape == "cylinder" else "box"].draw()

    def pick(self, exhibit, origin: np.ndarray, direction: np.ndarray) -> list[PickResult]:
        """Every plinth the world ray (origin, unit direction) hits."""
        hits = []
        for pl in exhibit.plinths:
            hit = pick_plinth(pl, origin, direction, transform_matrix(pl.transform))
            if hit is not None:
                hits.append(hit)
        return hits

    def spheres(self, exhibit) -> list[tuple[np.ndarray, float]]:
        return [plinth_sphere(p) for p in exhibit.plinths]

    def sphere_of(self, plinth) -> Optional[tuple[np.ndarray, float]]:
        return plinth_sphere(plinth)
