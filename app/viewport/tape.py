"""The editor's measuring tape: two points picked on artifact surfaces, their distance in the
visitor's units (exporters/visitor_rules.format_length, the viewer's rule), and the
measurement a curator saves in an annotation or a tour step. No Qt, no GL.

Points are kept in world metres as picked; a saved measurement is stored in the frame of the
artifact the first point is on, so it moves with that artifact.
"""
from __future__ import annotations

from typing import Callable, Optional

import numpy as np

from vitrine.exporters.document.visitor_rules import format_length, pin_local_point
from vitrine.scenes.exhibit_model import Measurement, Transform


class Tape:
    """Up to two picked points: ``[(artifact id, world point (3,) in metres), …]``."""

    def __init__(self) -> None:
        self.points: list[tuple[str, np.ndarray]] = []

    def add(self, artifact_id: str, world: tuple[float, float, float]) -> Optional[float]:
        """Add a point (a third starts a new measurement); the distance in metres once there are two."""
        if len(self.points) == 2:
            self.points = []
        self.points.append((artifact_id, np.asarray(world, dtype=float)))
        return self.metres()

    def clear(self) -> None:
        self.points = []

    def metres(self) -> Optional[float]:
        if len(self.points) < 2:
            return None
        return float(np.linalg.norm(self.points[1][1] - self.points[0][1]))

    def text(self) -> str:
        """'25.0 cm' once measured, '' before."""
        m = self.metres()
        return format_length(m) if m is not None else ""

    def measurement(self, transform_of: Callable[[str], Optional[Transform]]) -> Optional[Measurement]:
        """What to save: both points in the first point's artifact frame (None before two
        points, or when that artifact is gone)."""
        if len(self.points) < 2:
            return None
        artifact_id = self.points[0][0]
        transform = transform_of(artifact_id)
        if transform is None:
            return None
        a, b = (tuple(float(v) for v in pin_local_point(transform, p)) for _, p in self.points)
        return Measurement(artifact_id=artifact_id, a=a, b=b)
