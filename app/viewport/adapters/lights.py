"""Lights: not drawn as objects, but every lit surface reads them (uniforms of the mesh
programs). Their conversion to shader units is cached until a light or the exhibit changes."""
from __future__ import annotations

import math
from typing import Any, Optional

import numpy as np

from vitrine.exporters.document.visitor_rules import default_lights
from vitrine.scenes.exhibit_model import Exhibit

from .. import shaders
from ..gpu import Program
from ..math3d import hex_to_rgb, normalize
from .base import Adapter


def linear_rgb(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """sRGB → linear with gamma 2 (the shaders encode with sqrt, which is cheap on software GL)."""
    return tuple(c * c for c in rgb)  # type: ignore[return-value]


class LightAdapter(Adapter):
    """Light rows (type, position, direction, colour, cos of the cone, range) and ambient."""

    also_follows = (Exhibit,)

    def __init__(self, scene: Any) -> None:
        super().__init__(scene)
        self._cache: Optional[dict] = None

    def added(self, kind: str, obj: Any) -> None:
        self._cache = None

    def removed(self, kind: str, obj_id: str) -> None:
        self._cache = None

    def changed(self, kind: str, obj_id: str, path: tuple) -> None:
        self._cache = None

    def reset(self) -> None:
        self._cache = None

    def _lights(self, exhibit) -> dict:
        if self._cache is None:
            ambient = np.zeros(3)
            rows = []
            has_ambient = False
            # No lights: the defaults of exporters/viewer/visitor.json, which the web viewer uses too.
            for light in exhibit.lights or default_lights():
                col = np.array(linear_rgb(hex_to_rgb(light.color, (1, 1, 1)))) * float(light.intensity)
                if light.type == "ambient":
                    ambient += col
                    has_ambient = True
                    continue
                kind = {"directional": 1, "point": 2, "spot": 3}.get(light.type)
                if kind is None:
                    continue
                pos = np.asarray(light.position, float)
                direction = normalize(np.asarray(light.target, float) - pos)
                # three.js-style units (as the web export): irradiance / π for punctual lights
                rows.append((kind, pos, direction, col / math.pi, math.cos(light.angle), float(light.range)))
            if not has_ambient:
                ambient = np.array([0.3, 0.3, 0.3]) if not rows else np.array([0.15, 0.15, 0.15])
            self._cache = {"ambient": ambient / math.pi * 2.0, "rows": rows}
        return self._cache

    def rows(self, exhibit, camera) -> list:
        """The punctual lights of a frame (an exhibit without lights gets the shared defaults).
        The shaders take MAX_LIGHTS: with more (a spotlight per artifact), directional lights
        first, then the spots and points aimed nearest the camera's target, so what the curator
        looks at is lit as in the viewer (which has no such limit)."""
        rows = list(self._lights(exhibit)["rows"])
        if len(rows) <= shaders.MAX_LIGHTS:
            return rows
        target = np.asarray(getattr(camera, "target", (0.0, 0.0, 0.0)), float)

        def rank(row: tuple) -> tuple[int, float]:
            kind, pos, direction = row[0], row[1], row[2]
            aim = pos + direction * max(0.0, float((target - pos) @ direction))  # nearest point of its axis
            return (0 if kind == 1 else 1, float(np.linalg.norm(aim - target)))
        return sorted(rows, key=rank)[:shaders.MAX_LIGHTS]

    def set_uniforms(self, p: Program, exhibit, rows: list) -> None:
        lights = self._lights(exhibit)
        n = len(rows)
        pad = shaders.MAX_LIGHTS - n
        p.set_i("u_nlights", n)
        p.set_i_array("u_light_type", np.array([r[0] for r in rows] + [0] * pad))
        p.set_vec3_array("u_light_pos", np.array([r[1] for r in rows] + [(0, 0, 0)] * pad))
        p.set_vec3_array("u_light_dir", np.array([r[2] for r in rows] + [(0, -1, 0)] * pad))
        p.set_vec3_array("u_light_color", np.array([r[3] for r in rows] + [(0, 0, 0)] * pad))
        p.set_f_array("u_light_cos", np.array([r[4] for r in rows] + [0.0] * pad))
        p.set_f_array("u_light_range", np.array([r[5] for r in rows] + [0.0] * pad))
        p.set_f("u_ambient", *lights["ambient"])
        p.set_f("u_sky", 1.0, 1.0, 1.04)
        p.set_f("u_ground", 0.32, 0.3, 0.28)
