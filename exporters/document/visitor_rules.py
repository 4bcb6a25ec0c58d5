"""The visitor rules shared by the web viewer and the editor's visitor preview.

The values live in ``exporters/viewer/visitor.json``, the one source of truth: esbuild bundles
that file into the viewer and Python reads it here (tour timing, the framing of an annotation
without a viewpoint, default lights, colours, the visitor-facing labels in en and zh-Hans).
The rules below that turn those values into camera poses are implemented once, here: the
exporter writes each annotation's resolved ``view`` into the viewer document and the preview
calls the same functions, so both fly to the same place. No Qt.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

import numpy as np

from vitrine.scenes.exhibit_model import Annotation, Light, Transform, TourStep, Viewpoint

RULES_FILE = Path(__file__).resolve().parents[1] / "viewer" / "visitor.json"
_RULES: dict[str, Any] = json.loads(RULES_FILE.read_text(encoding="utf-8"))

LABELS: dict[str, dict[str, str]] = _RULES["labels"]
COLORS: dict[str, str] = _RULES["colors"]
TAPE: dict[str, Any] = _RULES["tape"]
DEFAULT_STEP_S: float = float(_RULES["tour"]["default_step_seconds"])  # seconds
FLIGHT_S: float = float(_RULES["tour"]["flight_seconds"])  # seconds, a camera flight's base duration
FLIGHT_MIN_S: float = float(_RULES["tour"]["flight_min_seconds"])
FLIGHT_MAX_S: float = float(_RULES["tour"]["flight_max_seconds"])
FRAMING_DISTANCE: float = float(_RULES["framing"]["distance"])  # metres from the pin along its normal
FRAMING_FOV: float = float(_RULES["framing"]["fov"])  # radians, vertical
_UP = np.array([0.0, 1.0, 0.0])


def step_seconds(step: TourStep) -> float:
    """How long a tour step stays, in seconds: its duration, else the shared default."""
    return float(step.duration) if step.duration and step.duration > 0 else DEFAULT_STEP_S


def flight_seconds(travel_m: float) -> float:
    """How long a camera flight lasts, in seconds, for ``travel_m`` metres travelled by the eye
    plus the target (the viewer's CameraFlight rule): longer trips take a little longer."""
    return min(FLIGHT_MAX_S, max(FLIGHT_MIN_S, FLIGHT_S * min(1.5, 0.5 + travel_m / 3.0)))


def default_lights() -> list[Light]:
    """The lights of an exhibit that has none (the same in the viewer and the preview)."""
    out = []
    for n, spec in enumerate(_RULES["default_lights"]):
        kw = {k: spec[k] for k in ("type", "color", "intensity") if k in spec}
        for k in ("position", "target"):
            if k in spec:
                kw[k] = tuple(float(v) for v in spec[k])
        out.append(Light(id=f"default-light-{n}", name="", **kw))
    return out


# --- labels --------------------------------------------------------------------------------
def label_table(tag: str) -> Mapping[str, str]:
    """Best table for a BCP-47 tag, as the viewer's ``labelTable``: exact, Simplified
    Chinese for any zh tag that is not Traditional, same primary subtag, else English."""
    if tag in LABELS:
        return LABELS[tag]
    lower = (tag or "").lower()
    if lower.startswith("zh") and not re.search(r"hant|tw|hk|mo", lower):
        return LABELS["zh-Hans"]
    primary = lower.split("-")[0]
    for key, table in LABELS.items():
        if key.lower().split("-")[0] == primary and primary != "zh":
            return table
    return LABELS["en"]


def label(tag: str, key: str, **values: object) -> str:
    """The label ``key`` in the visitor language ``tag`` with ``{name}`` placeholders filled."""
    template = label_table(tag).get(key) or LABELS["en"].get(key, key)
    return re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0),
                  template)


# --- camera rules ----------------------------------------------------------------------------
def _rotate(q: Sequence[float], v: np.ndarray) -> np.ndarray:
    x, y, z, w = (float(c) for c in q)
    norm = (x * x + y * y + z * z + w * w) ** 0.5 or 1.0
    u = np.array([x, y, z]) / norm
    t = 2.0 * np.cross(u, v)
    return v + (w / norm) * t + np.cross(u, t)


def pin_world_point(transform: Transform, point: Any) -> np.ndarray:
    """A pin's model-local point (3,) in world space, metres: scale, then rotate by the
    (x, y, z, w) quaternion, then translate, as the viewer places the artifact."""
    p = np.asarray(point, dtype=float) * np.asarray(transform.scale, dtype=float)
    return _rotate(transform.rotation, p) + np.asarray(transform.translation, dtype=float)


def pin_local_point(transform: Transform, world: Any) -> np.ndarray:
    """The inverse of :func:`pin_world_point`: a world point (3,) in the artifact's own frame,
    metres before its scale (a zero scale component is left unscaled)."""
    x, y, z, w = (float(c) for c in transform.rotation)
    p = _rotate((-x, -y, -z, w), np.asarray(world, dtype=float) - np.asarray(transform.translation, dtype=float))
    scale = np.asarray(transform.scale, dtype=float)
    return p / np.where(scale == 0, 1.0, scale)


def format_length(metres: float) -> str:
    """A length as visitors read it (the viewer's measure_tape.js follows the same visitor.json rule)."""
    m = abs(float(metres))
    if m < TAPE["mm_below"]:
        return f"{m * 1000:.{TAPE['decimals']['mm']}f} mm"
    if m < TAPE["cm_below"]:
        return f"{m * 100:.{TAPE['decimals']['cm']}f} cm"
    return f"{m:.{TAPE['decimals']['m']}f} m"


def pin_world_normal(transform: Transform, normal: Any) -> np.ndarray:
    """A pin's model-local normal (3,) in world space, unit length (inverse-transpose of the
    placement: divide by the scale, then rotate); (0, 1, 0) for a zero normal."""
    scale = np.asarray(transform.scale, dtype=float)
    n = _rotate(transform.rotation, np.asarray(normal, dtype=float) / np.where(scale == 0, 1.0, scale))
    length = float(np.linalg.norm(n))
    return n / length if length > 1e-12 else _UP.copy()


def viewpoint_view(vp: Viewpoint) -> dict[str, Any]:
    """A viewpoint as the viewer document's view: eye/target/up (metres), fov (radians)."""
    return {"eye": [float(c) for c in vp.eye], "target": [float(c) for c in vp.target],
            "up": [float(c) for c in vp.up], "fov": float(vp.fov)}


def framing_view(transform: Transform, annotation: Annotation) -> dict[str, Any]:
    """The made-up view of an annotation without a viewpoint: FRAMING_DISTANCE metres out along
    its world normal, looking at the pin. A pin facing straight up or down is seen from a little
    towards +z, so the view keeps a horizon (a camera cannot look along its own up axis)."""
    point = pin_world_point(transform, annotation.point)
    normal = pin_world_normal(transform, annotation.normal)
    if abs(float(normal @ _UP)) > 0.95:
        normal = normal + np.array([0.0, 0.0, 0.5])
        normal /= np.linalg.norm(normal)
    eye = point + normal * FRAMING_DISTANCE
    return {"eye": [float(c) for c in eye], "target": [float(c) for c in point], "up": [0.0, 1.0, 0.0],
            "fov": FRAMING_FOV}


def annotation_view(annotation: Annotation, transform: Optional[Transform],
                    viewpoints: Mapping[str, Viewpoint]) -> Optional[dict[str, Any]]:
    """Where opening ``annotation`` flies: its viewpoint, else its framing (None when its
    artifact is unknown). ``transform`` is the artifact's placement."""
    vp = viewpoints.get(annotation.viewpoint_id or "")
    if vp is not None:
        return viewpoint_view(vp)
    return framing_view(transform, annotation) if transform is not None else None


def step_view(step: TourStep, annotation_views: Mapping[str, Optional[dict[str, Any]]],
              viewpoints: Mapping[str, Viewpoint]) -> Optional[dict[str, Any]]:
    """Where a tour step flies: its own viewpoint, else its annotation's view (visitors are
    taken to what the step talks about), else nowhere (None)."""
    vp = viewpoints.get(step.viewpoint_id or "")
    if vp is not None:
        return viewpoint_view(vp)
    return annotation_views.get(step.annotation_id or "")
