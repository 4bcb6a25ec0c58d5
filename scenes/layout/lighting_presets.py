"""Lighting presets: lights for the document (so the editor's preview and the viewer, which
both read the document's lights, match), sized to the exhibit's extent.

- ``gallery``: warm key light from the front right and above, a cooler fill from the left,
  a soft ambient: the usual museum look.
- ``raking``: one light grazing the exhibit from the left, about 12 degrees above horizontal,
  with little ambient: low relief, tool marks and inscriptions cast shadows and read clearly.
- ``spots``: a spotlight per artifact from above and in front, its cone just covering the
  object, on dim ambient: each object stands out.
Intensities are three.js units (directional: lux; spot: candela, so ``2.4 × distance²`` gives
about the key light's illuminance on the object); angles in radians.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from vitrine.scenes.exhibit_model import Light

PRESETS = ("gallery", "raking", "spots")
Box = tuple[np.ndarray, np.ndarray]


def _extent(boxes: Sequence[Box]) -> tuple[np.ndarray, float]:
    """Centre (3,) and radius (m, at least 0.5) of the boxes' union."""
    if not boxes:
        return np.array([0.0, 1.0, 0.0]), 1.0
    lo = np.min([b[0] for b in boxes], axis=0)
    hi = np.max([b[1] for b in boxes], axis=0)
    return (lo + hi) / 2, max(0.5, float(np.linalg.norm(hi - lo)) / 2)


def _v(a: np.ndarray) -> tuple[float, float, float]:
    return (float(a[0]), float(a[1]), float(a[2]))


def gallery(boxes: Sequence[Box]) -> list[Light]:
    c, r = _extent(boxes)
    return [
        Light(name="Ambient", type="ambient", color="#fff4e6", intensity=0.45),
        Light(name="Key light (warm)", type="directional", color="#ffe2b8", intensity=2.4,
              position=_v(c + np.array([1.2, 2.0, 1.6]) * r * 1.5), target=_v(c)),
        Light(name="Fill light", type="directional", color="#e4ebff", intensity=0.7,
              position=_v(c + np.array([-1.6, 0.8, 1.0]) * r * 1.5), target=_v(c)),
    ]


RAKING_ELEVATION = math.radians(12)


def raking(boxes: Sequence[Box]) -> list[Light]:
    c, r = _extent(boxes)
    d = 3.0 * r
    direction = np.array([-math.cos(RAKING_ELEVATION), math.sin(RAKING_ELEVATION), 0.25])
    return [
        Light(name="Ambient", type="ambient", color="#ffffff", intensity=0.15),
        Light(name="Raking light", type="directional", color="#fff1dc", intensity=3.0,
              position=_v(c + direction / np.linalg.norm(direction) * d), target=_v(c)),
        Light(name="Fill light", type="directional", color="#dfe6f0", intensity=0.25,
              position=_v(c + np.array([1.0, 1.0, 2.0]) * r), target=_v(c)),
    ]


def spots(boxes: Sequence[Box], artifact_boxes: Sequence[tuple[str, Box]]) -> list[Light]:
    """``artifact_boxes``: (name, world box) per artifact, each gets a spot."""
    out = [Light(name="Ambient", type="ambient", color="#ffffff", intensity=0.25)]
    for name, (lo, hi) in artifact_boxes:
        centre = (np.asarray(lo) + np.asarray(hi)) / 2
        radius = max(0.1, float(np.linalg.norm(np.asarray(hi) - np.asarray(lo))) / 2)
        position = centre + np.array([0.0, 1.6 + radius, 1.0 + radius])
        distance = float(np.linalg.norm(position - centre))
        angle = min(1.2, math.atan2(radius * 1.25, distance) + 0.05)
        out.append(Light(name=f"Spot: {name}".strip(), type="spot", color="#fff2e0",
                         intensity=round(2.4 * distance * distance, 3), position=_v(position), target=_v(centre),
                         angle=angle))
    return out
